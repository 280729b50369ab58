// Hosts that fail are remembered for the rest of a sync. On the real web some hosts are dead:
// their names do not resolve, they refuse connections, or they never answer; one of them holding
// 256 images used to cost 256 failures, each possibly a timeout. Once a host is given up on, its
// remaining requests of the sync fail at once (those already waiting for a connection included),
// and the sync log says so in one line per host. A host not heard from yet in the sync gets one
// request at a time until it answers (then the client's per-host limit applies): a dead host or a
// black hole thus costs one failure and at most one timeout (two when feeds are asked of it: see
// verdict), not a round of six. A transient
// failure (a reset connection, a 502/503/504) is worth one more try after a short, jittered wait.
// A host that answers 429 or 503 with a Retry-After asked to be left alone: none of its pages,
// images, icons or comment feeds are asked for until the wait is over, for the rest of the sync
// and beyond (the sync keeps the waits still running for the next one: host-waits.ts). A wait a
// feed was told holds the host's other feeds too, for the rest of the sync: rate limits are the
// reader's, not the feed's (Reddit, GitHub, Mastodon and Cloudflare count a client's requests to
// the host, and answered each of thirty subscriptions on one host its own 429); each feed held so
// keeps the wait as its own (feed-sync.ts), which holds it in the next syncs. A wait a page or an
// image was told leaves the feeds going. One that answers 429 without a Retry-After is left alone
// for the rest of the sync only.
// A host whose response heads Node's parser refuses (head-mending.ts) is remembered too, so its
// requests are mended from the start rather than each asked twice, read or still refused.
// Nothing else is remembered beyond the sync: the next one tries every other host again.
import { setMaxListeners } from 'node:events';
import type { FetchPurpose, FetchRequest, FetchResponse, HttpClient } from './client';
import { HttpError, cancelled } from './errors';
import { isCutShort } from './body';
import { readableHost } from './readable-host';
import { onAbort as whenAborted } from '../system/abort-listeners';

export interface HostMemoryOptions {
  /** Wait before the one retry of a transient failure; a random part of up to half as much is added. */
  readonly retryDelayMs?: number;
  /**
   * Requests a host that has answered in this sync may leave unanswered until their timeout before
   * it is given up on; a host that has not answered anything yet is given up on at its first.
   */
  readonly timeoutsToGiveUp?: number;
  /** Hosts that asked, in an earlier sync, to be left alone until then (epoch ms). */
  readonly heldUntil?: ReadonlyMap<string, number>;
  readonly now?: () => number;
  /** A wait as the sync log words it ("about 3 hours"); seconds when not given. */
  readonly waitInWords?: (ms: number) => string;
}

type Counted = FetchPurpose | 'request';

interface DownHost {
  readonly reason: string;
  /** It had answered in this sync before it was given up on: slow, not gone. */
  readonly slow: boolean;
  readonly skipped: Map<Counted, number>;
  /** Node's code for what failed (ECONNREFUSED, ...), carried by the requests skipped for it: what
   *  a feed skipped so may do about it is what the feed that met it may (feed-failure-advice.ts). */
  readonly errorCode: string | null;
}

interface HeldHost {
  /** When its server said it may be asked again. */
  readonly until: number;
  /** What asked, in this sync, and was told to wait; null when an earlier sync was told. */
  readonly askedBy: Counted | null;
  readonly skipped: Map<Counted, number>;
  /** False for a 429 without a Retry-After: left alone for this sync only. */
  readonly saidHowLong: boolean;
  /** A feed was told the wait: the host's other feeds are held too (see the header). */
  readonly holdsFeeds: boolean;
}

/** Statuses whose Retry-After is the server asking to be left alone for that long. */
const WAIT_STATUSES = new Set([429, 503]);

/** The host is gone for good in this sync: no answer could come from it. */
const DEAD_HOST_CODES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'name not found in DNS',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host is down',
};
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

