// Hosts that leave a request unanswered: a GET waits a short time for response headers (a black
// hole is found in a fraction of the whole timeout) while a POST is left its whole timeout; and
// under the sync's host memory a host not heard from yet gets one request at a time, so one that
// never answers (a black hole, or a name lookup that never returns) costs one request and one
// timeout whatever is queued for it, while one that answers is sent the rest as soon as its first
// headers are in. Real servers on loopback; the DNS seam for the lookup.
import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, HostMemory, HttpError, isUnreachable, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';
import { blackHole } from './helpers';

let clients: HttpClient[] = [];
let stops: (() => Promise<void>)[] = [];

function client(options: Partial<Parameters<typeof createHttpClient>[0]> = {}): HttpClient {
  const made = createHttpClient({ userAgent: 'Paperboy/test', ...options });
  clients.push(made);
  return made;
}

async function hole(host: string): Promise<Awaited<ReturnType<typeof blackHole>>> {
  const made = await blackHole(host);
  stops.push(made.stop);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

beforeEach(() => {
  clients = [];
  stops = [];
});
afterEach(async () => {
  for (const made of clients) made.close();
  await Promise.all(stops.map((stop) => stop()));
});

describe('the wait for response headers', () => {
  it('ends a GET to a host that accepts and never answers, in words a person reads', async () => {
    const { origin } = await hole('127.0.0.6');
    const error = await failure(client({ firstByteTimeoutMs: 200 }).fetch({ url: `${origin}/feed.xml`, maxBytes: 1024 }));
    expect(error).toMatchObject({ kind: 'no-response', message: 'no response within 0.2 s' });
  });

  it('leaves a POST its whole timeout: the server may be at work on it, and a second send would repeat it', async () => {
    const { origin } = await hole('127.0.0.6');
    const post = client({ firstByteTimeoutMs: 100, timeoutMs: 400 }).fetch({ url: `${origin}/wp-comments-post.php`, method: 'POST', body: 'comment=Hello', maxBytes: 1024 });
    expect(await failure(post)).toMatchObject({ kind: 'timeout', message: 'timed out after 0.4 s' });
  });

  it('stops once the headers are in: a body slower than the wait is still read whole', async () => {
    const site = await TestServer.start('127.0.0.6');
    stops.push(() => site.stop());
    site.route('/long-read.html', (_req, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>The first part of a long read.</p>');
      setTimeout(() => res.end('<p>The rest, after the wait for headers would have run out.</p>'), 400);
    });
    const response = await client({ firstByteTimeoutMs: 150 }).fetch({ url: site.url('/long-read.html'), maxBytes: 4096 });
    expect(response.body.toString()).toContain('The rest, after the wait');
  });
});

describe('a host not heard from yet in a sync', () => {
  it('that never answers gets one request, and the others queued for it are skipped', async () => {
    const black = await hole('127.0.0.7');
    const memory = new HostMemory(client({ firstByteTimeoutMs: 200 }));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      memory.client.fetch({ url: `${black.origin}/img/${i}.jpg`, purpose: 'image', maxBytes: 1024 }).catch((e: unknown) => e)));
    expect(black.connections()).toBe(1);
    expect(results.every(isUnreachable)).toBe(true);
    expect(memory.report()).toEqual([`${new URL(black.origin).host} unreachable (no response within 0.2 s): 9 images skipped, tried again next sync`]);
  });

  it('whose first feed is slow to answer is not given up on: its other feeds are fetched', async () => {
    const site = await TestServer.start('127.0.0.11');
    stops.push(() => site.stop());
    // The slow feed is built for longer than the wait for headers; the site's other feeds come at once.
    site.route('/r/slow/.rss', (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>'), 600);
    });
    site.fallback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel/></rss>');
    });
    const memory = new HostMemory(client({ firstByteTimeoutMs: 200 }));
    const feeds = ['/r/slow/.rss', '/r/news/.rss', '/r/science/.rss', '/r/books/.rss'];
    const results = await Promise.all(feeds.map((path) => memory.client.fetch({ url: site.url(path), purpose: 'feed', maxBytes: 1024 }).then(
      (response) => response.status,
      (error: HttpError) => error.message,
    )));
    expect(results).toEqual(['no response within 0.2 s', 200, 200, 200]);
    expect(memory.report()).toEqual([]);
  });

  it('that never answers its feeds is given up on at the second: the rest are skipped', async () => {
    const black = await hole('127.0.0.7');
    const memory = new HostMemory(client({ firstByteTimeoutMs: 200 }));
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      memory.client.fetch({ url: `${black.origin}/feeds/${i}.xml`, purpose: 'feed', maxBytes: 1024 }).catch((e: unknown) => e)));
    expect(black.connections()).toBe(2);
    // The first is one slow feed as far as anyone knows yet; the second gives the host up.
    expect(results[0]).toMatchObject({ message: 'no response within 0.2 s' });
    expect(results.slice(1).every(isUnreachable)).toBe(true);
    expect(memory.report()).toEqual([`${new URL(black.origin).host} unreachable (no response within 0.2 s): 3 feeds skipped, tried again next sync`]);
  });

  it('that serves many feeds is not given up on for the few never built in time: its other feeds and pages come', async () => {
    const site = await TestServer.start('127.0.0.12');
    stops.push(() => site.stop());
    // One host for sixty feeds of one site (its category feeds); every tenth is never built in time.
    site.fallback((req, res) => {
      if (/^\/category\/\d*0\/feed\/$/.test(req.url ?? '')) return;
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>'), 20);
    });
    const memory = new HostMemory(client({ firstByteTimeoutMs: 200 }));
    const feeds = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      memory.client.fetch({ url: site.url(`/category/${i}/feed/`), purpose: 'feed', maxBytes: 1024 }).then(() => 'ok', (error: HttpError) => error.message)));
    const pages = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      memory.client.fetch({ url: site.url(`/2026/12/story-${i}/`), purpose: 'page', maxBytes: 1024 }).then(() => 'ok', (error: HttpError) => error.message)));
    expect(feeds.filter((result) => result === 'ok')).toHaveLength(54);
    expect(feeds.filter((result) => result !== 'ok')).toEqual(Array(6).fill('no response within 0.2 s'));
    expect(pages).toEqual(Array(12).fill('ok'));
    expect(memory.report()).toEqual([]);
  });

  it('that answered and then stops answering its pages is given up on at the second', async () => {
    const site = await TestServer.start('127.0.0.12');
    stops.push(() => site.stop());
    let answering = true;
    site.fallback((_req, res) => {
      if (answering) res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    });
    const memory = new HostMemory(client({ firstByteTimeoutMs: 200 }));
    await memory.client.fetch({ url: site.url('/feed/'), purpose: 'feed', maxBytes: 1024 });
    answering = false;
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      memory.client.fetch({ url: site.url(`/2026/12/story-${i}/`), purpose: 'page', maxBytes: 1024 }).catch((e: unknown) => e)));
    expect(pages.filter(isUnreachable).length).toBeGreaterThanOrEqual(14);
    expect(memory.report()).toEqual([expect.stringMatching(/^127\.0\.0\.12:\d+ too slow \(no response within 0\.2 s\): \d+ pages skipped, tried again next sync$/)]);
  });

  it('whose name lookup never returns is looked up once and costs one connect timeout', async () => {
    let lookups = 0;
    const resolve = (): Promise<never> => {
      lookups++;
      return new Promise(() => undefined);
    };
    const memory = new HostMemory(client({ connectTimeoutMs: 200, network: { resolve } }));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      memory.client.fetch({ url: `http://stalled-dns.example/news/${i}.html`, purpose: 'page', maxBytes: 1024 }).catch((e: unknown) => e)));
    expect(lookups).toBe(1);
    expect(results.every(isUnreachable)).toBe(true);
    expect(memory.report()).toEqual(['stalled-dns.example unreachable (connection timed out after 0.2 s): 9 pages skipped, tried again next sync']);
  });

  it('gets its other requests sent once the headers of its first answer are in, not at the end of its body', async () => {
    const site = await TestServer.start('127.0.0.10');
    stops.push(() => site.stop());
    const held: http.ServerResponse[] = [];
    site.fallback((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part, ');
      held.push(res);
      // Every body ends only once all five requests are in.
      if (held.length === 5) for (const waiting of held) waiting.end('the rest');
    });
    const memory = new HostMemory(client({ timeoutMs: 3000 }));
    const bodies = await Promise.all(Array.from({ length: 5 }, async (_, i) =>
      (await memory.client.fetch({ url: site.url(`/long-read/${i}`), maxBytes: 1024 })).body.toString()));
    expect(bodies).toEqual(Array(5).fill('first part, the rest'));
  });

  it('that answers, even with a redirect, gets six requests at once', async () => {
    const target = await TestServer.start('127.0.0.8');
    const mover = await TestServer.start('127.0.0.9');
    stops.push(() => target.stop(), () => mover.stop());
    let open = 0;
    let most = 0;
    mover.fallback((req, res) => {
      open++;
      most = Math.max(most, open);
      // Held a moment so the requests that can be in flight together are.
      setTimeout(() => {
        open--;
        res.writeHead(301, { location: target.url(req.url ?? '/') }).end();
      }, 30);
    });
    target.fallback((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('moved here');
    });
    const memory = new HostMemory(client());
    await memory.client.fetch({ url: mover.url('/first'), maxBytes: 1024 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => memory.client.fetch({ url: mover.url(`/story/${i}`), maxBytes: 1024 })));
    expect(most).toBe(6);
  });
});
