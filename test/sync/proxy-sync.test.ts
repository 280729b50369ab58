// A sync on an office network, where every request goes through the office's HTTP proxy: the
// feeds (http and https), their pages and pictures come through it and are stored; the intranet's
// names the environment's no_proxy lists are fetched direct; a proxy that wants a login, or that
// does not answer, stops the sync with one sentence and leaves every feed and article as it was.
// Real servers: the proxy on 127.0.0.5 (test/support/proxy-server.ts), the sites on 127.0.0.6,
// the intranet on 127.0.0.7; the office's DNS knows only the intranet (the proxy resolves the rest).
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openCore, proxyFromEnvironment, type CoreOptions, type PaperboyCore, type ProxyResolver } from '../../electron/core';
import type { SyncSummary } from '../../shared/types';
import { makeAuthority, type TestAuthority } from '../support/certificates';
import { makePng } from '../support/images';
import { TestProxy } from '../support/proxy-server';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { closedPort } from '../http/helpers';

const PHOTO = makePng(24, 16, [90, 120, 60]);

let authority: TestAuthority;
let pages: TestServer;
let intranet: TestServer;
let feeds: https.Server;
let feedsPort: number;
const feedSockets = new Set<Socket>();
let core: PaperboyCore | null = null;
const proxies: TestProxy[] = [];

/** The news site's stories: their pages and photos on http, as many sites still serve pictures. */
function story(n: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Allotment news ${n}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/gardening">Gardening</a></nav></header>
<main><article><h1>Allotment society report, week ${n}</h1><p class="byline">By the committee secretary</p>
<p>The society met on Tuesday evening in the pavilion to hear the treasurer's account of the spring seed order, which arrived a week late but complete.</p>
<p><img src="http://canteen.example:${pages.origin.split(':')[2]}/photos/${n}.png" alt="Rows of broad beans" width="24" height="16"></p>
<p>Plot holders are reminded that water butts must be covered by the end of the month, and that the shared rotavator may be booked at the hut on Saturday mornings.</p>
<p>Next month's talk is on saving seed from heritage tomatoes; members are asked to bring a jar.</p></article></main>
<footer><p>Contact the secretary for plot vacancies.</p></footer></body></html>`;
}

function rss(title: string, link: (n: number) => string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => `<item><title>${title} ${i + 1}</title><link>${link(i + 1)}</link><guid isPermaLink="false">${title}-${i + 1}</guid>`
    + `<pubDate>Tue, 0${i + 1} Apr 2025 18:00:00 GMT</pubDate><description>Week ${i + 1} in brief.</description></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>http://canteen.example/</link>${items}</channel></rss>`;
}

beforeAll(async () => {
  authority = makeAuthority('Allotment Society');
  pages = await TestServer.start('127.0.0.6');
  const host = (n: number) => `http://canteen.example:${new URL(pages.origin).port}/news/${n}.html`;
  for (let n = 1; n <= 3; n++) {
    pages.serve(`/news/${n}.html`, { body: story(n), type: 'text/html; charset=utf-8' });
    pages.serve(`/photos/${n}.png`, { body: PHOTO, type: 'image/png' });
  }
  const certificate = authority.server({ names: ['canteen.example'] });
  const feedBody = rss('Allotment society', host, 3);
  feeds = https.createServer({ key: certificate.key, cert: certificate.cert + authority.intermediate.cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(feedBody);
  });
  feeds.on('connection', (socket: Socket) => feedSockets.add(socket));
  feeds.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.6', resolve));
  feedsPort = (feeds.address() as AddressInfo).port;
  intranet = await TestServer.start('127.0.0.7');
  intranet.serve('/staff.xml', { body: rss('Staff notices', (n) => `http://news.intranet.example:${new URL(intranet.origin).port}/notice/${n}`, 2), type: 'application/rss+xml' });
});
afterEach(async () => {
  await core?.close();
  core = null;
  await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()));
  removeTempDirs();
});
afterAll(async () => {
  for (const socket of feedSockets) socket.destroy();
  await new Promise((resolve) => feeds.close(resolve));
  await pages.stop();
  await intranet.stop();
  authority.dispose();
});

const FEED_URL = () => `https://canteen.example:${feedsPort}/feed.xml`;

async function officeProxy(login?: string): Promise<TestProxy> {
  const proxy = await TestProxy.start('127.0.0.5', { names: { 'canteen.example': '127.0.0.6' }, ...(login ? { login } : {}) });
  proxies.push(proxy);
  return proxy;
}