const PLURALS: Readonly<Record<Counted, string>> = {
  feed: 'feeds', page: 'pages', image: 'images', icon: 'icons', 'comment feed': 'comment feeds', request: 'requests',
};

export class HostMemory {
  /** The HTTP client to use for the sync: the wrapped one, with the memory in front of it. */
  readonly client: HttpClient;
  private readonly down = new Map<string, DownHost>();
  private readonly held = new Map<string, HeldHost>();
  private readonly now: () => number;
  private readonly timeouts = new Map<string, number>();
  /** Hosts that sent some answer in this sync: a timeout there may be one slow request, not a dead host. */
  private readonly answered = new Set<string>();
  /** Aborted when the host is given up on, so requests queued for a connection to it leave at once;
   *  by lane (laneOf): a wait asked for leaves the host's feeds going. */
  private readonly hostAborts = new Map<string, AbortController>();
  /** The one request in flight to each host not heard from yet; the host's other requests wait for it. */
  private readonly probes = new Map<string, Promise<void>>();
  /** Hosts whose response heads Node refused in this sync, to be mended from the start (FetchRequest.mendedHosts). */
  private readonly mendedHosts = new Set<string>();
  /** Per caller's signal, its join with each host's (signalOf). */
  private readonly joinedSignals = new WeakMap<AbortSignal, Map<string, AbortSignal>>();

  constructor(
    private readonly http: HttpClient,
    private readonly options: HostMemoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    for (const [host, until] of options.heldUntil ?? []) this.held.set(host, { until, askedBy: null, skipped: new Map(), saidHowLong: true, holdsFeeds: false });
    this.client = {
      fetch: (request) => this.fetch(request),
      close: () => http.close(),
      contentScopes: () => http.contentScopes(),
    };
  }

  /**
   * One line per host given up on, and per host whose requests were left alone because it asked
   * to wait, for the sync log. A wait that held nothing back needs no line: what was told it (an
   * article, a feed) says so itself.
   */
  report(): string[] {
    const waitInWords = this.options.waitInWords ?? ((ms: number) => `${Math.ceil(ms / 1000)} s`);
    const down = [...this.down].map(([host, { reason, slow, skipped }]) =>
      `${downInWords(readableHost(host), slow, reason)}${skippedInWords(skipped)}, tried again next sync`);
    const held = [...this.held]
      .filter(([, { skipped }]) => skipped.size > 0)
      .map(([host, { until, skipped, saidHowLong }]) => saidHowLong
        ? `${readableHost(host)} asked to wait (${waitInWords(Math.max(0, until - this.now()))} left)${skippedInWords(skipped)}, tried again when the wait is over`
        : `${readableHost(host)} said it had too many requests${skippedInWords(skipped)}, tried again next sync`);
    return [...down, ...held];
  }

  /** Whether a fetch was not sent because its server had asked to wait: no try of what was asked for. */
  static isHeldBack(error: unknown): error is HostWaitError {
    return error instanceof HostWaitError;
  }

  /** How long the server asked to be left alone, when its answer said so (429 or 503 with a Retry-After). */
  static askedToWait(error: unknown): number | null {
    if (!(error instanceof HttpError) || error.kind !== 'http-status' || error.status === null || !WAIT_STATUSES.has(error.status)) return null;
    return error.retryAfterMs !== null && error.retryAfterMs > 0 ? error.retryAfterMs : null;
  }

  /** The waits servers asked for in this sync (host, until when), for the sync to keep: a feed's
   *  own wait is kept with it (feed-sync.ts), so those a feed was told are not here. */
  waitsAsked(): Map<string, number> {
    return new Map([...this.held].filter(([, { askedBy, saidHowLong }]) => saidHowLong && askedBy !== null && askedBy !== 'feed').map(([host, { until }]) => [host, until]));
  }

