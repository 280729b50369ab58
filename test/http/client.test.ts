import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, FEED_ACCEPT, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';
import { readRequestBody, waitFor } from './helpers';

const UA = 'Paperboy/test';
const MB = 1024 * 1024;
const TEXT = 'Paperboy reads the news offline. '.repeat(200) + 'Grüße, Привет, 日本語.';

let server: TestServer;
let client: HttpClient;
beforeEach(async () => {
  server = await TestServer.start();
  client = createHttpClient({ userAgent: UA });
});
afterEach(async () => {
  client.close();
  await server.stop();
});

describe('what the client sends', () => {
  it('sends the User-Agent, the Accept it was given and the encodings it can decode', async () => {
    server.serve('/feed', { body: '<rss/>' });
    await client.fetch({ url: server.url('/feed'), accept: FEED_ACCEPT, maxBytes: MB });
    const { headers } = server.requests[0]!;
    expect(headers['user-agent']).toBe(UA);
    expect(headers.accept).toBe(FEED_ACCEPT);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('accepts anything when no Accept is given, and passes extra headers on', async () => {
    server.serve('/page', { body: 'ok' });
    await client.fetch({ url: server.url('/page'), maxBytes: MB, headers: { Referer: 'http://example.org/', 'User-Agent': 'spoof' } });
    const { headers } = server.requests[0]!;
    expect(headers.accept).toBe('*/*');
    expect(headers.referer).toBe('http://example.org/');
    expect(headers['user-agent']).toBe(UA);
  });

  it('reuses a kept-alive connection for the next request to the same server', async () => {
    const ports: number[] = [];
    server.route('/a', (req, res) => {
      ports.push(req.socket.remotePort!);
      res.end('a');
    });
    await client.fetch({ url: server.url('/a'), maxBytes: MB });
    await client.fetch({ url: server.url('/a'), maxBytes: MB });
    expect(ports).toHaveLength(2);
    expect(ports[1]).toBe(ports[0]);
  });

  it('retries a GET once on a new connection when the kept-alive one turns out closed', async () => {
    const sockets = new Set<unknown>();
    server.route('/feed', (req, res) => {
      // A server that dropped the idle connection just as the client reused it.
      if (sockets.has(req.socket)) return void req.socket.destroy();
      sockets.add(req.socket);
      res.end('fresh');
    });
    await client.fetch({ url: server.url('/feed'), maxBytes: MB });
    const response = await client.fetch({ url: server.url('/feed'), maxBytes: MB });
    expect(response.body.toString()).toBe('fresh');
    expect(server.requestsFor('/feed')).toHaveLength(3);
  });
});

describe('response bodies', () => {
  it.each(['gzip', 'deflate', 'br'] as const)('decodes a %s body and counts the compressed bytes', async (encoding) => {
    server.serve('/text', { body: TEXT, encoding });
    const response = await client.fetch({ url: server.url('/text'), maxBytes: MB });
    expect(response.body.toString('utf8')).toBe(TEXT);
    expect(response.transferredBytes).toBe(server.bytesSentFor('/text'));
    expect(response.transferredBytes).toBeLessThan(Buffer.byteLength(TEXT) / 4);
  });

  it.each([
    ['raw deflate sent as "deflate"', 'deflate', zlib.deflateRawSync(Buffer.from(TEXT))],
    ['x-gzip', 'x-gzip', zlib.gzipSync(Buffer.from(TEXT))],
  ])('decodes %s', async (_name, encoding, bytes) => {
    server.route('/text', (_req, res) => {
      res.writeHead(200, { 'content-encoding': encoding, 'content-length': bytes.length });
      res.end(bytes);
    });
    const response = await client.fetch({ url: server.url('/text'), maxBytes: MB });
    expect(response.body.toString('utf8')).toBe(TEXT);
  });

  it('reports the headers with lower-case names, and the content type and validators', async () => {
    server.serve('/feed', { body: '<rss/>', type: 'application/rss+xml; charset=utf-8', etag: '"v1"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT', headers: { 'X-Custom': 'yes' } });
    const response = await client.fetch({ url: server.url('/feed'), maxBytes: MB });
    expect(response).toMatchObject({
      url: server.url('/feed'),
      status: 200,
      notModified: false,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
      redirects: [],
    });
    expect(response.headers['x-custom']).toBe('yes');
    expect(response.body.toString()).toBe('<rss/>');
  });

  it('accepts a body exactly at the size cap', async () => {
    server.serve('/exact', { body: Buffer.alloc(1000, 'a') });
    const response = await client.fetch({ url: server.url('/exact'), maxBytes: 1000 });
    expect(response.body).toHaveLength(1000);
  });
});

describe('conditional GET', () => {
  it('sends the ETag back and gets an empty 304', async () => {
    server.serve('/feed', { body: TEXT, etag: '"abc"', encoding: 'gzip' });
    const first = await client.fetch({ url: server.url('/feed'), maxBytes: MB });
    const second = await client.fetch({ url: server.url('/feed'), maxBytes: MB, etag: first.etag });
    expect(server.requests[1]!.headers['if-none-match']).toBe('"abc"');
    expect(second).toMatchObject({ status: 304, notModified: true, transferredBytes: 0 });
    expect(second.body).toHaveLength(0);
    expect(server.requests[1]!.bytes).toBe(0);
  });

  it('sends Last-Modified back as If-Modified-Since and gets an empty 304', async () => {
    const date = 'Wed, 02 Apr 2025 08:30:00 GMT';
    server.serve('/feed', { body: TEXT, lastModified: date });
    const first = await client.fetch({ url: server.url('/feed'), maxBytes: MB });
    const second = await client.fetch({ url: server.url('/feed'), maxBytes: MB, lastModified: first.lastModified });
    expect(server.requests[1]!.headers['if-modified-since']).toBe(date);
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body).toHaveLength(0);
  });

  it('sends the validators through a redirect, where the final URL can answer 304', async () => {
    server.redirect('/old-feed', '/feed').serve('/feed', { body: TEXT, etag: '"abc"' });
    const response = await client.fetch({ url: server.url('/old-feed'), maxBytes: MB, etag: '"abc"' });
    expect(response).toMatchObject({ status: 304, notModified: true, url: server.url('/feed'), redirects: [server.url('/old-feed')] });
  });
});

describe('redirects', () => {
  function chain(length: number): void {
    for (let i = 1; i <= length; i++) server.redirect(`/r${i}`, i === length ? '/final' : `/r${i + 1}`, [301, 302, 303, 307, 308][i % 5]);
    server.serve('/final', { body: 'arrived' });
  }

  it('follows five redirects of every kind and reports the chain', async () => {
    chain(5);
    const response = await client.fetch({ url: server.url('/r1'), maxBytes: MB });
    expect(response.body.toString()).toBe('arrived');
    expect(response.url).toBe(server.url('/final'));
    expect(response.redirects).toEqual([1, 2, 3, 4, 5].map((i) => server.url(`/r${i}`)));
    // Each hop's own status: a sync keeps a feed's address unless every hop said the move is permanent.
    expect(response.redirectStatuses).toEqual([302, 303, 307, 308, 301]);
  });

  it('resolves a relative Location against the URL that sent it', async () => {
    server.redirect('/dir/start', 'next?page=2').redirect('/dir/next?page=2', '../top').serve('/top', { body: 'top' });
    const response = await client.fetch({ url: server.url('/dir/start'), maxBytes: MB });
    expect(response.url).toBe(server.url('/top'));
    expect(response.body.toString()).toBe('top');
  });

  it('turns a POST into a GET without body on 303, and keeps it on 307', async () => {
    const seen: string[] = [];
    server.route('/form', (_req, res) => {
      res.writeHead(303, { location: '/thanks' });
      res.end();
    });
    server.route('/moved-form', (_req, res) => {
      res.writeHead(307, { location: '/form-here' });
      res.end();
    });
    for (const path of ['/thanks', '/form-here']) {
      server.route(path, async (req, res) => {
        seen.push(`${req.method} ${path} ${await readRequestBody(req)} ${req.headers['content-type'] ?? '-'}`);
        res.end('done');
      });
    }
    await client.fetch({ url: server.url('/form'), method: 'POST', body: 'a=1', maxBytes: MB });
    await client.fetch({ url: server.url('/moved-form'), method: 'POST', body: 'b=2', contentType: 'application/x-www-form-urlencoded', maxBytes: MB });
    expect(seen).toEqual(['GET /thanks  -', 'POST /form-here b=2 application/x-www-form-urlencoded']);
  });

  it('returns the 302 of a POST as it is when asked not to follow', async () => {
    let posted = '';
    server.route('/wp-comments-post.php', async (req, res) => {
      posted = await readRequestBody(req);
      res.writeHead(302, { location: '/post/1#comment-7' });
      res.end();
    });
    const response = await client.fetch({
      url: server.url('/wp-comments-post.php'),
      method: 'POST',
      body: 'comment=Hello%20there',
      contentType: 'application/x-www-form-urlencoded',
      followRedirects: false,
      maxBytes: MB,
    });
    expect(posted).toBe('comment=Hello%20there');
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/post/1#comment-7');
    expect(response.redirects).toEqual([]);
    expect(server.requestsFor('/post/1')).toHaveLength(0);
  });
});

describe('per-host limit', () => {
  function countingRoute(target: TestServer, delayMs: number): { max: () => number } {
    let active = 0;
    let max = 0;
    target.fallback((_req, res) => {
      max = Math.max(max, ++active);
      setTimeout(() => {
        active--;
        res.end('ok');
      }, delayMs);
    });
    return { max: () => max };
  }

  it('never has more requests open on one host than the limit', async () => {
    const limited = createHttpClient({ userAgent: UA, perHostLimit: 2 });
    const counter = countingRoute(server, 30);
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => limited.fetch({ url: server.url(`/item/${i}`), maxBytes: MB })));
    limited.close();
    expect(responses.map((r) => r.body.toString())).toEqual(Array(8).fill('ok'));
    expect(counter.max()).toBe(2);
  });

  it('defaults to six at a time', async () => {
    const counter = countingRoute(server, 30);
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.fetch({ url: server.url(`/item/${i}`), maxBytes: MB })));
    expect(counter.max()).toBe(6);
  });

  it('starts the timeout only once a queued request holds a slot', async () => {
    const limited = createHttpClient({ userAgent: UA, perHostLimit: 1, timeoutMs: 1000 });
    countingRoute(server, 150);
    // Ten requests take about 1.5 s in a row, longer than one request's timeout.
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => limited.fetch({ url: server.url(`/item/${i}`), maxBytes: MB })));
    limited.close();
    expect(responses).toHaveLength(10);
  });

  it('lets requests to another host through while one host is full', async () => {
    const other = await TestServer.start();
    const limited = createHttpClient({ userAgent: UA, perHostLimit: 1 });
    server.route('/stuck', () => undefined);
    other.serve('/free', { body: 'free' });
    const stuck = limited.fetch({ url: server.url('/stuck'), maxBytes: MB }).catch((e: unknown) => e);
    await waitFor(() => server.requests.length === 1);
    const response = await limited.fetch({ url: other.url('/free'), maxBytes: MB });
    expect(response.body.toString()).toBe('free');
    limited.close();
    await stuck;
    await other.stop();
  });
});

describe('close', () => {
  it('cancels requests in flight and refuses new ones', async () => {
    server.route('/hang', () => undefined);
    const pending = client.fetch({ url: server.url('/hang'), maxBytes: MB }).catch((e: unknown) => e);
    await waitFor(() => server.requests.length === 1);
    client.close();
    expect(await pending).toMatchObject({ kind: 'aborted', message: 'cancelled' });
    await expect(client.fetch({ url: server.url('/hang'), maxBytes: MB })).rejects.toMatchObject({ kind: 'aborted' });
    expect(server.requests).toHaveLength(1);
  });
});