/** The office's DNS: it knows the intranet, and no name outside. */
const officeDns = async (hostname: string) => {
  if (hostname === 'news.intranet.example') return [{ address: '127.0.0.7', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

function open(proxy: ProxyResolver, dataDir = tempDir()): PaperboyCore {
  const options: CoreOptions = { dataDir, workers: 1, welcome: false, proxy, network: { resolve: officeDns, extraRoots: [authority.root.cert] } };
  core = openCore(options);
  return core;
}

async function articleStates(c: PaperboyCore): Promise<string[]> {
  const { articles } = await c.api.listArticles({ filter: { kind: 'all' }, limit: 100 });
  return Promise.all(articles.map(async (a) => (await c.api.getArticle(a.id))!.fullTextState));
}

it('stores the articles of an https feed, their pages and photos, all fetched through the proxy', async () => {
  const proxy = await officeProxy();
  const c = open(() => `PROXY ${proxy.address}`);
  await c.api.addFeed(FEED_URL());
  const summary = await c.api.sync({});
  expect(summary.feedsFailed).toBe(0);
  expect(await articleStates(c)).toEqual(['done', 'done', 'done']);
  const { articles } = await c.api.listArticles({ filter: { kind: 'all' }, limit: 1 });
  const article = (await c.api.getArticle(articles[0]!.id))!;
  expect(article.html).toContain('water butts must be covered');
  expect(article.html).toMatch(/src="paperboy-cache:\/\//);
  expect(proxy.asked).toContain(`CONNECT canteen.example:${feedsPort}`);
  expect(proxy.asked.filter((line) => line.startsWith('GET http://canteen.example:'))).toHaveLength(6);
});

it('fetches the names no_proxy lists direct, and the rest through the proxy the environment names', async () => {
  const proxy = await officeProxy();
  const resolver = proxyFromEnvironment({ https_proxy: `http://${proxy.address}`, http_proxy: `http://${proxy.address}`, no_proxy: 'localhost,.intranet.example' });
  const c = open(resolver!);
  await c.api.addFeed(FEED_URL());
  await c.api.addFeed(`http://news.intranet.example:${new URL(intranet.origin).port}/staff.xml`);
  const summary = await c.api.sync({ fullText: false });
  expect(summary.feedsFailed).toBe(0);
  expect((await c.api.listFeeds()).map((feed) => [feed.lastStatus, feed.articleCount])).toEqual([['unchanged', 3], ['unchanged', 2]]);
  expect(intranet.requestsFor('/staff.xml').length).toBeGreaterThan(0);
  expect(proxy.asked.some((line) => line.includes('intranet'))).toBe(false);
});

/** A first sync through the open proxy stores the feed and its articles, waiting for their pages. */
async function storedThenProxy(resolver: ProxyResolver): Promise<{ c: PaperboyCore; summary: SyncSummary; before: unknown }> {
  const proxy = await officeProxy();
  const dataDir = tempDir();
  const first = open(() => `PROXY ${proxy.address}`, dataDir);
  await first.api.addFeed(FEED_URL());
  await first.api.sync({ feedsOnly: true });
  const before = (await first.api.listFeeds())[0];
  await first.close();
  const c = open(resolver, dataDir);
  return { c, summary: await c.api.sync({}), before };
}

it('stops at a proxy that asks for a login, with one sentence, and leaves the feed and its articles as they were', async () => {
  const guarded = await officeProxy('anna:rye');
  const { c, summary, before } = await storedThenProxy(() => `PROXY ${guarded.address}`);
  expect(summary.stopped).toBe(`The proxy at ${guarded.address} asks for a login (HTTP 407), which Paperboy was not given, so the sync stopped: `
    + "nothing it had not finished was changed. Check the proxy settings (or ask the network's administrator), then sync again.");
  expect(summary.warnings).toEqual([summary.stopped]);
  expect(summary.feedsFailed).toBe(0);
  expect((await c.api.listFeeds())[0]).toEqual(before);
  expect(await articleStates(c)).toEqual(['pending', 'pending', 'pending']);
});

it('stops at a proxy that does not answer, once, leaving the feed and its articles as they were', async () => {
  const port = await closedPort('127.0.0.9');
  const { c, summary, before } = await storedThenProxy(() => `PROXY 127.0.0.9:${port}`);
  expect(summary.stopped).toMatch(new RegExp(`^The proxy at 127\\.0\\.0\\.9:${port} did not answer \\(connection refused\\), so the sync stopped`));
  expect(summary.warnings).toEqual([summary.stopped]);
  expect(summary.feedsFailed).toBe(0);
  expect((await c.api.listFeeds())[0]).toEqual(before);
  expect(await articleStates(c)).toEqual(['pending', 'pending', 'pending']);
});
