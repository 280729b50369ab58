// A small pool of worker threads for the CPU-heavy parts of a sync (see ./tasks.ts).
// Workers start on first use; a task goes to the least busy worker; a worker that dies fails
// only its own tasks and is replaced on the next call.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TaskReply, TaskRequest } from './parse-worker';
import type { TaskName, Tasks } from './tasks';
import { startWorker } from './start-worker';

type Result<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** An error thrown inside a worker, with the original error's name (e.g. FeedParseError). */
export class WorkerTaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const PARSE_WORKER = { source: new URL('./parse-worker.ts', import.meta.url), bundled: 'parse-worker.js' };

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size = defaultPoolSize()) {}

  run<K extends TaskName>(task: K, ...args: Parameters<Tasks[K]>): Promise<Result<K>> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return this.runOn(this.pickSlot(), task, ...args);
  }

  private runOn<K extends TaskName>(slot: Slot, task: K, ...args: Parameters<Tasks[K]>): Promise<Result<K>> {
    const id = this.nextId++;
    return new Promise<Result<K>>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // A busy worker keeps the process alive (the CLI awaits it); an idle one must not.
      slot.worker.ref();
      slot.worker.postMessage({ id, task, args } satisfies TaskRequest);
    });
  }

  /**
   * Starts every worker and waits until each has loaded its code, so that the first sync does
   * not pay for it (the app calls this once it is idle after start-up).
   */
  async warmUp(): Promise<void> {
    while (this.slots.length < this.size && !this.closed) this.start();
    await Promise.all(this.slots.map((slot) => this.runOn(slot, 'ping')));
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) this.fail(slot, new Error('worker pool closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private pickSlot(): Slot {
    if (this.slots.length < this.size) {
      const idle = this.slots.find((slot) => slot.pending.size === 0);
      if (idle) return idle;
      return this.start();
    }
    return this.slots.reduce((best, slot) => (slot.pending.size < best.pending.size ? slot : best));
  }

  private start(): Slot {
    const slot: Slot = { worker: startWorker(PARSE_WORKER), pending: new Map() };
    slot.worker.on('message', (reply: TaskReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) slot.worker.unref();
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new WorkerTaskError(reply.name, reply.message));
    });
    const retire = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      this.fail(slot, error);
    };
    slot.worker.on('error', (error) => retire(new Error(`parser worker crashed: ${error.message}`)));
    slot.worker.on('exit', (code) => retire(new Error(`parser worker exited (code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private fail(slot: Slot, error: Error): void {
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
  }
}
