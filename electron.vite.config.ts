/**
 * The Electron build: main (with the audit worker as a second entry), a sandboxed preload, and the
 * Vue renderer. `electron-vite build` only bundles, so it runs without the Electron binary.
 *
 * Output:
 *   out/main/index.js          main process (ESM: package.json has "type": "module")
 *   out/main/audit-worker.js   worker thread entry, started by main as new URL('./audit-worker.js', import.meta.url)
 *   out/preload/index.cjs      preload, one CommonJS file (sandboxed preloads cannot load ES modules or chunks)
 *   out/renderer/index.html    renderer, served by main on app://sg-audit/
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import webRendererConfig from './vite.web.config';

const root = import.meta.dirname;
// SG_ELECTRON_OUT lets parallel work build (and scan, test/security/built) its own copy; default out/.
const outRoot = process.env['SG_ELECTRON_OUT'] ?? resolve(root, 'out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outRoot, 'main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          'audit-worker': resolve(root, 'src/node/audit-worker.ts'),
        },
        output: {
          // Stable names: main finds the worker by file name.
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(outRoot, 'preload'),
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          // A sandboxed preload cannot require() its own chunks: everything in one file.
          inlineDynamicImports: true,
        },
      },
    },
  },
  // The same renderer as the web build (root src/renderer, Vue, defines, worker format, no inlined
  // assets under the CSP), only written to out/renderer for main's app:// handler.
  renderer: {
    ...webRendererConfig,
    build: {
      ...webRendererConfig.build,
      outDir: resolve(outRoot, 'renderer'),
      emptyOutDir: true,
      rollupOptions: {
        ...webRendererConfig.build?.rollupOptions,
        input: resolve(root, 'src/renderer/index.html'),
      },
    },
  },
});
