// A sync on a hotel's, a plane's or a train's Wi-Fi before its sign-in: the network's DNS answers
// every name with the portal's address, whose server answers every http request with its login
// page (by a redirect to the portal's host, or the page itself) and every https one with its own
// certificate. The sync stops within its first answers with one sentence, and every feed and
// article is as it was: no failure, nothing stored. A feed that moved to a page at home is still
// that feed's failure alone. Real servers: the sites on 127.0.0.6, the portal on 127.0.0.8 at the
// same ports (the port a URL names stays; only the address behind the name changes).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { PORTAL_MESSAGE } from '../../electron/core/sync/network-stop';
import { makeAuthority, type TestAuthority } from '../support/certificates';
import { removeTempDirs, tempDir } from '../support/temp';

type Network = 'home' | 'hotel' | 'train';
let network: Network = 'home';
let authority: TestAuthority;
const servers: (http.Server | https.Server)[] = [];
const sockets = new Set<Socket>();
let plainPort = 0;
let securePort = 0;
let core: PaperboyCore | null = null;

const SITES = ['harbour-gazette.example', 'valley-weather.example', 'chess-club.example', 'tram-news.example'];

function rss(site: string, week: number): string {
  const items = [1, 2].map((n) => `<item><title>${site} notice ${week}.${n}</title><link>http://${site}:${plainPort}/notices/${week}-${n}</link>`
    + `<guid isPermaLink="false">${site}-${week}-${n}</guid><description>Notice ${n} of week ${week}: the committee meets on Thursday.</description></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${site}</title><link>http://${site}/</link>${items}</channel></rss>`;
}

/** The sites as they are: each feed's week advances when `week` does, so a sync that reached them stores new items. */
let week = 1;
/** Sites whose feed now sends its readers to the new home page they share. */
const moved = new Set<string>();
function site(req: http.IncomingMessage, res: http.ServerResponse): void {
  const host = (req.headers.host ?? '').split(':')[0]!;
  if (moved.has(host) && req.url === '/feed.xml') {
    // A feed its site replaced by its home page: a redirect to a page on the sites' new host.
    res.writeHead(302, { location: `http://new-home.example:${plainPort}/` }).end();
  } else if (host === 'new-home.example') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Welcome to our new home</title><h1>We moved</h1><p>Our news now lives here.</p>');
  } else if (req.url === '/feed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(host, week));
  } else {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>${host} notice</title><article><h1>Notice</h1><p>The committee meets on Thursday at the library.</p></article>`);
  }
}

const LOGIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Harbour View Hotel - Guest Wi-Fi</title><link rel="stylesheet" href="/portal/style.css"></head>
<body><div class="brand"><img src="/portal/logo.png" alt="Harbour View Hotel"></div>
<h1>Welcome to Harbour View guest Wi-Fi</h1><p>Enter your room number and surname to connect. Access is free for guests for 24 hours.</p>
<form method="post" action="/portal/login"><label>Room number <input name="room"></label><label>Surname <input name="surname"></label>
<label><input type="checkbox" name="terms"> I accept the terms of use</label><button>Connect</button></form>
<p class="small">Need help? Call reception on 0.</p></body></html>`;

/** The hotel's portal: every host redirected to its login page, which carries the address asked for. */
function hotel(req: http.IncomingMessage, res: http.ServerResponse): void {
  const host = (req.headers.host ?? '').split(':')[0]!;
  if (host === 'wifi.harbourview-hotel.example') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(LOGIN_PAGE);
    return;
  }
  const back = encodeURIComponent(`http://${req.headers.host}${req.url}`);
  res.writeHead(302, { location: `http://wifi.harbourview-hotel.example:${plainPort}/portal/login?continue=${back}`, 'cache-control': 'no-store' }).end();
}

/** The train's portal: its login page answered as is for every address, with a 200. */
function train(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-cache' })
    .end(LOGIN_PAGE.replace(/Harbour View Hotel - Guest Wi-Fi/, 'Onboard Wi-Fi - Regional Rail').replace(/Harbour View guest Wi-Fi/, 'onboard Wi-Fi'));
}

async function listen(server: http.Server | https.Server, host: string, port: number): Promise<number> {
  server.on('connection', (socket: Socket) => sockets.add(socket));
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  authority = makeAuthority('Open Roads');
  const siteCert = authority.server({ names: [...SITES] });
  plainPort = await listen(http.createServer(site), '127.0.0.6', 0);
  securePort = await listen(https.createServer({ key: siteCert.key, cert: siteCert.cert + authority.intermediate.cert }, site), '127.0.0.6', 0);
  // The portal at the same ports: what changes on the hotel's network is the address behind each name.
  const portalCert = authority.server({ names: ['wifi.harbourview-hotel.example'] });
  await listen(http.createServer((req, res) => (network === 'train' ? train(req, res) : hotel(req, res))), '127.0.0.8', plainPort);
  await listen(https.createServer({ key: portalCert.key, cert: portalCert.cert + authority.intermediate.cert }, (_req, res) => res.writeHead(200).end(LOGIN_PAGE)), '127.0.0.8', securePort);
});
afterEach(async () => {
  await core?.close();
  core = null;
  network = 'home';
  removeTempDirs();
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  authority.dispose();
});

