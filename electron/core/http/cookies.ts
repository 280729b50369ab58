// The cookies of one fetch's redirect chain. Sites behind a cookie check (a bot wall, a consent
// gate, a load balancer pinning the session) answer the first request with Set-Cookie and a 302,
// often to the same address, and serve the feed or page only to a request that sends the cookie
// back; without one a browser would show it and we showed "redirect loop" or "Please enable
// cookies". The jar lives as long as the chain: held in memory only, never stored, never sent on
// another fetch. RFC 6265's rules that matter here hold: a cookie goes back only to the host that
// set it (whatever its Domain says: the chain needs no more), under its path, until it expires,
// and a Secure one only over https.

interface Cookie {
  readonly name: string;
  readonly value: string;
  readonly host: string;
  readonly path: string;
  readonly secure: boolean;
  /** Epoch ms; null: until the chain ends. */
  readonly expires: number | null;
}

export class CookieJar {
  private cookies: Cookie[] = [];
  /** The addresses whose last answer set a cookie a request to them now carries anew (renewedBy). */
  private renewing: Set<string> | null = null;

  /** Takes a response's Set-Cookie headers, as received from `url`. */
  take(setCookies: readonly string[], url: URL, now: number): void {
    if (setCookies.length === 0) {
      this.renewing?.delete(url.href);
      return;
    }
    const before = this.header(url, now);
    for (const line of setCookies) {
      const cookie = parseSetCookie(line, url, now);
      if (!cookie) continue;
      this.cookies = this.cookies.filter((c) => !(c.name === cookie.name && c.host === cookie.host && c.path === cookie.path));
      if (cookie.expires === null || cookie.expires > now) this.cookies.push(cookie);
    }
    if (this.header(url, now) !== before) (this.renewing ??= new Set()).add(url.href);
    else this.renewing?.delete(url.href);
  }

  /** Whether the last answer taken from `url` set a cookie that a request to `url` would now carry
   *  and the one that answered did not: a cookie check whose page sets its cookie in its head and
   *  reloads itself by script (sync/article-sync.ts follows such a reload once). A cookie set again
   *  with the value it came with is nothing new. */
  renewedBy(url: URL): boolean {
    return this.renewing?.has(url.href) === true;
  }

  /** The Cookie header for a request to `url`, or null when no cookie goes there. */
  header(url: URL, now: number): string | null {
    const sent = this.cookies
      .filter((c) => c.host === url.hostname && pathMatches(url.pathname, c.path) && (!c.secure || url.protocol === 'https:') && (c.expires === null || c.expires > now))
      // Longer paths first (RFC 6265, 5.4): the more specific cookie wins on the server.
      .sort((a, b) => b.path.length - a.path.length);
    return sent.length > 0 ? sent.map((c) => `${c.name}=${c.value}`).join('; ') : null;
  }
}

function parseSetCookie(line: string, url: URL, now: number): Cookie | null {
  const [pair = '', ...attributes] = line.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return null;
  const name = pair.slice(0, equals).trim();
  const value = pair.slice(equals + 1).trim();
  let path = defaultPath(url.pathname);
  let secure = false;
  let maxAge: number | null = null;
  let expires: number | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const arg = at === -1 ? '' : attribute.slice(at + 1).trim();
    if (key === 'path' && arg.startsWith('/')) path = arg;
    else if (key === 'secure') secure = true;
    else if (key === 'max-age' && /^-?\d+$/.test(arg)) maxAge = Number(arg);
    else if (key === 'expires' && !Number.isNaN(Date.parse(arg))) expires = Date.parse(arg);
    // A Domain the host does not belong to (one site setting another's cookie) is refused whole.
    else if (key === 'domain' && arg !== '' && !domainMatches(url.hostname, arg.replace(/^\./, '').toLowerCase())) return null;
  }
  // Max-Age wins over Expires; zero or less deletes the cookie.
  if (maxAge !== null) expires = maxAge <= 0 ? 0 : now + maxAge * 1000;
  if (secure && url.protocol !== 'https:') return null;
  return { name, value, host: url.hostname, path, secure, expires };
}

/** RFC 6265, 5.1.4: the request path up to, not including, its last slash; "/" when that is empty. */
function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

/** RFC 6265, 5.1.4. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** RFC 6265, 5.1.3. */
function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
}
