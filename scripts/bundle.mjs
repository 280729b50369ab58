// Bundles the main-process entry points (CLI, Electron main and preload, workers) into dist/.
// Runs on `npm install` (prepare) so that `npx paperboy` works right after install.
// Dependencies stay external: libsql is a native module and must be loaded from node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'electron/cli/main.ts', out: 'cli', format: 'esm' },
  { in: 'electron/core/workers/parse-worker.ts', out: 'parse-worker', format: 'esm' },
  { in: 'electron/core/workers/writer-worker.ts', out: 'writer-worker', format: 'esm' },
  { in: 'electron/core/backup/export-worker.ts', out: 'export-worker', format: 'esm' },
  { in: 'electron/app/main.ts', out: 'main', format: 'esm' },
  // Sandboxed preloads cannot be ES modules.
  { in: 'electron/app/preload.ts', out: 'preload', format: 'cjs' },
].filter((entry) => existsSync(entry.in));

for (const entry of entries) {
  await build({
    entryPoints: { [entry.out]: entry.in },
    outdir: 'dist',
    outExtension: entry.format === 'cjs' ? { '.js': '.cjs' } : { '.js': '.js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: entry.format,
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
