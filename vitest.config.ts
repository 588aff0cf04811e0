import { defineConfig } from 'vitest/config'

// One project per workspace; a single embedded PostgreSQL serves the whole run (see vitest.setup.ts),
// with a fresh database per test file.
export default defineConfig({
  test: {
    globalSetup: ['./vitest.setup.ts'],
    projects: [
      ...['db', 'engine', 'lab', 'functions', 'worker', 'cli'].map((name) => ({
        extends: true,
        test: {
          name,
          root: `./${name}`,
          include: ['src/**/*.test.ts'],
        },
      })),
      // The AWS deployment: the topology sst.config.ts declares, and the Lambda bundles it deploys.
      { extends: true, test: { name: 'infra', root: './infra', include: ['**/*.test.ts'] } },
      // The k6 scripts and the local runner that runs them here.
      { extends: true, test: { name: 'load-tests', root: './load-tests', include: ['**/*.test.ts'] } },
      // The repository's own rules (.ci/): the dependency rules hold and bite.
      { extends: true, test: { name: 'repo', root: './.ci', include: ['*.test.ts'] } },
      // The UI: unit tests of its helpers, the client's freshness, and the browser tests (e2e/, Chromium).
      {
        extends: true,
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'e2e/**/*.test.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: a few files at a time keeps PostgreSQL and the tests from starving each other.
    maxWorkers: 2,
  },
})
