import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpClient, HttpError, type FetchRequest, type HttpClient } from '../../electron/core/http';
import { fixtureBytes } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { closedPort, drip, gzipBomb, gzippedMegabyte, serverAndClientPerTest, waitFor, writeForever } from './helpers';

const MB = 1024 * 1024;

let server: TestServer;
let client: HttpClient;
serverAndClientPerTest((s, c) => {
  server = s;
  client = c;
});

async function failure(request: Partial<FetchRequest> & { url: string }, using: HttpClient = client): Promise<HttpError> {
  const error = await using.fetch({ maxBytes: MB, ...request }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('size cap', () => {
  it('refuses a body over the cap', async () => {
    server.serve('/big', { body: Buffer.alloc(2 * MB, 'a') });
    const error = await failure({ url: server.url('/big') });
    expect(error).toMatchObject({ kind: 'too-large', message: 'too large (over 1 MB)', url: server.url('/big') });
  });

  it('counts decompressed bytes: a small gzip body that unpacks to 200 MB fails at 1 MB', async () => {
    const bomb = gzipBomb(200);
    server.route('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length });
      res.end(bomb);
    });
    expect(bomb.length).toBeLessThan(MB);
    const error = await failure({ url: server.url('/bomb') });
    expect(error).toMatchObject({ kind: 'too-large', message: 'too large (over 1 MB)' });
  });

  it('stops reading an endless gzip stream at the cap instead of buffering it', async () => {
    server.route('/endless-gzip', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      writeForever(res, gzippedMegabyte);
    });
    // Were the body buffered whole, this would end in a timeout, not at the cap.
    const error = await failure({ url: server.url('/endless-gzip'), maxBytes: 5 * MB, timeoutMs: 15_000 });
    expect(error.kind).toBe('too-large');
  });

  it('stops reading an endless chunked body at the cap', async () => {
    server.route('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      writeForever(res, Buffer.alloc(64 * 1024, 'x'));
    });
    const error = await failure({ url: server.url('/endless'), timeoutMs: 15_000 });
    expect(error).toMatchObject({ kind: 'too-large', message: 'too large (over 1 MB)' });
  });
});

describe('timeouts', () => {
  it('times out on a body that drips in slower than the timeout allows', async () => {
    server.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      drip(res, 20);
    });
    const error = await failure({ url: server.url('/drip'), timeoutMs: 300 });
    expect(error).toMatchObject({ kind: 'timeout', message: 'timed out after 0.3 s' });
  });

  it('times out on a server that never answers, with the client default', async () => {
    const impatient = createHttpClient({ userAgent: 'Paperboy/test', timeoutMs: 300 });
    server.route('/silent', () => undefined);
    const error = await failure({ url: server.url('/silent') }, impatient);
    impatient.close();
    expect(error).toMatchObject({ kind: 'timeout', message: 'timed out after 0.3 s' });
  });
});

describe('cancellation', () => {
  it('cancels a request in flight and closes its connection', async () => {
    let closed!: Promise<void>;
    server.route('/hang', (req) => {
      closed = new Promise((resolve) => req.socket.once('close', () => resolve()));
    });
    const controller = new AbortController();
    const pending = failure({ url: server.url('/hang'), signal: controller.signal });
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted', message: 'cancelled' });
    await closed;
  });

  it('sends nothing when already cancelled, or when cancelled while queued for the host', async () => {
    const limited = createHttpClient({ userAgent: 'Paperboy/test', perHostLimit: 1 });
    server.route('/hang', () => undefined);
    const first = limited.fetch({ url: server.url('/hang'), maxBytes: MB }).catch(() => undefined);
    const controller = new AbortController();
    const queued = failure({ url: server.url('/queued'), signal: controller.signal }, limited);
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    expect((await queued).kind).toBe('aborted');
    expect((await failure({ url: server.url('/never'), signal: controller.signal })).kind).toBe('aborted');
    limited.close();
    await first;
    expect(server.requests.map((r) => r.path)).toEqual(['/hang']);
  });

  it('stops every request of a sync with its one cancel, and leaves the ones already answered alone', async () => {
    const limited = createHttpClient({ userAgent: 'Paperboy/test', perHostLimit: 2 });
    server.serve('/done', { body: Buffer.from('kept') });
    server.route('/hang', () => undefined);
    const controller = new AbortController();
    const answered = await limited.fetch({ url: server.url('/done'), maxBytes: MB, signal: controller.signal });
    const queued = Array.from({ length: 300 }, (_, i) => failure({ url: server.url(`/hang?${i}`), signal: controller.signal }, limited));
    await waitFor(() => server.requests.length === 3);
    controller.abort();
    const errors = await Promise.all(queued);
    expect(errors.filter((error) => error.kind === 'aborted')).toHaveLength(300);
    expect(answered.body.toString()).toBe('kept');
    // Two were sent before the cancel (the host's limit); the other 298 never left the queue.
    expect(server.requests).toHaveLength(3);
    limited.close();
  });
});

