// Bundles the main-process entry points (CLI, Electron main and preload, workers) into dist/.
// Runs on `npm install` (prepare) so that `npx paperboy` works right after install.
// Dependencies stay external (libsql is a native module and must be loaded from node_modules),
// except the few in INLINED: see there.
//   node scripts/bundle.mjs [ENTRY.ts=NAME ...]
// Each ENTRY=NAME pair adds an ESM entry built the same way into dist/NAME.js: what a benchmark or a
// test runs as a host would, beside the workers' bundles that the core finds there.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const entries = [
  // CommonJS, so that bin/paperboy.cjs can run it as a script with a V8 code cache (see there).
  { in: 'electron/cli/main.ts', out: 'cli', format: 'cjs', importMetaUrl: true },
  { in: 'electron/core/workers/parse-worker.ts', out: 'parse-worker', format: 'esm' },
  { in: 'electron/core/workers/writer-worker.ts', out: 'writer-worker', format: 'esm' },
  { in: 'electron/core/backup/export-worker.ts', out: 'export-worker', format: 'esm' },
  { in: 'electron/app/main.ts', out: 'main', format: 'esm' },
  // Sandboxed preloads cannot be ES modules.
  { in: 'electron/app/preload.ts', out: 'preload', format: 'cjs' },
].filter((entry) => existsSync(entry.in));
for (const pair of process.argv.slice(2)) {
  const [entry, out] = pair.split('=');
  if (!entry || !out) throw new Error(`not ENTRY=NAME: ${pair}`);
  entries.push({ in: entry, out, format: 'esm' });
}

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
    // A CommonJS bundle has no import.meta: the modules that find files beside the bundle (the
    // workers' bundles, createRequire) get the bundle's own address, as in the ESM ones.
    ...(entry.importMetaUrl
      ? { define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } }
      : {}),
  });
}
