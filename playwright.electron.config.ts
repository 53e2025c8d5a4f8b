/**
 * Electron end-to-end tests: Playwright drives the built app (out/) through `_electron.launch`.
 * Run `npm run build` first, then `npm run test:electron`. On Linux without a display, run under
 * `xvfb-run -a`. Where the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) the
 * tests skip themselves with a message saying so.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  // One app at a time: each test launches its own Electron process.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: process.env['CI'] !== undefined,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/electron-e2e.json' }]],
  outputDir: 'test-results/electron',
});