  private async fetch(request: FetchRequest): Promise<FetchResponse> {
    const host = hostOf(request.url);
    // An address that does not parse: the client says why.
    if (host === null) return this.http.fetch(request);
    try {
      return await this.attempt(request, host);
    } catch (error) {
      if (!isTransient(error) || request.signal?.aborted) throw error;
      const base = this.options.retryDelayMs ?? 1000;
      await pause(base + Math.random() * base * 0.5, request.signal);
      return await this.attempt(request, host);
    }
  }

  private async attempt(request: FetchRequest, host: string): Promise<FetchResponse> {
    const endProbe = await this.turnOf(host, request);
    this.throwIfLeftAlone(host, request);
    const lane = laneOf(host, request.purpose);
    const hostSignal = this.abortOf(lane).signal;
    const signal = this.signalOf(lane, hostSignal, request.signal);
    // Headers from a host (of any hop, any status) show it alive: its other requests may go at once,
    // without waiting for this one's body.
    const onAnswer = (url: URL): void => {
      request.onAnswer?.(url);
      const answering = url.host;
      this.answered.add(answering);
      // Timeouts count from the host's last answer: one that answers between them is busy, not gone.
      this.timeouts.delete(answering);
      if (answering === host) endProbe?.();
    };
    try {
      return await this.http.fetch({ ...request, signal, onAnswer, mendedHosts: this.mendedHosts });
    } catch (error) {
      if (!(error instanceof HttpError) || request.signal?.aborted) throw error;
      // A redirect may have led elsewhere: the host that failed is the one to remember.
      const failed = hostOf(error.url) ?? host;
      const reason = this.verdict(error, failed, request.purpose);
      if (reason !== null) this.giveUp(failed, reason, error.errorCode);
      const wait = HostMemory.askedToWait(error);
      if (wait !== null) this.holdUntil(failed, this.now() + wait, request.purpose ?? 'request');
      // "Too many requests" without saying for how long: asking its other pages and images at once
      // would be more of what it refused. Left alone for the rest of this sync only (a wait ending now
      // is kept by no later sync).
      else if (isTooManyRequests(error) && request.purpose !== 'feed') this.holdUntil(failed, this.now(), request.purpose ?? 'request', false);
      if (error.kind === 'aborted' && hostSignal.aborted) this.throwIfLeftAlone(host, request);
      // Its own failure keeps its own words (the feed says "connection refused"), known as the host's.
      if (this.down.has(failed)) hostFailures.add(error);
      throw error;
    } finally {
      endProbe?.();
    }
  }

  /**
   * Waits while another request probes a host not heard from yet. Returns how to end this
   * request's own probe when it is the one to go first, null when the host has answered already.
   */
  private async turnOf(host: string, request: FetchRequest): Promise<(() => void) | null> {
    for (;;) {
      if (request.signal?.aborted) throw cancelled(request.url);
      if (this.answered.has(host) || this.down.has(host) || this.heldFor(host, request.purpose)) return null;
      const probe = this.probes.get(host);
      if (!probe) {
        let end: () => void = () => undefined;
        const mine = new Promise<void>((resolve) => (end = resolve));
        this.probes.set(host, mine);
        // Ended at the host's first answer or at the request's end, whichever comes first.
        return () => {
          if (this.probes.get(host) === mine) this.probes.delete(host);
          end();
        };
      }
      await untilSettledOrAborted(probe, request.signal);
    }
  }

  /**
   * Why the host is to be given up on after this error, or null when it may still answer. A feed
   * left unanswered may be slow on its own: a feed is built when asked for, and some are slow to
   * build while the same host serves its other feeds at once (one host for many people's feeds, or
   * many of one site's). So, as for a host that answered, it takes a second to give its host up.
   * Once the host has answered in this sync, a feed's timeout is that feed's alone: one host
   * serving sixty feeds, six of them never built in time, gave itself up with the other
   * fifty-four's pages, every sync. Its pages and images still count: the second of them left
   * unanswered since the host's last answer gives it up (it answered, then stopped).
   */
  private verdict(error: HttpError, host: string, purpose: FetchPurpose | undefined): string | null {
    if (error.kind === 'network' && error.errorCode !== null) return DEAD_HOST_CODES[error.errorCode] ?? null;
    if (error.kind === 'connect-timeout') return error.message;
    if (error.kind !== 'timeout' && error.kind !== 'no-response') return null;
    if (purpose === 'feed' && this.answered.has(host)) return null;
    const count = (this.timeouts.get(host) ?? 0) + 1;
    this.timeouts.set(host, count);
    const allowed = this.answered.has(host) || purpose === 'feed' ? (this.options.timeoutsToGiveUp ?? 2) : 1;
    if (count < allowed) return null;
    return error.kind === 'no-response' ? error.message : `no answer, ${error.message}`;
  }

