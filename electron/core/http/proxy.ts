// Going through a proxy, as office networks require: the host says, per address, which proxies to
// try in the form a PAC script answers ("PROXY host:port; DIRECT"); Electron's resolveProxy
// (system settings, PAC) for the app, the environment's *_proxy variables for the command line
// (environment-proxy.ts). An http address is asked of the proxy in absolute form (GET
// http://site/path); an https one through a CONNECT tunnel, inside which TLS runs to the origin and
// its certificate is checked against the origin's name as on a direct connection. The proxy sees
// which hosts are asked for, never what https carries (docs/security.md).
// SOCKS proxies (SOCKS5, and SOCKS4a for "SOCKS"/"SOCKS4") carry both kinds of address as a plain
// connection to the site (socks.ts). HTTPS proxies (TLS to the proxy itself) are not spoken: a list
// naming only those is refused in words.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { HttpError, seconds } from './errors';
import { socksConnect, type SocksFailures } from './socks';
import { SECURE_OPTIONS } from './unpatched-servers';

/** For an address, the proxies to try in PAC-result form: "PROXY host:port; DIRECT". */
export type ProxyResolver = (url: string) => Promise<string> | string;

export interface ProxyServer {
  /** An HTTP proxy (absolute-form requests, CONNECT), or a SOCKS one of either version. */
  readonly kind: 'http' | 'socks5' | 'socks4';
  readonly host: string;
  readonly port: number;
  /** The login the proxy's address carried (PROXY user:pass@host:port), for SOCKS5's RFC 1929. */
  readonly login: { readonly user: string; readonly password: string } | null;
  /** "Basic ..." of that login, for an HTTP proxy's Proxy-Authorization. */
  readonly authorization: string | null;
  /** host:port, as the person's settings name it: never the login. */
  readonly label: string;
}

export type ProxyRoute = ProxyServer | 'direct';

interface ParsedList {
  readonly routes: readonly ProxyRoute[];
  /** Entries of kinds not spoken ("HTTPS host:port"), for the message when nothing else is left. */
  readonly unsupported: readonly string[];
}

const DIRECT_ONLY: ParsedList = { routes: ['direct'], unsupported: [] };

/** A PAC result as a list of routes; an empty one is DIRECT, as browsers read it. */
export function parseProxyList(list: string): ParsedList {
  const routes: ProxyRoute[] = [];
  const unsupported: string[] = [];
  for (const entry of list.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
    const [kind = '', address = ''] = entry.split(/\s+/, 2);
    const spoken = SPOKEN_KINDS[kind.toUpperCase()];
    const server = spoken ? proxyServer(spoken, address) : null;
    if (kind.toUpperCase() === 'DIRECT') routes.push('direct');
    else if (server) routes.push(server);
    else unsupported.push(entry);
  }
  return routes.length === 0 && unsupported.length === 0 ? DIRECT_ONLY : { routes, unsupported };
}

/**
 * The PAC result's words for the kinds spoken, as Chromium reads them ("SOCKS" is version 4),
 * and the forms curl's scheme names take (environment-proxy.ts: socks5h:// as "SOCKS5H"). A name
 * is handed to the proxy to resolve whichever is asked: what a socks5:// (local lookup) proxy is
 * given works as well, and this computer's resolver never learns the sites asked for.
 */
const SPOKEN_KINDS: Readonly<Record<string, ProxyServer['kind']>> = {
  PROXY: 'http', HTTP: 'http',
  SOCKS5: 'socks5', SOCKS5H: 'socks5',
  SOCKS: 'socks4', SOCKS4: 'socks4', SOCKS4A: 'socks4',
};

