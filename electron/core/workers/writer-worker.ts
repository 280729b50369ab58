// Worker thread entry of the sync's database writer (started by ./feed-writer.ts): stores each
// feed's items on a connection of its own, one delivery at a time in the order they come, and
// closes its connection when asked (never terminated mid-transaction).
import { parentPort, workerData } from 'node:worker_threads';
import { closeWriterConnection, openWriterConnection, storeDelivery, type FeedDelivery } from '../storage';
import { unpackItems, type PackedItems } from './packed-items';
import type { TaskReply } from './parse-worker';

/** A FeedDelivery as it travels: its items packed (./packed-items.ts). */
export type PackedDelivery = Omit<FeedDelivery, 'items'> & { readonly items: PackedItems };

export type WriterRequest = { readonly id: number; readonly delivery: PackedDelivery } | { readonly close: true };

const port = parentPort;
if (!port) throw new Error('writer-worker must run in a worker thread');
const db = openWriterConnection((workerData as { databaseFile: string }).databaseFile);

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    closeWriterConnection(db);
    port.close();
    return;
  }
  try {
    port.postMessage({ id: request.id, ok: true, value: storeDelivery(db, { ...request.delivery, items: unpackItems(request.delivery.items) }) } satisfies TaskReply);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: request.id, ok: false, name: err.name, message: err.message } satisfies TaskReply);
  }
});
