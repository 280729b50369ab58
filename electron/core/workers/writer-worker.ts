// Worker thread entry of the sync's database writer (started by ./feed-writer.ts): stores each
// feed's items and each article's offline copy on a connection of its own, one at a time in the
// order they come, and closes its connection when asked (never terminated mid-transaction).
import { parentPort, workerData } from 'node:worker_threads';
import { cacheUrl, rewriteImageUrls } from '../articles';
import { closeWriterConnection, openWriterConnection, storeArticleCopy, storeDelivery, type ArticleCopy, type FeedDelivery } from '../storage';
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
    closeWriterConnection(db);
    port.close();
    return;
  }
  try {
    const value = 'copy' in request ? storeArticleCopy(db, withCachedImages(request.copy)) : storeDelivery(db, { ...request.delivery, items: unpackItems(request.delivery.items) });
    port.postMessage({ id: request.id, ok: true, value } satisfies TaskReply);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: request.id, ok: false, name: err.name, message: err.message } satisfies TaskReply);
  }
});

/** The copy with its images pointed at their cached files (those in content.images; the others
 *  keep their address aside): done here, not in a parse worker, it costs the main thread no
 *  second trip of the page's HTML to a worker and back. */
function withCachedImages(copy: ArticleCopy): ArticleCopy {
  const cached = new Map(copy.content.images.map((image) => [image.url, cacheUrl(image.hash)]));
  return { ...copy, content: { ...copy.content, html: rewriteImageUrls(copy.content.html, cached) } };
}
