import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/report/**/*.test.ts', 'test/security/*.test.ts'],
    environment: 'node',
    // Builds the CLI once for the whole run (the CLI tests start it as a child process).
    globalSetup: ['test/cli/build-cli.global-setup.ts'],
    testTimeout: 60_000,
  },
});
