import { defineConfig } from 'vitest/config';

/** Tests of pure modules and scripts: no site build, a few seconds (`npm run test:unit`). */
const UNIT_TESTS = [
  'tests/{config,strings,authoring,essay,sources,site,search,offline,publishing,docs}/**/*.test.ts',
  'tests/scripts/**/*.test.ts',
];

export default defineConfig({
  test: {
    // Builds and browsers are slow next to unit tests, and the machine has two cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: 'site',
          // Built HTML, bad input, browsers and accessibility audits.
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts', 'tests/a11y/**/*.test.ts'],
          // Builds the site once (and once under a sub-path, and the component fixtures) for every test that reads built pages.
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
