import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The recipes' own test files, which test/recipes.test.ts runs with their runners in a project of their own.
    exclude: [...configDefaults.exclude, 'test/recipes/**'],
    // The default report, then every skipped test under its reason.
    reporters: ['default', './test/harness/skip-reporter.ts'],
    globalSetup: ['test/setup/test-run.ts'],
    setupFiles: ['test/setup/post-steps.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file at a time: the files share one network namespace, and a file that binds hundreds of
    // ports (port 0, TIME_WAIT batches) could take the very ports another file checks are free.
    // It is no slower here: the stress tests start dozens of processes, which two cores cannot
    // run beside another file anyway (whole suite 238 s one at a time, about 280 s two at a time).
    fileParallelism: false,
  },
});
