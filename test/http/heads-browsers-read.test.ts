// Response heads Node's strict parser refuses and browsers read, as old, embedded and
// misconfigured servers send them: a header name with a space in it (an old PHP's "X Powered
// By"), lines ended by LF alone (a small embedded server, a hand-written CGI), the same
// Content-Length twice (PHP setting its own behind a server that adds one). Each used to fail as
// "the server sent an invalid HTTP response"; the feed, the article's page and its image are now
// read as a browser reads them (head-mending.ts), through the client's own limits. Two different
// lengths are still refused, saying why, and a well-formed response is asked once, as before.
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { createHttpClient, HttpError, type HttpClient } from '../../electron/core/http';
import { mendHead } from '../../electron/core/http/head-mending';
import { fixtureBytes } from '../support/fixtures';
import { makePng } from '../support/images';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { RawServer, rawResponse } from './raw-server';

const KB = 1024;
const MB = 1024 * KB;
const DATE = 'Date: Mon, 07 Dec 2026 08:00:00 GMT';

/** The three shapes: each head's lines, `{length}` standing for the body's. */
const HEADS = {
  'a header name with a space': { eol: '\r\n', lines: (type: string) => [
    'HTTP/1.1 200 OK', DATE, 'Server: Apache/2.2.15 (CentOS)', 'X Powered By: PHP/5.3.3', `Content-Type: ${type}`, 'Content-Length: {length}', 'Connection: close',
  ] },
  'lines ended by LF alone': { eol: '\n', lines: (type: string) => [
    'HTTP/1.0 200 OK', 'Server: thttpd/2.25b 29dec2003', `Content-Type: ${type}`, DATE, 'Last-Modified: Mon, 07 Dec 2026 07:55:00 GMT',
    'Accept-Ranges: bytes', 'Connection: close', 'Content-Length: {length}',
  ] },
  'the same Content-Length twice': { eol: '\r\n', lines: (type: string) => [
    'HTTP/1.1 200 OK', 'Server: nginx', DATE, `Content-Type: ${type}`, 'Content-Length: {length}', 'Connection: close', 'X-Powered-By: PHP/7.4.33', 'Content-Length: {length}',
  ] },
} as const;
type Shape = keyof typeof HEADS;
const SHAPES = Object.keys(HEADS) as Shape[];

function answer(shape: Shape, type: string, body: Buffer | string): Buffer {
  const { lines, eol } = HEADS[shape];
  return rawResponse(lines(type), body, eol);
}

/** windows-1252 bytes of text whose only non-ASCII letters are é and curly double quotes. */
function cp1252(text: string): Buffer {
  const codes: Record<string, number> = { 'é': 0xe9, '“': 0x93, '”': 0x94 };
  return Buffer.from([...text].map((c) => codes[c] ?? c.charCodeAt(0)));
}

const TITLES = ['Café du Port reopens on the quay', 'Ferry timetable for the winter', '“Storm” warning lifted'];

/** An old PHP blog's feed: no encoding in its XML declaration, so only the header's charset says windows-1252. */
function legacyFeed(origin: string): Buffer {
  const items = TITLES.map((title, i) =>
    `<item><title>${title}</title><link>${origin}/?p=${i + 1}</link><guid isPermaLink="false">${origin}/?p=${i + 1}</guid>` +
    `<pubDate>Mon, 0${7 - i} Dec 2026 07:00:00 +0000</pubDate><description>The harbour’s news, résumé ${i + 1}.</description></item>`,
  ).join('\n');
  return cp1252(`<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title><link>${origin}/</link>` +
    `<description>Local news</description>\n${items}\n</channel></rss>\n`);
}

let core: PaperboyCore;
let raw: RawServer | null = null;
let answers: Record<string, Buffer> = {};

beforeEach(() => {
  answers = {};
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await raw?.stop();
  raw = null;
  removeTempDirs();
});

async function startRaw(): Promise<RawServer> {
  raw = await RawServer.start((path) => answers[path] ?? null);
  return raw;
}

async function titlesOf(url: string): Promise<string[]> {
  const { feed } = await core.api.addFeed(url);
  const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: feed.id }, limit: 10 });
  return articles.map((a) => a.title).sort();
}