/** "host:port" or "user:pass@host:port" (percent-encoded login, as in http_proxy's URLs); port 80 (SOCKS: 1080) when none. */
function proxyServer(kind: ProxyServer['kind'], address: string): ProxyServer | null {
  let url: URL;
  try {
    url = new URL(`http://${address}`);
  } catch {
    return null;
  }
  if (url.hostname === '' || (url.pathname !== '/' && url.pathname !== '')) return null;
  const port = Number(url.port || (kind === 'http' ? 80 : 1080));
  const login = url.username !== '' ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : null;
  return {
    kind,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    login,
    authorization: login === null ? null : `Basic ${Buffer.from(`${login.user}:${login.password}`, 'utf8').toString('base64')}`,
    label: `${url.hostname}:${port}`,
  };
}

/** Why a request found no proxy it could use. */
export function proxyFailure(url: string, message: string): HttpError {
  return new HttpError('proxy', message, url);
}

/** The words for a list whose every entry is of a kind not spoken. */
export function unsupportedMessage(unsupported: readonly string[]): string {
  return `the network's proxy settings name only ${unsupported.join(', ')}, a kind of proxy Paperboy cannot use (it speaks to HTTP and SOCKS proxies: "PROXY host:port", "SOCKS5 host:port")`;
}

/** Errors that say the proxy is not there: a route after it in the list is tried instead. */
const downErrors = new WeakSet<HttpError>();

export function isProxyDown(error: unknown): boolean {
  return error instanceof HttpError && downErrors.has(error);
}

function markedDown(error: HttpError): HttpError {
  downErrors.add(error);
  return error;
}

/** Connection failures that say the proxy itself is not there (nothing was asked of it yet). */
const PROXY_DOWN_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'its name is not in DNS',
  EAI_AGAIN: 'its name could not be looked up',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** The proxy could not be connected to: the error every request through it would meet. */
export function proxyDown(proxy: ProxyServer, url: string, error: unknown): HttpError | null {
  if (error instanceof HttpError && error.kind === 'connect-timeout') {
    return markedDown(proxyFailure(url, `the proxy at ${proxy.label} did not answer (${error.message})`));
  }
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const reason = PROXY_DOWN_CODES[code];
  return reason ? markedDown(proxyFailure(url, `the proxy at ${proxy.label} did not answer (${reason})`)) : null;
}

/** A 407 (or SOCKS5's refusal): the proxy wants a login Paperboy was not given, or refused the one it was. */
export function proxyLogin(proxy: ProxyServer, url: string): HttpError {
  // The app has no place to give one (Electron's resolveProxy names no login); the command line
  // takes it in the proxy's address (README).
  const answer = proxy.kind === 'http' ? ' (HTTP 407)' : '';
  const what = proxy.login === null ? `asks for a login${answer}, which Paperboy was not given` : `refused the login it was given${answer}`;
  return proxyFailure(url, `the proxy at ${proxy.label} ${what}`);
}

/** The request options of an http address asked of a proxy: absolute form, to the proxy's socket. */
export function absoluteForm(url: URL, proxy: ProxyServer, headers: Record<string, string>): http.RequestOptions {
  return {
    host: proxy.host,
    port: proxy.port,
    path: url.href,
    headers: { ...headers, host: url.host, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) },
  };
}

/**
 * Opens each https connection through the proxy (a CONNECT tunnel, or a SOCKS connection), with
 * TLS to the site inside it: kept alive and pooled by origin like Node's own agent (its sockets
 * are the TLS sessions to the origins), so keep-alive and the per-host limits work as on direct
 * connections.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: ProxyServer,
    private readonly proxyLookup: LookupFunction,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: true, secureOptions: SECURE_OPTIONS });
  }

  // Node's agent takes a socket from the callback when createConnection returns none.
  override createConnection(requestOptions: http.RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    // Node hands the agent its TLS options (servername, secureContext, ...) with the request's.
    const options = requestOptions as tls.ConnectionOptions;
    const host = String(options.host ?? 'localhost');
    const port = Number(options.port ?? 443);
    const done = onceOnly(callback);
    openTunnel(this.proxy, 'https', host, port, this.proxyLookup, this.connectTimeoutMs).then(
      (socket) => done(null, tls.connect({ ...options, socket, servername: options.servername ?? (host.includes(':') || /^[\d.]+$/.test(host) ? undefined : host) })),
      (error: Error) => done(error),
    );
    return undefined;
  }
}

/**
 * Connects each http address's socket through a SOCKS proxy: the request then goes on it as on a
 * direct connection (an HTTP proxy is asked in absolute form instead, on Node's own agent).
 */
