// The HTTP client every download goes through (feeds, pages, images, icons, comment posts):
// Node's own http/https with keep-alive, streaming decompression under a size cap, redirects,
// conditional GET, timeouts, cancellation, connection limits (per host and overall), the network scope
// each request may connect to (network-scope.ts), checked on every hop, and the cookies a redirect
// chain sets for itself (cookies.ts).
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { BodySink } from './body';
import type { CutBody } from './decompress';
import { CookieJar } from './cookies';
import { HttpError, cancelled, parseRetryAfter, statusError } from './errors';
import { exchange, isMendableHead, isStaleSocketError, type HopRequest, type HopResponse } from './exchange';
import { HostLimiter } from './limiter';
import { ISSUER_MAX_BYTES, isMissingIssuer, MissingIntermediates } from './missing-intermediates';
import { ContentScopes, checkLiteralHost, checkProxiedName, judgeChosen, guardedLookup, networkPolicy, type FetchScope, type HopScope, type NetworkHooks, type NetworkPolicy, type RemoteAddress } from './network-scope';
import { isProxyDown, proxyFailure, proxyLogin, unsupportedMessage, type ProxyResolver, type ProxyRoute } from './proxy';
import { ProxyRoutes } from './proxy-routes';
import { nextHop, parseTarget, type Hop } from './redirects';
import { SECURE_OPTIONS } from './unpatched-servers';

export { HttpError, type HttpErrorKind } from './errors';
export type { BodySink } from './body';

export interface HttpClientOptions {
  readonly userAgent: string;
  /** Concurrent requests per host:port (default 6); extra requests queue, their timeouts not yet running. */
  readonly perHostLimit?: number;
  /** Concurrent requests over all hosts (default 48, reached with 8 hosts busy); extra requests queue likewise. */
  readonly maxConnections?: number;
  readonly connectTimeoutMs?: number;
  /**
   * Per hop of a GET, from the request being sent to the response's headers (default 10 s, and
   * 45 s for a feed's own request): a host that accepts and never answers costs this, not the
   * whole timeout. A POST has none: the server may be at work on it (a comment being checked) and
   * a second send would repeat it. Set, it is the wait of every GET, feeds' too, unless...
   */
  readonly firstByteTimeoutMs?: number;
  /** ...a feed's own request (purpose 'feed') is given a wait of its own. */
  readonly feedFirstByteTimeoutMs?: number;
  /** Per hop of a redirect chain, from sending the request to the last body byte (default 3 min). */
  readonly timeoutMs?: number;
  /** Per hop, the longest a body may stop coming before it is given up on (default 20 s). */
  readonly idleTimeoutMs?: number;
  /** Redirects followed before giving up (default 20, as Chrome and Firefox: feed addresses pass
   *  through trackers, proxies and old hosts, and chains of 6 to 8 hops are met on the real web). */
  readonly maxRedirects?: number;
  /**
   * Scope of a request that names none. The core says 'public', so a call site that forgets to
   * choose is refused the local network rather than trusted; a bare client (its own tests) allows any.
   */
  readonly defaultScope?: FetchScope;
  /** Test seams for DNS and for which addresses count as public (network-scope.ts). */
  readonly network?: NetworkHooks;
  /** The proxies to go through, per address (proxy.ts); none: every request goes direct. */
  readonly proxy?: ProxyResolver;
}

