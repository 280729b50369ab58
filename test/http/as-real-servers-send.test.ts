// Bodies and framing as real servers send them, which browsers and curl take and a strict reading
// refused: gzip with a stray newline after it, without its footer, or flushed and never finished;
// gzip, deflate or brotli cut short; an HTTP/1.0 answer with no length, ended by closing;
// a Content-Length counting characters instead of bytes; a Refresh header; a cookie check that redirects to the
// address that set the cookie; a feed slow to start; a page that keeps flowing for longer than a
// total timeout would allow. Real servers on loopback (node:net where the bytes of the framing
// matter), seen as the person sees them: the feed's items and the article's text.
import type http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { createHttpClient, HttpError, inflate, type HttpClient } from '../../electron/core/http';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const MB = 1024 * 1024;

let server: TestServer;
let core: PaperboyCore;
const closers: (() => unknown)[] = [];

beforeEach(async () => {
  server = await TestServer.start();
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await core.close();
  await server.stop();
  removeTempDirs();
});

/** A WordPress-like feed; its summaries are not ASCII, as on most of the web. */
function feed(origin: string, items = 4): string {
  const entries = Array.from({ length: items }, (_, i) =>
    `<item><title>Harbour story ${i + 1}</title><link>${origin}/${i + 1}/</link><guid isPermaLink="false">${origin}/?p=${i + 1}</guid>` +
    `<description>&lt;p&gt;Résumé ${i + 1}: the “café” on the quay reopened after the storm.&lt;/p&gt;</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour News</title><link>${origin}/</link><description>News</description>\n${entries}\n</channel></rss>\n`;
}

async function titlesAfterAdding(url: string): Promise<string[]> {
  const { feed: added } = await core.api.addFeed(url);
  const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: added.id }, limit: 100 });
  return articles.map((a) => a.title).sort();
}

const FOUR_TITLES = ['Harbour story 1', 'Harbour story 2', 'Harbour story 3', 'Harbour story 4'];

function serveGzip(path: string, body: Buffer, type = 'application/rss+xml; charset=UTF-8'): void {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length });
    res.end(body);
  });
}

/** Gzip streamed with a sync flush and never finished: the server's compressor was killed. */
function syncFlushedGzip(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const gzip = zlib.createGzip();
    const parts: Buffer[] = [];
    gzip.on('data', (part: Buffer) => parts.push(part));
    gzip.write(text);
    gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      resolve(Buffer.concat(parts));
      gzip.destroy();
    });
  });
}