/** The network's DNS: at home the sites' own address, on the hotel's or the train's Wi-Fi the portal's for every name. */
const resolve = async () => [{ address: network === 'home' ? '127.0.0.6' : '127.0.0.8', family: 4 }];

function open(dataDir: string): PaperboyCore {
  core = openCore({ dataDir, workers: 1, welcome: false, network: { resolve, extraRoots: [authority.root.cert] } });
  return core;
}

/** Everything a person sees of their feeds and articles, to compare before and after. */
async function library(c: PaperboyCore): Promise<unknown> {
  const feeds = await c.api.listFeeds();
  const { articles } = await c.api.listArticles({ filter: { kind: 'all' }, limit: 100 });
  const states = await Promise.all(articles.map(async (a) => [a.title, (await c.api.getArticle(a.id))!.fullTextState]));
  return { feeds, states };
}

/** Subscribed and synced at home (two feeds over https), then the next week's sync on `away`'s network. */
async function syncAway(away: Network): Promise<{ c: PaperboyCore; before: unknown; summary: Awaited<ReturnType<PaperboyCore['api']['sync']>> }> {
  const dataDir = tempDir();
  week = 1;
  const home = open(dataDir);
  for (const [i, name] of SITES.entries()) await home.api.addFeed(`${i < 2 ? `https://${name}:${securePort}` : `http://${name}:${plainPort}`}/feed.xml`);
  const first = await home.api.sync({});
  expect(first.feedsFailed).toBe(0);
  const before = await library(home);
  await home.close();
  week = 2;
  network = away;
  const c = open(dataDir);
  return { c, before, summary: await c.api.sync({}) };
}

it('stops on a hotel network that redirects every site to its sign-in page, leaving every feed and article as it was', async () => {
  const { c, before, summary } = await syncAway('hotel');
  expect(summary.stopped).toBe(PORTAL_MESSAGE);
  expect(summary.warnings).toEqual([PORTAL_MESSAGE]);
  expect([summary.feedsFailed, summary.newArticles, summary.articlesFetched]).toEqual([0, 0, 0]);
  expect(await library(c)).toEqual(before);
});

it('stops on a train network that answers every address with its sign-in page itself', async () => {
  const { c, before, summary } = await syncAway('train');
  expect(summary.stopped).toBe(PORTAL_MESSAGE);
  expect([summary.feedsFailed, summary.newArticles]).toEqual([0, 0]);
  expect(await library(c)).toEqual(before);
});

it('at home, two feeds that moved their readers to one page elsewhere are their own failures; the others sync', async () => {
  const c = open(tempDir());
  week = 1;
  for (const [i, name] of SITES.entries()) await c.api.addFeed(`${i < 2 ? `https://${name}:${securePort}` : `http://${name}:${plainPort}`}/feed.xml`);
  // Two of the sites merged into one, which has no feed yet: their feeds lead to its home page.
  moved.add(SITES[0]!).add(SITES[1]!);
  week = 2;
  try {
    const summary = await c.api.sync({ fullText: false });
    expect(summary.stopped).toBeUndefined();
    expect(summary.feedsFailed).toBe(2);
    expect(summary.newArticles).toBe(4);
  } finally {
    moved.clear();
  }
});