export interface FetchRequest {
  readonly url: string;
  readonly accept?: string;
  /** Sent as If-None-Match (on every hop: the stored validator belongs to the final URL). */
  readonly etag?: string | null;
  /** Sent as If-Modified-Since (on every hop, like the ETag). */
  readonly lastModified?: string | null;
  /** Cap on the decompressed body; reading stops as soon as it is passed. */
  readonly maxBytes: number;
  /**
   * A 2xx body compressed with an encoding the client knows is handed over as it came, with
   * FetchResponse.encoding, for a worker to inflate in one call (inflate.ts): maxBytes then caps
   * the compressed bytes, and the inflating caps the rest. Not with a sink.
   */
  readonly keepEncoded?: boolean;
  /** What becomes of a body that stops before its end: a compressed one (gzip, deflate, brotli)
   *  whose stream ends short in an answer that came whole, one whose connection closes or resets
   *  before its Content-Length or its last chunk, one that stalls past the idle wait
   *  (decompress.ts's CutBody; a kept-encoded one is the inflating's to judge, a sink's always
   *  fails): 'cut short' unless said; read from what arrived, the response says `cutShort`. */
  readonly cutBody?: CutBody;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly method?: 'GET' | 'POST';
  readonly body?: string | Buffer;
  readonly contentType?: string;
  /** When false a 3xx is returned as the response (a comment form that answers 302). */
  readonly followRedirects?: boolean;
  /** Read the body of a 4xx/5xx answer too (up to maxBytes) and keep it on the HttpError: the
   *  site's own words for a refused comment are on its error page. */
  readonly errorBody?: boolean;
  /** Extra headers; they cannot override the ones this client manages (user-agent, accept, ...). */
  readonly headers?: Record<string, string>;
  /** 'chosen' for a subscribed feed or a typed address; 'public' for what content points at. */
  readonly scope?: FetchScope;
  /** What is fetched: a feed waits longer for its answer than the rest (DEFAULT_FEED_FIRST_BYTE_TIMEOUT_MS);
   *  the sync log counts what a dead host made it skip (host-memory.ts). */
  readonly purpose?: FetchPurpose;
  /**
   * Where the 2xx body goes, chunk by chunk as it arrives, instead of into FetchResponse.body
   * (then empty): an image written to its file without being held whole in memory. The size cap
   * holds all the same; on any failure the fetch rejects and the sink's owner drops what it took.
   */
  readonly sink?: BodySink;
  /** Told, with the URL asked, when a server's response headers arrive: per hop, whatever the status. */
  readonly onAnswer?: (url: URL) => void;
  /**
   * Told the size of each piece of a body read off the wire (as it came, compressed), on every hop
   * and whatever becomes of it: a page cut short, an image refused for its size after its first
   * bytes, an error page, a redirect's short body drained to keep its connection. What came over
   * the wire is known here only, and a failure carries no response to count it from.
   */
  readonly onBytes?: (count: number) => void;
  /**
   * Judges a 2xx body by its headers and its first bytes (HEAD_BYTES of them as they came on the
   * wire, still compressed when the headers name an encoding; fewer when the body is shorter)
   * before the rest is read: an article's link that turns out to be a podcast's episode or a
   * 40 MB PDF. False ends the fetch there, before any size cap, and the response is
   * `stoppedAtHead`, its body those bytes. Not with a sink.
   */
  readonly readOn?: (headers: Readonly<Record<string, string>>, first: Buffer) => boolean;
  /**
   * Hosts (host:port) whose response heads Node's parser refused in a way a browser may read (a
   * header name with a space, lines ended by LF alone, a repeated Content-Length; head-mending.ts),
   * shared by the fetches of one sync (HostMemory): a GET refused so is asked again once with its
   * head mended, and its host added here, whether the mended head could be read or not, so its next
   * requests are mended from the start instead of being asked twice. Without it each such GET is
   * still asked again once.
   */
  readonly mendedHosts?: Set<string>;
  /**
   * The cookies of a chain that goes on past this fetch: an article's page and the pages its
   * script sends the reader on to (a cookie check's reload, sync/article-sync.ts), whose cookies
   * the caller adds to it as a browser's script would. Without it the jar is this fetch's alone.
   */
  readonly cookies?: CookieJar;
}

export type FetchPurpose = 'feed' | 'page' | 'image' | 'icon' | 'comment feed';

