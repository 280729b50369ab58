// Who may talk to the preview server. It listens on 127.0.0.1 only, but any web page the person
// visits could still send requests to it, so every request must also show:
//   - a Host header naming exactly 127.0.0.1:<port> (a DNS-rebinding attacker's page sends its
//     own host name, even though its requests land here);
//   - no Origin, or this server's own (other sites' fetches and form posts carry theirs);
//   - the per-run secret: in the ?token= of the printed URL (which turns it into an HttpOnly,
//     SameSite=Strict cookie), then in that cookie or an x-paperboy-token header.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_HEADER = 'x-paperboy-token';

export interface GuardConfig {
  readonly host: string;
  readonly port: number;
  readonly token: string;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly status: 403 | 421; readonly reason: string };

/** Cookies are per host, not per port: each server names its own, so two previews never clash. */
export function cookieName(port: number): string {
  return `paperboy_preview_${port}`;
}

export function originOf(config: Pick<GuardConfig, 'host' | 'port'>): string {
  return `http://${config.host}:${config.port}`;
}

export function sameSecret(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A value that is not percent-encoding (a tampered cookie) is no secret: refused, not a crash.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Checks that hold for every request, the page itself included. */
export function checkSource(headers: IncomingHttpHeaders, config: GuardConfig): Verdict {
  if (headers.host !== `${config.host}:${config.port}`) {
    // Most often a person who typed localhost: say which address works (the token stays out of it).
    return { ok: false, status: 421, reason: `wrong Host header: open ${originOf(config)}/ (the address the preview printed), not ${headers.host ?? 'an address without a host'}` };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== originOf(config)) return { ok: false, status: 403, reason: 'cross-origin request' };
  // Browsers say where a request comes from; a cross-site one is refused even if it had the cookie.
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, status: 403, reason: `request from another site (${site})` };
  return { ok: true };
}

/** True when the request carries the secret in the cookie or the header. */
export function hasSession(headers: IncomingHttpHeaders, config: GuardConfig): boolean {
  const header = headers[TOKEN_HEADER];
  if (sameSecret(Array.isArray(header) ? header[0] : header, config.token)) return true;
  return sameSecret(readCookie(headers.cookie, cookieName(config.port)), config.token);
}

export function sessionCookie(config: GuardConfig): string {
  return `${cookieName(config.port)}=${encodeURIComponent(config.token)}; Path=/; HttpOnly; SameSite=Strict`;
}
