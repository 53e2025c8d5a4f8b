// Bundles the CLI and its worker thread into dist/cli (run by `prepare`, so `npx sg-audit` works after install).
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

await build({ ...common, entryPoints: { 'sg-audit': 'src/cli/main.ts', 'audit-worker': 'src/node/audit-worker.ts' }, outdir: 'dist/cli', outExtension: { '.js': '.mjs' } });