export interface FetchResponse {
  /** Final URL after redirects. */
  readonly url: string;
  /** 2xx, 304, or a 3xx when followRedirects is false. */
  readonly status: number;
  readonly notModified: boolean;
  /** Lower-case names; repeated headers joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Decompressed unless `encoding` says otherwise; empty for a 304, and when the request gave a sink. */
  readonly body: Buffer;
  /** The Content-Encoding the body still has (FetchRequest.keepEncoded); null or absent: decoded. */
  readonly encoding?: string | null;
  /** The URLs that answered with a redirect, in order (the requested one first); `url` is not among them. */
  readonly redirects: readonly string[];
  /** The status each of `redirects` answered with (301 and 308 say the move is permanent). */
  readonly redirectStatuses: readonly number[];
  /** Body bytes of the final answer read off the wire (compressed); a redirect's are not counted here (onBytes has them). */
  readonly transferredBytes: number;
  /** The address the final response came from. */
  readonly servedBy: RemoteAddress | null;
  /** FetchRequest.readOn ended the body after its first bytes (which `body` holds); absent: read whole. */
  readonly stoppedAtHead?: boolean;
  /** The body is what arrived of one that stopped before its end (FetchRequest.cutBody); absent: whole. */
  readonly cutShort?: boolean;
}

export interface HttpClient {
  fetch(request: FetchRequest): Promise<FetchResponse>;
  /** Cancels requests in flight and queued ones, and closes kept-alive connections. */
  close(): void;
  /** Decides the scope of feeds' content under this client's DNS and address rules; one per sync. */
  contentScopes(): ContentScopes;
}

/** What a page is asked for as, as a browser asks for a document: HTML first, anything else
 *  still taken (a server with only a text file or a PDF there sends it). One value for every
 *  caller, so an article's page, its comment pages, its form read before a send and the post
 *  itself ask the same way. */
export const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

const RETRY_AFTER_STATUSES = new Set([429, 503]);
// Uncached pages on cheap shared hosting can take several seconds before their headers: 10 s
// keeps them, and a host that never answers still costs only one such wait per sync (a host not
// heard from yet gets one request at a time).
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 10_000;
// A feed is one request per subscription per sync, and without it nothing of the site comes: an
// uncached WordPress feed on shared hosting may take 20 s to start, and Newsboat and NetNewsWire
// wait 30 to 60 s. Pages and images, many per feed, keep the shorter wait.
export const DEFAULT_FEED_FIRST_BYTE_TIMEOUT_MS = 45_000;
// A body that keeps coming is waited for (exchange.ts); one that stops for this long is given up.
const DEFAULT_IDLE_TIMEOUT_MS = 20_000;
// Bounds a body that trickles in just fast enough never to stall: the largest one taken (a 10 MB
// image, sync/limits.ts) still arrives at about 60 KB/s.
const DEFAULT_TIMEOUT_MS = 180_000;

interface ClientState {
  readonly options: HttpClientOptions;
  /**
   * Kept-alive connections per scope: a socket opened for an intranet feed must never carry a
   * request of public content, which would skip the address check.
   */
  readonly agents: Record<HopScope, Record<'http:' | 'https:', http.Agent>>;
  readonly policy: NetworkPolicy;
  readonly limiter: HostLimiter;
  /** Aborted by close(): every fetch listens to it, joined with its caller's signal. */
  readonly closing: AbortController;
  /** Per caller's signal, its join with `closing` (fetchSignal). */
  readonly joined: WeakMap<AbortSignal, AbortSignal>;
  /** Issuers' certificates that sites left out of their chains, fetched as browsers do. */
  readonly intermediates: MissingIntermediates;
  /** The proxies of each origin, their connections and the dead ones; null without a resolver. */
  readonly proxies: ProxyRoutes | null;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const agentPair = () => ({ 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true, secureOptions: SECURE_OPTIONS }) });
  const agents = { any: agentPair(), public: agentPair() };
  const policy = networkPolicy(options.network);
  const closing = new AbortController();
  // Every fetch in flight or queued listens on it: many at once are expected, not a leak.
  setMaxListeners(0, closing.signal);
  const state: ClientState = {
    options, agents, policy, limiter: new HostLimiter(options.perHostLimit, options.maxConnections), closing, joined: new WeakMap(),
    intermediates: new MissingIntermediates(options.network?.extraRoots),
    proxies: options.proxy
      ? new ProxyRoutes(options.proxy, (proxy) => guardedLookup(new URL(`http://${proxy.label}/`), 'any', policy), connectTimeout(options))
      : null,
  };
  const { proxies } = state;
  return {
    fetch: (request) => fetchFollowing(request, state),
    close() {
      closing.abort();
      for (const pair of Object.values(agents)) for (const agent of Object.values(pair)) agent.destroy();
      state.proxies?.close();
    },
    contentScopes: () => new ContentScopes(policy, proxies ? (url) => proxies.namesByProxy(url) : undefined),
  };
}

