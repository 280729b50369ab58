// `npx paperboy sync` behind an office proxy named the way terminals name it (http_proxy): the
// feed comes through the proxy; a proxy that does not answer ends the sync with its one sentence
// and exit status 1, the feed untouched. The same through an SSH tunnel's SOCKS proxy named as
// all_proxy=socks5h://... Real proxies on 127.0.0.5 resolve the site's name, which this computer's
// DNS does not know; the site is on 127.0.0.6.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { closedPort } from '../http/helpers';
import { paperboy } from '../support/processes';
import { TestProxy } from '../support/proxy-server';
import { TestSocksProxy } from '../support/socks-server';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Depot bulletin</title><link>http://depot.example/</link>
<item><title>Night buses run on the summer timetable from Monday</title><guid isPermaLink="false">depot-1</guid><description>Routes N3 and N7 change.</description></item>
</channel></rss>`;

let site: TestServer;
let proxy: TestProxy;
let tunnel: TestSocksProxy;

beforeAll(async () => {
  site = await TestServer.start('127.0.0.6');
  site.serve('/bulletin.xml', { body: FEED, type: 'application/rss+xml; charset=utf-8' });
  proxy = await TestProxy.start('127.0.0.5', { names: { 'depot.example': '127.0.0.6' } });
  tunnel = await TestSocksProxy.start('127.0.0.5', { names: { 'depot.example': '127.0.0.6' } });
});
afterAll(async () => {
  await proxy.stop();
  await tunnel.stop();
  await site.stop();
  removeTempDirs();
});

/** `paperboy ARGS` with a proxy variable set as a terminal would (the child inherits this process's environment). */
async function withProxyVariable(name: 'http_proxy' | 'all_proxy', value: string, ...args: string[]) {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return await paperboy(...args);
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}
const withHttpProxy = (value: string, ...args: string[]) => withProxyVariable('http_proxy', value, ...args);

it('syncs through the proxy http_proxy names, and stops with one sentence and status 1 when it does not answer', async () => {
  const dataDir = tempDir();
  const feedUrl = `http://depot.example:${new URL(site.origin).port}/bulletin.xml`;
  const setup = openCore({ dataDir, workers: 1, welcome: false, proxy: () => `PROXY ${proxy.address}` });
  await setup.api.addFeed(feedUrl);
  await setup.close();

  const through = await withHttpProxy(`http://${proxy.address}`, 'sync', '--no-fulltext', '--data', dataDir);
  expect(through.code).toBe(0);
  expect(proxy.asked.filter((line) => line === `GET ${feedUrl}`)).toHaveLength(2);

  const port = await closedPort('127.0.0.9');
  const dead = await withHttpProxy(`http://127.0.0.9:${port}`, 'sync', '--data', dataDir);
  expect(dead.code).toBe(1);
  expect(dead.stdout.trim()).toBe(`The proxy at 127.0.0.9:${port} did not answer (connection refused), so the sync stopped: nothing it had not finished was changed. `
    + "Check the proxy settings (or ask the network's administrator), then sync again.");
  const check = openCore({ dataDir, workers: 1, welcome: false });
  try {
    expect((await check.api.listFeeds()).filter((feed) => !feed.builtin).map((feed) => [feed.lastStatus, feed.lastError])).toEqual([['unchanged', null]]);
  } finally {
    await check.close();
  }
});

it('syncs through the SOCKS proxy all_proxy=socks5h://... names, as an SSH tunnel offers one', async () => {
  const dataDir = tempDir();
  const feedUrl = `http://depot.example:${new URL(site.origin).port}/bulletin.xml`;
  const setup = openCore({ dataDir, workers: 1, welcome: false, proxy: () => `SOCKS5 ${tunnel.address}` });
  await setup.api.addFeed(feedUrl);
  await setup.close();

  const through = await withProxyVariable('all_proxy', `socks5h://${tunnel.address}`, 'sync', '--no-fulltext', '--data', dataDir);
  expect(through.code).toBe(0);
  expect(tunnel.asked.filter((line) => line === `socks5 depot.example:${new URL(site.origin).port}`).length).toBeGreaterThanOrEqual(2);
  const check = openCore({ dataDir, workers: 1, welcome: false });
  try {
    expect((await check.api.listFeeds()).filter((feed) => !feed.builtin).map((feed) => [feed.title, feed.lastError])).toEqual([['Depot bulletin', null]]);
  } finally {
    await check.close();
  }
});
