// A small pool of worker threads for the CPU-heavy parts of a sync (see ./tasks.ts).
// Workers start on first use (a CLI command that parses nothing never starts one), each runs one
// task at a time from a shared queue, and every task is time-boxed: hostile markup can make a
// parser take minutes, and JavaScript cannot be interrupted, so a task over its time is failed
// with a clear message and its worker terminated and replaced. A task run under a signal (a
// sync's Cancel) is dropped from the queue, or its worker terminated, as soon as the signal fires.
// A worker that dies fails only its own task; one that runs out of its heap (start-worker.ts)
// fails it with a message that says so.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TaskReply, TaskRequest } from './parse-worker';
import type { TaskName, Tasks } from './tasks';
import { startWorker, WORKER_HEAP_MB } from './start-worker';
import { onAbort as whenAborted } from '../system/abort-listeners';

type Result<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

/** What runs tasks: the pool itself, or its view for one sync (WorkerPool.withSignal). */
export interface TaskRunner {
  /** A byte array among the arguments that fills a buffer of its own moves to the worker (ownBuffers): empty here afterwards. */
  run<K extends TaskName>(task: K, ...args: Parameters<Tasks[K]>): Promise<Result<K>>;
}

interface Job {
  readonly request: TaskRequest;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly signal: AbortSignal | null;
  /** Removes the job's listener from its signal. */
  forget: () => void;
}

interface Slot {
  readonly worker: Worker;
  /** Until the worker has loaded its code: time-boxes measure tasks, not start-up. */
  ready: boolean;
  job: Job | null;
  /** Busy: its task's time-box. Idle: when it is let go (IDLE_WORKER_MS). */
  timer: NodeJS.Timeout | null;
  retired: boolean;
}

/** An error thrown inside a worker, with the original error's name (e.g. FeedParseError). */
export class WorkerTaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const TIMED_OUT = 'TaskTimeoutError';
const OUT_OF_MEMORY = 'OutOfMemoryError';

