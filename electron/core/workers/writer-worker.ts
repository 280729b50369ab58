// Worker thread entry of the sync's database writer (started by ./feed-writer.ts): stores each
// feed's items and each article's offline copy on a connection of its own, in the order they
// come, those that arrived while it was busy committed together (storage storeTogether), and
// closes its connection when asked (never terminated mid-transaction).
import { parentPort, workerData } from 'node:worker_threads';
import { cacheUrl, rewriteImageUrls } from '../articles';
import {
  closeWriterConnection, MAX_STORES_PER_COMMIT, openWriterConnection, storeArticleCopy, storeDelivery, storeTogether, type ArticleCopy, type FeedDelivery, type StoreOutcome,
} from '../storage';
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

type StoreRequest = Exclude<WriterRequest, { readonly close: true }>;

/** Stores given since the last commit, in order. */
const waiting: StoreRequest[] = [];

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    while (waiting.length > 0) commitWaiting();
    closeWriterConnection(db);
    port.close();
    return;
  }
  waiting.push(request);
  // After every message that has already arrived: they are committed together.
  if (waiting.length === 1) setImmediate(commitWaiting);
});

function commitWaiting(): void {
  const batch = waiting.splice(0, MAX_STORES_PER_COMMIT);
  if (batch.length === 0) return;
  if (waiting.length > 0) setImmediate(commitWaiting);
  const outcomes = storeTogether<unknown>(db, batch.map((request) => () => store(request)));
  batch.forEach((request, i) => port!.postMessage(replyOf(request.id, outcomes[i]!)));
}

function store(request: StoreRequest): unknown {
  return 'copy' in request ? storeArticleCopy(db, withCachedImages(request.copy)) : storeDelivery(db, { ...request.delivery, items: unpackItems(request.delivery.items) });
}

function replyOf(id: number, outcome: StoreOutcome<unknown>): TaskReply {
  if (outcome.ok) return { id, ok: true, value: outcome.value };
  const err = outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  return { id, ok: false, name: err.name, message: err.message };
}

/** The copy with its images pointed at their cached files (those in content.images; the others
 *  keep their address aside): done here, not in a parse worker, it costs the main thread no
 *  second trip of the page's HTML to a worker and back. */
function withCachedImages(copy: ArticleCopy): ArticleCopy {
  const cached = new Map(copy.content.images.map((image) => [image.url, cacheUrl(image.hash)]));
  return { ...copy, content: { ...copy.content, html: rewriteImageUrls(copy.content.html, cached) } };
}
