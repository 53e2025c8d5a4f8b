// `npm run bench`: prints figures (never pass/fail). Generates large exports under .bench/ once,
// then measures the full CLI scan against a bare read + JSON.parse of the same files.
/* global performance */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBenchExport } from './bench-export.mjs';
import { nodeBundleOptions } from './esbuild-node.mjs';

const root = '.bench';
const sizes = [
  { groups: 2000, rulesPerGroup: 50, instances: 10000 },
  { groups: 5000, rulesPerGroup: 100, instances: 20000 },
];

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

// Both measurements run in a fresh node process; maxRSS covers the worker threads too.
const bareParse = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const t0 = performance.now();
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]);
let items = 0;
for (const file of walk(process.argv[1])) { if (file.endsWith('.json')) { const v = JSON.parse(readFileSync(file, 'utf8')); items += v ? 1 : 0; } }
process.stderr.write(JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS }) + '\\n');
`;

function measure(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - started;
  const stats = run.stderr.split('\n').filter((line) => line.startsWith('{"ms"')).pop();
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  return { wallMs, maxRssKb: stats ? JSON.parse(stats).maxRssKb : NaN };
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
console.log('SG Audit benchmark — figures, not pass/fail\n');
for (const size of sizes) {
  const dir = ensureBenchExport(root, size);
  const label = `${size.groups} groups × ${size.rulesPerGroup} rules, ${size.instances} instances (${mb(folderBytes(dir))} MB)`;
  const bare = measure(['-e', bareParse, dir]);
  const scan = measure(['--import', './scripts/bench-rss.mjs', 'dist/cli/sg-audit.mjs', 'scan', dir, '--format', 'json', '--out', '/dev/null', '--quiet']);
  console.log(label);
  console.log(`  bare read + JSON.parse : ${(bare.wallMs / 1000).toFixed(2)} s, peak ${mb(bare.maxRssKb * 1024)} MB`);
  console.log(`  full CLI scan (json)   : ${(scan.wallMs / 1000).toFixed(2)} s, peak ${mb(scan.maxRssKb * 1024)} MB`);
  console.log(`  ratio scan / bare parse: ${(scan.wallMs / bare.wallMs).toFixed(2)}×\n`);
}

// Report figures (test/report/bench-report.ts, bundled here): CSV of 100,000 findings, the demo
// as PDF (in the worker's code path, cold and warm, and through the CLI), a PDF of 5,000 findings.
{
  const { build } = await import('esbuild');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(root, { recursive: true });
  await build({
    entryPoints: { 'bench-report': 'test/report/bench-report.ts' },
    outdir: root,
    outExtension: { '.js': '.mjs' },
    ...nodeBundleOptions,
  });
  const demoJson = join(root, 'demo.json');
  const cli = (args) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['dist/cli/sg-audit.mjs', ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sg-audit ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    return performance.now() - started;
  };
  cli(['scan', 'test/fixtures/alibaba-demo', '--format', 'json', '--out', demoJson, '--quiet', '--generated-at', '2026-01-01T00:00:00Z']);
  const figures = (mode) => {
    const run = spawnSync(process.execPath, [join(root, 'bench-report.mjs'), mode, demoJson], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`bench-report ${mode} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
    return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  };
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
  console.log('Reports (CPU time in brackets: on a busy machine the steadier figure)');
  const [csv, csvFile, findingsHash] = figures('csv');
  console.log(`  CSV, 100,000 findings, to a file (CLI --out: streamed and hashed): ${seconds(csvFile.ms)} [cpu ${seconds(csvFile.cpuMs)}], ${mb(csvFile.bytes)} MB (target < 1 s)`);
  console.log(`  CSV, 100,000 findings, in memory (app download): ${seconds(csv.ms)} [cpu ${seconds(csv.cpuMs)}], ${mb(csv.bytes)} MB (allocating and filling ${mb(csv.bytes)} MB alone: ${seconds(csv.fillBaselineMs)})`);
  console.log(`  findings hash of those 100,000 findings (canonical JSON, SHA-256; in every report): ${seconds(findingsHash.ms)} [cpu ${seconds(findingsHash.cpuMs)}]`);
  for (const pdf of figures('pdf-demo')) {
    console.log(`  PDF of the demo, ${pdf.run.padEnd(4)}      : ${seconds(pdf.ms)} [cpu ${seconds(pdf.cpuMs)}], ${pdf.pages} pages, ${kb(pdf.bytes)} (target < 2 s)`);
  }
  const pdfOut = join(root, 'demo-report.pdf');
  const cliMs = cli(['scan', 'test/fixtures/alibaba-demo', '--format', 'pdf', '--out', pdfOut, '--quiet', '--generated-at', '2026-01-01T00:00:00Z']);
  console.log(`  PDF of the demo via the CLI: ${seconds(cliMs)} end to end (process start, import, checks, PDF, provenance), ${kb(statSync(pdfOut).size)}`);
  const [large] = figures('pdf-5000');
  console.log(`  PDF, 5,000 findings        : ${seconds(large.ms)} [cpu ${seconds(large.cpuMs)}], ${large.pages} pages, ${mb(large.bytes)} MB (target < 20 s)`);
}

// Parser figures behind streamParseAboveBytes (src/shared/import/limits.ts).
await import('./bench-parse.mjs');
