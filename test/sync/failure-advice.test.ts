// A feed that could not be fetched says what happened and what the person can do, in the feed's
// status and, whole, in the sync bar's list of failed feeds (its reason column shows 160
// characters, up to a first semicolon): a site that refuses connections (its first feed and the
// one skipped after it), a domain that lapsed, a gateway error, a rate limit without a wait named.
// Real servers on loopback; the computer's resolver is the one part replaced, as in
// offline-sync.test.ts (this machine cannot make a name lapse).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { shortReason } from '../../renderer/src/lib/sync-failures';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let closedOrigin = '';
let core: PaperboyCore;

const rss = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://allotments.example/</link>`
  + '<item><title>Seed swap on Saturday</title><link>https://allotments.example/seed-swap</link><guid isPermaLink="false">seed-swap-2026</guid>'
  + '<description>Bring your spare bean seeds to the hut from ten.</description></item></channel></rss>\n';

beforeAll(async () => {
  site = await TestServer.start('127.0.0.61');
  site.serve('/allotments/feed/', { body: rss('Allotment Society'), type: 'application/rss+xml; charset=UTF-8' });
  // nginx in front of an application that is not running.
  site.serve('/gazette/rss.xml', {
    status: 502,
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    type: 'text/html',
  });
  // A rate limiter that says nothing of how long to wait.
  site.serve('/forum/feed.atom', { status: 429, body: '<h1>429 Too Many Requests</h1>', type: 'text/html' });
  // A port nothing listens on any more: the site's server is down, its two feeds refused.
  const gone = http.createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.62', resolve));
  closedOrigin = `http://127.0.0.62:${(gone.address() as AddressInfo).port}`;
  await new Promise((resolve) => gone.close(resolve));

  const resolve = async (hostname: string) => {
    if (hostname === 'old-bowls-club.example') {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname });
    }
    return [{ address: '127.0.0.61', family: 4 }];
  };
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, network: { resolve } });
  const feeds = [
    site.url('/allotments/feed/'), site.url('/gazette/rss.xml'), site.url('/forum/feed.atom'),
    `${closedOrigin}/news/feed/`, `${closedOrigin}/events/feed/`, 'http://old-bowls-club.example/feed/',
  ];
  await core.api.importOpml(`<?xml version="1.0"?><opml version="2.0"><body>${feeds.map((url) => `<outline type="rss" text="${url}" xmlUrl="${url}"/>`).join('')}</body></opml>`);
});

afterAll(async () => {
  await core?.close();
  await site?.stop();
  removeTempDirs();
});

const NEXT_SYNC = 'Paperboy tries again at the next sync';

it('says what happened and what to do, whole in the list of failed feeds', async () => {
  const summary = await core.api.sync({ feedsOnly: true });
  // Five sites' failures, each the site's own: not the network's, so the sync ran through.
  expect(summary).toMatchObject({ feedsFailed: 5 });
  expect(summary.stopped).toBeUndefined();
  const reasons = new Map((await core.api.listFeeds()).map((feed) => [feed.url, feed.lastError]));
  expect(reasons.get(site.url('/allotments/feed/'))).toBeNull();

  const refused = `the site may be down, and ${NEXT_SYNC}`;
  // The second feed of the down site is not asked for: its host was given up on at the first.
  const shown = [
    [`${closedOrigin}/news/feed/`, `Connection refused: ${refused}`],
    [`${closedOrigin}/events/feed/`, `Connection refused: ${refused}`],
    ['http://old-bowls-club.example/feed/', "Could not resolve host old-bowls-club.example: if this computer is online, the site's name may have lapsed (open its address in a browser to check)"],
    [site.url('/gazette/rss.xml'), `HTTP 502 Bad Gateway: a fault on the site's side, and ${NEXT_SYNC}`],
    [site.url('/forum/feed.atom'), `Too many requests (HTTP 429): the site wants fewer requests, and ${NEXT_SYNC}`],
  ] as const;
  for (const [url, said] of shown) {
    const reason = reasons.get(url)!;
    expect(reason).toMatch(/: /);
    expect(shortReason(reason), url).toBe(said);
  }
  expect(reasons.get(`${closedOrigin}/events/feed/`)).toMatch(/^127\.0\.0\.62:\d+ unreachable \(connection refused\): the site may be down/);
});
