// Where a request may connect (the defence against server-side request forgery). A feed the
// person subscribed to, or an address they typed, is judged by that address ('chosen'): on the
// local network it may go anywhere, otherwise every hop, redirects included, is 'public' (a
// public feed's redirect must not reach the intranet). What a feed's content points at (pages,
// images, icons, comment feeds, comment forms) may reach the local network only when the feed
// itself lives there. Otherwise it is fetched in scope 'public', and every hop is
// checked on the addresses actually connected to: after DNS resolution (a lookup that drops
// local addresses), or, for an IP-literal host, which Node connects to without a lookup, before
// the hop is sent. A name that resolves only to local addresses is refused. Through a SOCKS proxy
// that resolves names itself (Tor, `ssh -D`), no name is looked up here at all: literal addresses
// and names that can only be local (isLocalName) are judged, the rest is the proxy's to resolve.
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import tls from 'node:tls';
import { isLocalName, isPublicAddress } from './address-policy';
import { HttpError } from './errors';
import { cachedResolver } from './resolver-cache';
import { SECURE_OPTIONS } from './unpatched-servers';

/** What one hop may connect to. */
export type HopScope = 'any' | 'public';
/** 'chosen': the address the person chose decides, once, the hop scope of the whole chain. */
export type FetchScope = HopScope | 'chosen';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Where a response came from (the socket's peer). */
export interface RemoteAddress {
  readonly address: string;
  readonly port: number;
}

/**
 * Seams for tests, which can only use the loopback: production uses dns.lookup and the real
 * ranges and roots. A test marks one loopback port as "the internet" with isPublic.
 */
export interface NetworkHooks {
  readonly resolve?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  readonly isPublic?: (address: string, port: number) => boolean;
  /** Root certificates (PEM) trusted besides Node's: a test's own certificate authority. */
  readonly extraRoots?: readonly string[];
}

export interface NetworkPolicy {
  readonly resolve: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  readonly isPublic: (address: string, port: number) => boolean;
}

export function networkPolicy(hooks: NetworkHooks = {}): NetworkPolicy {
  return {
    // ADDRCONFIG: what Node's own lookup for http asks for (no IPv6 answers on a machine without IPv6).
    resolve: cachedResolver(hooks.resolve ?? ((hostname) => dns.promises.lookup(hostname, { all: true, hints: dns.ADDRCONFIG }))),
    isPublic: hooks.isPublic ?? ((address) => isPublicAddress(address)),
  };
}

export function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/** The URL's host as a socket takes it: an IPv6 address without its brackets. */
function socketHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** The host as an IP address when it is one (URLs already normalise 0x7f000001, 2130706433, 127.1). */
function literalAddress(url: URL): string | null {
  const host = socketHost(url);
  return net.isIP(host) ? host : null;
}

/**
 * A TLS connection of the client's own, outside Node's agent (a mended head's, a certificate's
 * read), through the hop's guarded `lookup` so the address policy holds as on every hop: the name
 * sent for SNI unless the host is an address, HTTP/1.1 offered.
 */
export function tlsConnectTo(url: URL, lookup: LookupFunction, options: tls.ConnectionOptions = {}): tls.TLSSocket {
  const host = socketHost(url);
  return tls.connect({ secureOptions: SECURE_OPTIONS, ...options, host, port: portOf(url), lookup, servername: net.isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'] });
}

/** tlsConnectTo for https; a plain TCP connection, through the same lookup, for http. */
export function connectTo(url: URL, lookup: LookupFunction, options: tls.ConnectionOptions = {}): net.Socket {
  return url.protocol === 'https:' ? tlsConnectTo(url, lookup, options) : net.connect({ host: socketHost(url), port: portOf(url), lookup });
}

export function blockedError(href: string): HttpError {
  return new HttpError('blocked', `blocked: ${href} points into the local network (only a feed on the local network may load from it)`, href);
}

/** Throws before connecting when the host is an IP address the scope does not allow. */
export function checkLiteralHost(url: URL, scope: HopScope, policy: NetworkPolicy): void {
  const address = literalAddress(url);
  if (scope === 'public' && address !== null && !policy.isPublic(address, portOf(url))) throw blockedError(url.href);
}

/**
 * Through a proxy the proxy resolves the name, so no lookup guards the connection; what this
 * computer's DNS says of the name still counts in 'public': one with a local address among its
 * answers (an intranet host, localhost) is refused before the proxy is asked. A name this DNS
 * cannot resolve (outside names, on many office networks) is the proxy's to find. A SOCKS proxy
 * (`namesByProxy`) is used to keep names from this computer's resolver (Tor): a lookup here would
 * leave beside the tunnel, so only a name that can only be local is refused, by its shape.
 */
export async function checkProxiedName(url: URL, scope: HopScope, policy: NetworkPolicy, namesByProxy: boolean): Promise<void> {
  if (scope !== 'public' || literalAddress(url) !== null) return;
  if (namesByProxy) {
    if (isLocalName(url.hostname)) throw blockedError(url.href);
    return;
  }
  let found: readonly ResolvedAddress[];
  try {
    found = await policy.resolve(url.hostname);
  } catch {
    return;
  }
  if (found.some((a) => !policy.isPublic(a.address, portOf(url)))) throw blockedError(url.href);
}

/** The lookup for one hop: the policy's resolver, keeping only the addresses the scope allows. */
export function guardedLookup(url: URL, scope: HopScope, policy: NetworkPolicy): LookupFunction {
  const port = portOf(url);
  return (hostname, options, callback) => {
    policy.resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : null;
        const ofFamily = family === null ? found : found.filter((a) => a.family === family);
        const allowed = scope === 'any' ? ofFamily : ofFamily.filter((a) => policy.isPublic(a.address, port));
        const first = allowed[0];
        if (!first) {
          const error = ofFamily.length > 0 ? blockedError(url.href) : Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
          callback(error, '', 0);
        } else if (options.all) callback(null, allowed.map(({ address, family }) => ({ address, family })));
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * Scopes for the content of feeds, one instance per sync so a feed host is looked up once.
 * 'any' only when every address of the feed's host is local and, when the feed was fetched
 * just now, it was served from a local address: a DNS answer that changed between the two
 * (rebinding) or mixes in a local address cannot turn a public feed into an intranet one.
 * A feed whose host does not resolve gets 'public'.
 */
export class ContentScopes {
  private readonly hosts = new Map<string, Promise<HopScope>>();

  constructor(
    private readonly policy: NetworkPolicy,
    /** Whether a SOCKS proxy resolves this address's name (no lookup here: scopeOfName). */
    private readonly namesByProxy: (url: URL) => Promise<boolean> = () => Promise.resolve(false),
  ) {}

  of(feedUrl: string, servedBy: RemoteAddress | null = null): Promise<HopScope> {
    if (servedBy && this.policy.isPublic(servedBy.address, servedBy.port)) return Promise.resolve('public');
    let url: URL;
    try {
      url = new URL(feedUrl);
    } catch {
      return Promise.resolve('public');
    }
    let scope = this.hosts.get(url.origin);
    if (!scope) {
      scope = this.lookUp(url);
      this.hosts.set(url.origin, scope);
    }
    return scope;
  }

  private async lookUp(url: URL): Promise<HopScope> {
    const literal = literalAddress(url);
    if (literal === null && (await this.namesByProxy(url))) return scopeOfName(url);
    let addresses: readonly string[];
    try {
      addresses = literal !== null ? [literal] : (await this.policy.resolve(url.hostname)).map((a) => a.address);
    } catch {
      return 'public';
    }
    return scopeOfAddresses(addresses, portOf(url), this.policy);
  }
}

/** 'any' only when every address is on the local network: a mixed answer stays 'public'. */
function scopeOfAddresses(addresses: readonly string[], port: number, policy: NetworkPolicy): HopScope {
  return addresses.length > 0 && addresses.every((address) => !policy.isPublic(address, port)) ? 'any' : 'public';
}

/** A name a SOCKS proxy resolves, judged without a lookup: local only when it can only be local. */
function scopeOfName(url: URL): HopScope {
  return isLocalName(url.hostname) ? 'any' : 'public';
}

/**
 * Judges an address the person chose, once, for every hop of its fetch; the policy returned
 * connects the chosen host to the very DNS answer that was judged, so a second answer (rebinding)
 * cannot turn a public address into a local one between judging and connecting. A name a SOCKS
 * proxy resolves (`namesByProxy`) is judged by its shape, and never looked up here.
 */
export async function judgeChosen(url: URL, policy: NetworkPolicy, namesByProxy = false): Promise<{ scope: HopScope; policy: NetworkPolicy }> {
  const port = portOf(url);
  const literal = literalAddress(url);
  if (literal !== null) return { scope: scopeOfAddresses([literal], port, policy), policy };
  if (namesByProxy) return { scope: scopeOfName(url), policy };
  let found: readonly ResolvedAddress[];
  try {
    found = await policy.resolve(url.hostname);
  } catch {
    // The connecting lookup fails the same way and says why.
    return { scope: 'public', policy };
  }
  const pinned: NetworkPolicy = { ...policy, resolve: (hostname) => (hostname === url.hostname ? Promise.resolve(found) : policy.resolve(hostname)) };
  return { scope: scopeOfAddresses(found.map((a) => a.address), port, policy), policy: pinned };
}
