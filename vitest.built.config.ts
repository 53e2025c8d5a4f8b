/**
 * Tests of the built app, run by scripts/test.sh after `npm run build:web` and `npm run build`
 * (the unit suite runs before any build): the CSP of both built index.html files, and
 * Electronegativity on the bundles. `npx vitest run -c vitest.built.config.ts`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/security/built/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
  },
});
