// Builds the renderer with Vite when the preview (or a test) needs it: when dist/renderer is
// missing, or older than a file under renderer/. Vite is a development dependency, loaded only
// when a build is needed; the packaged app never runs this.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_SOURCE = path.join(REPO, 'renderer');
export const RENDERER_DIST = path.join(REPO, 'dist', 'renderer');
const VITE_CONFIG = path.join(RENDERER_SOURCE, 'vite.config.ts');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when outDir holds a build at least as new as every source file (and the contract). */
export function isRendererBuilt(outDir: string = RENDERER_DIST): boolean {
  const index = path.join(outDir, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return newestMtime(RENDERER_SOURCE) <= built && newestMtime(path.join(REPO, 'shared')) <= built;
}

export async function buildRenderer(outDir: string = RENDERER_DIST): Promise<string> {
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The renderer folder to serve, built first when missing or stale. */
export async function ensureRendererBuilt(outDir: string = RENDERER_DIST): Promise<string> {
  if (!isRendererBuilt(outDir)) await buildRenderer(outDir);
  return outDir;
}
