// HttpError and its messages. A message is what a user reads in the sync log, so it is short,
// plain English, and never a raw Node error code.
import { STATUS_CODES } from 'node:http';
import { errorMessage } from '../../../shared/error-message';
import { readableHost } from './readable-host';

export type HttpErrorKind =
  | 'invalid-url'
  | 'unsupported-scheme'
  /** Content of a public feed pointing into the local network (network-scope.ts). */
  | 'blocked'
  | 'connect-timeout'
  /** Connected and asked, but no response headers came in time (exchange.ts). */
  | 'no-response'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'network'
  /** No proxy the network's settings name could be used: down, asking a login, of a kind not spoken (proxy.ts). */
  | 'proxy'
  /** Skipped: the host failed earlier in this sync (host-memory.ts). */
  | 'unreachable'
  | 'aborted';

export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    readonly url: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
    /** Node's error code for a 'network' error (ECONNREFUSED, ENOTFOUND, ...): what failed, for host-memory.ts. */
    readonly errorCode: string | null = null,
    /** The error page, when the request asked for it (FetchRequest.errorBody). */
    readonly body: Buffer | null = null,
    /** An error status's response headers (lower-case names): what the server said of its refusal
     *  beyond the status (Cloudflare's cf-mitigated, say), without reading the page. */
    readonly headers: Readonly<Record<string, string>> | null = null,
  ) {
    super(message);
  }
}

export function cancelled(url: string): HttpError {
  return new HttpError('aborted', 'cancelled', url);
}

export function statusError(
  url: string, status: number, retryAfterMs: number | null, body: Buffer | null = null, headers: Readonly<Record<string, string>> | null = null,
): HttpError {
  const retry = retryAfterMs !== null && retryAfterMs > 0 ? `, retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
  return new HttpError('http-status', statusMessage(status) + retry, url, status, retryAfterMs, null, body, headers);
}

function statusMessage(status: number): string {
  if (status === 410) return 'gone (HTTP 410)';
  if (status === 429) return 'too many requests (HTTP 429)';
  // Mostly a site that keeps readers of some countries out (many American newspapers since the
  // GDPR): "Unavailable For Legal Reasons" left the person to guess whose reasons, and where.
  if (status === 451) return 'the site will not serve this where you are, for legal reasons (HTTP 451)';
  const text = STATUS_CODES[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

/**
 * The longest Retry-After honoured. The header is for a server that is briefly overloaded, down
 * for maintenance, or out of a quota; quotas reset daily at the longest. A longer wait ("a year",
 * a misconfigured server) would silence a subscription with nobody noticing, while a server still
 * busy after a day just says so again: one request a day costs it nothing.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Retry-After as a delay, at most MAX_RETRY_AFTER_MS. An HTTP-date is measured against the
 * server's own Date header when it sent one, so a wrong clock on either side does not stretch or
 * shrink the wait.
 */
export function parseRetryAfter(value: string | undefined, serverDate: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  const reference = serverDate ? Date.parse(serverDate) : NaN;
  return Math.min(Math.max(0, at - (Number.isNaN(reference) ? now : reference)), MAX_RETRY_AFTER_MS);
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(1))} s`;
}

export function sizeLabel(bytes: number): string {
  const units: [number, string][] = [[1024 * 1024 * 1024, 'GB'], [1024 * 1024, 'MB'], [1024, 'KB']];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

const CODE_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network is down',
};

/** A refused secure connection, in words that name the host: the feed's status and the sync log
 *  show this alone, and "the site's certificate" left the person to guess which site (a feed's
 *  pages and pictures live on other hosts). Said as the browsers say it, with what may help, after
 *  a colon: the feed list shows a reason up to its first semicolon. Never an offer to read the site
 *  anyway: the certificate is what says the feed came from that site unchanged. */
