// Bundles the CLI and its worker thread into dist/cli (run by `prepare`, so `npx sg-audit` works after install).
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions } from './esbuild-node.mjs';

const common = { ...nodeBundleOptions, sourcemap: true };

// Several test files build at once (vitest runs files in parallel) while others run the CLI: each
// file is written under a temporary name and renamed over the old one, so a reader sees the old
// bundle or the new one, never a half-written or missing file.
// Splitting: pdfmake (most of the bundle) becomes a chunk loaded on the first PDF, not at every start.
const result = await build({
  ...common,
  entryPoints: { 'sg-audit': 'src/cli/main.ts', 'audit-worker': 'src/node/audit-worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  write: false,
});
const written = new Set();
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
  written.add(file.path);
}
// Chunks carry content hashes: remove the ones this build did not write, so stale ones do not pile up.
const chunks = resolve('dist/cli/chunks');
for (const name of readdirSync(chunks)) {
  const path = join(chunks, name);
  if (!written.has(path) && !name.endsWith('.tmp')) rmSync(path, { force: true });
}