export class SocksAgent extends http.Agent {
  constructor(
    private readonly proxy: ProxyServer,
    private readonly proxyLookup: LookupFunction,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: true });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    const done = onceOnly(callback);
    openTunnel(this.proxy, 'http', String(options.host ?? 'localhost'), Number(options.port ?? 80), this.proxyLookup, this.connectTimeoutMs).then(
      (socket) => done(null, socket),
      (error: Error) => done(error),
    );
    return undefined;
  }
}

/** A plain connection to host:port through the proxy, of whichever kind it is. */
function openTunnel(proxy: ProxyServer, scheme: 'http' | 'https', host: string, port: number, lookup: LookupFunction, timeoutMs: number): Promise<Duplex> {
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const href = `${scheme}://${target}/`;
  if (proxy.kind === 'http') return connectTunnel(proxy, host, target, href, lookup, timeoutMs);
  const failures: SocksFailures = {
    down: (error) => proxyDown(proxy, href, error) ?? proxyFailure(href, `the proxy at ${proxy.label} failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`),
    login: () => proxyLogin(proxy, href),
    failed: (words) => markedDown(proxyFailure(href, `the proxy at ${proxy.label} ${words}`)),
  };
  return socksConnect(proxy, host, port, href, lookup, timeoutMs, failures);
}

/** An HTTP proxy's CONNECT tunnel to target. */
function connectTunnel(proxy: ProxyServer, host: string, target: string, href: string, lookup: LookupFunction, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const done = onceOnly((error, stream) => (error ? reject(error) : resolve(stream!)));
    const connect = http.request({
      host: proxy.host, port: proxy.port, method: 'CONNECT', path: target, agent: false, lookup,
      headers: { host: target, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) },
    });
    // A proxy that accepts and never answers the CONNECT: the outer request's connect wait has
    // ended it for the person already; this frees the socket.
    connect.setTimeout(timeoutMs, () => {
      connect.destroy();
      done(markedDown(proxyFailure(href, `the proxy at ${proxy.label} did not answer (no answer within ${seconds(timeoutMs)})`)));
    });
    connect.once('connect', (response, socket) => {
      connect.setTimeout(0);
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        socket.destroy();
        done(status === 407 ? proxyLogin(proxy, href) : tunnelRefused(proxy, host, href, status));
        return;
      }
      done(null, socket);
    });
    connect.once('error', (error) => done(proxyDown(proxy, href, error) ?? proxyFailure(href, `the proxy at ${proxy.label} failed (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
    connect.end();
  });
}

/**
 * A CONNECT the proxy would not open: the origin's failure (it could not reach the site, 502/504),
 * said as such so the host is given up on for the sync like a dead host on a direct connection.
 */
function tunnelRefused(proxy: ProxyServer, host: string, href: string, status: number): HttpError {
  if (status === 502 || status === 504) {
    return new HttpError('network', `the proxy at ${proxy.label} could not reach ${host} (HTTP ${status})`, href, null, null, 'EHOSTUNREACH');
  }
  return new HttpError('network', `the proxy at ${proxy.label} refused to connect to ${host} (HTTP ${status})`, href, status, null, 'ECONNREFUSED');
}

function onceOnly(callback: ((error: Error | null, stream: Duplex) => void) | undefined): (error: Error | null, stream?: Duplex) => void {
  let called = false;
  return (error, stream) => {
    if (called) return;
    called = true;
    // Node's agent reads no stream from a failure.
    callback?.(error, stream as Duplex);
  };
}
