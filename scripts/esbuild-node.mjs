// The esbuild options every Node bundle of this project shares (the CLI and the bench probes).
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Prefer ES module builds: some dependencies' UMD entries use dynamic require() that cannot be bundled.
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);" },
};
