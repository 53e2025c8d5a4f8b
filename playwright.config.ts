/**
 * End-to-end tests of the web renderer in Debian's Chromium (never `playwright install`): the
 * built app in out/web is served by a loopback-only static server the tests start themselves.
 */
import { defineConfig } from '@playwright/test';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Any host name but loopback fails to resolve: the app must work without a network.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e-artifacts',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    // A click or navigation that cannot happen fails within 90 s, naming its locator, instead
    // of waiting out the test's whole budget (applies to the contexts the harness launches too).
    actionTimeout: 90_000,
    navigationTimeout: 90_000,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