function outOfMemory(error: Error): boolean {
  return (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Whether a task failed because it ran past its time-box. */
export function isTaskTimeout(error: unknown): boolean {
  return error instanceof WorkerTaskError && error.name === TIMED_OUT;
}

const PARSE_WORKER = { source: new URL('./parse-worker.ts', import.meta.url), bundled: 'parse-worker.js' };

/**
 * Tasks that go ahead of the others waiting: a feed's parse is what finds its articles, whose
 * pages are the rest of a full sync's work. Behind the 30-odd pages a full sync keeps queued,
 * feeds parsed one at a time (sync/feed-parses.ts) made the many-host sync of bench/sync.ts 6%
 * slower; first, they cost it nothing.
 */
const FIRST: ReadonlySet<TaskName> = new Set(['ingestFeed', 'ingestFeedPacked']);

/** Ordinary pages and feeds take well under a second; 30 s leaves room for a very large one on a slow machine. */
export const DEFAULT_TASK_TIMEOUT_MS = 30_000;

/**
 * How long a worker may sit idle before it is let go. After a sync each parse worker held some
 * 35 MB (a heap grown on pages, its code, its allocator's arenas) until the next sync, hours
 * later in an app left open; a worker starts again in a fraction of a second when a feed is added
 * or a comment form is read. Within a sync the gaps between tasks are far shorter than this.
 */
export const IDLE_WORKER_MS = 30_000;

/** Every core: the main thread mostly waits on the network and SQLite while the workers parse. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class WorkerPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size = defaultPoolSize(),
    private readonly taskTimeoutMs = DEFAULT_TASK_TIMEOUT_MS,
    private readonly heapMb = WORKER_HEAP_MB,
    private readonly idleMs = IDLE_WORKER_MS,
  ) {}

  run<K extends TaskName>(task: K, ...args: Parameters<Tasks[K]>): Promise<Result<K>> {
    return this.submit(task, args, null);
  }

  /** Workers started (busy, idle or still starting): each holds a heap of its own. */
  get workers(): number {
    return this.slots.length;
  }

  /** Tasks running in a worker right now (not those waiting for one). */
  get busy(): number {
    return this.slots.filter((slot) => slot.job !== null).length;
  }

  /** The pool as seen by one sync: its tasks end, waiting or running, when `signal` fires. */
  withSignal(signal: AbortSignal): TaskRunner {
    return { run: (task, ...args) => this.submit(task, args, signal) };
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('worker pool closed');
    for (const job of this.queue.splice(0)) settle(job, error);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      slot.retired = true;
      if (slot.job) settle(slot.job, error);
      if (slot.timer) clearTimeout(slot.timer);
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private submit<K extends TaskName>(task: K, args: readonly unknown[], signal: AbortSignal | null): Promise<Result<K>> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (signal?.aborted) return Promise.reject(cancelledError());
    return new Promise<Result<K>>((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, task, args }, resolve: resolve as (value: unknown) => void, reject, signal, forget: () => undefined };
      if (signal) {
        job.forget = whenAborted(signal, () => this.abandon(job));
      }
      if (FIRST.has(task)) {
        // Ahead of every task that is not first itself, behind those that are, in the order they came.
        const behind = this.queue.findIndex((waiting) => !FIRST.has(waiting.request.task));
        this.queue.splice(behind < 0 ? this.queue.length : behind, 0, job);
      } else {
        this.queue.push(job);
      }
      this.pump();
    });
  }

  /** Gives each waiting job to an idle worker, starting workers up to the pool's size. */
  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const idle = this.slots.find((slot) => slot.ready && slot.job === null);
      if (idle) {
        this.dispatch(idle, this.queue.shift()!);
        continue;
      }
      // Workers still starting will take the queue's head when ready.
      const starting = this.slots.filter((slot) => !slot.ready).length;
      if (starting >= this.queue.length || this.slots.length >= this.size) return;
      this.start();
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.timeOut(slot), this.taskTimeoutMs);
    // A busy worker keeps the process alive (the CLI awaits it); an idle one must not.
    slot.worker.ref();
    slot.worker.postMessage(job.request, ownBuffers(job.request.args));
  }

  private abandon(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      settle(job, cancelledError());
      return;
    }
    const slot = this.slots.find((candidate) => candidate.job === job);
    if (!slot) return;
    settle(job, cancelledError());
    this.retire(slot);
  }

  private timeOut(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    settle(job, new WorkerTaskError(TIMED_OUT, `gave up after ${this.taskTimeoutMs / 1000} s`));
    this.retire(slot);
  }

  /** A worker with nothing to do: it no longer keeps the process alive, and goes after idleMs. */
  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.timer = setTimeout(() => {
      if (slot.job === null && !slot.retired) this.retire(slot);
    }, this.idleMs);
    slot.timer.unref();
  }

  /** Stops a worker stuck in a task (the only way to interrupt it) or idle too long; a new one starts when needed. */
  private retire(slot: Slot): void {
    slot.retired = true;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.pump();
  }

  private start(): void {
    // A worker is started for a waiting task, so it keeps the process alive until it is idle.
    const slot: Slot = { worker: startWorker(PARSE_WORKER, undefined, this.heapMb), ready: false, job: null, timer: null, retired: false };
    slot.worker.on('message', (reply: TaskReply) => {
      if (slot.retired) return;
      if (!slot.ready) {
        slot.ready = true;
        this.pump();
        if (slot.job === null) this.idle(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.job = null;
      settle(job, reply.ok ? null : new WorkerTaskError(reply.name, reply.message), reply.ok ? reply.value : undefined);
      this.pump();
      if (slot.job === null && !slot.retired) this.idle(slot);
    });
    const crashed = (error: Error): void => {
      if (slot.retired) return;
      const wasReady = slot.ready;
      const job = slot.job;
      this.retire(slot);
      if (job) settle(job, error);
      // A worker that cannot even start would fail every replacement too: the waiting tasks fail with it.
      if (!wasReady) for (const waiting of this.queue.splice(0)) settle(waiting, error);
    };
    slot.worker.on('error', (error) => crashed(outOfMemory(error) ? new WorkerTaskError(OUT_OF_MEMORY, `too large to read: it needed more than ${this.heapMb} MB of memory`) : new Error(`parser worker crashed: ${error.message}`)));
    slot.worker.on('exit', (code) => crashed(new Error(`parser worker exited (code ${code})`)));
    this.slots.push(slot);
  }
}

function settle(job: Job, error: Error | null, value?: unknown): void {
  job.forget();
  if (error) job.reject(error);
  else job.resolve(value);
}

/** The byte arrays among a task's arguments that fill a buffer of their own (a feed's or a page's
 *  bytes): moved to the worker, not copied; the caller's copy is empty afterwards. A slice of
 *  Node's shared pool (small buffers) is copied: moving it would take its neighbours along. */
function ownBuffers(args: readonly unknown[]): ArrayBuffer[] {
  return args.flatMap((arg) =>
    arg instanceof Uint8Array && arg.buffer instanceof ArrayBuffer && arg.byteOffset === 0 && arg.byteLength === arg.buffer.byteLength ? [arg.buffer] : [],
  );
}

function cancelledError(): WorkerTaskError {
  return new WorkerTaskError('AbortError', 'cancelled');
}
