import { defineConfig } from 'vitest/config'

// The container stack test alone (`npm run test:stack`): one file, steps in order, generous bounds (the
// first build of the images takes minutes). Not part of `npm test`, which needs no docker.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['stack.test.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 45 * 60_000,
    fileParallelism: false,
  },
})
