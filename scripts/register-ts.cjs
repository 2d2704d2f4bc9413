// The synth runner (`npm run synth` and cdktf.json "app"):
//
//   node --require ./scripts/register-ts.cjs main.ts
//
// rather than `tsx main.ts`. Same esbuild transpilation (tsx's own CommonJS hook), minus four costs
// measured in docs/performance.md:
//   1. the tsx CLI starts a second Node process (the CLI, then the real one with its loaders);
//   2. tsx's ESM loader runs in a worker thread that every require() synchronously waits on;
//   3. tsx turns Node's source maps on, so every stack trace cdktf captures for a token (it captures one
//      per token, with no frame limit) is mapped frame by frame, and every inline source map in
//      node_modules/cdktf is parsed at load time.
// TS_SOURCE_MAPS=1 keeps source-mapped stack traces when debugging a synth error.
"use strict";
require("tsx/cjs/api").register();
if (process.env.TS_SOURCE_MAPS !== "1") process.setSourceMapsEnabled(false);

// 4. cdktf captures a stack trace per token (`creationStack`, printed only when a token fails to resolve):
//    still ~0.4 s of a 6-stack synth with source maps off. Skipped unless CDKTF_CREATION_STACKS=1
//    (the same switch as test/setup-fast-stacks.ts).
if (process.env.CDKTF_CREATION_STACKS !== "1") require("cdktf/lib/tokens/private/stack-trace").captureStackTrace = () => [];
