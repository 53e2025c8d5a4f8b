// Bundles the CLI and its worker thread into dist/cli (run by `prepare`, so `npx sg-audit` works after install).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Prefer ES module builds: some dependencies' UMD entries use dynamic require() that cannot be bundled.
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);" },
};

// Chunks carry content hashes: start clean so that stale ones do not pile up.
rmSync('dist/cli', { recursive: true, force: true });
// Splitting: pdfmake (most of the bundle) becomes a chunk loaded on the first PDF, not at every start.
await build({
  ...common,
  entryPoints: { 'sg-audit': 'src/cli/main.ts', 'audit-worker': 'src/node/audit-worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