const UNTIL_FIXED = 'Paperboy will not read the site until its certificate is fixed';
const TLS_CODE_MESSAGES: Record<string, (host: string) => string> = {
  CERT_HAS_EXPIRED: (host) => `the certificate of ${host} has expired: Paperboy will not read the site until its owner renews it`,
  CERT_NOT_YET_VALID: (host) => `the certificate of ${host} is not valid yet: check this computer's date and time`,
  DEPTH_ZERO_SELF_SIGNED_CERT: (host) => `the certificate of ${host} is self-signed, so who sent it cannot be checked: ${UNTIL_FIXED}`,
  SELF_SIGNED_CERT_IN_CHAIN: (host) => `the certificate of ${host} comes from an authority this computer does not trust: ${UNTIL_FIXED}`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: (host) => `the certificate of ${host} could not be verified: ${UNTIL_FIXED}`,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (host) => `the certificate of ${host} could not be verified: ${UNTIL_FIXED}`,
  UNABLE_TO_GET_ISSUER_CERT: (host) => `the certificate of ${host} could not be verified: ${UNTIL_FIXED}`,
  CERT_REVOKED: (host) => `the certificate of ${host} was revoked: ${UNTIL_FIXED}`,
};

/** OpenSSL's reasons a handshake failed without a certificate's code (Node says EPROTO), by the
 *  words in its message. */
const TLS_REASONS: readonly (readonly [RegExp, (host: string) => string])[] = [
  // A server that speaks TLS 1.0 or 1.1 only: OpenSSL 3 and every browser refuse them since 2020.
  [/alert protocol version|unsupported protocol|no protocols available/i,
    (host) => `${host} offers only an old version of secure connections (TLS 1.0 or 1.1) that is no longer accepted`],
  [/handshake failure|no shared cipher|insufficient security/i, (host) => `${host} refused to set up a secure connection (its server may accept only old encryption)`],
  // An https address whose port answers in plain http.
  [/wrong version number/i, (host) => `${host} did not answer with a secure connection on that port: try the address with http://`],
];

/** Maps a Node socket, DNS, TLS or parser error to a 'network' HttpError. */
export function networkError(error: unknown, url: URL): HttpError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return new HttpError('network', networkMessage(code, readableHost(url.hostname), error), url.href, null, null, code || null);
}

function networkMessage(code: string, host: string, error: unknown): string {
  if (code === 'ENOTFOUND') return `could not resolve host ${host}`;
  if (code === 'EAI_AGAIN') return `could not resolve host ${host} (DNS lookup failed, try again later)`;
  const tls = TLS_CODE_MESSAGES[code];
  if (tls) return tls(host);
  // The names last: a long list is what the feed list cuts, not what Paperboy does about it.
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the certificate of ${host} is for another site: ${UNTIL_FIXED}${certificateNames(error)}`;
  const known = CODE_MESSAGES[code];
  if (known) return known;
  // Past the 256 KB a browser takes too (exchange.ts): a server gone wrong, in words.
  if (code === 'HPE_HEADER_OVERFLOW') return 'the server sent too many or too long headers';
  // What was wrong, in the parser's words ("Content-Length can't be present with
  // Transfer-Encoding"): the person can tell the site's owner, who can fix it.
  if (code.startsWith('HPE_')) return `the server sent an invalid HTTP response${parseReason(error)}`;
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.includes('CERT')) {
    const text = `${code} ${errorMessage(error)}`;
    const reason = TLS_REASONS.find(([words]) => words.test(text));
    return reason ? reason[1](host) : `the secure connection to ${host} failed (${code})`;
  }
  const detail = code || errorMessage(error);
  return `network error (${detail})`;
}

/** " (it is for a.example, b.example)": the names a certificate for another host holds (Node puts
 *  the certificate on ERR_TLS_CERT_ALTNAME_INVALID), so the person sees whose it is; a few at most. */
function certificateNames(error: unknown): string {
  const alt = (error as { cert?: { subjectaltname?: unknown } } | null)?.cert?.subjectaltname;
  if (typeof alt !== 'string') return '';
  const names = alt.split(/,\s*/).map((name) => name.replace(/^(?:DNS|IP Address):/, '')).filter((name) => name !== '');
  if (names.length === 0) return '';
  return ` (it is for ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''})`;
}

/** " (reason)" from a Node parse error's reason, or nothing when it gives none. */
function parseReason(error: unknown): string {
  const reason = (error as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? ` (${reason.trim().replace(/\.$/, '')})` : '';
}
