// How far each V8 heap of the process may grow past what survived its last full collection.
// V8 picks the factor from its collector's speed against the program's, up to 4x on a desktop:
// right for a page that keeps what it allocates, wrong for a sync, where what is allocated dies
// soon (1.3 GB of network buffers through the main thread, a DOM per page in each parse worker).
// In a many-host sync the main thread kept 30-35 MB of old generation for 17 MB alive, and the
// workers likewise. 1.25x holds the whole process some 30 MB lower at its peak (bench:sync part 2:
// 223-231 MB against 246-266), for the same CPU.
//
// The young generation, likewise. V8 doubles a heap's nursery whenever as much as it holds has
// survived since it last grew, up to 32 MB on the main thread: a sync's requests in flight
// survive a scavenge or two each, so the main thread's nursery reached 32 MB within seconds and
// stayed there, most of it garbage between scavenges. Held where it is when the core starts (4 MB
// in the CLI), the process peaked 20-30 MB lower (bench:sync part 2: 198-207 MB against 226-233),
// for the same CPU: a scavenge of a small nursery copies the same few MB that are alive. The
// workers' nurseries are capped by their own resource limits (workers/start-worker.ts).
//
// V8 flags, so they hold for every thread of the process (the main one and the workers), and set
// at run time because no host can pass them at start-up: a packaged Electron app's main process
// takes no V8 flags. V8 reads them at each collection; Node and Electron both start V8 with its
// flags left writable, which is what v8.setFlagsFromString relies on. One catch: V8 raises the
// growth factor back to its minimum of 2 (a flag implication) whenever it sets up a new isolate,
// and the flag is the process's, so every worker's start undoes it for the main thread too:
// startWorker applies these again right after (workers/start-worker.ts says when).
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

/** Every Core applies them, and startWorker again after each worker's isolate is set up. */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
