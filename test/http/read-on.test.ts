// A body judged by its headers and first bytes before the rest is read (FetchRequest.readOn): an
// article's link that is a podcast's episode or a large PDF costs a kilobyte or so, not its whole
// size, and a declared size over the cap is no error before the judge has spoken.
import type http from 'node:http';
import { expect, it } from 'vitest';
import { HttpError, type HttpClient } from '../../electron/core/http';
import type { TestServer } from '../support/server';
import { serverAndClientPerTest } from './helpers';

const MB = 1024 * 1024;

let server: TestServer;
let client: HttpClient;
serverAndClientPerTest((s, c) => {
  server = s;
  client = c;
});

/** An episode as a podcast host streams it: an ID3 tag, then frames, in 64 KB writes as the
 *  connection takes them; `sent` counts what the server got to write before the client hung up. */
function serveEpisode(path: string, bytes: number, headers: Record<string, string>): { sent: number; closed: Promise<void> } {
  let closed!: () => void;
  const seen = { sent: 0, closed: new Promise<void>((resolve) => (closed = resolve)) };
  const chunk = Buffer.alloc(64 * 1024, 0x55);
  Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1').copy(chunk);
  server.route(path, (_req, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-length': String(bytes), ...headers });
    res.on('close', closed);
    const pump = (): void => {
      while (!res.destroyed && seen.sent < bytes) {
        seen.sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  return seen;
}

it('ends a body its judge refuses after the first bytes, which it hands over', async () => {
  const episode = serveEpisode('/episode-12.mp3', 24 * MB, { 'content-type': 'audio/mpeg' });
  const judged: { type: string | undefined; first: string }[] = [];
  const response = await client.fetch({
    url: server.url('/episode-12.mp3'), maxBytes: 5 * MB,
    readOn: (headers, first) => (judged.push({ type: headers['content-type'], first: first.toString('latin1', 0, 3) }), false),
  });
  expect(judged).toEqual([{ type: 'audio/mpeg', first: 'ID3' }]);
  expect(response.stoppedAtHead).toBe(true);
  expect(response.body.toString('latin1', 0, 3)).toBe('ID3');
  expect(response.transferredBytes).toBeLessThan(MB);
  // The server learns it at once: what it wrote is what the connection's buffers took, a few MB
  // on loopback, never the episode.
  await episode.closed;
  expect(episode.sent).toBeLessThan(12 * MB);
});

it('judges a body whose declared size is over the cap before calling it too large', async () => {
  serveEpisode('/report.pdf', 40 * MB, { 'content-type': 'application/pdf' });
  const stopped = await client.fetch({ url: server.url('/report.pdf'), maxBytes: 5 * MB, readOn: () => false });
  expect(stopped.stoppedAtHead).toBe(true);
  expect(stopped.headers['content-length']).toBe(String(40 * MB));
  // Read on, it is too large as before, and said so before its body comes.
  const refused = await client.fetch({ url: server.url('/report.pdf'), maxBytes: 5 * MB, readOn: () => true }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(HttpError);
  expect((refused as HttpError).kind).toBe('too-large');
});

it('reads the whole body on when its judge says so, from its first bytes as they came (compressed too)', async () => {
  const page = `<!doctype html><html><body>${'<p>The ferry ran again on Monday.</p>'.repeat(400)}</body></html>`;
  server.serve('/short', { body: 'Short note.', type: 'text/plain' });
  server.serve('/page', { body: page, type: 'text/html', encoding: 'gzip' });
  const firsts: Buffer[] = [];
  const readOn = (_headers: unknown, first: Buffer) => (firsts.push(first), true);
  const short = await client.fetch({ url: server.url('/short'), maxBytes: MB, readOn });
  const gzipped = await client.fetch({ url: server.url('/page'), maxBytes: MB, keepEncoded: true, readOn });
  const inflated = await client.fetch({ url: server.url('/page'), maxBytes: MB, readOn });
  expect(short.body.toString()).toBe('Short note.');
  expect(firsts[0]!.toString()).toBe('Short note.');
  // gzip's magic number: the judge sees the wire's bytes; the body is handed over as asked.
  expect([...firsts[1]!.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  expect(gzipped.encoding).toBe('gzip');
  expect(inflated.body.toString()).toBe(page);
  expect(inflated.stoppedAtHead ?? false).toBe(false);
});
