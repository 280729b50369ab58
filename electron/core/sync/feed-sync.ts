// One feed's part of a sync: conditional fetch, change detection, parse (in a worker), store.
import { createHash } from 'node:crypto';
import type { FeedStatus } from '../../../shared/types';
import { FEED_ACCEPT, HostMemory, HttpError, MAX_RETRY_AFTER_MS, movedForGood, siteOfHost, type FetchResponse, type HttpClient, type RemoteAddress } from '../http';
import { botCheckRefusal } from '../feeds';
import { describeUpsert, type FetchState, type Storage, type UpsertResult } from '../storage';
import type { FeedWriter } from '../workers/feed-writer';
import type { TaskRunner } from '../workers/pool';
import type { SyncLimits } from './limits';
import type { WriteTurns } from './write-turns';
import { feedFailureAdvice } from './feed-failure-advice';
import { withoutPasswords } from '../../../shared/address-login';
import { errorMessage } from '../../../shared/error-message';

export interface FeedSyncContext {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: TaskRunner;
  readonly limits: SyncLimits;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly writes: WriteTurns;
  /** Where the feed's items are stored: the writer thread. */
  readonly writer: FeedWriter;
  /** Adds to the sync's warnings (what the person should know, though nothing failed). */
  readonly warn: (message: string) => void;
}

export interface FeedSyncResult {
  readonly status: FeedStatus;
  readonly message: string;
  readonly upsert: UpsertResult | null;
  /** The feed's icon URL when the feed names one (fetched once, on the first success). */
  readonly iconUrl: string | null;
  readonly siteUrl: string | null;
  /** The address the feed came from, which decides how far its content may reach (network-scope.ts). */
  readonly servedBy: RemoteAddress | null;
}

export class FeedSyncError extends Error {
  constructor(
    message: string,
    readonly status: 'failed' | 'gone' | 'waiting',
    readonly retryAfterAt: number | null = null,
    /** How the sync log line begins: a feed left alone on purpose was not "failed". */
    readonly logVerb: 'failed' | 'skipped' = 'failed',
  ) {
    super(message);
  }
}

const EMPTY_UPSERT: UpsertResult = { newIds: [], updatedIds: [], unchanged: 0 };

/** Fetches and stores one feed; throws FeedSyncError with a sync-log message on failure. */
export async function syncFeed(feed: FetchState, ctx: FeedSyncContext): Promise<FeedSyncResult> {
  const startedAt = ctx.now();
  const wait = waitLeft(feed, startedAt);
  if (wait !== null) throw waitingFor(feed.retryAfterAt!, startedAt);

  let response;
  try {
    response = await ctx.http.fetch({
      url: feed.url,
      purpose: 'feed',
      // The feed the person subscribed to may live on the local network, judged by its own address
      // (a public feed's redirects stay public); its content is judged later.
      scope: 'chosen',
      accept: FEED_ACCEPT,
      etag: feed.etag,
      lastModified: feed.lastModified,
      maxBytes: ctx.limits.feedBytes,
      // However it stops short (its compressed stream ends early, its connection closes or resets,
      // it stalls), what arrived is read: its parse keeps the items that arrived whole, the log
      // says the rest is missing, and the items the feed had stay. A feed is one answer a sync:
      // thrown away, the items that did arrive would wait for a sync that gets it whole.
      cutBody: 'read what arrived',
      signal: ctx.signal,
    });
  } catch (error) {
    throw toFeedSyncError(error, feed.url, ctx.now());
  }

  const validators = { etag: response.etag ?? feed.etag, lastModified: response.lastModified ?? feed.lastModified };
  if (response.notModified) {
    await record(ctx, feed, startedAt, 'not-modified', '304 not modified', { ...validators, retryAfterAt: null });
    await followPermanentMove(ctx, feed, response);
    return { status: 'not-modified', message: '304 not modified', upsert: EMPTY_UPSERT, iconUrl: null, siteUrl: null, servedBy: response.servedBy };
  }

  // Nothing where the feed should be (a 200 of no bytes from a CMS that failed to build it, a 204):
  // said as what it is, and the articles stay; no validator of an empty answer is kept.
  if (response.body.length === 0) {
    throw new FeedSyncError(`the site sent an empty answer where the feed should be (HTTP ${response.status}${response.status === 204 ? ' No Content' : ''}); the articles already here are kept`, 'failed');
  }

  const bodyHash = createHash('sha256').update(response.body).digest('hex');
  if (bodyHash === feed.bodyHash) {
    await record(ctx, feed, startedAt, 'unchanged', 'unchanged', { ...validators, retryAfterAt: null });
    await followPermanentMove(ctx, feed, response);
    return { status: 'unchanged', message: 'unchanged', upsert: EMPTY_UPSERT, iconUrl: null, siteUrl: null, servedBy: response.servedBy };
  }

  let ingested;
  try {
    ingested = await ctx.pool.run('ingestFeedPacked', response.body, response.contentType, feed.url, feed.id, ctx.limits.feedBytes);
  } catch (error) {
    // Nothing whole in what arrived: the status says the answer stopped, not only that it is broken.
    throw new FeedSyncError(response.cutShort ? `the feed stopped arriving partway through, and no item in what came was whole (${errorMessage(error)})` : errorMessage(error), 'failed');
  }
  if (ctx.signal.aborted) throw new FeedSyncError('cancelled', 'failed');

  const source = { title: ingested.title, siteUrl: ingested.siteUrl, description: ingested.description };
  const at = ctx.now();
  // Cut on the wire (response.cutShort), or a document that ends inside itself as it came.
  const cutShort = ingested.cutShort || response.cutShort === true;
  // Validators and the body hash are saved with the items: a failure above means a full retry next time.
  // A feed cut short keeps the validators it had: the answer's name the whole document, and the
  // next sync would be told "304 Not Modified" and never get the items that did not arrive.
  const kept = cutShort ? { etag: feed.etag, lastModified: feed.lastModified } : validators;
  const fetched = { at, durationMs: at - startedAt, ...kept, bodyHash, retryAfterAt: null };
  const upsert = await ctx.writes.handOff(() => ctx.writer.store({ feedId: feed.id, items: ingested.items, source, now: at, fetched, cutShort, itemsLeftOut: ingested.itemsLeftOut }));
  await followPermanentMove(ctx, feed, response);
  const message = describeUpsert(upsert, cutShort, ingested.itemsLeftOut);
  return { status: 'ok', message, upsert, iconUrl: ingested.iconUrl, siteUrl: ingested.siteUrl, servedBy: response.servedBy };
}

