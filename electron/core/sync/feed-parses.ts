// How many feeds are parsed at once. Every item a feed's parse yields costs the writer thread
// a good part of what it cost to parse, so parsing feeds faster than one core's worth only takes
// the cores the writer and the main thread need (measured again with the search index written
// after the sync: two at once were 5% slower, docs/technotes/sync-cpu-and-memory.md). On 2
// cores, a cold feeds-only sync of 100 feeds x 50 items took 2.11 s with up to 8 parsed at once
// and 1.99 s with one (300 feeds: 5.42 s and 4.88 s), with 10% less CPU and 25-35 MB less peak
// memory, as the second parse worker never starts. Articles' pages are not limited: their parses
// are most of a full sync's work and store little, and a second worker makes the many-host
// sync of bench/sync.ts 15% faster (43 s against 51 s). There the limit costs nothing as long as
// feeds go first in the pool (workers/pool.ts): 41.5 and 43.8 s against 41.9 and 43.3 unlimited;
// behind the queued pages, the limited feeds made that sync 6% slower.
import { availableParallelism } from 'node:os';
import type { TaskRunner } from '../workers/pool';

/** One core is left to the writer and the main thread. */
export function feedParsesAtOnce(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** `runner` with at most `limit` of its tasks running or waiting in it at once; the rest wait here, in order. */
export function limitedRunner(runner: TaskRunner, limit: number): TaskRunner {
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = (): Promise<void> => {
    if (running < limit) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const done = (): void => {
    const next = waiting.shift();
    // The finished task's turn passes straight to the next one waiting.
    if (next) next();
    else running--;
  };
  return { run: (task, ...args) => turn().then(() => runner.run(task, ...args)).finally(done) };
}
