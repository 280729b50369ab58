// The bundles as `npm install` builds them (scripts/bundle.mjs), built from the current sources
// into a scratch copy of the project, so a test never runs a stale dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';
import { tempDir } from './temp';

/** Builds the bundles into `work`; returns its dist folder (bin/paperboy.cjs beside it runs
 *  dist/cli.cjs as `npx paperboy` does: processes.ts cliScript). `extra` adds entries (absolute paths) built
 *  as the app's are, each into dist/NAME.js. */
export function buildBundlesIn(work: string, extra: Readonly<Record<string, string>> = {}): string {
  for (const entry of ['bin', 'electron', 'shared', 'scripts', 'package.json']) cpSync(path.join(ROOT, entry), path.join(work, entry), { recursive: true });
  // The bundles import their dependencies from node_modules, found from where they lie.
  if (!existsSync(path.join(work, 'node_modules'))) symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/bundle.mjs', ...Object.entries(extra).map(([name, entry]) => `${entry}=${name}`)], { cwd: work, stdio: 'pipe' });
  return path.join(work, 'dist');
}

/** buildBundlesIn a folder of this test file's own, for a test that needs entries of its own. */
export function buildBundles(extra: Readonly<Record<string, string>> = {}): string {
  return buildBundlesIn(tempDir('paperboy-bundle-'), extra);
}

/** The dist folder the test run built as it started (run-bundles.ts): the CLI as `npx paperboy`
 *  runs it, and the workers every core of the run starts. */
export function runBundles(): string {
  const dist = process.env.PAPERBOY_WORKER_BUNDLES;
  if (!dist) throw new Error('PAPERBOY_WORKER_BUNDLES is not set: run the tests through vitest (its globalSetup builds the bundles)');
  return dist;
}
