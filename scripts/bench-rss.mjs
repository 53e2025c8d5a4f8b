// Loaded with `node --import` by the benchmark: reports the process's peak memory when it exits.
/* global performance */
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ ms: performance.now(), maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