describe('gzip as browsers take it', () => {
  it('shows the feed whose gzip is followed by a stray newline, lacks its footer, or was flushed and never finished', async () => {
    const gz = zlib.gzipSync(feed(server.origin));
    serveGzip('/trail/feed/', Buffer.concat([gz, Buffer.from('\n')]));
    serveGzip('/trail2/feed/', Buffer.concat([gz, Buffer.from('\n\n')]));
    serveGzip('/nofooter/feed/', gz.subarray(0, gz.length - 8));
    serveGzip('/flushed/feed/', await syncFlushedGzip(feed(server.origin)));
    for (const path of ['/trail/feed/', '/trail2/feed/', '/nofooter/feed/', '/flushed/feed/']) {
      expect(await titlesAfterAdding(server.url(path)), path).toEqual(FOUR_TITLES);
    }
  });

  it("reads a Content-Encoding a proxy wrote as a list ('gzip, identity', 'x-gzip, identity', 'gzip, gzip') as browsers read it", async () => {
    // A PNG's first bytes and more: what the image cache sniffs, compressed once, or twice by a proxy after the server.
    const picture = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(4000, 7)]);
    const served = { 'gzip, identity': zlib.gzipSync(picture), 'X-Gzip, Identity': zlib.gzipSync(picture), 'gzip, gzip': zlib.gzipSync(zlib.gzipSync(feed(server.origin))) };
    for (const [encoding, body] of Object.entries(served)) {
      server.route(`/${encodeURIComponent(encoding)}`, (_req, res) => {
        res.writeHead(200, { 'content-type': encoding === 'gzip, gzip' ? 'application/rss+xml' : 'image/png', 'content-encoding': encoding });
        res.end(body);
      });
    }
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    expect((await client.fetch({ url: server.url(`/${encodeURIComponent('gzip, identity')}`), maxBytes: MB })).body).toEqual(picture);
    expect((await client.fetch({ url: server.url(`/${encodeURIComponent('X-Gzip, Identity')}`), maxBytes: MB })).body).toEqual(picture);
    expect(await titlesAfterAdding(server.url(`/${encodeURIComponent('gzip, gzip')}`))).toEqual(FOUR_TITLES);
  });

  it('reads a large gzip page with trailing bytes whole, where zlib gives up after streaming most of it', async () => {
    const page = Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i}: the ferries ran again.</p>`).join('');
    serveGzip('/page', Buffer.concat([zlib.gzipSync(page), Buffer.from('\r\n\r\n')]), 'text/html');
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    const response = await client.fetch({ url: server.url('/page'), maxBytes: MB });
    expect(response.body.toString()).toBe(page);
    // Kept compressed for the parse worker, it inflates the same.
    const kept = await client.fetch({ url: server.url('/page'), maxBytes: MB, keepEncoded: true });
    expect(inflate(kept.body, 'gzip', MB, kept.url).toString()).toBe(page);
  });

  it('reads gzip that stops short as far as it goes when asked to, and else fails as a body cut short', async () => {
    const text = feed(server.origin, 40);
    const gz = zlib.gzipSync(text);
    serveGzip('/cut/feed/', gz.subarray(0, Math.floor(gz.length * 0.6)));
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    const start = (await client.fetch({ url: server.url('/cut/feed/'), maxBytes: MB, cutBody: 'read what arrived' })).body.toString();
    expect(start.length).toBeGreaterThan(text.length / 4);
    expect(text.startsWith(start)).toBe(true);
    await expect(client.fetch({ url: server.url('/cut/feed/'), maxBytes: MB })).rejects.toThrow('connection closed before the response was complete');
  });

  it('still refuses a body that is not gzip at all, and still stops a gzip bomb with trailing bytes at the cap', async () => {
    serveGzip('/lie', Buffer.from(feed(server.origin)));
    const bomb = Buffer.concat([...Array.from({ length: 50 }, () => zlib.gzipSync(Buffer.alloc(MB))), Buffer.from('\n\n')]);
    serveGzip('/bomb', bomb);
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    await expect(client.fetch({ url: server.url('/lie'), maxBytes: MB })).rejects.toThrow('the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)');
    await expect(client.fetch({ url: server.url('/bomb'), maxBytes: 4 * MB })).rejects.toMatchObject({ kind: 'too-large' });
    expect(() => inflate(bomb, 'gzip', 4 * MB, 'http://x/')).toThrow('too large (over 4 MB)');
  });
});

describe('deflate and brotli cut short, as gzip', () => {
  // The same answer, compressed as servers send it under each name ("deflate" is zlib-wrapped by
  // the standard and raw deflate by some servers; brotli is what CDNs prefer), cut where a proxy
  // that passed on what it had, or a connection closed early, stops it.
  const encodings: readonly (readonly [string, 'deflate' | 'br', (body: string | Buffer) => Buffer])[] = [
    ['deflate', 'deflate', (body) => zlib.deflateSync(body)],
    ['raw deflate', 'deflate', (body) => zlib.deflateRawSync(body)],
    ['brotli', 'br', (body) => zlib.brotliCompressSync(body)],
  ];

  it.each(encodings)('reads %s that stops short as far as it goes when asked to, and else fails as a body cut short, streamed or kept compressed', async (_name, encoding, compress) => {
    const text = feed(server.origin, 40);
    const compressed = compress(text);
    // Past four fifths: brotli's 40 items of one template take few bytes, most of them at the end.
    const cut = compressed.subarray(0, Math.floor(compressed.length * 0.8));
    server.route('/cut/feed/', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'content-encoding': encoding, 'content-length': cut.length });
      res.end(cut);
    });
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    const start = (await client.fetch({ url: server.url('/cut/feed/'), maxBytes: MB, cutBody: 'read what arrived' })).body.toString();
    expect(start.length).toBeGreaterThan(text.length / 4);
    expect(text.startsWith(start)).toBe(true);
    await expect(client.fetch({ url: server.url('/cut/feed/'), maxBytes: MB })).rejects.toThrow('connection closed before the response was complete');
    const kept = await client.fetch({ url: server.url('/cut/feed/'), maxBytes: MB, keepEncoded: true });
    expect(() => inflate(kept.body, encoding, MB, kept.url)).toThrow('connection closed before the response was complete');
    expect(inflate(kept.body, encoding, MB, kept.url, 'read what arrived').toString()).toBe(start);
  });

  it.each(encodings)('still refuses %s whose data are broken, and still stops its bomb at the cap', async (_name, encoding, compress) => {
    const broken = compress(feed(server.origin, 40));
    broken.fill(0xff, 8, 40);
    // Text after the zeros: cutting its last bytes leaves the zeros whole, past the cap.
    const bomb = compress(Buffer.concat([Buffer.alloc(8 * MB), Buffer.from('<p>The end of the page.</p>'.repeat(50))]));
    for (const [path, body] of [['/broken', broken], ['/bomb', bomb]] as const) {
      server.route(path, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding, 'content-length': body.length });
        res.end(body);
      });
    }
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    await expect(client.fetch({ url: server.url('/broken'), maxBytes: MB, cutBody: 'read what arrived' })).rejects.toThrow("-compressed, but it could not be decompressed (a browser refuses it too)");
    expect(() => inflate(broken, encoding, MB, 'http://x/', 'read what arrived')).toThrow("-compressed, but it could not be decompressed (a browser refuses it too)");
    await expect(client.fetch({ url: server.url('/bomb'), maxBytes: 4 * MB })).rejects.toMatchObject({ kind: 'too-large' });
    expect(() => inflate(bomb.subarray(0, bomb.length - 4), encoding, 4 * MB, 'http://x/', 'read what arrived')).toThrow('too large (over 4 MB)');
  });
});

describe('a Content-Length longer than the body, the connection closed after it', () => {
  it('keeps the page whose gzip came whole (its length was counted before compressing), and still not one cut in half', async () => {
    const story = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour wall</title></head><body><main><article><h1>Harbour wall repaired</h1>'
      + '<p>The harbour wall breached in the January storm is whole again, three weeks ahead of the council\'s own estimate.</p>'
      + '<p>Fishing boats can use the inner berths from Monday; the slipway stays closed until its surface has been relaid.</p></article></main></body></html>';
    const gz = zlib.gzipSync(story);
    // The uncompressed length declared over the gzip, as a script that set it before its server compressed.
    const answer = (body: Buffer) => Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nContent-Length: ${story.length}\r\nConnection: close\r\n\r\n`), body]);
    const raw = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', (head: Buffer) => {
        const path = head.toString('latin1').split(' ')[1];
        if (path === '/feed/') {
          const items = ['whole', 'half'].map((name) => `<item><title>${name}</title><link>${origin}/${name}</link><guid>${name}</guid><description>The feed's words.</description></item>`);
          const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
          socket.end(`HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: ${xml.length}\r\n\r\n${xml}`);
        } else socket.end(answer(path === '/whole' ? gz : gz.subarray(0, gz.length >> 1)));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => raw.close(resolve)));
    const origin = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}`;
    const { feed: added } = await core.api.addFeed(`${origin}/feed/`);
    await core.api.sync();
    const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: added.id }, limit: 10 });
    const whole = (await core.api.getArticle(articles.find((a) => a.title === 'whole')!.id))!;
    expect([whole.fullTextState, whole.html.includes('three weeks ahead')]).toEqual(['done', true]);
    const half = (await core.api.getArticle(articles.find((a) => a.title === 'half')!.id))!;
    expect([half.fullTextState, half.fullTextError]).toEqual(['pending', 'connection closed before the response was complete']);
  });
});

describe('a Content-Length counting characters, not bytes', () => {
  it("shows the items within the declared bytes, as curl does (PHP's mb_strlen)", async () => {
    const raw = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => {
        const xml = feed(origin, 5);
        socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=UTF-8\r\nContent-Length: ${xml.length}\r\n\r\n`), Buffer.from(xml)]));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => raw.close(resolve)));
    const origin = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}`;
    // The declared length falls inside the fifth item; the four before it are whole.
    expect(await titlesAfterAdding(`${origin}/mbcl/feed/`)).toEqual(FOUR_TITLES);
  });
});

describe('an HTTP/1.0 answer without a Content-Length, ended by closing', () => {
  it('shows the whole feed, and a gzip one followed by a stray NUL byte, as a browser does (a CGI script behind thttpd)', async () => {
    const raw = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', (request: Buffer) => {
        const gzipped = request.toString('latin1').startsWith('GET /gz');
        const xml = Buffer.from(feed(origin, 4));
        const body = gzipped ? Buffer.concat([zlib.gzipSync(xml), Buffer.from([0])]) : xml;
        const head = `HTTP/1.0 200 OK\r\nServer: thttpd/2.25b\r\nContent-Type: text/xml\r\n${gzipped ? 'Content-Encoding: gzip\r\n' : ''}\r\n`;
        // Written in pieces, then closed: the close is the body's only end.
        socket.write(head);
        socket.write(body.subarray(0, 300));
        setTimeout(() => socket.end(body.subarray(300)), 50);
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => raw.close(resolve)));
    const origin = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}`;
    expect(await titlesAfterAdding(`${origin}/cgi-bin/feed.cgi`)).toEqual(FOUR_TITLES);
    expect(await titlesAfterAdding(`${origin}/gz/feed.cgi`)).toEqual(FOUR_TITLES);
  });
});

