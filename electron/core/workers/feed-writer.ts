// The main thread's end of the sync's database writer (./writer-worker.ts). A cold sync stores
// thousands of items (their search-index rows come later: indexSearch), then thousands of offline copies
// (each commit may run a WAL checkpoint); on the main thread that held the event loop for
// seconds (in the app, the Electron main process: every window waits). The writer thread starts
// with the first store and is closed by the sync once its feeds and articles are stored.
// Retention, compaction and the search index's catching up run on a writer of their own the same
// way (retain, compact, indexSearch).
import type { Worker } from 'node:worker_threads';
import { errorMessage } from '../../../shared/error-message';
import type { ImageCache } from '../articles';
import type { applyRetention, ArticleCopy, CommentFeedTarget, UpsertResult } from '../storage';
import type { TaskReply } from './parse-worker';
import { WorkerTaskError } from './pool';
import { startWorker } from './start-worker';
import type { PackedDelivery, WriterAsk, WriterRequest } from './writer-worker';

const WRITER_WORKER = { source: new URL('./writer-worker.ts', import.meta.url), bundled: 'writer-worker.js' };

/** What a retention did (storage applyRetention). */
export type RetentionRun = Awaited<ReturnType<typeof applyRetention>>;
/** The image files a retention frees are deleted through the cache of this thread, which knows them. */
type ImageFiles = Pick<ImageCache, 'delete'>;

interface Waiting {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  /** A retention's: where the image files it frees are deleted. */
  readonly images?: ImageFiles;
}

interface Writer {
  readonly worker: Worker;
  /** Its stores not answered yet. */
  readonly waiting: Map<number, Waiting>;
}

export class FeedWriter {
  private writer: Writer | null = null;
  private nextId = 1;

  constructor(
    private readonly databaseFile: string,
    /** Why the data folder cannot be written, when it cannot (Storage.readOnly): what every store then throws. */
    private readonly readOnly: Error | null = null,
  ) {}

  /** Stores one feed's items in one transaction, off the main thread. The items' buffer moves to the writer: it is empty here afterwards. */
  store(delivery: PackedDelivery): Promise<UpsertResult> {
    return this.send<UpsertResult>((id) => ({ id, delivery }), [delivery.items.buffer as ArrayBuffer]);
  }

  /** Stores one article's offline copy with its image records in one transaction, off the main
   *  thread, after every store given before it (its feed's items among them). Its HTML may show
   *  its images at their addresses: the writer points those in content.images at the cache.
   *  Answers where the article's comment thread is read now. */
  storeCopy(copy: ArticleCopy): Promise<CommentFeedTarget | null> {
    return this.send<CommentFeedTarget | null>((id) => ({ id, copy }), []);
  }

  /**
   * Applies retention (storage applyRetention, the articles of feeds unsubscribed from first) on
   * the writer's connection, after every store given before it: on a 76,000-article library it
   * deletes for 14 s or more, in transactions of up to a few tenths of a second each, and this
   * thread only answers the writer's questions. Between two transactions the writer waits for a
   * turn of this thread's event loop, so a write here (a star, a read mark) waits for one of them
   * at most; the image files it frees are deleted here, through `images`.
   */
  retain(images: ImageFiles, keepDays: number | null, now: number): Promise<RetentionRun> {
    return this.send<RetentionRun>((id) => ({ id, retention: { keepDays, now } }), [], images);
  }

  /** Compacts the database (storage compactDatabase) on the writer's connection, after every store given before it. */
  compact(): Promise<void> {
    return this.send<void>((id) => ({ id, compact: true }), []);
  }

  /**
   * Indexes the articles stored since the search index last caught up (storage search-queue.ts),
   * after every store given before it, some 256 a transaction; between two transactions the
   * writer waits for a turn of this thread's event loop, as retain does. Answers how many.
   */
  indexSearch(): Promise<number> {
    return this.send<number>((id) => ({ id, indexSearch: true }), []);
  }

  /** Lets the writer finish what it was given, then ends it (a retention stops between two of its transactions). */
  async close(): Promise<void> {
    const worker = this.writer?.worker;
    if (!worker) return;
    this.writer = null;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Awaited, so it keeps the process alive until the connection is closed.
    worker.ref();
    worker.postMessage({ close: true } satisfies WriterRequest);
    await exited;
  }

  private send<T>(request: (id: number) => WriterRequest, transfer: ArrayBuffer[], images?: ImageFiles): Promise<T> {
    if (this.readOnly) return Promise.reject(this.readOnly);
    const { worker, waiting } = this.writer ?? this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject, ...(images ? { images } : {}) });
      // A store in progress keeps the process alive (the CLI awaits it); an idle writer must not.
      worker.ref();
      worker.postMessage(request(id), transfer);
    });
  }

  private start(): Writer {
    const writer: Writer = { worker: startWorker(WRITER_WORKER, { databaseFile: this.databaseFile }), waiting: new Map() };
    const { worker, waiting } = writer;
    worker.on('message', (reply: TaskReply | WriterAsk) => {
      if ('ask' in reply) return answer(worker, reply, waiting.get(reply.id)?.images);
      const job = waiting.get(reply.id);
      if (!job) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new WorkerTaskError(reply.name, reply.message));
    });
    const failed = (error: Error): void => {
      if (this.writer === writer) this.writer = null;
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    };
    worker.on('error', (error) => failed(new Error(`the database writer crashed: ${error.message}`)));
    worker.on('exit', (code) => failed(new Error(`the database writer stopped (code ${code})`)));
    this.writer = writer;
    return writer;
  }
}

/** Answers the writer's question while it applies retention: a turn of this thread's event loop
 *  (answered after the events already waiting, the writes they make among them), or an image file
 *  deleted through the cache. */
function answer(worker: Worker, question: WriterAsk, images: ImageFiles | undefined): void {
  const reply = (error: string | null) => worker.postMessage({ answer: question.ask, error } satisfies WriterRequest);
  if (question.deleteImage === null) setImmediate(() => reply(null));
  else if (!images) reply('no image cache was given to delete the file with');
  else images.delete(question.deleteImage).then(() => reply(null), (error: unknown) => reply(errorMessage(error)));
}
