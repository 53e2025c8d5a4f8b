/** `npm run bench` (UI part): figures from the real web app in Debian's Chromium, never pass/fail on time. */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'test/bench-ui',
  testMatch: '**/*.bench.ts',
  timeout: 900_000,
  reporter: [['list']],
});
