// How far each V8 heap of the process may grow past what survived its last full collection.
// V8 picks the factor from its collector's speed against the program's, up to 4x on a desktop:
// right for a page that keeps what it allocates, wrong for a sync, where what is allocated dies
// soon (1.3 GB of network buffers through the main thread, a DOM per page in each parse worker).
// In a many-host sync the main thread kept 30-35 MB of old generation for 17 MB alive, and the
// workers likewise. 1.25x holds the whole process some 30 MB lower at its peak (bench:sync part 2:
// 223-231 MB against 246-266), for the same CPU.
//
// A V8 flag, so it holds for every thread of the process (the main one and the workers), and set
// at run time because no host can pass it at start-up: a packaged Electron app's main process
// takes no V8 flags. V8 reads it at each full collection; Node and Electron both start V8 with
// its flags left writable, which is what v8.setFlagsFromString relies on.
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

let limited = false;

/** Once per process: every Core calls it, the first one sets it. */
export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