describe('a server whose head Node refuses and browsers read', () => {
  it.each(SHAPES)('shows its feed, in the charset its header names: %s', async (shape) => {
    const server = await startRaw();
    answers['/feed/'] = answer(shape, 'application/rss+xml; charset=windows-1252', legacyFeed(server.origin));
    expect(await titlesOf(server.url('/feed/'))).toEqual([...TITLES].sort());
  });

  it('keeps the article page and its image from such a server in a sync, and asks twice only its first request of the sync', async () => {
    const server = await startRaw();
    const post = '/2026/12/07/cafe-du-port-reopens/';
    const image = '/wp-content/uploads/2026/12/quay-1024x768.png';
    const png = makePng(64, 48, [40, 90, 160]);
    const feed = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title><link>${server.origin}/</link>` +
      `<description>Local news</description><item><title>Café du Port reopens</title><link>${server.url(post)}</link>` +
      `<guid isPermaLink="false">${server.origin}/?p=101</guid><description>The café is open again.</description></item></channel></rss>\n`;
    const paragraphs = Array.from({ length: 6 }, (_, i) =>
      `<p>Paragraph ${i + 1} of the story: after eight months of repairs the café on the quay serves breakfast again, and the fishermen who kept their tables are back at six each morning.</p>`).join('\n');
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Café du Port reopens – Harbour Gazette</title></head><body>` +
      `<header id="masthead"><a href="/">Harbour Gazette</a><nav><a href="/news/">News</a></nav></header>` +
      `<main><article class="post-101 post type-post"><h1 class="entry-title">Café du Port reopens</h1><div class="entry-content">` +
      `<figure class="wp-block-image"><img src="${image}" alt="The café from the quay" width="1024" height="768"></figure>\n${paragraphs}</div></article></main>` +
      `<footer>© 2026 Harbour Gazette</footer></body></html>`;
    answers['/feed/'] = answer('lines ended by LF alone', 'application/rss+xml', feed);
    answers[post] = answer('a header name with a space', 'text/html; charset=UTF-8', page);
    answers[image] = answer('the same Content-Length twice', 'image/png', png);
    await core.api.addFeed(server.url('/feed/'));
    const before = server.requests.length;

    await core.api.sync();

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const article = (await core.api.getArticle(articles[0]!.id))!;
    expect(article.contentSource).toBe('page');
    expect(article.html).toContain('Paragraph 6 of the story');
    const hash = /<img src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(article.html)?.[1];
    const cached = hash ? core.cachedImage(hash) : null;
    expect(cached?.mime).toBe('image/png');
    expect(readFileSync(cached!.file).equals(png)).toBe(true);
    // The feed, first of the sync, was refused and asked again mended; its host's page and image
    // were mended from the start.
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/feed/', '/feed/', post, image]);
  });

  it('refuses two different Content-Length values, saying why in the feed\'s status and in the CLI\'s sync output, and keeps the articles saved', async () => {
    const server = await startRaw();
    const body = legacyFeed(server.origin);
    answers['/feed/'] = answer('a header name with a space', 'application/rss+xml; charset=windows-1252', body);
    const data = tempDir();
    expect((await paperboy('add', server.url('/feed/'), '--data', data)).code).toBe(0);
    answers['/feed/'] = rawResponse(['HTTP/1.1 200 OK', 'Server: nginx', 'Content-Type: application/rss+xml', `Content-Length: ${body.length}`, 'Content-Length: 310', 'Connection: close'], body);

    const run = await paperboy('sync', '--data', data, '--no-fulltext', '--no-images');

    const why = `the server sent two different lengths for one response (Content-Length ${body.length} and 310), a sign of a response hidden inside another, so it was refused`;
    expect(run.stderr).toContain(`failed: ${server.url('/feed/')}: ${why}\n`);
    const feeds = JSON.parse((await paperboy('call', 'listFeeds', '--data', data)).stdout) as { url: string; lastStatus: string; lastError: string; articleCount: number }[];
    const feed = feeds.find((f) => f.url === server.url('/feed/'))!;
    expect(feed).toMatchObject({ lastStatus: 'failed', lastError: why, articleCount: TITLES.length });
  });
});

