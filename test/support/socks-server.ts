// A SOCKS proxy for tests, on a loopback address, as `ssh -D`, Tor or Dante serve one: SOCKS5
// (RFC 1928) with an optional user name and password (RFC 1929), and SOCKS4a. It resolves names
// itself through `names` (the client under test never looks them up) and records every
// connection asked for as "socks5 canteen.example:8443" or "socks4 canteen.example:80".
import net from 'node:net';

export interface SocksOptions {
  /** Names the proxy resolves (host → loopback address); others are connected to as they are. */
  readonly names?: Readonly<Record<string, string>>;
  /** "user:password" a SOCKS5 client must give; none: no login is asked for. */
  readonly login?: string;
  /** Hosts the proxy answers "host unreachable" (SOCKS5 reply 4, SOCKS4 0x5b) for. */
  readonly unreachable?: readonly string[];
}

export class TestSocksProxy {
  readonly asked: string[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server, readonly address: string) {}

  static async start(host: string, options: SocksOptions = {}): Promise<TestSocksProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const proxy = new TestSocksProxy(server, `${host}:${(server.address() as net.AddressInfo).port}`);
    server.on('connection', (client) => {
      proxy.sockets.add(client);
      client.on('close', () => proxy.sockets.delete(client));
      client.on('error', () => undefined);
      void proxy.serve(client, options).catch(() => client.destroy());
    });
    return proxy;
  }

  private async serve(client: net.Socket, options: SocksOptions): Promise<void> {
    const read = reader(client);
    const [version] = await read(1);
    if (version === 5) {
      const [count] = await read(1);
      const methods = [...(await read(count!))];
      const wanted = options.login === undefined ? 0 : 2;
      if (!methods.includes(wanted)) {
        client.end(Buffer.from([5, 0xff]));
        return;
      }
      client.write(Buffer.from([5, wanted]));
      if (wanted === 2) {
        const [, userLength] = await read(2);
        const user = (await read(userLength!)).toString('utf8');
        const [passwordLength] = await read(1);
        const password = (await read(passwordLength!)).toString('utf8');
        const ok = `${user}:${password}` === options.login;
        client.write(Buffer.from([1, ok ? 0 : 1]));
        if (!ok) {
          client.end();
          return;
        }
      }
      const [, , , type] = await read(4);
      const host = type === 3 ? (await read((await read(1))[0]!)).toString('utf8') : type === 1 ? [...(await read(4))].join('.') : 'ipv6';
      const port = (await read(2)).readUInt16BE(0);
      this.asked.push(`socks5 ${host}:${port}`);
      const reply = (code: number) => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
      this.pipe(client, host, port, options, () => reply(0), () => reply(4));
      return;
    }
    if (version === 4) {
      const head = await read(7);
      const port = head.readUInt16BE(1);
      await readUntilZero(read); // the user id
      const ip = [...head.subarray(3, 7)];
      const host = ip[0] === 0 && ip[1] === 0 && ip[2] === 0 && ip[3] !== 0 ? (await readUntilZero(read)).toString('utf8') : ip.join('.');
      this.asked.push(`socks4 ${host}:${port}`);
      const reply = (code: number) => Buffer.from([0, code, 0, 0, 0, 0, 0, 0]);
      this.pipe(client, host, port, options, () => reply(0x5a), () => reply(0x5b));
      return;
    }
    client.destroy();
  }

  private pipe(client: net.Socket, host: string, port: number, options: SocksOptions, granted: () => Buffer, unreachable: () => Buffer): void {
    if (options.unreachable?.includes(host)) {
      client.end(unreachable());
      return;
    }
    const upstream = net.connect(port, options.names?.[host] ?? host, () => {
      // The handshake's reader lets go: what the client sends now is the site's.
      client.emit('socks-done');
      client.write(granted());
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.end(unreachable()));
    client.on('close', () => upstream.destroy());
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Reads exactly n bytes at a time from the socket, whatever the chunks. */
function reader(socket: net.Socket): (count: number) => Promise<Buffer> {
  let buffered = Buffer.alloc(0);
  let waiting: { count: number; resolve: (bytes: Buffer) => void } | null = null;
  const deliver = () => {
    if (!waiting || buffered.length < waiting.count) return;
    const { count, resolve } = waiting;
    waiting = null;
    const bytes = buffered.subarray(0, count);
    buffered = buffered.subarray(count);
    resolve(bytes);
  };
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    deliver();
  };
  socket.on('data', onData);
  socket.once('socks-done', () => socket.off('data', onData));
  return (count) => new Promise((resolve) => {
    waiting = { count, resolve };
    deliver();
  });
}

async function readUntilZero(read: (count: number) => Promise<Buffer>): Promise<Buffer> {
  const bytes: number[] = [];
  for (let byte = (await read(1))[0]; byte !== 0; byte = (await read(1))[0]) bytes.push(byte!);
  return Buffer.from(bytes);
}
