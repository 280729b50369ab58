// A host that rate-limits the reader (GitHub's release feeds, answering 429 with a Retry-After once
// a client's quota is spent): the sync bar says its feeds are waiting as their server asked, not
// that they failed, and each feed says which host asked and until when. The host is asked once in
// that sync, not once per feed. Real server on loopback counting requests; screenshot: sync-rate-limit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const REPOS = ['harbour/tide-tables', 'harbour/ferry-times', 'parish/bell-rota'];
const HOUR_S = 3600;

let browser: Browser;
let app: AppSession;
let site: TestServer;
let limited = false;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1100, height: 700 });
  site = await TestServer.start('127.0.97.1');
  for (const repo of REPOS) {
    site.route(`/${repo}/releases.atom`, (_req, res) => {
      if (limited) {
        res.writeHead(429, { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(HOUR_S) }).end('<h1>Too many requests</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(
        `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:github.com,2008:${repo}/releases</id><title>Release notes from ${repo}</title><updated>2026-03-01T09:00:00Z</updated>`
        + `<entry><id>tag:github.com,2008:Repository/${repo}/v1.0</id><updated>2026-03-01T09:00:00Z</updated><link rel="alternate" type="text/html" href="${site.url(`/${repo}/releases/tag/v1.0`)}"/>`
        + `<title>v1.0</title><content type="html">&lt;p&gt;The first timetable for ${repo}.&lt;/p&gt;</content></entry></feed>`);
    });
  }
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-rate-limit-'), rendererDir, core: { welcome: false } });
  for (const repo of REPOS) await app.core.api.addFeed(site.url(`/${repo}/releases.atom`));
  await app.core.api.sync({ feedsOnly: true });
  limited = true;
  await app.page.reload();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

it('says the feeds wait as their server asked, naming it and the time, after asking it once', async () => {
  const { page } = app;
  const $ = ui(page);
  const asked = site.requests.length;
  await $.button(/^Sync$/).click();
  await $.syncStatus.getByText(/^Sync finished: 3 feeds waiting, as asked by their sites, 0 new articles, 3 articles waiting for the next sync /).waitFor({ timeout: 30_000 });
  expect(site.requests.length - asked).toBe(1);
  expect(await $.syncStatus.textContent()).not.toMatch(/failed/);
  const host = new URL(site.origin).host;
  const badges = page.getByRole('img', { name: new RegExp(`^${host.replace(/\./g, '\\.')} asked Paperboy to wait until .+; a sync fetches it again then\\.$`) });
  await expect.poll(() => badges.count()).toBe(REPOS.length);
  await screenshot(page, 'sync-rate-limit');
  expect(app.pageErrors).toEqual([]);
});
