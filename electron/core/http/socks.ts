// A connection to a site through a SOCKS proxy: what an SSH tunnel (`ssh -D 1080`), Tor, or an
// office's SOCKS gateway offers, and what system settings and `all_proxy=socks5h://...` name.
// The proxy is handed the site's NAME, never an address this computer looked up (SOCKS5 with a
// domain-name address, SOCKS4a), as Tor users need (no DNS query leaves beside the tunnel) and
// as browsers ask a SOCKS5 proxy. A SOCKS5 login is RFC 1929's user name and password.
// What comes back is a plain socket to the site: http is spoken on it as on a direct connection,
// https runs TLS over it to the site, whose certificate is checked against its own name.
import net from 'node:net';
import { v6Bytes } from './address-policy';
import { HttpError, seconds } from './errors';
import type { ProxyServer } from './proxy';

/** SOCKS5 reply codes (RFC 1928 6): what the proxy met when it tried to reach the site. */
const SOCKS5_REPLIES: Readonly<Record<number, { readonly words: string; readonly code: string }>> = {
  1: { words: 'failed to reach', code: 'EHOSTUNREACH' },
  2: { words: 'is not allowed to connect to', code: 'ECONNREFUSED' },
  // Not ENETUNREACH: that says this computer has no network (sync/network-watch.ts), not the proxy's.
  3: { words: 'found no network route to', code: 'EHOSTUNREACH' },
  4: { words: 'could not reach', code: 'EHOSTUNREACH' },
  5: { words: 'was refused a connection by', code: 'ECONNREFUSED' },
  6: { words: 'timed out reaching', code: 'ETIMEDOUT' },
};

export interface SocksFailures {
  /** The proxy itself could not be connected to (every request through it would fail alike). */
  down(error: unknown): HttpError;
  /** The proxy would not take the login (or asks for one it was not given). */
  login(): HttpError;
  /** Anything else the proxy itself got wrong. */
  failed(words: string): HttpError;
}

/**
 * A socket to host:port through the SOCKS proxy, once the proxy has connected it; rejects with an
 * HttpError that says whose failure it was (the proxy's, or the site's as the proxy met it).
 */
export function socksConnect(
  proxy: ProxyServer, host: string, port: number, href: string, lookup: net.LookupFunction, timeoutMs: number, failures: SocksFailures,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: proxy.host, port: proxy.port, lookup });
    let settled = false;
    const fail = (error: HttpError) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(error);
    };
    // A proxy that accepts and never answers: the request's own connect wait has ended it for the
    // person already; this frees the socket.
    socket.setTimeout(timeoutMs, () => fail(failures.failed(`did not answer (no answer within ${seconds(timeoutMs)})`)));
    socket.once('error', (error) => fail(connected ? failures.failed(`closed the connection (${(error as NodeJS.ErrnoException).code ?? error.message})`) : failures.down(error)));
    socket.once('close', () => fail(failures.failed('closed the connection before the site was reached')));
    let connected = false;
    const replies = new ReplyReader(socket);
    socket.once('connect', () => {
      connected = true;
      const handshake = proxy.kind === 'socks4' ? socks4a(socket, replies, proxy, host, port, failures, href) : socks5(socket, replies, proxy, host, port, failures, href);
      handshake.then(
        () => {
          if (settled) return;
          settled = true;
          socket.setTimeout(0);
          socket.removeAllListeners('close');
          socket.removeAllListeners('error');
          replies.release();
          resolve(socket);
        },
        (error: unknown) => fail(error instanceof HttpError ? error : failures.failed(String(error))),
      );
    });
  });
}