  private giveUp(host: string, reason: string, errorCode: string | null): void {
    if (this.down.has(host)) return;
    this.down.set(host, { reason, slow: this.answered.has(host), skipped: new Map(), errorCode });
    this.hostAborts.get(laneOf(host, 'feed'))?.abort();
    this.hostAborts.get(laneOf(host, 'page'))?.abort();
  }

  /**
   * Leaves the host alone until `until`, and for the rest of this sync whatever the wait: a sync
   * lasts minutes, and a server that asked for a few seconds is asked again next sync. Its requests
   * waiting for a connection leave at once; those already sent are abandoned (the answer to them
   * would be "wait" too).
   */
  private holdUntil(host: string, until: number, askedBy: Counted, saidHowLong = true): void {
    const earlier = this.held.get(host);
    const holdsFeeds = (askedBy === 'feed' && saidHowLong) || (earlier?.holdsFeeds ?? false);
    if (earlier && earlier.askedBy !== null && earlier.until >= until && earlier.holdsFeeds === holdsFeeds) return;
    this.held.set(host, {
      until: Math.max(until, earlier?.until ?? 0),
      // A page's wait stays a page's, which the sync keeps for the next (waitsAsked); a feed's is kept with the feeds.
      askedBy: earlier && earlier.askedBy !== null && earlier.askedBy !== 'feed' ? earlier.askedBy : askedBy,
      skipped: earlier?.skipped ?? new Map(),
      saidHowLong: saidHowLong || (earlier?.saidHowLong ?? false), holdsFeeds,
    });
    this.hostAborts.get(laneOf(host, 'page'))?.abort();
    if (holdsFeeds) this.hostAborts.get(laneOf(host, 'feed'))?.abort();
  }

  /** The host's wait, when it holds back a request of this purpose (a feed only when a feed was told it: see the header). */
  private heldFor(host: string, purpose: FetchPurpose | undefined): HeldHost | null {
    const held = this.held.get(host) ?? null;
    return purpose === 'feed' && held?.holdsFeeds !== true ? null : held;
  }

  /** Fails a request to a host given up on, or left alone because it asked to wait, counting it skipped. */
  private throwIfLeftAlone(host: string, request: FetchRequest): void {
    const down = this.down.get(host);
    const held = this.heldFor(host, request.purpose);
    if (!down && !held) return;
    const what = request.purpose ?? 'request';
    const skipped = (down ?? held)!.skipped;
    skipped.set(what, (skipped.get(what) ?? 0) + 1);
    if (down) throw new HttpError('unreachable', downInWords(host, down.slow, down.reason), request.url, null, null, down.errorCode);
    throw new HostWaitError(request.url, host, held!.until, held!.saidHowLong);
  }

  /**
   * The host's signal joined with the caller's. A sync passes one signal to all its requests, so
   * the joined one is made once per host, not per request (AbortSignal.any is costly to make).
   */
  private signalOf(lane: string, hostSignal: AbortSignal, callerSignal: AbortSignal | undefined): AbortSignal {
    if (!callerSignal) return hostSignal;
    let joined = this.joinedSignals.get(callerSignal);
    if (!joined) {
      joined = new Map();
      this.joinedSignals.set(callerSignal, joined);
    }
    let signal = joined.get(lane);
    if (!signal) {
      signal = AbortSignal.any([callerSignal, hostSignal]);
      // Every request to the host listens on it, as on the host's own signal.
      setMaxListeners(0, signal);
      joined.set(lane, signal);
    }
    return signal;
  }

