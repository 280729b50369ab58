// What a person reads when a feed's server does what no browser reads either: labels plain XML
// `Content-Encoding: gzip` (a proxy that strips the compression and keeps the header; Chromium says
// ERR_CONTENT_DECODING_FAILED), or redirects a retired feed to an ftp:// address. The feed's status
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
  site.fallback((_req, res) => void res.writeHead(404).end());
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

const MISLABELED = 'the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)';
const TO_FTP = 'the server redirected to ftp://ftp.sailing-club.example/pub/rss.xml, which is not a web address (only http and https are fetched)';

it("says in the feed's status and in `paperboy sync` what the server did, and keeps the feed's items", async () => {
  broken = false;
  const dir = tempDir();
  writeFileSync(`${dir}/subs.opml`, `<opml version="2.0"><body><outline type="rss" text="Harbour" xmlUrl="${site.url('/harbour/feed/')}"/>`
    + `<outline type="rss" text="Club" xmlUrl="${site.url('/old-club/rss.xml')}"/></body></opml>`);
  expect((await paperboy('--data', dir, 'import', `${dir}/subs.opml`)).code).toBe(0);
  expect((await paperboy('--data', dir, 'sync')).code).toBe(0);

  broken = true;
  const run = await paperboy('--data', dir, 'sync');
  expect(run.stderr).toContain(`failed: ${site.url('/harbour/feed/')}: ${MISLABELED}`);
  expect(run.stderr).toContain(`failed: ${site.url('/old-club/rss.xml')}: ${TO_FTP}`);

  const core = openCore({ dataDir: dir, workers: 1, welcome: false });
  try {
    // The data folder's own welcome feed aside.
    const feeds = (await core.api.listFeeds()).filter((feed) => feed.url.startsWith(site.origin));
    expect(feeds.map((feed) => feed.lastError).sort()).toEqual([MISLABELED, TO_FTP].sort());
    for (const feed of feeds) {
      const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: feed.id }, limit: 10 });
      expect(articles.map((article) => article.title)).toEqual(['Tide tables for March']);
    }
  } finally {
    await core.close();
  }
});
