import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/report/**/*.test.ts', 'test/security/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
