// Where a synth spends its time, without touching main.ts:
//
//   NODE_OPTIONS="--require ./bench/phase-probe.cjs" npm run synth
//   node --require ./bench/phase-probe.cjs --require ./scripts/register-ts.cjs main.ts
//
// Prints one line to stderr at exit (of the process that ran main.ts) with milliseconds for:
//   boot       process start -> probe loaded (Node itself, and the tsx CLI's own process when used)
//   loader     probe loaded -> main.ts starts (TypeScript loader registration)
//   imports    main.ts's top-level imports (transpile + load of cdktf, providers, constructs, policy)
//   construct  end of imports -> app.synth() (validation + building every construct)
//   synth      app.synth() (aspects, token resolution, validation, JSON writing)
//   after      app.synth() returns -> exit (the policy pass and its report)
//   traces     total time inside cdktf's captureStackTrace (part of construct and synth)
"use strict";
const Module = require("module");
const { performance } = require("perf_hooks");

const t = { probe: performance.now(), mainStart: 0, importsEnd: 0, synthStart: 0, synthEnd: 0, imports: 0, traces: 0 };
let mainFile;
let inMainImport = 0;
const origLoad = Module._load;
Module._load = function (request, parent) {
  if (mainFile === undefined && parent && /[\\/]main\.ts$/.test(parent.filename ?? "")) {
    mainFile = parent.filename;
    t.mainStart = performance.now();
  }
  const top = parent && parent.filename === mainFile && inMainImport === 0;
  const s = top ? performance.now() : 0;
  if (top) inMainImport++;
  try {
    const m = origLoad.apply(this, arguments);
    if (request === "cdktf" && m && m.App && !m.App.prototype.__phaseProbe) wrapCdktf(m);
    return m;
  } finally {
    if (top) {
      inMainImport--;
      const now = performance.now();
      t.imports += now - s;
      t.importsEnd = now;
    }
  }
};

function wrapCdktf(cdktf) {
  const proto = cdktf.App.prototype;
  Object.defineProperty(proto, "__phaseProbe", { value: true });
  const synth = proto.synth;
  proto.synth = function () {
    t.synthStart = performance.now();
    try {
      return synth.apply(this, arguments);
    } finally {
      t.synthEnd = performance.now();
    }
  };
  try {
    const st = require("cdktf/lib/tokens/private/stack-trace");
    const capture = st.captureStackTrace;
    st.captureStackTrace = function () {
      const s = performance.now();
      try {
        return capture.apply(this, arguments);
      } finally {
        t.traces += performance.now() - s;
      }
    };
  } catch {
    // cdktf moved the module: no trace figure.
  }
}

process.on("exit", () => {
  if (!mainFile || !t.synthStart) return;
  const end = performance.now();
  const ms = (n) => Math.round(n);
  const phases = {
    boot: ms(t.probe),
    loader: ms(t.mainStart - t.probe),
    imports: ms(t.imports),
    construct: ms(t.synthStart - t.importsEnd),
    synth: ms(t.synthEnd - t.synthStart),
    after: ms(end - t.synthEnd),
    total: ms(end),
    traces: ms(t.traces),
    sourceMaps: Boolean(process.sourceMapsEnabled),
  };
  process.stderr.write(`phases ${JSON.stringify(phases)}\n`);
});
