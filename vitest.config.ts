import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real HTTP servers and real SQLite files: generous per-test limits, but no timed assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The crash tests collect closed libsql connections (test/crash/support/folder-check.ts).
    execArgv: ['--expose-gc'],
  },
});