describe('a response still refused', () => {
  it('says what was wrong in the feed\'s status, and keeps the articles saved', async () => {
    const server = await startRaw();
    const body = legacyFeed(server.origin);
    answers['/feed/'] = answer('lines ended by LF alone', 'application/rss+xml; charset=windows-1252', body);
    const { feed } = await core.api.addFeed(server.url('/feed/'));
    // Chunks framed by LF alone: reading them would mean parsing the body's framing ourselves.
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\n`), body, Buffer.from('\n0\n\n')]);
    answers['/feed/'] = rawResponse(['HTTP/1.1 200 OK', 'Content-Type: application/rss+xml; charset=windows-1252', 'Transfer-Encoding: chunked'], chunked);

    await core.api.sync({ fullText: false });

    expect((await core.api.listFeeds()).find((f) => f.id === feed.id)).toMatchObject({
      lastStatus: 'failed', lastError: 'the server sent an invalid HTTP response (Missing expected CR after chunk size)', articleCount: TITLES.length,
    });
  });

  it('reads a chunked body with a length beside it as chunked, as browsers do', async () => {
    const server = await startRaw();
    const body = legacyFeed(server.origin);
    // A proxy that chunked the body and kept the script's length beside it.
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    answers['/feed/'] = rawResponse(['HTTP/1.1 200 OK', 'Content-Type: application/rss+xml; charset=windows-1252', 'Transfer-Encoding: chunked', `Content-Length: ${body.length + 40}`], chunked);
    const { feed } = await core.api.addFeed(server.url('/feed/'));

    await core.api.sync({ fullText: false });

    // Read whole, and the same as when it was added: not failed.
    expect((await core.api.listFeeds()).find((f) => f.id === feed.id)).toMatchObject({ lastStatus: 'unchanged', lastError: null, articleCount: TITLES.length });
  });

  it('says an article\'s page came invalid, not that its connection closed, when its chunks are framed by LF alone', async () => {
    const server = await startRaw();
    const post = '/cgi-bin/story.pl?id=7';
    const feed = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title><link>${server.origin}/</link>` +
      `<description>Local news</description><item><title>Tide tables</title><link>${server.url(post)}</link><guid>tide-7</guid>` +
      `<description>The tide tables for December.</description></item></channel></rss>\n`;
    answers['/feed/'] = rawResponse(['HTTP/1.1 200 OK', 'Content-Type: application/rss+xml', 'Content-Length: {length}'], feed);
    const page = '<html><body><p>High water at 06:12 and 18:40.</p></body></html>';
    answers[post] = Buffer.from(`HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\n\n${page.length.toString(16)}\n${page}\n0\n\n`, 'latin1');
    await core.api.addFeed(server.url('/feed/'));

    await core.api.sync();

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const article = (await core.api.getArticle(articles[0]!.id))!;
    expect(article.contentSource).toBe('feed');
    expect(article.fullTextError).toContain('the server sent an invalid HTTP response (Missing expected CR after chunk size)');
  });
});

describe('a host whose heads are still refused once mended', () => {
  it('costs one request per page for the rest of the sync, not two', async () => {
    const site = await startRaw();
    const pages = await RawServer.start(() => {
      const page = '<html><body><p>High water at 06:12 and 18:40.</p></body></html>';
      // Two lengths that differ: refused strictly, and refused again once mended.
      return rawResponse(['HTTP/1.1 200 OK', 'Content-Type: text/html', `Content-Length: ${page.length}`, `Content-Length: ${page.length + 5}`], page);
    }, '127.0.0.2');
    try {
      const items = [1, 2, 3].map((i) => `<item><title>Tides ${i}</title><link>${pages.url(`/tides/${i}`)}</link><guid>tides-${i}</guid><description>Tide table ${i}.</description></item>`).join('');
      answers['/feed/'] = rawResponse(['HTTP/1.1 200 OK', 'Content-Type: application/rss+xml', 'Content-Length: {length}', 'Connection: close'],
        `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Tides</title><link>${site.origin}/</link><description>Tides</description>${items}</channel></rss>\n`);
      await core.api.addFeed(site.url('/feed/'));

      await core.api.sync();

      // The first page refused strictly, then mended: the others go straight to the mended read.
      expect(pages.requests).toHaveLength(4);
      const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
      for (const { id } of articles) {
        expect((await core.api.getArticle(id))?.fullTextError).toContain('the server sent two different lengths for one response');
      }
    } finally {
      await pages.stop();
    }
  });
});

