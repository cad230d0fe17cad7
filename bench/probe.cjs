// Preloaded into the process the benchmark measures (`node --require bench/probe.cjs bin/chartlint.js …`): when that
// process exits, it writes its own resource usage — CPU time and peak resident memory of the whole process, worker
// threads included — to the file named by $CHARTLINT_BENCH_PROBE. The measured program runs unchanged.
// CommonJS, like bin/chartlint.js: an ES module preload would make Node start its ES module loader, which the
// measured program does not need.
const { writeFileSync } = require('node:fs');

const target = process.env.CHARTLINT_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }),
    );
  });
}