describe('a redirect to an address in raw UTF-8', () => {
  it('follows it to the address a browser would open, and still takes one percent-encoded or in single bytes', async () => {
    const rawUtf8 = (address: string) => Buffer.from(address, 'utf8').toString('latin1');
    // A feed moved under a path in Chinese, and a page under one in French, the server writing
    // the Location's bytes as they are (nginx rewrites, hand-made PHP redirects).
    server.route('/news/feed/', (_req, res) => {
      res.writeHead(301, { location: rawUtf8('/新闻/feed/') });
      res.end();
    });
    server.route(`/${encodeURIComponent('新闻')}/feed/`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' });
      res.end(feed(server.origin));
    });
    expect(await titlesAfterAdding(server.url('/news/feed/'))).toEqual(FOUR_TITLES);

    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    for (const [path, location] of [['/summer', rawUtf8('/été')], ['/encoded', '/%C3%A9t%C3%A9'], ['/latin1', '/\xe9t\xe9']]) {
      server.route(path!, (_req, res) => {
        res.writeHead(302, { location });
        res.end();
      });
    }
    server.route(`/${encodeURIComponent('été')}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('summer');
    });
    expect((await client.fetch({ url: server.url('/summer'), maxBytes: MB })).body.toString()).toBe('summer');
    expect((await client.fetch({ url: server.url('/encoded'), maxBytes: MB })).body.toString()).toBe('summer');
    // Bytes that are no UTF-8 (a Latin-1 server) are sent as a browser sends them, percent-encoded as UTF-8.
    expect((await client.fetch({ url: server.url('/latin1'), maxBytes: MB })).body.toString()).toBe('summer');
  });
});

describe('a Refresh header', () => {
  it("follows one that sends the reader on at once, as browsers do (PHP's header('Refresh: 0; url=…') on a moved feed)", async () => {
    server.route('/rss.php', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', refresh: '0; url=/news/feed/' });
      res.end('<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Our news feed has moved. You will be taken there now.</p></body></html>');
    });
    server.route('/news/feed/', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' });
      res.end(feed(server.origin));
    });
    expect(await titlesAfterAdding(server.url('/rss.php'))).toEqual(FOUR_TITLES);
  });

  it('takes the page as it is when the refresh only reloads it or waits minutes, and stops a refresh loop', async () => {
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    const page = (refresh: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', refresh });
      res.end('the page itself');
    };
    server.route('/live', page('30'));
    server.route('/self', page('0; url=/self'));
    server.route('/idle', page('600; url=/'));
    server.route('/ping', page('0; url=/pong'));
    server.route('/pong', page('0; url=/ping'));
    for (const path of ['/live', '/self', '/idle']) {
      const response = await client.fetch({ url: server.url(path), maxBytes: MB });
      expect([response.url, response.body.toString()]).toEqual([server.url(path), 'the page itself']);
    }
    await expect(client.fetch({ url: server.url('/ping'), maxBytes: MB })).rejects.toThrow(`redirect loop at ${server.url('/ping')}`);
  });
});

describe('a cookie check on the way to the feed', () => {
  it('gets through a Set-Cookie and 302 to the same address, and one that marks the retry in the query', async () => {
    const checked = (path: string, retry: string) => server.route(path, (req, res) => {
      if (!/(^|; )visited=1(;|$)/.test(req.headers.cookie ?? '')) {
        if (req.url?.endsWith('?ck=1')) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please enable cookies.</body></html>');
        return void res.writeHead(302, { 'set-cookie': 'visited=1; Path=/; HttpOnly', location: retry }).end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(server.origin));
    });
    checked('/cookie/feed/', '/cookie/feed/');
    checked('/cookiequery/feed/', '/cookiequery/feed/?ck=1');
    expect(await titlesAfterAdding(server.url('/cookie/feed/'))).toEqual(FOUR_TITLES);
    expect(await titlesAfterAdding(server.url('/cookiequery/feed/'))).toEqual(FOUR_TITLES);
  });

  it('keeps a chain that loops with the same cookies a loop, and sends no cookie to another host or a later fetch', async () => {
    const other = await TestServer.start('127.0.0.150');
    closers.push(() => other.stop());
    other.serve('/feed/', { body: feed(other.origin), type: 'application/rss+xml' });
    server.route('/loop', (_req, res) => void res.writeHead(302, { 'set-cookie': 'seen=1; Path=/', location: '/loop' }).end());
    server.route('/away', (_req, res) => void res.writeHead(302, { 'set-cookie': 'session=abc; Path=/', location: other.url('/feed/') }).end());
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    closers.push(() => client.close());
    await expect(client.fetch({ url: server.url('/loop'), maxBytes: MB })).rejects.toMatchObject({ kind: 'redirect-loop' });
    await client.fetch({ url: server.url('/away'), maxBytes: MB });
    await expect(client.fetch({ url: server.url('/loop'), maxBytes: MB })).rejects.toMatchObject({ kind: 'redirect-loop' });
    expect(other.requests.map((r) => r.headers.cookie)).toEqual([undefined]);
    // Each fetch starts without cookies: the second /loop's first request sent none.
    expect(server.requestsFor('/loop').map((r) => r.headers.cookie)).toEqual([undefined, 'seen=1', undefined, 'seen=1']);
  });
});

describe('waits', () => {
  let client: HttpClient;
  beforeEach(() => {
    client = createHttpClient({ userAgent: 'Paperboy/test', firstByteTimeoutMs: 200, feedFirstByteTimeoutMs: 3000, idleTimeoutMs: 300 });
    closers.push(() => client.close());
  });

  it("waits longer for a feed's first byte than for a page's", async () => {
    const slowly = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(server.origin)), 600);
    };
    server.route('/slow/feed/', slowly).route('/slow/page/', slowly);
    const response = await client.fetch({ url: server.url('/slow/feed/'), purpose: 'feed', maxBytes: MB });
    expect(response.body.toString()).toContain('Harbour story 4');
    const error = await client.fetch({ url: server.url('/slow/page/'), purpose: 'page', maxBytes: MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'no-response', message: 'no response within 0.2 s' });
  });

  it('takes a page that keeps flowing for many idle timeouts, counting its bytes; gives up on one that stalls', async () => {
    const page = Buffer.from(`<html><body>${'<p>The tide came in.</p>'.repeat(2000)}</body></html>`);
    server.route('/flowing', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      let at = 0;
      const step = Math.ceil(page.length / 25);
      const timer = setInterval(() => {
        res.write(page.subarray(at, at + step));
        at += step;
        if (at >= page.length) {
          clearInterval(timer);
          res.end();
        }
      }, 60);
      res.on('close', () => clearInterval(timer));
    });
    server.route('/stalled', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write(page.subarray(0, 1000));
    });
    const started = Date.now();
    const response = await client.fetch({ url: server.url('/flowing'), maxBytes: MB, timeoutMs: 5000 });
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(response.body.equals(page)).toBe(true);
    expect(response.transferredBytes).toBe(page.length);
    await expect(client.fetch({ url: server.url('/stalled'), maxBytes: MB })).rejects.toMatchObject({ kind: 'timeout', message: 'the server stopped sending partway through (nothing came for 0.3 s)' });
  });
});