describe('the mended read keeps the client\'s limits', () => {
  let client: HttpClient;
  beforeEach(() => {
    client = createHttpClient({ userAgent: 'Paperboy/test', connectTimeoutMs: 200, firstByteTimeoutMs: 400 });
  });
  afterEach(() => client.close());

  const host = (server: RawServer): string => new URL(server.origin).host;

  it('caps the size, inflates gzip under its cap, follows a redirect, and waits for the head as for any', async () => {
    const server = await startRaw();
    answers['/big'] = answer('lines ended by LF alone', 'text/html', Buffer.alloc(2 * MB, 'a'));
    answers['/bomb'] = rawResponse(['HTTP/1.1 200 OK', 'Content Encoding Hint: none', 'Content-Type: text/html', 'Content-Encoding: gzip', 'Content-Length: {length}'], zlib.gzipSync(Buffer.alloc(8 * MB)));
    answers['/old'] = rawResponse(['HTTP/1.0 301 Moved Permanently', 'Location: /new', 'Content-Length: 0'], '', '\n');
    answers['/new'] = answer('the same Content-Length twice', 'text/plain; charset=utf-8', 'moved here');
    await expect(client.fetch({ url: server.url('/big'), maxBytes: MB })).rejects.toMatchObject({ kind: 'too-large' });
    await expect(client.fetch({ url: server.url('/bomb'), maxBytes: MB })).rejects.toMatchObject({ kind: 'too-large' });
    const moved = await client.fetch({ url: server.url('/old'), maxBytes: MB });
    expect([moved.url, moved.body.toString()]).toEqual([server.url('/new'), 'moved here']);
    // The address it came from, which decides whether a feed's content may reach the local network.
    expect(moved.servedBy?.address).toBe('127.0.0.1');

    // Slower to answer than to connect: the connection's own wait ends at the connection.
    server.delays.set('/new', 300);
    expect((await client.fetch({ url: server.url('/new'), maxBytes: MB, mendedHosts: new Set([host(server)]) })).body.toString()).toBe('moved here');
    server.delays.set('/new', 1_000);
    await expect(client.fetch({ url: server.url('/new'), maxBytes: MB, mendedHosts: new Set([host(server)]) })).rejects.toMatchObject({ kind: 'no-response' });
  });

  it('reads such a head from an HTTPS site, whose certificate is checked as on every connection', async () => {
    const secure = { key: fixtureBytes('http/self-signed.key'), cert: fixtureBytes('http/self-signed.crt') };
    raw = await RawServer.start((path) => answers[path] ?? null, '127.0.0.1', secure);
    answers['/feed/'] = answer('a header name with a space', 'application/rss+xml; charset=windows-1252', legacyFeed(raw.origin));
    const mended = { url: raw.url('/feed/'), maxBytes: MB, mendedHosts: new Set([host(raw)]) };
    await expect(client.fetch(mended)).rejects.toMatchObject({ message: 'the certificate of 127.0.0.1 is self-signed, so who sent it cannot be checked: Paperboy will not read the site until its certificate is fixed' });
    expect(raw.requests).toEqual([]);
    // Trusted as a test may trust it (the client has no other way in): read, after one refusal.
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const response = await client.fetch({ url: raw.url('/feed/'), maxBytes: MB });
      expect(response.body.equals(legacyFeed(raw.origin))).toBe(true);
      expect(raw.requestsFor('/feed/')).toHaveLength(2);
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  });

  it('refuses the local network to content of a public feed, mended or not, before connecting', async () => {
    const server = await startRaw();
    answers['/pixel.gif'] = answer('a header name with a space', 'image/gif', 'GIF89a');
    await expect(client.fetch({ url: server.url('/pixel.gif'), maxBytes: MB, scope: 'public', mendedHosts: new Set([host(server)]) })).rejects.toMatchObject({ kind: 'blocked' });
    expect(server.requests).toEqual([]);
  });

  it('mends the head that answers a request asked again because its kept-alive connection had closed', async () => {
    const server = await startRaw();
    answers['/'] = rawResponse(['HTTP/1.1 200 OK', 'Content-Type: text/html', 'Content-Length: {length}'], '<h1>Harbour Gazette</h1>');
    answers['/feed/'] = answer('lines ended by LF alone', 'application/rss+xml; charset=windows-1252', legacyFeed(server.origin));
    server.lingers.set('/', 200);
    await client.fetch({ url: server.url('/'), maxBytes: MB });
    const response = await client.fetch({ url: server.url('/feed/'), maxBytes: MB });
    expect(response.body.equals(legacyFeed(server.origin))).toBe(true);
    // Sent on the kept-alive connection (which the server closed without reading it), asked again
    // on a new one, and once more, mended, on a third.
    expect(server.requestsFor('/feed/').map((r) => r.connection)).toEqual([2, 3]);
  });

  it('reads a header folded onto a second line, and drops one holding a control character', async () => {
    const server = await startRaw();
    answers['/p3p'] = rawResponse(['HTTP/1.1 200 OK', 'Content-Type: text/plain', 'P3P: CP="NOI ADM DEV PSAi', '\tCOM NAV OUR OTRo STP IND DEM"', 'X-Cache-Debug: hit\x01edge-3', 'Content-Length: {length}'], 'privacy');
    const response = await client.fetch({ url: server.url('/p3p'), maxBytes: MB });
    expect(response.headers.p3p).toBe('CP="NOI ADM DEV PSAi COM NAV OUR OTRo STP IND DEM"');
    expect(response.headers['x-cache-debug']).toBeUndefined();
    expect(response.body.toString()).toBe('privacy');
  });

  it('reads past an interim 100 Continue to the head that follows it, mending both', async () => {
    const server = await startRaw();
    answers['/status.xml'] = Buffer.from('HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Type: text/xml\nContent-Length: 9\n\n<ok/>\r\n\r\n', 'latin1');
    expect((await client.fetch({ url: server.url('/status.xml'), maxBytes: MB })).body.toString()).toBe('<ok/>\r\n\r\n');
  });

  it('never asks a POST twice: the server may have acted on it', async () => {
    const server = await startRaw();
    answers['/wp-comments-post.php'] = answer('lines ended by LF alone', 'text/html', '<p>Thanks</p>');
    await expect(client.fetch({ url: server.url('/wp-comments-post.php'), method: 'POST', body: 'comment=Hello', maxBytes: MB })).rejects.toThrow('the server sent an invalid HTTP response');
    expect(server.requestsFor('/wp-comments-post.php')).toHaveLength(1);
  });
});

