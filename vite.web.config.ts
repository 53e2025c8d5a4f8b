/**
 * The renderer as a plain web app (also what Playwright tests): served from any static origin,
 * works offline, every asset relative.
 */
import vue from '@vitejs/plugin-vue';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The PDF report's fonts, copied from npm into resources/fonts by scripts/copy-fonts.mjs (not committed). */
const reportFontFiles = ['NotoSansSC-Regular.ttf', 'NotoSansSC-Bold.ttf', 'OFL.txt'] as const;

function reportFontPath(file: string): string {
  const path = fileURLToPath(new URL(`./resources/fonts/${file}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`node scripts/copy-fonts.mjs\` (npm run fonts) first`);
  return path;
}

/**
 * Serves resources/fonts under `fonts/` of the app (dev server) and writes them to `fonts/` of the
 * build, where the audit worker fetches them for PDF reports (src/renderer/hosts/audit.worker.ts).
 */
function reportFonts(): Plugin {
  return {
    name: 'sg-audit-report-fonts',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = reportFontFiles.find((name) => request.url?.split('?')[0] === `/fonts/${name}`);
        if (file === undefined) return next();
        response.setHeader('Content-Type', file.endsWith('.ttf') ? 'font/ttf' : 'text/plain; charset=utf-8');
        response.end(readFileSync(reportFontPath(file)));
      });
    },
    generateBundle() {
      for (const file of reportFontFiles) {
        this.emitFile({ type: 'asset', fileName: `fonts/${file}`, source: readFileSync(reportFontPath(file)) });
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [vue(), reportFonts()],
  worker: { format: 'es' },
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    // SG_WEB_OUT lets parallel work build and test its own copy of the web host.
    outDir: process.env.SG_WEB_OUT ?? fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No data: URLs for scripts or workers: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
