// Figures for the choice of parser (src/shared/import/limits.ts, streamParseAboveBytes): the
// 83 MiB export of 300,000 groups (scripts/make-bad-fixtures.mjs) read by readJsonDocument as
// decode + JSON.parse and as a stream, each in a fresh process, three times. Printed, never
// asserted. Run alone (node scripts/bench-parse.mjs) or as part of npm run bench.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions } from './esbuild-node.mjs';
import { makeBadFixtures } from './make-bad-fixtures.mjs';

const root = '.bench';
const runs = 3;

// Reads the file, parses it one way, and reports time, peak RSS and the heap the tree keeps.
const probe = `
import { readFileSync } from 'node:fs';
import { readJsonDocument } from './src/shared/import/read-json.ts';
import { defaultImportLimits } from './src/shared/import/limits.ts';
const [mode, file] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
globalThis.gc();
const heapBefore = process.memoryUsage().heapUsed;
const limits = { ...defaultImportLimits, streamParseAboveBytes: mode === 'stream' ? 0 : Infinity };
const started = performance.now();
const cpuStarted = process.cpuUsage();
const document = readJsonDocument(bytes, limits);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
if (!document.ok) throw new Error(document.detail);
globalThis.gc();
const treeBytes = process.memoryUsage().heapUsed - heapBefore;
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, treeBytes, items: document.value.length }));
`;

mkdirSync(root, { recursive: true });
const file = makeBadFixtures(join(root, 'bad-fixtures'), ['large-300k-groups.json'])['large-300k-groups.json'];
await build({
  stdin: { contents: probe, resolveDir: process.cwd(), loader: 'ts' },
  outfile: join(root, 'bench-parse-probe.mjs'),
  ...nodeBundleOptions,
});

function measure(mode) {
  const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench-parse-probe.mjs'), mode, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
console.log(`\nParsing one ${mb(statSync(file).size)} file of 300,000 groups (readJsonDocument, median of ${runs} runs, fresh process each)`);
for (const mode of ['whole', 'stream']) {
  const results = Array.from({ length: runs }, () => measure(mode));
  const label = mode === 'whole' ? 'decode + JSON.parse + limits walk' : '@streamparser/json + limits     ';
  console.log(
    `  ${label}: ${(median(results.map((r) => r.ms)) / 1000).toFixed(2)} s [cpu ${(median(results.map((r) => r.cpuMs)) / 1000).toFixed(2)} s], ` +
      `peak RSS ${mb(median(results.map((r) => r.maxRssKb * 1024)))}, tree kept ${mb(median(results.map((r) => r.treeBytes)))}`,
  );
}