const MAX_REDIRECTS = 20;

async function fetchFollowing(request: FetchRequest, state: ClientState): Promise<FetchResponse> {
  const { options } = state;
  const follow = request.followRedirects ?? true;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  let hop: Hop = {
    url: parseTarget(request.url),
    method: request.method ?? 'GET',
    body: request.body === undefined ? null : Buffer.from(request.body),
    headers: requestHeaders(request, options.userAgent),
  };
  const redirects: string[] = [];
  const redirectStatuses: number[] = [];
  let transferredBytes = 0;
  const scope = await hopScope(request, hop.url, state);
  const signal = fetchSignal(state, request.signal);
  const jar = request.cookies ?? new CookieJar();
  // Each address asked for, with the cookies sent to it: the same twice is a loop.
  const asked = new Set<string>();
  const askedKey = (url: URL): string => `${url.href} ${jar.header(url, Date.now()) ?? ''}`;
  for (;;) {
    asked.add(askedKey(hop.url));
    const response = await send(withCookies(hop, jar.header(hop.url, Date.now())), scope, request, state, signal, follow);
    transferredBytes += response.wireBytes;
    jar.take(response.setCookies, hop.url, Date.now());
    const next = follow ? nextHop(hop, response, redirects, maxRedirects, (url) => asked.has(askedKey(url))) : null;
    if (next) {
      redirects.push(hop.url.href);
      redirectStatuses.push(response.status);
      hop = next;
      continue;
    }
    return finish(hop.url.href, response, follow, { redirects, redirectStatuses }, transferredBytes);
  }
}

interface ChainScope {
  readonly scope: HopScope;
  readonly policy: NetworkPolicy;
}

/**
 * The scope of every hop of this fetch. A chosen address is judged as typed, before the first
 * hop, never by where its redirects lead: a public feed answering 301 to the intranet stays public.
 */
async function hopScope(request: FetchRequest, url: URL, { policy, options, proxies }: ClientState): Promise<ChainScope> {
  const scope = request.scope ?? options.defaultScope ?? 'any';
  if (scope !== 'chosen') return { scope, policy };
  return await judgeChosen(url, policy, (await proxies?.namesByProxy(url)) === true);
}

/**
 * One hop: waits for a slot on the host, then exchanges. A GET is asked again once when its
 * kept-alive socket was stale, or when its head was refused by Node's parser in a way a browser
 * reads (head-mending.ts): never a POST, which the server may already have acted on. A hop whose
 * site left its issuer's certificate out is tried once more after that certificate was fetched
 * (missing-intermediates.ts; the handshake failed, nothing was sent), outside the slot: that
 * fetch may need a slot of its own.
 */
async function send(hop: Hop, chain: ChainScope, request: FetchRequest, state: ClientState, signal: AbortSignal, follow: boolean): Promise<HopResponse> {
  try {
    return await sendInSlot(hop, chain, request, state, signal, follow);
  } catch (error) {
    // Through a proxy the certificate cannot be read on a connection of the client's own.
    if (hop.url.protocol !== 'https:' || !isMissingIssuer(error) || state.proxies) throw error;
    const fetchIssuer = (url: string) =>
      fetchFollowing({ url, accept: 'application/pkix-cert,application/x-x509-ca-cert,*/*;q=0.5', maxBytes: ISSUER_MAX_BYTES, scope: chain.scope, signal }, state)
        .then((response) => response.body);
    if (!(await state.intermediates.mend(hop.url, guardedLookup(hop.url, chain.scope, chain.policy), fetchIssuer))) throw error;
    return await sendInSlot(hop, chain, request, state, signal, follow);
  }
}

