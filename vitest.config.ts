import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the site once (and once under a sub-path) for every test that reads built pages.
    globalSetup: ['tests/support/global-setup.ts'],
    // Builds and browsers are slow next to unit tests, and the machine has two cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
