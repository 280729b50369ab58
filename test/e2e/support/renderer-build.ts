// The end-to-end tests serve a fresh build of the renderer, made once per test file into a
// temporary folder (parallel test files never write into the same one).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRenderer } from '../../../electron/preview/build-renderer';

export async function buildRendererForTests(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-renderer-'));
  return buildRenderer(outDir);
}