async function socks5(
  socket: net.Socket, replies: ReplyReader, proxy: ProxyServer, host: string, port: number, failures: SocksFailures, href: string,
): Promise<void> {
  const login = proxy.login;
  // Methods offered: no authentication, and user name/password when there is a login to give.
  socket.write(Buffer.from(login ? [5, 2, 0, 2] : [5, 1, 0]));
  const [version, method] = await replies.take(2);
  if (version !== 5) throw failures.failed('does not speak SOCKS5');
  if (method === 0xff) throw failures.login();
  if (method === 2) {
    if (!login) throw failures.login();
    const user = Buffer.from(login.user, 'utf8');
    const password = Buffer.from(login.password, 'utf8');
    if (user.length > 255 || password.length > 255) throw failures.failed('was given a login too long for SOCKS5');
    socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([password.length]), password]));
    const [, status] = await replies.take(2);
    if (status !== 0) throw failures.login();
  } else if (method !== 0) {
    throw failures.failed(`asked for a kind of login Paperboy does not give (SOCKS5 method ${method})`);
  }
  const name = Buffer.from(host, 'utf8');
  const ip = net.isIP(host);
  const address = ip === 4
    ? Buffer.from([1, ...host.split('.').map(Number)])
    : ip === 6
      ? Buffer.from([4, ...v6Bytes(host)])
      : Buffer.concat([Buffer.from([3, name.length]), name]);
  socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address, portBytes(port)]));
  const [, reply, , type] = await replies.take(4);
  if (reply !== 0) {
    const known = SOCKS5_REPLIES[reply!];
    // The site's failure as the proxy met it: given up on for the sync like a dead host.
    throw new HttpError('network', `the proxy at ${proxy.label} ${known?.words ?? 'could not connect to'} ${host} (SOCKS5 reply ${reply})`, href, null, null, known?.code ?? 'EHOSTUNREACH');
  }
  // The address the proxy bound: read and dropped.
  const length = type === 1 ? 4 : type === 4 ? 16 : (await replies.take(1))[0]!;
  await replies.take(length + 2);
}

async function socks4a(
  socket: net.Socket, replies: ReplyReader, proxy: ProxyServer, host: string, port: number, failures: SocksFailures, href: string,
): Promise<void> {
  // 0.0.0.1 as the address says "the name follows" (SOCKS4a); an empty user id.
  const ip = net.isIPv4(host) ? host.split('.').map(Number) : [0, 0, 0, 1];
  const name = net.isIPv4(host) ? Buffer.alloc(0) : Buffer.concat([Buffer.from(host, 'utf8'), Buffer.from([0])]);
  socket.write(Buffer.concat([Buffer.from([4, 1]), portBytes(port), Buffer.from(ip), Buffer.from([0]), name]));
  const [version, status] = await replies.take(8);
  if (version !== 0) throw failures.failed('does not speak SOCKS4');
  // 0x5b is all SOCKS4 says of a site it could not reach (0x5c and 0x5d are about identd).
  if (status !== 0x5a) throw new HttpError('network', `the proxy at ${proxy.label} could not connect to ${host} (SOCKS4 reply ${status})`, href, null, null, 'EHOSTUNREACH');
}

function portBytes(port: number): Buffer {
  return Buffer.from([port >> 8, port & 0xff]);
}

/** The proxy's answers, read a given number of bytes at a time, however TCP splits them. */
class ReplyReader {
  private buffered = Buffer.alloc(0);
  private waiting: { readonly count: number; readonly resolve: (bytes: Buffer) => void } | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.deliver();
  };

  constructor(private readonly socket: net.Socket) {
    socket.on('data', this.onData);
  }

  take(count: number): Promise<Buffer> {
    return new Promise((resolve) => {
      this.waiting = { count, resolve };
      this.deliver();
    });
  }

  /**
   * Stops reading: the socket is the site's from here on. The proxy sends nothing after its reply
   * and the site waits for the request (or TLS's hello), and whoever takes the socket listens to
   * it in the same turn of the event loop, so no byte goes by unread.
   */
  release(): void {
    this.socket.off('data', this.onData);
    if (this.buffered.length > 0) this.socket.unshift(this.buffered);
  }

  private deliver(): void {
    if (!this.waiting || this.buffered.length < this.waiting.count) return;
    const { count, resolve } = this.waiting;
    this.waiting = null;
    const bytes = this.buffered.subarray(0, count);
    this.buffered = this.buffered.subarray(count);
    resolve(bytes);
  }
}
