// The app's Sync button while a terminal (or a cron job) syncs the same data folder: the sync is
// refused, and the status line says which process syncs it, rather than both downloading every
// feed. Once that process is gone (here: killed mid-sync), the button syncs again.
// Screenshot: the refusal.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../http/helpers';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { startPaperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let server: TestServer;
let app: AppSession;
let dataDir: string;
let releaseFeed: () => void = () => undefined;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  server = await TestServer.start('127.0.0.78');
  // Answered only when the test lets it: the terminal's sync is still running until then.
  const held = new Promise<void>((resolve) => (releaseFeed = resolve));
  server.route('/feed.xml', async (_req, res) => {
    await held;
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rssFeed('Harbour Gazette', [rssItem('h1', 'Ferry timetable changes next week')]));
  });
  dataDir = tempDir('paperboy-e2e-sync-elsewhere-');
  app = await openApp({ browser, dataDir, rendererDir, core: { welcome: false } });
  await app.core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="Harbour Gazette" xmlUrl="${server.url('/feed.xml')}"/></body></opml>`);
}, 60_000);

afterAll(async () => {
  releaseFeed();
  await app?.close();
  await browser?.close();
  await server?.stop();
  removeTempDirs();
});

it('says which process syncs the data folder, and syncs once that process has ended', async () => {
  const $ = ui(app.page);
  const terminal = startPaperboy('sync', '--data', dataDir, '--no-fulltext', '--no-images');
  await waitFor(() => server.requestsFor('/feed.xml').length > 0);

  await $.button(/^Sync$/).click();
  const text = await waitForText($.syncStatus, /The sync did not run/);
  expect(text).toContain(`The sync did not run: Another Paperboy process (pid ${terminal.child.pid}) is syncing this data folder; try again when its sync has finished.`);
  expect(server.requestsFor('/feed.xml')).toHaveLength(1);
  await screenshot(app.page, 'sync-refused-another-process');

  terminal.child.kill('SIGKILL');
  await terminal.run;
  releaseFeed();
  await $.button(/^Sync$/).click();
  await waitForText($.syncStatus, /Sync finished: 1 feed checked, 1 new article/);
  await $.row(/Ferry timetable changes next week/).waitFor();
}, 60_000);
