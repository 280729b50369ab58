// Worker thread entry of the sync's database writer (started by ./feed-writer.ts): stores each
// feed's items and each article's offline copy on a connection of its own, one at a time in the
// order they come, and closes its connection when asked (never terminated mid-transaction).
import { parentPort, workerData } from 'node:worker_threads';
import { openWriterConnection, storeArticleCopy, storeDelivery, type ArticleCopy, type FeedDelivery } from '../storage';
import { unpackItems, type PackedItems } from './packed-items';
import type { TaskReply } from './parse-worker';

/** A FeedDelivery as it travels: its items packed (./packed-items.ts). */
export type PackedDelivery = Omit<FeedDelivery, 'items'> & { readonly items: PackedItems };

export type WriterRequest =
  | { readonly id: number; readonly delivery: PackedDelivery }
  | { readonly id: number; readonly copy: ArticleCopy }
  | { readonly close: true };

const port = parentPort;
if (!port) throw new Error('writer-worker must run in a worker thread');
const db = openWriterConnection((workerData as { databaseFile: string }).databaseFile);

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    db.close();
    port.close();
    return;
  }
  try {
    const value = 'copy' in request ? storeArticleCopy(db, request.copy) : storeDelivery(db, { ...request.delivery, items: unpackItems(request.delivery.items) });
    port.postMessage({ id: request.id, ok: true, value } satisfies TaskReply);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: request.id, ok: false, name: err.name, message: err.message } satisfies TaskReply);
  }
});
