// The preview server at the HTTP level: who it answers (token, cookie, Host, Origin), what it
// carries (API calls with their errors, events, cached images) and what it never serves.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { buildRendererForTests } from './support/renderer-build';

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

let core: Core;
let server: PreviewServer;
let cookie: string;

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: body.toString('utf8') });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const call = (method: string, args: unknown[], headers: Record<string, string> = { cookie }) =>
  send('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ method, args }) });

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  core = new Core({ dataDir: tempDir('paperboy-preview-'), workers: 1 });
  server = await startPreviewServer({ core, rendererDir });
  const entry = await send(`/?token=${server.token}`);
  cookie = entry.headers['set-cookie']![0]!.split(';')[0]!;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await core?.close();
  removeTempDirs();
});

describe('the preview server', () => {
  it('listens on 127.0.0.1 and prints an address carrying the token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const entry = await send(`/?token=${server.token}`);
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/');
    const setCookie = entry.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);

    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.text).toContain('<div id="root"></div>');
  });

  it('refuses the page, the API and the cache without the secret, or with a wrong one', async () => {
    expect((await send('/')).status).toBe(403);
    expect((await send('/?token=not-the-token')).status).toBe(403);
    expect((await send('/assets/')).status).toBe(403);
    expect((await call('listFeeds', [], {})).status).toBe(403);
    expect((await call('listFeeds', [], { cookie: 'paperboy_preview_1=nope' })).status).toBe(403);
    expect((await send(`/cache/${'a'.repeat(64)}`)).status).toBe(403);
    // The header works as well as the cookie (scripts, curl).
    expect((await call('listFeeds', [], { 'x-paperboy-token': server.token })).status).toBe(200);
  });

  it('refuses other Host headers (DNS rebinding), other origins and cross-site requests', async () => {
    expect((await call('listFeeds', [], { cookie, host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await call('listFeeds', [], { cookie, host: `localhost:${server.port}` })).status).toBe(421);
    expect((await send('/', { headers: { cookie, host: 'evil.example' } })).status).toBe(421);
    expect((await call('listFeeds', [], { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('listFeeds', [], { cookie, origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await call('listFeeds', [], { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('listFeeds', [], { cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    const own = await call('listFeeds', [], { cookie, origin: server.origin, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
  });

  it('carries calls to the router and answers {ok, value}', async () => {
    const reply = await call('listFeeds', []);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(reply.text) as { ok: boolean; value: { title: string; builtin: boolean }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((feed) => feed.builtin)).toEqual([true]);
  });

  it('answers errors with their code and a matching status', async () => {
    const invalid = await call('getArticle', ['not-an-id']);
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const unknown = await call('dropAllTables', []);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const missing = await call('removeFeed', [999]);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'feed not found' } });
    const notJson = await send('/api/call', { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect(notJson.status).toBe(415);
    const broken = await send('/api/call', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"method":' });
    expect(broken.status).toBe(400);
    // The preview's own refusals of a malformed request are no "Forbidden".
    expect(JSON.parse(broken.text)).toMatchObject({ ok: false, error: { name: 'BadRequest', code: 'invalid-request' } });
    expect((await send('/api/call', { headers: { cookie } })).status).toBe(405);
  });

  it("answers a caller's mistakes as such, before any work: a folder that is not there, a cursor or a file it did not hand out", async () => {
    const site = await TestServer.start();
    try {
      for (const [method, args] of [['createFolder', ['Local news', 424242]], ['addFeed', [site.url('/feed/'), 424242]]] as const) {
        const reply = await call(method, [...args]);
        expect(reply.status).toBe(404);
        expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'folder not found' } });
      }
      // Refused before the feed was looked for.
      expect(site.requests).toHaveLength(0);
      const cursor = await call('listArticles', [{ filter: { kind: 'all' }, cursor: '../../etc/passwd' }]);
      expect(cursor.status).toBe(400);
      expect(JSON.parse(cursor.text)).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: 'invalid page cursor' } });
      const opml = await call('importOpml', ['not xml at all']);
      expect(opml.status).toBe(422);
      expect(JSON.parse(opml.text)).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/^Not an OPML file/) } });
    } finally {
      await site.stop();
    }
  });

  it('refuses a tampered cookie that is not even percent-encoding, as any wrong secret', async () => {
    const reply = await send('/', { headers: { cookie: `${cookie.split('=')[0]}=%E0%A4%A` } });
    expect(reply.status).toBe(403);
  });

  it("answers the person's own mistakes with 4xx, keeping the addresses discovery tried", async () => {
    const site = await TestServer.start();
    site.serve('/', { body: '<!doctype html><title>No feeds here</title><p>Just a page.</p>', type: 'text/html' });
    try {
      const reply = await call('addFeed', [site.url('/')]);
      expect(reply.status).toBe(422);
      const body = JSON.parse(reply.text) as { ok: false; error: { code: string; name: string; tried: string[] } };
      expect(body.error).toMatchObject({ code: 'refused', name: 'DiscoveryError' });
      expect(body.error.tried).toContain(site.url('/'));
    } finally {
      await site.stop();
    }
  });

  it('serves cached images under /cache/ and rewrites paperboy-cache:// URLs in replies', async () => {
    const png = makePng(8, 6, [200, 30, 30]);
    const { hash, size } = await core.images.put(png, 'image/png');
    core.storage.articles.recordImage(hash, 'image/png', size);
    const [welcome] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
    core.storage.articles.saveContent(welcome!.id, {
      html: `<p>A picture:</p><p><img src="paperboy-cache://${hash}" alt="red"></p>`, text: 'A picture:', source: 'feed', lang: 'en', dir: 'ltr',
      state: 'done', error: null, leadImageHash: hash, images: [{ url: 'http://example.invalid/red.png', hash }],
    });

    const reply = await call('getArticle', [welcome!.id]);
    expect(reply.text).not.toContain('paperboy-cache:');
    const article = JSON.parse(reply.text).value as { html: string };
    expect(article.html).toContain(`<img src="/cache/${hash}" alt="red">`);

    const image = await send(`/cache/${hash}`, { headers: { cookie } });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.body.equals(png)).toBe(true);
    expect((await send(`/cache/${'0'.repeat(64)}`, { headers: { cookie } })).status).toBe(404);
    expect((await send('/cache/../../config.json', { headers: { cookie } })).status).not.toBe(200);
    expect((await send('/cache/NOTAHASH', { headers: { cookie } })).status).toBe(400);
  });

  it('serves the renderer folder and nothing outside it', async () => {
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/.env', '/index.html%00.js', '/package.json']) {
      const reply = await send(path, { headers: { cookie } });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.text).not.toContain('root:');
    }
    expect((await send('/icon.svg', { headers: { cookie } })).status).toBe(200);
  });

  it('streams every core event as Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, cookie } },
        (response) => {
          expect(response.headers['content-type']).toMatch(/text\/event-stream/);
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('event: settings-changed')) {
              resolve(text);
              request.destroy();
            } else if (text.startsWith('retry:')) {
              void call('updateSettings', [{ syncConcurrency: 3 }]);
            }
          });
        },
      );
      request.on('error', reject);
    });
    const stream = await received;
    const data = /event: settings-changed\ndata: (.*)\n\n/.exec(stream)![1]!;
    expect(JSON.parse(data)).toMatchObject({ syncConcurrency: 3 });
  });
});
