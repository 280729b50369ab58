// What a person reads when a feed's server does what no browser reads either: labels plain XML
// `Content-Encoding: gzip` (a proxy that strips the compression and keeps the header; Chromium says
// ERR_CONTENT_DECODING_FAILED), redirects a retired feed to an ftp:// address, answers with nothing
// (a 200 of no bytes from a CMS that failed to build the feed, a 204), or keeps readers of some
// countries out (451). The feed's status
// and `paperboy sync`'s log (on stderr) say what the server did, in a sentence, and the items the feed had
// stay. Real server on loopback, the real CLI.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const rss = (title: string, origin: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>${origin}/</link>`
  + `<item><title>Tide tables for March</title><link>${origin}/tides-march</link><guid isPermaLink="false">tides-2026-03</guid>`
  + '<description>&lt;p&gt;Spring tides on the 3rd and the 18th; the slipway is closed at high water.&lt;/p&gt;</description></item></channel></rss>\n';

let site: TestServer;
let broken = false;

beforeAll(async () => {
  site = await TestServer.start();
  site.route('/harbour/feed/', (_req, res) => {
    // Served whole until the proxy in front of it starts stripping the gzip and keeping the label.
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', ...(broken ? { 'content-encoding': 'gzip' } : {}) });
    res.end(rss('Harbour Office', site.origin));
  });
  site.route('/old-club/rss.xml', (_req, res) => {
    if (broken) res.writeHead(301, { location: 'ftp://ftp.sailing-club.example/pub/rss.xml' }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Sailing Club', site.origin));
  });
  site.route('/parish/feed/', (_req, res) => {
    if (broken) res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'content-length': '0' }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Parish Council', site.origin));
  });
  site.route('/ferry/rss', (_req, res) => {
    if (broken) res.writeHead(204).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Ferry Times', site.origin));
  });
  site.route('/gazette/feed.xml', (_req, res) => {
    if (broken) res.writeHead(451, { 'content-type': 'text/html' }).end('<h1>451: Unavailable due to legal reasons</h1>');
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('County Gazette', site.origin));
  });
  site.fallback((_req, res) => void res.writeHead(404).end());
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

const MISLABELED = 'the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)';
const TO_FTP = 'the server redirected to ftp://ftp.sailing-club.example/pub/rss.xml, which is not a web address (only http and https are fetched)';
const EMPTY = "the site sent an empty answer where the feed should be (HTTP 200); the articles already here are kept";
const NO_CONTENT = "the site sent an empty answer where the feed should be (HTTP 204 No Content); the articles already here are kept";
const LEGAL = 'the site will not serve this where you are, for legal reasons (HTTP 451)';
const SAID: Record<string, string> = {
  '/harbour/feed/': MISLABELED, '/old-club/rss.xml': TO_FTP, '/parish/feed/': EMPTY, '/ferry/rss': NO_CONTENT, '/gazette/feed.xml': LEGAL,
};

it("says in the feed's status and in `paperboy sync` what the server did, and keeps the feed's items", async () => {
  broken = false;
  const dir = tempDir();
  const outlines = Object.keys(SAID).map((path) => `<outline type="rss" text="${path}" xmlUrl="${site.url(path)}"/>`);
  writeFileSync(`${dir}/subs.opml`, `<opml version="2.0"><body>${outlines.join('')}</body></opml>`);
  expect((await paperboy('--data', dir, 'import', `${dir}/subs.opml`)).code).toBe(0);
  expect((await paperboy('--data', dir, 'sync')).code).toBe(0);

  broken = true;
  const run = await paperboy('--data', dir, 'sync');
  for (const [path, said] of Object.entries(SAID)) expect(run.stderr).toContain(`failed: ${site.url(path)}: ${said}`);

  const core = openCore({ dataDir: dir, workers: 1, welcome: false });
  try {
    // The data folder's own welcome feed aside.
    const feeds = (await core.api.listFeeds()).filter((feed) => feed.url.startsWith(site.origin));
    expect(feeds.map((feed) => feed.lastError).sort()).toEqual(Object.values(SAID).sort());
    for (const feed of feeds) {
      const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: feed.id }, limit: 10 });
      expect(articles.map((article) => article.title)).toEqual(['Tide tables for March']);
    }
  } finally {
    await core.close();
  }
});
