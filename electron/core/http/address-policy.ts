// Which IP addresses are on the public internet. Everything else (loopback, private, link-local,
// carrier-grade NAT, documentation, multicast, reserved) counts as the local network, which
// content from a public feed may not reach (network-scope.ts). Plain byte prefixes rather than
// node:net's BlockList, so one parser reads every form, and the IPv4 address inside IPv4-mapped,
// NAT64 and 6to4 IPv6 addresses is judged like the IPv4 address it stands for.
import net from 'node:net';

interface Range {
  readonly bytes: readonly number[];
  readonly prefix: number;
}

/** IANA special-purpose IPv4 blocks (RFC 6890 and successors); 240/4 includes 255.255.255.255. */
const LOCAL_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
  '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15',
  '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
].map((cidr) => range(cidr, parseV4));

/** Only global unicast (2000::/3) is public; outside it are ::, ::1, fc00::/7, fe80::/10, ff00::/8... */
const GLOBAL_V6 = range('2000::/3', v6Bytes);
/** ...and inside it, these are not: IETF protocol assignments (Teredo among them) and documentation. */
const LOCAL_IN_GLOBAL_V6 = ['2001::/23', '2001:db8::/32', '3fff::/20'].map((cidr) => range(cidr, v6Bytes));
/** IPv6 forms that carry an IPv4 address: [prefix, offset of the IPv4 bytes]. */
const EMBEDDING_V6: readonly [Range, number][] = [
  [range('::ffff:0:0/96', v6Bytes), 12], // IPv4-mapped
  [range('64:ff9b::/96', v6Bytes), 12], // NAT64 (DNS64 names public IPv4 hosts this way)
  [range('2002::/16', v6Bytes), 2], // 6to4
];

/** True for an address on the public internet; false for the local network and for anything that is not an IP address. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseV4(address);
  if (v4) return !LOCAL_V4.some((r) => inRange(v4, r));
  // A zone (fe80::1%eth0) only ever comes with a link-local address.
  if (address.includes('%')) return false;
  const v6 = parseV6(address);
  if (!v6) return false;
  for (const [prefix, offset] of EMBEDDING_V6) {
    if (inRange(v6, prefix)) return isPublicAddress(v6.slice(offset, offset + 4).join('.'));
  }
  return inRange(v6, GLOBAL_V6) && !LOCAL_IN_GLOBAL_V6.some((r) => inRange(v6, r));
}

/**
 * A name that can only mean this computer or its own network, told by its shape without asking
 * any DNS: localhost and *.localhost (RFC 6761), mDNS's *.local, home.arpa (RFC 8375), .internal
 * (ICANN's private-use name), .lan (home routers' default), and a name of one label (an intranet
 * host found through the network's search domain). What a SOCKS proxy that resolves names itself
 * is never asked for in 'public' (network-scope.ts): its answers are not ours to see.
 */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return !name.includes('.') || /\.(?:localhost|local|home\.arpa|internal|lan)$/.test(name);
}

function parseV4(address: string): number[] | null {
  return net.isIPv4(address) ? address.split('.').map(Number) : null;
}

function parseV6(address: string): number[] | null {
  return net.isIPv6(address) ? v6Bytes(address) : null;
}

/**
 * The 16 bytes of a valid IPv6 address ('::' expanded, a trailing dotted IPv4 part included).
 * The ranges above are read with it and not with parseV6: node's IPv6 test compiles a large
 * pattern at its first use (some 15 ms on a busy 2-core machine), which `paperboy call listFeeds`,
 * fetching nothing, must not pay.
 */
export function v6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function range(cidr: string, parse: (address: string) => number[] | null): Range {
  const [address = '', prefix = ''] = cidr.split('/');
  const bytes = parse(address);
  if (!bytes) throw new Error(`bad range ${cidr}`);
  return { bytes, prefix: Number(prefix) };
}

function inRange(bytes: readonly number[], { bytes: base, prefix }: Range): boolean {
  if (bytes.length !== base.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (base[bit / 8]! & mask)) return false;
  }
  return true;
}
