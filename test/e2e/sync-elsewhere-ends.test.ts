// The app's Sync refused while a terminal syncs the same data folder says so ("Another Paperboy
// process is syncing"), and only until that sync ends: the notice stayed until dismissed, telling
// of a sync long over. It goes when the terminal's sync ends, and when the terminal is killed.
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

let browser: Browser;
let server: TestServer;
let app: AppSession;
let dataDir: string;
let releaseFeed: () => void = () => undefined;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  server = await TestServer.start('127.0.36.6');
  // Answered only when the test lets it: the terminal's sync runs until then.
  server.route('/feed.xml', async (_req, res) => {
    await new Promise<void>((resolve) => (releaseFeed = resolve));
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rssFeed('Harbour Gazette', [rssItem('h1', 'Ferry timetable changes next week')]));
  });
  dataDir = tempDir('paperboy-e2e-sync-elsewhere-ends-');
  app = await openApp({ browser, dataDir, rendererDir, core: { welcome: false, watchOtherProcesses: true } });
  await app.core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="Harbour Gazette" xmlUrl="${server.url('/feed.xml')}"/></body></opml>`);
}, 60_000);

afterAll(async () => {
  releaseFeed();
  await app?.close();
  await browser?.close();
  await server?.stop();
  removeTempDirs();
});

/** Starts a terminal's sync and waits until it holds the data folder (its feed asked for). */
async function terminalSyncing() {
  const asked = server.requestsFor('/feed.xml').length;
  const terminal = startPaperboy('sync', '--data', dataDir, '--no-fulltext', '--no-images');
  await waitFor(() => server.requestsFor('/feed.xml').length > asked);
  return terminal;
}

it("takes down the refusal when the terminal's sync ends", async () => {
  const $ = ui(app.page);
  const terminal = await terminalSyncing();
  await $.button(/^Sync$/).click();
  await waitForText($.syncStatus, /The sync did not run: Another Paperboy process \(pid \d+\) is syncing this data folder/);
  // Still true a few polls later: the terminal syncs on.
  await app.page.waitForTimeout(2_500);
  expect(await $.syncStatus.innerText()).toMatch(/Another Paperboy process/);

  releaseFeed();
  const run = await terminal.run;
  expect(run.code, run.stderr).toBe(0);
  await expect.poll(() => $.syncStatus.innerText(), { timeout: 5_000 }).toBe('');
  // What the terminal stored shows too.
  await $.row(/Ferry timetable changes next week/).waitFor();
}, 60_000);

it('takes down the refusal when the terminal syncing is killed', async () => {
  const $ = ui(app.page);
  const terminal = await terminalSyncing();
  await $.button(/^Sync$/).click();
  await waitForText($.syncStatus, /The sync did not run: Another Paperboy process/);
  terminal.child.kill('SIGKILL');
  await terminal.run;
  await expect.poll(() => $.syncStatus.innerText(), { timeout: 5_000 }).toBe('');
  releaseFeed();
}, 60_000);
