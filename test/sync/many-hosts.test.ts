// A sync whose images are spread over many hosts uses the connection limits browsers use: six at
// once per host and 48 overall, not the feed concurrency (8). Eight image hosts on 127.0.0.12-19
// answer their first request (a host not heard from yet gets one at a time: host-memory.ts) and
// hold the rest until the test has counted what is open, so the counts are exact.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { waitFor } from '../http/helpers';

const HOSTS = 8;
const ARTICLES = 40;
const PNG = makePng(8, 8, [10, 160, 90]);

let site: TestServer;
let imageHosts: { server: TestServer; open: number; answered: boolean }[] = [];
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  site = await TestServer.start();
  imageHosts = await Promise.all(Array.from({ length: HOSTS }, async (_, i) => {
    const host = { server: await TestServer.start(`127.0.0.${12 + i}`), open: 0, answered: false };
    host.server.fallback((_req, res) => {
      if (!host.answered) {
        host.answered = true;
        res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
        return;
      }
      host.open++;
      res.on('finish', () => host.open--);
      held.push(res);
    });
    return host;
  }));
  const items = Array.from({ length: ARTICLES }, (_, i) => {
    const images = [0, 1, 2].map((n) => `<img src="${imageHosts[(i + n) % HOSTS]!.server.url(`/img/${i}-${n}.png`)}" alt="">`).join('');
    return `<item><title>Story ${i}</title><guid>story-${i}</guid><description><![CDATA[<p>Story ${i}.</p>${images}]]></description></item>`;
  });
  site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Spread</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
});
afterAll(async () => {
  await Promise.all([site, ...imageHosts.map((h) => h.server)].map((s) => s.stop()));
  removeTempDirs();
});

describe('a sync over many hosts', () => {
  it('keeps 48 connections open over eight hosts, six on each', async () => {
    const core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="Spread" xmlUrl="${site.url('/feed.xml')}"/></body></opml>`);
      const sync = core.api.sync();
      const openOverall = (): number => imageHosts.reduce((sum, host) => sum + host.open, 0);
      await waitFor(() => openOverall() >= 48);
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(openOverall()).toBe(48);
      expect(imageHosts.map((host) => host.open)).toEqual(Array(HOSTS).fill(6));
      const release = (): void => {
        for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      };
      const timer = setInterval(release, 5);
      const summary = await sync.finally(() => clearInterval(timer));
      expect(summary.imagesFetched).toBe(ARTICLES * 3);
    } finally {
      await core.close();
    }
  });
});
