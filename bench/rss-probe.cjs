// Loaded into every Node process of a measured command through NODE_OPTIONS=--require (npm, the tsx CLI,
// the synth process, tsc, jest and its workers). At exit it appends the process's own peak resident set
// size (getrusage ru_maxrss, kilobytes on every platform Node supports) to BENCH_RSS_FILE, one JSON line.
// Pure Node: no /usr/bin/time, no /proc polling that could miss the last milliseconds of a process.
"use strict";
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      const line = JSON.stringify({ pid: process.pid, maxRssKb: process.resourceUsage().maxRSS, argv: process.argv.slice(1, 3) });
      require("fs").appendFileSync(file, `${line}\n`);
    } catch {
      // Never change the outcome of the measured command.
    }
  });
}
