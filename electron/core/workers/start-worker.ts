// Starts a worker thread on one of our entry files, from the sources or from the bundle: the one
// place that knows both layouts (the parse pool and the export use it).
//   sources (.ts, under vitest or tsx): worker threads do not inherit the parent's TypeScript
//     loader, so the worker boots through dev-boot.mjs, which registers tsx and loads `source`;
//   bundle (dist/*.js, the app and `npx paperboy`): scripts/bundle.mjs builds each entry into a
//     sibling of the bundle that runs this code, so `bundled` is loaded from beside it.
import { Worker } from 'node:worker_threads';

export interface WorkerEntry {
  /** The entry's TypeScript source, as `new URL('./x-worker.ts', import.meta.url)` in its caller. */
  readonly source: URL;
  /** The entry's file name in dist/ (an `out` of scripts/bundle.mjs plus .js). */
  readonly bundled: string;
}

/**
 * Each worker's young generation, where the short-lived strings and objects of parsing live. V8's
 * default lets it grow to 48 MB per thread before collecting, and a sync runs three or four
 * threads: most of a sync's peak memory was garbage waiting in those nurseries. 8 MB keeps the
 * collections cheap; the old generation is not capped, so a large feed still parses.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 4 };

export function startWorker(entry: WorkerEntry, data?: Record<string, unknown>): Worker {
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./dev-boot.mjs', import.meta.url), { workerData: { ...data, entry: entry.source.href }, resourceLimits: RESOURCE_LIMITS });
  }
  return new Worker(new URL(`./${entry.bundled}`, import.meta.url), { workerData: data, resourceLimits: RESOURCE_LIMITS });
}
