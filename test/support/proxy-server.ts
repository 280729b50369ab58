// An office's HTTP proxy for tests, on a loopback address: absolute-form requests (GET
// http://site/path) forwarded to the site, CONNECT tunnels piped to it byte for byte, and an
// optional Basic login answered 407 as Squid does. It resolves names itself through `names` (the
// client under test never looks them up), as a real proxy resolves what the office's machines
// cannot; every request is recorded as "METHOD target".
import http from 'node:http';
import net from 'node:net';

export interface ProxyOptions {
  /** Names the proxy resolves (host → loopback address); others are connected to as they are. */
  readonly names?: Readonly<Record<string, string>>;
  /** "user:password" the proxy asks for; none: it asks for nothing. */
  readonly login?: string;
}

export class TestProxy {
  /** "GET http://news.example:8080/feed.xml", "CONNECT news.example:8443". */
  readonly asked: string[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: http.Server, readonly address: string) {}

  static async start(host: string, options: ProxyOptions = {}): Promise<TestProxy> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const proxy = new TestProxy(server, `${host}:${(server.address() as net.AddressInfo).port}`);
    const resolve = (name: string) => options.names?.[name] ?? name;
    const allowed = (req: http.IncomingMessage) =>
      options.login === undefined || req.headers['proxy-authorization'] === `Basic ${Buffer.from(options.login).toString('base64')}`;
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      proxy.asked.push(`${req.method} ${req.url}`);
      if (!allowed(req)) {
        res.writeHead(407, { 'proxy-authenticate': 'Basic realm="Head office"', 'content-type': 'text/html' }).end('<h1>Proxy login required</h1>');
        return;
      }
      const target = new URL(req.url ?? '/');
      const headers = { ...req.headers };
      delete headers['proxy-authorization'];
      delete headers['proxy-connection'];
      const forward = http.request({ host: resolve(target.hostname), port: target.port || 80, path: target.pathname + target.search, method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway'));
      req.pipe(forward);
    });
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      proxy.asked.push(`CONNECT ${req.url}`);
      if (!allowed(req)) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="Head office"\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const [name = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
      const upstream = net.connect(Number(port), resolve(name), () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
      client.on('error', () => upstream.destroy());
    });
    return proxy;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