async function sendInSlot(hop: Hop, chain: ChainScope, request: FetchRequest, state: ClientState, signal: AbortSignal, follow: boolean): Promise<HopResponse> {
  const { url } = hop;
  checkLiteralHost(url, chain.scope, chain.policy);
  const key = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  // Asked before the slot: a resolver's answer is no reason to hold the host's connection.
  const list = state.proxies ? await state.proxies.listFor(url) : null;
  const release = await state.limiter.acquire(key, signal, () => cancelled(url.href));
  try {
    if (!list) return await sendVia('direct', hop, key, chain, request, state, signal, follow);
    return await sendThroughList(list.routes, list.unsupported, hop, key, chain, request, state, signal, follow);
  } finally {
    release();
  }
}

/**
 * The routes in order, as browsers take them: a proxy that cannot be connected to is left for
 * the next route, and for the rest of the client's life. Nothing left: the last proxy's failure.
 */
async function sendThroughList(
  routes: readonly ProxyRoute[], unsupported: readonly string[], hop: Hop, key: string, chain: ChainScope, request: FetchRequest, state: ClientState,
  signal: AbortSignal, follow: boolean,
): Promise<HopResponse> {
  let failure: HttpError | null = null;
  for (const route of routes) {
    const down = route === 'direct' ? undefined : state.proxies?.downError(route);
    if (down) {
      failure = down;
      continue;
    }
    try {
      return await sendVia(route, hop, key, chain, request, state, signal, follow);
    } catch (error) {
      if (route === 'direct' || !isProxyDown(error)) throw error;
      state.proxies?.markDown(route, error as HttpError);
      failure = error as HttpError;
    }
  }
  throw failure ?? proxyFailure(hop.url.href, unsupportedMessage(unsupported));
}

async function sendVia(
  route: ProxyRoute, hop: Hop, key: string, { scope, policy }: ChainScope, request: FetchRequest, state: ClientState, signal: AbortSignal, follow: boolean,
): Promise<HopResponse> {
  const { url } = hop;
  const proxy = route === 'direct' ? null : route;
  if (proxy) await checkProxiedName(url, scope, policy, proxy.kind !== 'http');
  const agents = proxy ? state.proxies!.agentsOf(proxy) : state.agents[scope];
  const exchangeRequest: HopRequest = {
    ...hop,
    agent: agents[url.protocol as 'http:' | 'https:'],
    // Through a proxy the proxy resolves the origin's name; the lookup is then the proxy's own.
    lookup: guardedLookup(url, scope, policy),
    via: proxy,
    secureContext: url.protocol === 'https:' ? state.intermediates.contextFor(key) : undefined,
    maxBytes: request.maxBytes,
    timeoutMs: request.timeoutMs ?? state.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    idleTimeoutMs: state.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    connectTimeoutMs: connectTimeout(state.options),
    firstByteTimeoutMs: hop.method === 'GET' ? firstByteTimeout(request.purpose, state.options) : null,
    signal,
    onAnswer: request.onAnswer ? () => request.onAnswer?.(url) : null,
    onBytes: request.onBytes ?? null,
    sink: request.sink ?? null,
    keepEncoded: request.keepEncoded === true,
    cutBody: request.cutBody ?? 'cut short',
    readOn: request.readOn ?? null,
    // A mended head is read over a connection of the client's own, which a proxy would not see.
    mendHead: proxy === null && request.mendedHosts?.has(key) === true,
    wantsBody: (status) =>
      (status >= 200 && status < 300) || (!follow && status >= 300 && status < 400 && status !== 304) || (request.errorBody === true && status >= 400),
  };
  let response: HopResponse;
  try {
    try {
      response = await exchange(exchangeRequest);
    } catch (error) {
      if (hop.method !== 'GET' || !isStaleSocketError(error)) throw error;
      response = await exchange(exchangeRequest);
    }
  } catch (error) {
    // Asked again on a fresh socket or not, a head a browser reads is asked for once more, mended.
    if (hop.method !== 'GET' || !isMendableHead(error) || proxy !== null) throw error;
    let mended: HopResponse;
    try {
      mended = await exchange({ ...exchangeRequest, mendHead: true });
    } catch (mendedError) {
      // Still refused as a response (Content-Length beside Transfer-Encoding): the host's next
      // requests are refused in one request, not two. Not a time-out: that says nothing of its heads.
      if (mendedError instanceof HttpError && mendedError.errorCode?.startsWith('HPE_') === true) request.mendedHosts?.add(key);
      throw mendedError;
    }
    request.mendedHosts?.add(key);
    return mended;
  }
  // An HTTP proxy's answer, not the site's: it wants a login for http addresses as for tunnels.
  if (proxy?.kind === 'http' && response.status === 407) throw proxyLogin(proxy, url.href);
  return response;
}

