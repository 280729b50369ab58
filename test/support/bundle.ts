// The bundles as `npm install` builds them (scripts/bundle.mjs), built from the current sources
// into a temporary copy of the project, so a test never runs a stale dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';
import { tempDir } from './temp';

/** Builds the bundles; returns the dist folder (dist/cli.js is what `npx paperboy` runs). `extra`
 *  adds entries (absolute paths) built as the app's are, each into dist/NAME.js. */
export function buildBundles(extra: Readonly<Record<string, string>> = {}): string {
  const work = tempDir('paperboy-bundle-');
  for (const entry of ['electron', 'shared', 'scripts', 'package.json']) cpSync(path.join(ROOT, entry), path.join(work, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/bundle.mjs', ...Object.entries(extra).map(([name, entry]) => `${entry}=${name}`)], { cwd: work, stdio: 'pipe' });
  return path.join(work, 'dist');
}