  private abortOf(lane: string): AbortController {
    let controller = this.hostAborts.get(lane);
    if (!controller) {
      controller = new AbortController();
      // Every request to the host listens on it: many at once are expected, not a leak.
      setMaxListeners(0, controller.signal);
      this.hostAborts.set(lane, controller);
    }
    return controller;
  }
}

/** A host's feeds, or the rest of what is asked of it (its content): a wait asked for holds the content only. */
function laneOf(host: string, purpose: FetchPurpose | undefined): string {
  return `${purpose === 'feed' ? 'feeds' : 'content'} of ${host}`;
}

/** Failures of requests sent to a host that is now given up on. */
const hostFailures = new WeakSet<HttpError>();

/** Whether a fetch failed, or was skipped, because its host is unreachable in this sync. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof HttpError && (error.kind === 'unreachable' || hostFailures.has(error));
}

// Statuses that say the server could not answer now, not that the page is not there to answer.
const PASSING_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Whether a fetch failed for a reason that says nothing lasting about what was asked for: the
 * server was busy, slow to answer, or dropped the connection, even mid-body (a news site under
 * load as it publishes). A later sync may well get it; the sync tries again then (article-sync.ts).
 */
export function isPassingFailure(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  if (error.kind === 'timeout' || error.kind === 'no-response' || isDroppedConnection(error) || isCutShort(error)) return true;
  return error.kind === 'http-status' && error.status !== null && PASSING_STATUSES.has(error.status);
}

/**
 * A request not sent because its host asked to be left alone until `until`. Of the 'unreachable'
 * kind (the host gives no answer now, and each caller treats it so), told apart by HostMemory.isHeldBack.
 * Its message has no countdown: an article keeps it as the reason its copy is still to be made.
 */
class HostWaitError extends HttpError {
  constructor(url: string, host: string, readonly until: number, saidHowLong: boolean) {
    super('unreachable', saidHowLong
      ? `${readableHost(host)} asked to be left alone for a while: tried again when the wait is over`
      : `${readableHost(host)} said it had too many requests: tried again next sync`, url);
  }
}

/** A 429 that says no Retry-After (one that does is askedToWait's). */
function isTooManyRequests(error: HttpError): boolean {
  return error.kind === 'http-status' && error.status === 429 && HostMemory.askedToWait(error) === null;
}

/** A host that had answered in this sync before its requests went unanswered is slow, not gone. */
function downInWords(host: string, slow: boolean, reason: string): string {
  return `${host} ${slow ? 'too slow' : 'unreachable'} (${reason})`;
}

function skippedInWords(skipped: ReadonlyMap<Counted, number>): string {
  const counts = [...skipped].map(([what, n]) => `${n} ${n === 1 ? what : PLURALS[what]}`);
  return counts.length > 0 ? `: ${counts.join(', ')} skipped` : '';
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  if (error.kind === 'network') return isDroppedConnection(error);
  // A Retry-After is the server's own schedule: the feed honours it (feed-sync.ts) rather than retrying now.
  return error.kind === 'http-status' && error.status !== null && TRANSIENT_STATUSES.has(error.status) && error.retryAfterMs === null;
}

/** A connection the server (or the way to it) dropped: a reset, a broken pipe. */
function isDroppedConnection(error: HttpError): boolean {
  return error.kind === 'network' && error.errorCode !== null && TRANSIENT_CODES.has(error.errorCode);
}

/** host[:port] as the person would write it; null for what is not an address. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

function untilSettledOrAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve) => {
    const done = (): void => {
      stopListening();
      resolve();
    };
    const stopListening = whenAborted(signal, done);
    void promise.then(done);
  });
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      stopListening();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stopListening = signal ? whenAborted(signal, done) : () => undefined;
  });
}