/**
 * How long the server's Retry-After still holds the feed back, or null when it does not: the wait
 * is over, the person asked for this feed by name, or the wait is longer than any now honoured
 * (saved before MAX_RETRY_AFTER_MS existed, it would otherwise hold the feed for up to a year).
 */
export function waitLeft(feed: FetchState, now: number): number | null {
  if (feed.retryAfterAt === null || feed.askedByName) return null;
  const left = feed.retryAfterAt - now;
  return left > 0 && left <= MAX_RETRY_AFTER_MS ? left : null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A wait as the sync log says it to a person: "less than a minute", "58 minutes", "about 3 hours". */
export function waitInWords(ms: number): string {
  if (ms < MINUTE_MS) return 'less than a minute';
  if (ms < HOUR_MS) {
    const minutes = Math.ceil(ms / MINUTE_MS);
    return minutes === 60 ? 'about 1 hour' : `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  const hours = Math.round(ms / HOUR_MS);
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/**
 * A feed that has moved for good (every redirect on the way a 301 or 308) is subscribed at its new
 * address from now on, so it keeps working when the old one lapses; only after a good answer, so
 * a domain taken over by a parking page cannot move it. A 302 or 307 anywhere says the move is
 * temporary: the address stays. When another subscription has the new address already, the feed
 * stays where it is (feeds-repo moveTo). A move to another site (a blog's new domain, or a lapsed
 * one whose new owner sends its visitors to a feed of theirs) is never made silently: the sync's
 * warnings name both addresses, so the person can tell a blog that moved from a feed that changed
 * hands, and unsubscribe.
 */
async function followPermanentMove(ctx: FeedSyncContext, feed: FetchState, response: FetchResponse): Promise<void> {
  if (!movedForGood(response) || response.url === feed.url) return;
  const moved = await ctx.writes.run(() => ctx.storage.feeds.moveTo(feed.id, response.url));
  if (!moved) {
    // Both subscriptions now read one feed, and list its articles twice: the person decides which goes.
    ctx.warn(withoutPasswords(`${feed.url} has moved for good to ${response.url}, which another of your subscriptions already reads: its articles show twice until you unsubscribe from one`));
  } else if (siteOfHost(new URL(feed.url).hostname) !== siteOfHost(new URL(response.url).hostname)) {
    ctx.warn(withoutPasswords(`${feed.url} has moved for good to another site, ${response.url}, and is read from there from now on: if that is not the feed you follow, unsubscribe from it`));
  }
}

function record(
  ctx: FeedSyncContext,
  feed: FetchState,
  startedAt: number,
  status: FeedStatus,
  message: string,
  meta: { etag?: string | null; lastModified?: string | null; bodyHash?: string | null; retryAfterAt?: number | null },
): Promise<void> {
  const at = ctx.now();
  return ctx.writes.run(() => ctx.storage.feeds.recordFetch(feed.id, { status, message, error: null, at, durationMs: at - startedAt, ...meta }));
}

/** A feed not asked for because its server asked to wait until `until`: no failure. */
function waitingFor(until: number, now: number): FeedSyncError {
  return new FeedSyncError(`the server asked to wait (${waitInWords(until - now)} left)`, 'waiting', until, 'skipped');
}

function toFeedSyncError(error: unknown, feedUrl: string, now: number): FeedSyncError {
  if (!(error instanceof HttpError)) return new FeedSyncError(errorMessage(error), 'failed');
  // Another feed of its host was told to wait in this sync (host-memory.ts): this one waits as long.
  if (HostMemory.isHeldBack(error)) return waitingFor(error.until, now);
  const retryAfterAt = error.retryAfterMs !== null ? now + error.retryAfterMs : null;
  // A server too busy for us that said when to come back (429 or 503 with Retry-After) did not
  // fail: the feed waits for it, and its articles stay as they are.
  if (error.status !== 410 && retryAfterAt !== null && retryAfterAt > now) return new FeedSyncError(error.message, 'waiting', retryAfterAt);
  const advice = botCheckRefusal(error) ?? feedFailureAdvice(error, feedUrl);
  const message = advice === null ? error.message : `${error.message}: ${advice}`;
  return new FeedSyncError(message, error.status === 410 ? 'gone' : 'failed', error.status === 410 ? null : retryAfterAt);
}

/** Records a failed fetch in the feed's metadata and sync log; stored articles are untouched. */
export function recordFailure(storage: Storage, feed: FetchState, error: FeedSyncError, startedAt: number, at: number): void {
  storage.feeds.recordFetch(feed.id, {
    status: error.status,
    message: `${error.logVerb}: ${error.message}`,
    error: error.message,
    at,
    durationMs: at - startedAt,
    ...(error.retryAfterAt !== null ? { retryAfterAt: error.retryAfterAt } : {}),
  });
}
