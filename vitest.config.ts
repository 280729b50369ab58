import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real HTTP servers and real SQLite files: generous per-test limits, but no timed assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // expect.poll waits for what a sync or a worker finishes in the background (retention after a
    // scheduled sync, a write reaching the reader). Its default second is a measure of speed, and
    // on a loaded 2-core machine some waits took longer about half the time: a wait, not a limit.
    expect: { poll: { timeout: 15_000 } },
    // The app's bundles, built once for the run: the workers and `paperboy` processes start from
    // them rather than compiling the sources again each time (test/support/run-bundles.ts).
    globalSetup: ['test/support/run-bundles.ts'],
    pool: 'forks',
    // The crash tests collect closed libsql connections (test/crash/support/folder-check.ts).
    execArgv: ['--expose-gc'],
  },
});
