// Proposed synth runner (measured by `npm run bench` as "synth-all (proposed runner)"):
//
//   node --require ./bench/register-ts.cjs main.ts
//
// instead of `tsx main.ts`. Same esbuild transpilation (tsx's own CommonJS hook), minus three costs
// measured in docs/performance.md:
//   1. the tsx CLI starts a second Node process (the CLI, then the real one with its loaders);
//   2. tsx's ESM loader runs in a worker thread that every require() synchronously waits on;
//   3. tsx turns Node's source maps on, so every stack trace cdktf captures for a token (it captures one
//      per token, with no frame limit) is mapped frame by frame, and every inline source map in
//      node_modules/cdktf is parsed at load time.
// TS_SOURCE_MAPS=1 keeps source-mapped stack traces when debugging a synth error.
// The integrator moves this file (e.g. to scripts/) and points package.json "synth" and cdktf.json "app" at it.
"use strict";
require("tsx/cjs/api").register();
if (process.env.TS_SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);
