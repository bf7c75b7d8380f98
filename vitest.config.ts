import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Stress tests start dozens of processes; two cores cannot run them beside everything else.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
