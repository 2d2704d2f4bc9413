// The floor of `npm run bench`: a Node process that only loads cdktf and writes one file.
// Nothing a synth does can be faster than this on the same machine; every other figure is reported as a
// multiple of it. Plain CommonJS on purpose: no TypeScript loader, no source maps.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const cdktf = require("cdktf");

const out = path.join(process.env.BENCH_TMP ?? os.tmpdir(), `bench-floor-${process.pid}.json`);
fs.writeFileSync(out, JSON.stringify({ loaded: typeof cdktf.App === "function" }));
fs.rmSync(out, { force: true });
