// Worker thread entry of the sync's database writer (started by ./feed-writer.ts): stores each
// feed's items and each article's offline copy on a connection of its own, in the order they
// come, those that arrived while it was busy committed together (storage storeTogether), applies
// retention, compaction and the search index's catching up when asked, and closes its connection
// when asked (never terminated mid-transaction).
import { parentPort, workerData } from 'node:worker_threads';
import { cacheUrl, rewriteImageUrls } from '../articles';
import {
  applyRetention, closeWriterConnection, compactDatabase, indexSearchQueue, MAX_STORES_PER_COMMIT, openWriterConnection, storeArticleCopy, storeDelivery,
  storeTogether, type ArticleCopy, type FeedDelivery, type StoreOutcome,
} from '../storage';
import { unpackItems, type PackedItems } from './packed-items';
import type { TaskReply } from './parse-worker';

/** A FeedDelivery as it travels: its items packed (./packed-items.ts). */
export type PackedDelivery = Omit<FeedDelivery, 'items'> & { readonly items: PackedItems };

export type WriterRequest =
  | { readonly id: number; readonly delivery: PackedDelivery }
  | { readonly id: number; readonly copy: ArticleCopy }
  | { readonly id: number; readonly retention: { readonly keepDays: number | null; readonly now: number } }
  | { readonly id: number; readonly compact: true }
  | { readonly id: number; readonly indexSearch: true }
  /** The main thread's answer to a WriterAsk: null, or why it could not do it. */
  | { readonly answer: number; readonly error: string | null }
  | { readonly close: true };

/** What the writer asks the main thread while it applies retention or indexes (request `id`): a turn of its
 *  event loop (deleteImage null), or to delete an image file the retention freed. */
export interface WriterAsk {
  readonly id: number;
  readonly ask: number;
  readonly deleteImage: string | null;
}

const port = parentPort;
if (!port) throw new Error('writer-worker must run in a worker thread');
const db = openWriterConnection((workerData as { databaseFile: string }).databaseFile);

type StoreRequest = Extract<WriterRequest, { readonly delivery: PackedDelivery } | { readonly copy: ArticleCopy }>;
type RetentionRequest = Extract<WriterRequest, { readonly retention: unknown }>;

/** Stores given since the last commit, in order. */
const waiting: StoreRequest[] = [];
/** The writer's questions to the main thread not answered yet, by number. */
const asked = new Map<number, { readonly resolve: () => void; readonly reject: (error: Error) => void }>();
let nextAsk = 1;

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    // A retention or an indexing in progress stops here, between two of its transactions.
    while (waiting.length > 0) commitWaiting();
    closeWriterConnection(db);
    port.close();
    return;
  }
  if ('answer' in request) {
    const asker = asked.get(request.answer);
    asked.delete(request.answer);
    if (request.error === null) asker?.resolve();
    else asker?.reject(new Error(request.error));
    return;
  }
  if ('compact' in request) {
    while (waiting.length > 0) commitWaiting();
    void outcomeOf(() => compactDatabase(db)).then((outcome) => port.postMessage(replyOf(request.id, outcome)));
    return;
  }
  if ('retention' in request) {
    // After every store given before it; its transactions are its own.
    while (waiting.length > 0) commitWaiting();
    void retain(request);
    return;
  }
  if ('indexSearch' in request) {
    while (waiting.length > 0) commitWaiting();
    void outcomeOf(() => indexSearchQueue(db, () => askMain(request.id, null))).then((outcome) => port.postMessage(replyOf(request.id, outcome)));
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

/**
 * Retention on this connection (storage applyRetention): it deletes for seconds on a big library,
 * and the main thread (the Electron main process) must not. Between two of its transactions it
 * waits for a turn of the main thread's event loop, so a write there (a star, a read mark) never
 * waits for more than one; the image files it frees are deleted there, by the cache that knows them.
 */
async function retain({ id, retention }: RetentionRequest): Promise<void> {
  const ask = (deleteImage: string | null) => askMain(id, deleteImage);
  const outcome = await outcomeOf(() => applyRetention(db, { delete: ask }, retention.keepDays, retention.now, () => ask(null)));
  port!.postMessage(replyOf(id, outcome));
}

/** Asks the main thread, for request `id`, for a turn of its event loop (null) or to delete an image file. */
function askMain(id: number, deleteImage: string | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const number = nextAsk++;
    asked.set(number, { resolve, reject });
    port!.postMessage({ id, ask: number, deleteImage } satisfies WriterAsk);
  });
}

/** What the work gave, or how it failed: for the main thread's reply. */
async function outcomeOf(work: () => unknown): Promise<StoreOutcome<unknown>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
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