describe('a well-formed response', () => {
  it('is asked once and read strictly, its host never taken for one that needs mending', async () => {
    const server = await TestServer.start();
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    try {
      server.serve('/feed/', { body: '<rss version="2.0"><channel><title>Fine</title></channel></rss>', type: 'application/rss+xml' });
      const mendedHosts = new Set<string>();
      for (let i = 0; i < 3; i++) await client.fetch({ url: server.url('/feed/'), maxBytes: MB, mendedHosts });
      expect(server.requestsFor('/feed/')).toHaveLength(3);
      expect([...mendedHosts]).toEqual([]);
    } finally {
      client.close();
      await server.stop();
    }
  });

  it('whose body\'s framing is broken is not asked again, and says so: only a head is mended', async () => {
    const server = await startRaw();
    answers['/chunked'] = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n', 'latin1');
    const client = createHttpClient({ userAgent: 'Paperboy/test' });
    try {
      await expect(client.fetch({ url: server.url('/chunked'), maxBytes: MB })).rejects.toThrow('the server sent an invalid HTTP response (Missing expected CR after chunk size)');
      expect(server.requestsFor('/chunked')).toHaveLength(1);
    } finally {
      client.close();
    }
  });
});

describe('a head as a browser reads it', () => {
  const mended = (...lines: string[]): string | HttpError => mendHead(`${lines.join('\n')}\n\n`, 'http://example.com/');

  it('keeps a name written with a space before its colon, and drops lines that name nothing, with their folds', () => {
    expect(mended('HTTP/1.1 200 OK', 'Content-Type : text/html; charset=iso-8859-1', 'X Powered By: PHP/5.2.17', '  continued', 'garbage line', 'Vary: Accept-Encoding'))
      .toBe('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nVary: Accept-Encoding\r\n\r\n');
  });

  it('makes agreeing lengths one, written in one field or several, and refuses lengths that differ, however written', () => {
    expect(mended('HTTP/1.1 200 OK', 'Content-Length: 1043, 1043', 'Content-Length: 1043')).toBe('HTTP/1.1 200 OK\r\nContent-Length: 1043\r\n\r\n');
    for (const lines of [['Content-Length: 1043, 97'], ['Content-Length: 1043', 'Content-Length: 97']]) {
      const refused = mended('HTTP/1.1 200 OK', ...lines);
      expect(refused).toBeInstanceOf(HttpError);
      expect((refused as HttpError).message).toBe('the server sent two different lengths for one response (Content-Length 1043 and 97), a sign of a response hidden inside another, so it was refused');
    }
  });

  it('leaves a length it cannot read to the parser, which refuses it, rather than guessing where the body ends', () => {
    expect(mended('HTTP/1.1 200 OK', 'Content-Length: 10\x0143', 'X-Debug: a\x01b')).toBe('HTTP/1.1 200 OK\r\nContent-Length: 10\x0143\r\n\r\n');
  });
});
