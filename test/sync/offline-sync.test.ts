// A sync on a computer with no network (a plane without Wi-Fi, a cable out): no name resolves.
// The sync stops within its first answers with one sentence, and every feed and article is as it
// was: no feed marked failed, nothing stored. A few feeds whose domains lapsed, on a network that
// works, are still their own failures. Real servers on 127.0.0.9; the computer's resolver is the
// one part replaced (this machine cannot be taken off its network): it fails as getaddrinfo does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { OFFLINE_MESSAGE } from '../../electron/core/sync/network-stop';
import { removeTempDirs, tempDir } from '../support/temp';

const SITES = ['harbour-gazette.example', 'valley-weather.example', 'chess-club.example', 'tram-news.example'];

let server: http.Server;
let port = 0;
let week = 1;

function rss(site: string): string {
  const items = [1, 2].map((n) => `<item><title>${site} notice ${week}.${n}</title><link>http://${site}:${port}/notices/${week}-${n}</link>`
    + `<guid isPermaLink="false">${site}-${week}-${n}</guid><description>Notice ${n} of week ${week}: the committee meets on Thursday.</description></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${site}</title><link>http://${site}/</link>${items}</channel></rss>`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]!;
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(host));
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>${host}</title><article><h1>Notice</h1><p>The committee meets on Thursday at the library, as every week.</p></article>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.9', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => removeTempDirs());
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** getaddrinfo's failure, as Node reports it. */
function lookupFailure(code: string, hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, errno: -3001, syscall: 'getaddrinfo', hostname });
}

/** The computer's resolver: on a network every name is the sites' server, except the lapsed ones; offline none resolves. */
function resolverOf(state: NetworkState) {
  return async (hostname: string) => {
    if (state.offline) throw lookupFailure(state.offline, hostname);
    if (state.lapsed.has(hostname)) throw lookupFailure('ENOTFOUND', hostname);
    return [{ address: '127.0.0.9', family: 4 }];
  };
}

/** Everything a person sees of their feeds and articles, to compare before and after. */
async function library(c: PaperboyCore): Promise<unknown> {
  const feeds = await c.api.listFeeds();
  const { articles } = await c.api.listArticles({ filter: { kind: 'all' }, limit: 100 });
  const states = await Promise.all(articles.map(async (a) => [a.title, (await c.api.getArticle(a.id))!.fullTextState]));
  return { feeds, states };
}

type NetworkState = { offline: string | null; lapsed: ReadonlySet<string> };

/** The core as the app opens it at each start: names it looked up in an earlier session are asked again. */
function open(dataDir: string, state: NetworkState): PaperboyCore {
  return openCore({ dataDir, workers: 1, welcome: false, network: { resolve: resolverOf(state) } });
}

/** A data folder subscribed to the four sites and synced on a network that works, in week 1. */
async function subscribedAndSynced(state: NetworkState, sites: readonly string[] = SITES): Promise<string> {
  week = 1;
  const dataDir = tempDir();
  const c = open(dataDir, state);
  for (const site of sites) await c.api.addFeed(`http://${site}:${port}/feed.xml`);
  expect((await c.api.sync({})).feedsFailed).toBe(0);
  await c.close();
  week = 2;
  return dataDir;
}

for (const [system, code] of [['Linux (no DNS server to reach)', 'EAI_AGAIN'], ['macOS (no network: the name is not found)', 'ENOTFOUND']] as const) {
  it(`stops when no site's name resolves, as ${system} says it, leaving every feed and article as it was`, async () => {
    const state: NetworkState = { offline: null, lapsed: new Set() };
    const c = open(await subscribedAndSynced(state), state);
    try {
      const before = await library(c);
      state.offline = code;
      const summary = await c.api.sync({});
      expect(summary.stopped).toBe(OFFLINE_MESSAGE);
      expect(summary.warnings).toEqual([OFFLINE_MESSAGE]);
      expect([summary.feedsFailed, summary.newArticles]).toEqual([0, 0]);
      expect(await library(c)).toEqual(before);
      // Back on a network, the next sync reads the week's notices.
      state.offline = null;
      const online = await c.api.sync({});
      expect(online.stopped).toBeUndefined();
      expect(online.newArticles).toBe(8);
    } finally {
      await c.close();
    }
  });
}

it('on a network that works, three feeds whose domains lapsed are their own failures and the fourth syncs', async () => {
  const state: NetworkState = { offline: null, lapsed: new Set() };
  const dataDir = await subscribedAndSynced(state);
  state.lapsed = new Set(SITES.slice(0, 3));
  const c = open(dataDir, state);
  try {
    const summary = await c.api.sync({});
    expect(summary.stopped).toBeUndefined();
    expect(summary.feedsFailed).toBe(3);
    expect(summary.newArticles).toBe(2);
  } finally {
    await c.close();
  }
});

it('counts three British sites under .co.uk as three sites, not one', async () => {
  const state: NetworkState = { offline: null, lapsed: new Set() };
  const dataDir = await subscribedAndSynced(state, ['harbour-gazette.co.uk', 'valley-weather.co.uk', 'tram-news.co.uk']);
  state.offline = 'EAI_AGAIN';
  const c = open(dataDir, state);
  try {
    const summary = await c.api.sync({});
    expect(summary.stopped).toBe(OFFLINE_MESSAGE);
    expect(summary.feedsFailed).toBe(0);
  } finally {
    await c.close();
  }
});
