// Server-side behaviours the HTTP tests need beyond test/support/server.ts: bodies that never
// end, bodies that barely move, gzip bombs, and a port nobody listens on; and the server and
// client a test file gets fresh for each test.
import type http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { afterEach, beforeEach } from 'vitest';
import { createHttpClient, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';

/** Before each test of the file, a fresh test server and an HTTP client, handed to `use`; both
 *  are closed after the test. */
export function serverAndClientPerTest(use: (server: TestServer, client: HttpClient) => void): void {
  let server: TestServer | null = null;
  let client: HttpClient | null = null;
  beforeEach(async () => {
    server = await TestServer.start();
    client = createHttpClient({ userAgent: 'Paperboy/test' });
    use(server, client);
  });
  afterEach(async () => {
    client?.close();
    await server?.stop();
  });
}

/** Writes `chunk` for as long as the client keeps reading; stops when the connection closes. */
export function writeForever(res: http.ServerResponse, chunk: Buffer): void {
  let open = true;
  res.on('close', () => (open = false));
  const pump = (): void => {
    while (open && res.write(chunk));
    if (open) res.once('drain', pump);
  };
  pump();
}

/** Sends one byte every `everyMs` until the client hangs up. */
export function drip(res: http.ServerResponse, everyMs: number): void {
  const timer = setInterval(() => res.write('x'), everyMs);
  res.on('close', () => clearInterval(timer));
}

/** One gzip member holding 1 MiB of zeros, about 1 KB on the wire; members may be concatenated. */
export const gzippedMegabyte = zlib.gzipSync(Buffer.alloc(1024 * 1024));

/** A gzip body of `megabytes` MiB of zeros. */
export function gzipBomb(megabytes: number): Buffer {
  return Buffer.concat(Array.from({ length: megabytes }, () => gzippedMegabyte));
}

/** A loopback port that was just listening and now refuses connections. */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

export function readRequestBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A server that accepts connections and never answers (a black hole); counts the connections. */
export async function blackHole(host: string): Promise<{ readonly origin: string; connections: () => number; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    connections: () => connections,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