describe('network failures', () => {
  it('reports a refused connection', async () => {
    const port = await closedPort();
    const error = await failure({ url: `http://127.0.0.1:${port}/feed` });
    expect(error).toMatchObject({ kind: 'network', message: 'connection refused' });
  });

  it('reports a host that does not resolve', async () => {
    const error = await failure({ url: 'http://example.invalid/feed' });
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^could not resolve host example\.invalid/);
  });

  it('refuses an HTTPS site whose certificate nobody vouches for', async () => {
    const tls = https.createServer({ key: fixtureBytes('http/self-signed.key'), cert: fixtureBytes('http/self-signed.crt') }, (_req, res) => res.end('secret'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const { port } = tls.address() as AddressInfo;
    const error = await failure({ url: `https://127.0.0.1:${port}/feed` });
    await new Promise((resolve) => tls.close(resolve));
    expect(error).toMatchObject({ kind: 'network', message: 'the certificate of 127.0.0.1 is self-signed, so who sent it cannot be checked: Paperboy will not read the site until its certificate is fixed' });
  });

  it('reports a connection the server drops mid-body', async () => {
    server.route('/cut', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('only part of it');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await failure({ url: server.url('/cut') });
    expect(error).toMatchObject({ kind: 'network', message: 'connection closed before the response was complete' });
  });

  it('reports a body that is not the gzip it claims to be', async () => {
    server.route('/bad-gzip', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('this is not gzip');
    });
    const error = await failure({ url: server.url('/bad-gzip') });
    expect(error).toMatchObject({ kind: 'network', message: 'the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)' });
  });
});

describe('addresses and redirects that cannot be followed', () => {
  it('refuses a malformed URL and a scheme other than http(s)', async () => {
    expect(await failure({ url: 'not a url' })).toMatchObject({ kind: 'invalid-url', message: 'invalid URL: not a url' });
    expect(await failure({ url: 'ftp://example.org/feed' })).toMatchObject({
      kind: 'unsupported-scheme',
      message: 'cannot fetch ftp: addresses (only http and https)',
    });
  });

  it('refuses a redirect to another scheme', async () => {
    server.redirect('/to-file', 'file:///etc/passwd');
    expect((await failure({ url: server.url('/to-file') })).kind).toBe('unsupported-scheme');
  });

  it('follows a chain of eight redirects, as browsers do, and gives up after the twentieth', async () => {
    // Tracker, old host, feed proxy, http to https, www, trailing slash...: real chains run to 6-8 hops.
    for (let i = 1; i <= 8; i++) server.redirect(`/c${i}`, `/c${i + 1}`, i % 2 ? 301 : 302);
    server.serve('/c9', { body: 'the feed' });
    expect((await client.fetch({ url: server.url('/c1'), maxBytes: MB })).body.toString()).toBe('the feed');
    for (let i = 1; i <= 21; i++) server.redirect(`/r${i}`, `/r${i + 1}`, 302);
    server.serve('/r22', { body: 'unreachable' });
    const error = await failure({ url: server.url('/r1') });
    expect(error).toMatchObject({ kind: 'too-many-redirects', message: 'too many redirects (more than 20)' });
    expect(server.requestsFor('/r21')).toHaveLength(1);
    expect(server.requestsFor('/r22')).toHaveLength(0);
  });

  it('honours a lower redirect limit', async () => {
    const strict = createHttpClient({ userAgent: 'Paperboy/test', maxRedirects: 1 });
    server.redirect('/a', '/b').redirect('/b', '/c').serve('/c', { body: 'c' });
    expect((await failure({ url: server.url('/a') }, strict)).message).toBe('too many redirects (more than 1)');
    strict.close();
  });

  it('detects a redirect loop', async () => {
    server.redirect('/a', '/b').redirect('/b', '/a');
    const error = await failure({ url: server.url('/a') });
    expect(error).toMatchObject({ kind: 'redirect-loop', message: `redirect loop at ${server.url('/a')}` });
  });
});

describe('HTTP status errors', () => {
  it.each([
    [404, 'HTTP 404 Not Found'],
    [410, 'gone (HTTP 410)'],
    [500, 'HTTP 500 Internal Server Error'],
    [403, 'HTTP 403 Forbidden'],
  ])('turns %i into "%s"', async (status, message) => {
    server.serve('/feed', { body: 'error page', status });
    const error = await failure({ url: server.url('/feed') });
    expect(error).toMatchObject({ kind: 'http-status', status, message, retryAfterMs: null });
  });

  it('reads Retry-After in seconds on a 429', async () => {
    server.serve('/feed', { body: 'slow down', status: 429, headers: { 'Retry-After': '120' } });
    const error = await failure({ url: server.url('/feed') });
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, message: 'too many requests (HTTP 429), retry after 120 s' });
  });

  it('reads Retry-After as an HTTP date on a 503', async () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    server.serve('/feed', { body: 'maintenance', status: 503, headers: { 'Retry-After': at } });
    const error = await failure({ url: server.url('/feed') });
    expect(error.status).toBe(503);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(115_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(121_000);
    expect(error.message).toMatch(/^HTTP 503 Service Unavailable, retry after 1(19|20) s$/);
  });

  it('honours a Retry-After of at most a day, in seconds or as a date', async () => {
    server.serve('/year', { body: 'slow down', status: 429, headers: { 'Retry-After': '31536000' } });
    server.serve('/next-year', { body: 'maintenance', status: 503, headers: { 'Retry-After': new Date(Date.now() + 365 * 86_400_000).toUTCString() } });
    for (const path of ['/year', '/next-year']) {
      const error = await failure({ url: server.url(path) });
      expect(error.retryAfterMs).toBe(86_400_000);
      expect(error.message).toMatch(/, retry after 86400 s$/);
    }
  });

  it('reports the status of the final URL after a redirect', async () => {
    server.redirect('/moved', '/gone').serve('/gone', { body: '', status: 410 });
    const error = await failure({ url: server.url('/moved') });
    expect(error).toMatchObject({ status: 410, url: server.url('/gone') });
  });
});
