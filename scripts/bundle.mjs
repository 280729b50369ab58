// Bundles the main-process entry points (CLI, Electron main and preload, workers) into dist/.
// Runs on `npm install` (prepare) so that `npx paperboy` works right after install.
// Dependencies stay external (libsql is a native module and must be loaded from node_modules),
// except the few in INLINED: see there.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const entries = [
  { in: 'electron/cli/main.ts', out: 'cli', format: 'esm' },
  { in: 'electron/core/workers/parse-worker.ts', out: 'parse-worker', format: 'esm' },
  { in: 'electron/core/workers/writer-worker.ts', out: 'writer-worker', format: 'esm' },
  { in: 'electron/core/backup/export-worker.ts', out: 'export-worker', format: 'esm' },
  { in: 'electron/app/main.ts', out: 'main', format: 'esm' },
  // Sandboxed preloads cannot be ES modules.
  { in: 'electron/app/preload.ts', out: 'preload', format: 'cjs' },
].filter((entry) => existsSync(entry.in));

// zod ships as some 70 ES modules: Node resolved, read and linked each of them at every start,
// about 100 ms of a 250 ms `paperboy call listFeeds` on a 2-core machine; bundled, it is one file.
const INLINED = new Set(['zod']);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]
  .filter((name) => !INLINED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

for (const entry of entries) {
  await build({
    entryPoints: { [entry.out]: entry.in },
    outdir: 'dist',
    outExtension: entry.format === 'cjs' ? { '.js': '.cjs' } : { '.js': '.js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: entry.format,
    external,
    sourcemap: true,
    logLevel: 'warning',
  });
}
