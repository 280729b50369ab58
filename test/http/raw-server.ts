// A server on loopback that answers each request with bytes written out by hand, head included:
// what an old, embedded or misconfigured server sends and node:http cannot be made to send (LF
// line endings, a header name with a space, the same Content-Length twice), over TCP or TLS. Each answer closes
// its connection, as such servers mostly do; the connections and requests are counted, so a test
// sees whether a fetch was asked once or twice.
import net from 'node:net';
import tls from 'node:tls';

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  /** Which connection (from 1) carried it. */
  readonly connection: number;
}

/** The bytes to answer a path with; null answers 404 (well-formed). */
export type RawAnswer = (path: string, method: string) => Buffer | string | null;

export class RawServer {
  readonly requests: RawRequest[] = [];
  /** Paths answered only after this many ms (a slow script). */
  readonly delays = new Map<string, number>();
  /** Paths whose connection stays open this many ms after their answer, taking no other request:
   *  a kept-alive connection the server closes just as the client sends its next request on it. */
  readonly lingers = new Map<string, number>();
  private connections = 0;

  private constructor(private readonly server: net.Server, readonly origin: string) {}

  /** `secure`: a key and certificate to answer over TLS with (https://). */
  static async start(answer: RawAnswer, host = '127.0.0.1', secure?: { key: Buffer; cert: Buffer }): Promise<RawServer> {
    const server = secure ? tls.createServer(secure) : net.createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as net.AddressInfo;
    const raw = new RawServer(server, `${secure ? 'https' : 'http'}://${host}:${port}`);
    server.on(secure ? 'secureConnection' : 'connection', (socket: net.Socket) => raw.serve(socket, answer));
    // A client that refuses the certificate ends the handshake: nothing to answer.
    server.on('tlsClientError', () => undefined);
    return raw;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  requestsFor(path: string): RawRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket, answer: RawAnswer): void {
    const connection = ++this.connections;
    let head = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const [method = '', path = ''] = head.split(' ');
      this.requests.push({ method, path, connection });
      const bytes = answer(path, method) ?? 'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nNot found';
      const linger = this.lingers.get(path);
      const send = (): void => {
        socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
        if (linger === undefined) socket.end();
        else setTimeout(() => socket.end(), linger);
      };
      const delay = this.delays.get(path);
      if (delay === undefined) send();
      else setTimeout(send, delay);
    });
  }
}

/** A head and body as one answer; `lines` are the status line and header lines, joined by `eol`. */
export function rawResponse(lines: readonly string[], body: Buffer | string, eol = '\r\n'): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = lines.map((line) => line.replace('{length}', String(bytes.length))).join(eol);
  return Buffer.concat([Buffer.from(`${head}${eol}${eol}`, 'latin1'), bytes]);
}
