// The proxy a terminal's environment names, read as curl reads it, for the command line (the app
// asks the system through Electron instead). The choices, written down once:
// - http addresses: http_proxy, then HTTP_PROXY (curl reads the lower-case one only, against the
//   old CGI attack on HTTP_PROXY, which a command run by a person does not meet); https addresses:
//   https_proxy, then HTTPS_PROXY; either, when unset: all_proxy, then ALL_PROXY. Empty is unset.
// - a proxy is http://[user:password@]host[:port] or host[:port]; port 1080 when none, as curl.
//   socks5://, socks5h://, socks4://, socks4a:// and socks:// name SOCKS proxies (proxy.ts); other
//   schemes (https://) are passed on as what they are, which the client refuses in words.
// - no_proxy, then NO_PROXY: names separated by commas; "*" alone sends everything direct; a name
//   matches itself and every name under it, with or without a leading dot (curl: "example.com"
//   matches www.example.com, not notexample.com); "name:port" matches on that port only; an IP
//   address matches itself, a CIDR block (10.0.0.0/8) its addresses.
// - loopback (localhost, *.localhost, 127.0.0.0/8, ::1) is never proxied, as browsers and Go's
//   net/http do: a proxy elsewhere cannot reach this computer's own servers. curl would send it.
import net from 'node:net';
import type { ProxyResolver } from './proxy';

type Environment = Readonly<Record<string, string | undefined>>;

/** The resolver for this environment, or undefined when it names no proxy. */
export function proxyFromEnvironment(env: Environment): ProxyResolver | undefined {
  const pick = (...names: string[]) => names.map((name) => env[name]?.trim()).find((value) => value !== undefined && value !== '');
  const fallback = pick('all_proxy', 'ALL_PROXY');
  const byScheme: Record<string, string | undefined> = {
    'http:': pick('http_proxy', 'HTTP_PROXY') ?? fallback,
    'https:': pick('https_proxy', 'HTTPS_PROXY') ?? fallback,
  };
  if (byScheme['http:'] === undefined && byScheme['https:'] === undefined) return undefined;
  const bypass = noProxyRule(pick('no_proxy', 'NO_PROXY') ?? '');
  return (href) => {
    const url = new URL(href);
    const proxy = byScheme[url.protocol];
    if (proxy === undefined || isLoopback(url.hostname) || bypass(url)) return 'DIRECT';
    return pacEntry(proxy);
  };
}

/** "http://user:pass@host:3128" as "PROXY user:pass@host:3128"; another scheme as its own kind. */
function pacEntry(proxy: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return `UNREADABLE ${proxy}`;
  }
  const login = url.username === '' ? '' : `${url.username}:${url.password}@`;
  // URL drops the port it knows as its scheme's default: curl's proxies default to 1080 otherwise.
  const port = url.port !== '' ? url.port : /^[a-z][a-z0-9+.-]*:\/\/[^/]*:80(?:\/|$)/i.test(withScheme) ? '80' : '1080';
  const kind = url.protocol === 'http:' ? 'PROXY' : url.protocol.slice(0, -1).toUpperCase();
  return `${kind} ${login}${url.hostname}:${port}`;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || (net.isIPv4(host) && host.startsWith('127.'));
}

/** Whether a URL's host is one the no_proxy list sends direct. */
function noProxyRule(list: string): (url: URL) => boolean {
  const entries = list.split(/[\s,]+/).map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '');
  if (entries.includes('*')) return () => true;
  const blocks = new net.BlockList();
  const names: { name: string; port: string | null }[] = [];
  for (const entry of entries) {
    const cidr = /^([\d.]+|[\da-f:]+)\/(\d{1,3})$/.exec(entry);
    const family = cidr ? net.isIP(cidr[1]!) : 0;
    if (cidr && family !== 0) {
      blocks.addSubnet(cidr[1]!, Number(cidr[2]), family === 6 ? 'ipv6' : 'ipv4');
      continue;
    }
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const withPort = bracketed ? null : /^([^:]+):(\d+)$/.exec(entry);
    const [name, port] = bracketed ? [bracketed[1]!, bracketed[2] ?? null] : withPort ? [withPort[1]!, withPort[2]!] : [entry, null];
    names.push({ name: name.replace(/^\*?\./, ''), port });
  }
  return (url) => {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const family = net.isIP(host);
    if (family !== 0 && blocks.check(host, family === 6 ? 'ipv6' : 'ipv4')) return true;
    return names.some((entry) => (entry.port === null || entry.port === port) && (host === entry.name || host.endsWith(`.${entry.name}`)));
  };
}
