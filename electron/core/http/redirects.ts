// Following a redirect: where to go next, with which method, and when to give up.
import { HttpError } from './errors';
import type { HopResponse } from './exchange';

export interface Hop {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly body: Buffer | null;
  readonly headers: Record<string, string>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Parses an address (a Location is relative to the URL that sent it); only http and https are fetched. */
export function parseTarget(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new HttpError('invalid-url', `invalid URL: ${address.slice(0, 200)}`, address);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError('unsupported-scheme', `cannot fetch ${url.protocol} addresses (only http and https)`, url.href);
  }
  return url;
}

/** A Location as parseTarget reads it; one to another scheme (ftp:, a mailto: on a retired feed,
 *  an app's own scheme) is refused saying where the server sent the person, who never typed it. */
function redirectTarget(location: string, base: URL): URL {
  try {
    return parseTarget(location, base);
  } catch (error) {
    if (!(error instanceof HttpError) || error.kind !== 'unsupported-scheme') throw error;
    const shown = error.url.length > 200 ? `${error.url.slice(0, 200)}…` : error.url;
    throw new HttpError('unsupported-scheme', `the server redirected to ${shown}, which is not a web address (only http and https are fetched)`, error.url);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A Location as browsers read it. Node hands a header's bytes over one character per byte, and
 * servers send addresses with non-ASCII paths (/新闻/, /été/) as raw UTF-8 more often than
 * percent-encoded: read as single bytes they became an address of mojibake that answered 404.
 * Bytes that are not UTF-8 stay as they came.
 */
function asBrowsersReadIt(location: string): string {
  if (!/[\x80-\xff]/.test(location)) return location;
  try {
    return UTF8.decode(Buffer.from(location, 'latin1'));
  } catch {
    return location;
  }
}

/** The longest wait, in seconds, that still makes a refresh a way on rather than the page's idle
 *  behaviour (a news page reloading every few minutes, "600; url=/" sending an idle reader home). */
export const REFRESH_DELAY_MAX = 10;
/** HTML's reading of a refresh's value: a delay, a separator, then the address (optionally "url="
 *  and quoted). The same in a `Refresh` header and a <meta http-equiv="refresh">'s content. */
const REFRESH_VALUE = /^\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,]\s*|\s+)(?:url\s*=\s*)?(["']?)(.+?)\2\s*$/i;

/** The address a refresh value sends the reader to within REFRESH_DELAY_MAX, as written; else null. */
export function refreshAddress(value: string): string | null {
  const refresh = REFRESH_VALUE.exec(value);
  return refresh && Number(refresh[1]) <= REFRESH_DELAY_MAX ? refresh[3]!.trim() : null;
}

/**
 * The hop a redirect leads to, or null when the response is not one to follow. A 2xx answer with a
 * `Refresh: 0; url=…` header (PHP's header("Refresh: …"), old CMSs' moved pages) is one too, as
 * browsers follow it: to an address other than its own, within REFRESH_DELAY_MAX, as a GET. `asked` tells
 * whether the chain has already asked for an address with the cookies it would send there now:
 * a 302 back to the same address that set a cookie is a cookie check, not a loop.
 */
export function nextHop(hop: Hop, response: HopResponse, redirects: readonly string[], maxRedirects: number, asked: (url: URL) => boolean): Hop | null {
  const { status } = response;
  const location = REDIRECT_STATUSES.has(status) ? response.headers.location : undefined;
  const refresh = status >= 200 && status < 300 && hop.method === 'GET' ? refreshedTo(response.headers.refresh, hop.url) : null;
  if (!location && refresh === null) return null;
  const url = location ? redirectTarget(asBrowsersReadIt(location), hop.url) : refresh!;
  if (asked(url)) {
    throw new HttpError('redirect-loop', `redirect loop at ${url.href}`, url.href);
  }
  if (redirects.length >= maxRedirects) {
    throw new HttpError('too-many-redirects', `too many redirects (more than ${maxRedirects})`, hop.url.href);
  }
  // What browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
  const toGet = status === 303 || (hop.method === 'POST' && (status === 301 || status === 302));
  let headers = toGet ? without(hop.headers, ['content-type', 'content-length']) : hop.headers;
  // Credentials the caller set for one site are not handed to another.
  if (url.origin !== hop.url.origin) headers = without(headers, ['authorization', 'cookie']);
  // Nor is a page's full address: the Referer is judged again for the new target, as a browser does.
  if (headers.referer !== undefined) {
    const referer = refererFor(headers.referer, url);
    headers = referer === null ? without(headers, ['referer']) : { ...headers, referer };
  }
  return { url, method: toGet ? 'GET' : hop.method, body: toGet ? null : hop.body, headers };
}

/** Where a `Refresh` header sends the reader on: an http(s) address other than the page's own
 *  (a reload is the page), its bytes read as a Location's; else null. */
function refreshedTo(value: string | undefined, page: URL): URL | null {
  const address = value === undefined ? null : refreshAddress(value);
  if (address === null) return null;
  let url: URL;
  try {
    url = parseTarget(asBrowsersReadIt(address), page);
  } catch {
    return null;
  }
  const same = (a: URL) => a.href.replace(/#.*$/, '');
  return same(url) === same(page) ? null : url;
}

/** Whether a fetch that was redirected moved for good: every hop a 301 or 308. A subscription
 *  follows such a move; a temporary one (302, 303, 307: a signed CDN address, a login) never. */
export function movedForGood(response: { readonly redirectStatuses: readonly number[] }): boolean {
  return response.redirectStatuses.length > 0 && response.redirectStatuses.every((status) => status === 301 || status === 308);
}

/** Past this length a browser sends the page's origin alone (the Fetch standard's limit). */
const MAX_REFERER_LENGTH = 4096;

/** The Referer a browser sends from `page` to `target` under its default policy
 *  (strict-origin-when-cross-origin): the page's address, without fragment or credentials, to
 *  the page's own origin; its origin alone to another; nothing from https to plain http. Null:
 *  none. Image hosts that refuse hotlinking answer 403 to a request without one from their site. */
export function refererFor(page: string, target: URL): string | null {
  let from: URL;
  try {
    from = new URL(page);
  } catch {
    return null;
  }
  if ((from.protocol !== 'http:' && from.protocol !== 'https:') || (from.protocol === 'https:' && target.protocol !== 'https:')) return null;
  const origin = `${from.origin}/`;
  if (from.origin !== target.origin) return origin;
  from.hash = '';
  from.username = '';
  from.password = '';
  return from.href.length > MAX_REFERER_LENGTH ? origin : from.href;
}

function without(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}
