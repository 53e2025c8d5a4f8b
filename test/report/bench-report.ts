/**
 * In-process figures for `npm run bench` (bundled by scripts/bench.mjs): CSV of many findings,
 * PDF of the demo and of a synthetic audit with many findings. Prints one JSON line per figure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePdfRenderer } from '../../src/node/pdf-engine';
import { findingsCsvBytes, writeFindingsCsv } from '../../src/shared/report/findings-csv';
import { openReportFileSink } from '../../src/node/report-file-sink';
import { buildReportModel, findingsSha256 } from '../../src/shared/report/report-model';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { syntheticScanDocument } from './synthetic-document';

/** Wall time and CPU time (user + system) since `since`, in ms: on a busy machine CPU time is the steadier figure. */
function elapsed(since: { wall: number; cpu: NodeJS.CpuUsage }): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage(since.cpu);
  return { ms: Math.round(performance.now() - since.wall), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

function start(): { wall: number; cpu: NodeJS.CpuUsage } {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

function countPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type \/Page\b/g) ?? []).length;
}

async function main(): Promise<void> {
  const [mode = 'all', demoJson = '', writeTo = ''] = process.argv.slice(2);
  const say = (figure: Record<string, unknown>): void => {
    process.stdout.write(`${JSON.stringify(figure)}\n`);
  };
  if (mode === 'csv' || mode === 'all') {
    const document = syntheticScanDocument({ findings: 100_000 });
    const started = start();
    const csv = findingsCsvBytes(document, 'bench');
    const figure = elapsed(started);
    // What merely allocating and filling a buffer of that size costs on this machine.
    const baseline = start();
    new Uint8Array(csv.byteLength).fill(1);
    say({ figure: 'csv', findings: 100_000, ...figure, bytes: csv.byteLength, fillBaselineMs: elapsed(baseline).ms });
    // The CLI's path for --out: streamed through one reused buffer to the file, hashed as it goes.
    const folder = mkdtempSync(join(tmpdir(), 'sg-bench-csv-'));
    const streamed = start();
    const sink = openReportFileSink(join(folder, 'findings.csv'));
    writeFindingsCsv(document, 'bench', (chunk) => sink.write(chunk));
    const written = await sink.close();
    say({ figure: 'csv-file', findings: 100_000, ...elapsed(streamed), bytes: written.byteLength });
    // Every report also carries the SHA-256 of its findings data (canonical JSON).
    const hashing = start();
    await findingsSha256(document);
    say({ figure: 'findings-hash', findings: 100_000, ...elapsed(hashing) });
    rmSync(folder, { recursive: true, force: true });
  }
  const render = createNodePdfRenderer(`${process.cwd()}/resources/fonts`);
  if ((mode === 'pdf-demo' || mode === 'all') && demoJson !== '') {
    const document = JSON.parse(readFileSync(demoJson, 'utf8')) as ScanDocument;
    for (const run of ['cold', 'warm']) {
      const started = start();
      const model = await buildReportModel(document, { client: 'Bench', engagement: 'Bench', auditor: 'Bench' });
      const pdf = await render(model, 'en');
      say({ figure: 'pdf-demo', run, ...elapsed(started), bytes: pdf.byteLength, pages: countPages(pdf) });
    }
  }
  if (mode === 'pdf-5000' || mode === 'all') {
    const document = syntheticScanDocument({ findings: 5000 });
    const started = start();
    const model = await buildReportModel(document, { client: 'Bench', engagement: 'Bench', auditor: 'Bench' });
    const pdf = await render(model, 'en');
    say({ figure: 'pdf-5000', findings: 5000, ...elapsed(started), bytes: pdf.byteLength, pages: countPages(pdf) });
    if (writeTo !== '') writeFileSync(writeTo, pdf);
  }
}

await main();
