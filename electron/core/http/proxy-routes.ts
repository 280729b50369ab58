// What one HTTP client knows of its proxies: the route list of each origin (asked of the resolver
// once per origin: Electron's resolveProxy is a round trip to the network service, and a PAC
// script answers per host in practice), the kept-alive connections to each proxy, and the proxies
// found dead, which are not tried again by this client (one sync's): a list's next route is taken
// at once, as browsers do, and when none is left every request says the same one thing.
import http from 'node:http';
import type { LookupFunction } from 'node:net';
import type { HttpError } from './errors';
import { parseProxyList, SocksAgent, TunnelAgent, type ProxyResolver, type ProxyServer } from './proxy';

export interface ProxyAgents {
  /** http addresses: absolute-form requests kept alive to an HTTP proxy; a SOCKS proxy's connections per origin. */
  readonly 'http:': http.Agent;
  /** https addresses: CONNECT tunnels (or SOCKS connections) with TLS inside, kept alive per origin. */
  readonly 'https:': TunnelAgent;
}

export class ProxyRoutes {
  private readonly lists = new Map<string, Promise<ReturnType<typeof parseProxyList>>>();
  private readonly agents = new Map<string, ProxyAgents>();
  private readonly down = new Map<string, HttpError>();

  constructor(
    private readonly resolver: ProxyResolver,
    /** Resolves a proxy's own name (the proxy is the network's choice: any address). */
    private readonly lookupOf: (proxy: ProxyServer) => LookupFunction,
    private readonly connectTimeoutMs: number,
  ) {}

  /** The routes for a URL's origin. A resolver that fails leaves it direct, as a browser whose PAC script fails. */
  listFor(url: URL): Promise<ReturnType<typeof parseProxyList>> {
    let list = this.lists.get(url.origin);
    if (!list) {
      list = Promise.resolve()
        .then(() => this.resolver(url.href))
        .then((text) => parseProxyList(text), () => parseProxyList('DIRECT'));
      this.lists.set(url.origin, list);
    }
    return list;
  }

  /**
   * Whether the first route of the URL's origin is a SOCKS proxy, which is handed names to resolve
   * (socks.ts): then the address policy looks up no name on this computer (network-scope.ts). A
   * list that falls back to DIRECT still guards a direct connection's own lookup.
   */
  async namesByProxy(url: URL): Promise<boolean> {
    const first = (await this.listFor(url)).routes[0];
    return first !== undefined && first !== 'direct' && first.kind !== 'http';
  }

  agentsOf(proxy: ProxyServer): ProxyAgents {
    const key = `${proxy.kind} ${proxy.label} ${proxy.authorization ?? ''}`;
    let agents = this.agents.get(key);
    if (!agents) {
      const lookup = this.lookupOf(proxy);
      agents = {
        'http:': proxy.kind === 'http' ? new http.Agent({ keepAlive: true }) : new SocksAgent(proxy, lookup, this.connectTimeoutMs),
        'https:': new TunnelAgent(proxy, lookup, this.connectTimeoutMs),
      };
      this.agents.set(key, agents);
    }
    return agents;
  }

  /** The failure that found this proxy dead, when one did. */
  downError(proxy: ProxyServer): HttpError | undefined {
    return this.down.get(proxy.label);
  }

  markDown(proxy: ProxyServer, error: HttpError): void {
    if (!this.down.has(proxy.label)) this.down.set(proxy.label, error);
  }

  close(): void {
    for (const agents of this.agents.values()) {
      agents['http:'].destroy();
      agents['https:'].destroy();
    }
  }
}
