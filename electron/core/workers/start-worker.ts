// Starts a worker thread on one of our entry files, from the sources or from the bundle: the one
// place that knows both layouts (the parse pool and the export use it).
//   sources (.ts, under vitest or tsx): worker threads do not inherit the parent's TypeScript
//     loader, so the worker boots through dev-boot.mjs, which registers tsx and loads `source`;
//   bundle (dist/*.js, the app and `npx paperboy`): scripts/bundle.mjs builds each entry into a
//     sibling of the bundle that runs this code, so `bundled` is loaded from beside it;
//   sources with PAPERBOY_WORKER_BUNDLES set (the test run): the bundles in that folder, built from
//     the same sources when the run starts. Booted through tsx, each worker compiles its hundred-odd
//     modules again in its own thread (about 0.4 s of CPU and 0.2-1 s before it answers), and the
//     tests start thousands of workers.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { limitHeapGrowth } from '../system/heap-growth';

export interface WorkerEntry {
  /** The entry's TypeScript source, as `new URL('./x-worker.ts', import.meta.url)` in its caller. */
  readonly source: URL;
  /** The entry's file name in dist/ (an `out` of scripts/bundle.mjs plus .js). */
  readonly bundled: string;
}

/**
 * Each worker's heap. The young generation is where the short-lived strings and objects of
 * parsing live: V8's default lets it grow to 48 MB per thread before collecting, and a sync runs
 * three or four threads, so most of a sync's peak memory was garbage waiting in those nurseries.
 * (Since system/heap-growth.ts holds every nursery at the size it starts with, caps of 8-24 MB
 * measured the same as this one: docs/technotes/sync-cpu-and-memory.md.)
 * The old generation is capped too: uncapped, V8 let each parse worker's heap grow by some 70 MB
 * of dead pages during a sync before it collected (peak RSS 287 MB against 216 with one worker).
 * 256 MB holds the largest document the sync accepts (a 20 MB feed of 3,500 full items needs
 * about 170 MB); a hostile one that would need more (20 MB of 1.7 million empty elements took
 * 750 MB) fails alone with its own message (pool.ts) instead of taking the machine's memory.
 */
export const WORKER_HEAP_MB = 256;
const YOUNG_GENERATION_MB = 4;
/** When the heap flags are applied again after a worker's start (see startWorker). */
const RESET_CHECKS_MS = [1, 5, 25];

export function startWorker(entry: WorkerEntry, data?: Record<string, unknown>, heapMb = WORKER_HEAP_MB): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb };
  const fromSources = import.meta.url.endsWith('.ts');
  const bundles = process.env.PAPERBOY_WORKER_BUNDLES;
  const worker = !fromSources
    ? new Worker(new URL(`./${entry.bundled}`, import.meta.url), { workerData: data, resourceLimits })
    : bundles
      ? new Worker(path.join(bundles, entry.bundled), { workerData: data, resourceLimits })
      : new Worker(new URL('./dev-boot.mjs', import.meta.url), { workerData: { ...data, entry: entry.source.href }, resourceLimits });
  // Setting up the worker's isolate resets a process-wide heap flag (system/heap-growth.ts). Its
  // thread does that within a millisecond or so, later on a busy machine: a scavenge of the main
  // thread in between may double its nursery, so the flag is applied again then, a little later,
  // and once more when the worker is up. With 'online' alone, the many-host sync's main thread
  // ended with twice the nursery in about half the runs.
  for (const ms of RESET_CHECKS_MS) setTimeout(limitHeapGrowth, ms).unref();
  worker.once('online', limitHeapGrowth);
  return worker;
}
