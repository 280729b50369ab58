// vitest globalSetup: the app's bundles, built once from the current sources for the whole run.
// Every core a test opens from the sources starts its workers from them (PAPERBOY_WORKER_BUNDLES,
// electron/core/workers/start-worker.ts), and `paperboy` runs as the bundle `npx paperboy` runs
// (support/processes.ts). Booted through tsx instead, each worker thread and each CLI process
// compiled the sources again: some 0.4 s of CPU a worker and 1 s a process, thousands of times a run.
// In watch mode a rerun builds them again, so no test runs code older than the sources.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundlesIn } from './bundle';

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'paperboy-run-bundles-'));
  // The CLI's code cache (bin/paperboy.cjs) goes to the run's folder, not the user's ~/.cache.
  process.env.XDG_CACHE_HOME = path.join(work, 'cache');
  const build = () => {
    process.env.PAPERBOY_WORKER_BUNDLES = buildBundlesIn(work);
  };
  build();
  project.onTestsRerun(build);
  return () => rmSync(work, { recursive: true, force: true });
}