function connectTimeout(options: HttpClientOptions): number {
  return options.connectTimeoutMs ?? 10_000;
}

function firstByteTimeout(purpose: FetchPurpose | undefined, options: HttpClientOptions): number {
  if (purpose === 'feed') return options.feedFirstByteTimeoutMs ?? options.firstByteTimeoutMs ?? DEFAULT_FEED_FIRST_BYTE_TIMEOUT_MS;
  return options.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS;
}

/** The hop with the chain's cookies for its address added to any the caller gave. */
function withCookies(hop: Hop, cookies: string | null): Hop {
  if (cookies === null) return hop;
  const cookie = hop.headers.cookie ? `${hop.headers.cookie}; ${cookies}` : cookies;
  return { ...hop, headers: { ...hop.headers, cookie } };
}

function finish(url: string, response: HopResponse, follow: boolean, chain: Pick<FetchResponse, 'redirects' | 'redirectStatuses'>, transferredBytes: number): FetchResponse {
  const { status, headers } = response;
  const ok = (status >= 200 && status < 300) || status === 304 || (!follow && status >= 300 && status < 400);
  if (!ok) {
    const retryAfterMs = RETRY_AFTER_STATUSES.has(status) ? parseRetryAfter(headers['retry-after'], headers.date, Date.now()) : null;
    throw statusError(url, status, retryAfterMs, response.body.length > 0 ? response.body : null, headers);
  }
  return {
    url,
    status,
    notModified: status === 304,
    headers,
    contentType: headers['content-type'] ?? null,
    etag: headers.etag ?? null,
    lastModified: headers['last-modified'] ?? null,
    body: response.body,
    encoding: response.encoding,
    ...chain,
    transferredBytes,
    servedBy: response.remote,
    ...(response.stoppedAtHead ? { stoppedAtHead: true } : {}),
    ...(response.cutShort ? { cutShort: true } : {}),
  };
}

function requestHeaders(request: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['user-agent'] = userAgent;
  headers.accept = request.accept ?? '*/*';
  // Only encodings body.ts can decode: a custom value here would hand back bytes nobody can read.
  headers['accept-encoding'] = 'gzip, deflate, br';
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  if (request.body !== undefined) {
    headers['content-type'] = request.contentType ?? headers['content-type'] ?? 'application/x-www-form-urlencoded';
    headers['content-length'] = String(Buffer.byteLength(request.body));
  }
  return headers;
}

/**
 * The signal a fetch listens to: the client's close() and the caller's cancel. A sync passes one
 * signal to its many fetches, so the two are joined once per caller's signal, not per fetch (a
 * controller and a listener per fetch were a measurable part of its cost).
 */
function fetchSignal(state: ClientState, callerSignal: AbortSignal | undefined): AbortSignal {
  if (!callerSignal) return state.closing.signal;
  let signal = state.joined.get(callerSignal);
  if (!signal) {
    signal = AbortSignal.any([callerSignal, state.closing.signal]);
    setMaxListeners(0, signal);
    state.joined.set(callerSignal, signal);
  }
  return signal;
}
