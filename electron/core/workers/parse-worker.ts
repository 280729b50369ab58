// Worker thread entry: runs the tasks of ./tasks on request from the pool.
import { parentPort } from 'node:worker_threads';
import { TASKS, type TaskName } from './tasks';

export interface TaskRequest {
  readonly id: number;
  readonly task: TaskName;
  readonly args: readonly unknown[];
}

export type TaskReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.on('message', async (request: TaskRequest) => {
  try {
    const fn = TASKS[request.task] as (...args: unknown[]) => unknown;
    const value = await fn(...request.args);
    port.postMessage({ id: request.id, ok: true, value } satisfies TaskReply, buffersIn(value));
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: request.id, ok: false, name: err.name, message: err.message } satisfies TaskReply);
  }
});

/** The byte buffers a task answers with (packed-items.ts): moved to the pool's thread, not copied. */
function buffersIn(value: unknown): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap((field) => (field instanceof Uint8Array && field.buffer instanceof ArrayBuffer ? [field.buffer] : []));
}

// Everything above is loaded: the pool starts time-boxing tasks only from here (pool.ts).
port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies TaskReply);
