// The writer watch (core/storage/writer-watch.ts) tells an open app what other processes wrote.
// The app's own sync stores through its writer thread, which SQLite counts as another writer:
// its stores used to come back as feeds-changed about once a second, each reloading the sidebar
// and the list on top of the reloads the sync's own feed-done events make. A terminal's writes
// meanwhile, and a terminal's sync, must still be told; so must the end of a terminal's sync (a
// Sync refused because of it may run now), even when that process was killed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { watchOtherWriters } from '../../electron/core/storage';
import { waitFor } from '../http/helpers';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { paperboy, startPaperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const FEEDS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
let core: Core;
let dataDir: string;
let published = 12;
let feedDelayMs = 300;
let releaseLastFeed: () => void = () => undefined;
/** Every feeds-changed the core raised, with when. */
const feedsChanged: number[] = [];

const feedPath = (index: number) => `/news/${index}/feed.xml`;

beforeAll(async () => {
  server = await TestServer.start('127.0.36.2');
  for (let index = 0; index < FEEDS; index++) {
    server.route(feedPath(index), async (_req, res) => {
      await sleep(feedDelayMs);
      if (index === FEEDS - 1) await new Promise<void>((resolve) => (releaseLastFeed = resolve));
      const items = Array.from({ length: published }, (_, i) => rssItem(`harbour-${index}-${i}`, `Harbour council story ${i} of desk ${index}`));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rssFeed(`Harbour Desk ${index}`, items));
    });
  }
  dataDir = tempDir('paperboy-sync-writes-watch-');
  core = new Core({ dataDir, workers: 1, welcome: false, syncConcurrency: 1, watchOtherProcesses: true });
  const outlines = Array.from({ length: FEEDS }, (_, i) => `<outline type="rss" text="Harbour Desk ${i}" xmlUrl="${server.url(feedPath(i))}"/>`).join('');
  await core.api.importOpml(`<opml version="2.0"><body>${outlines}</body></opml>`);
  // The app has been open a moment: the watch has polled since the import.
  await sleep(1_200);
  core.on('feeds-changed', () => feedsChanged.push(Date.now()));
}, 30_000);

afterAll(async () => {
  releaseLastFeed();
  await core?.close();
  await server?.stop();
  removeTempDirs();
});

it("raises no feeds-changed for the app's own sync, and still tells a terminal's writes made meanwhile", async () => {
  let feedsDone = 0;
  let startedAt = 0;
  const off = core.on('sync-progress', (event) => {
    if (event.type === 'sync-started') startedAt = Date.now();
    if (event.type === 'feed-done') feedsDone++;
  });
  const sync = core.api.sync({ fullText: false, images: false });
  // Seven feeds stored one after the other, over some two seconds: a poll saw several stores.
  await waitFor(() => feedsDone === FEEDS - 1);
  await sleep(1_500);
  expect(feedsChanged.filter((at) => at >= startedAt)).toEqual([]);

  // A terminal's write while the sync still runs (its last feed held): told.
  const run = await paperboy('call', 'createFolder', JSON.stringify(['Made in a terminal']), '--data', dataDir);
  expect(run.code, run.stderr).toBe(0);
  await expect.poll(() => feedsChanged.filter((at) => at >= startedAt).length, { timeout: 5_000 }).toBeGreaterThan(0);

  releaseLastFeed();
  const summary = await sync;
  off();
  expect(summary.newArticles).toBe(FEEDS * published);
  const endedAt = Date.now();
  await sleep(2_500);
  expect(feedsChanged.filter((at) => at >= endedAt)).toEqual([]);
}, 60_000);

it("tells a terminal's sync as it stores, and its end", async () => {
  const ended: number[] = [];
  const watch = watchOtherWriters(core.storage.db, { drafts: () => undefined, feeds: () => undefined, syncEndedElsewhere: () => ended.push(Date.now()) }, 100);
  try {
    published = 15;
    // Slow enough that the terminal's sync is seen holding the folder.
    feedDelayMs = 600;
    releaseLastFeed();
    const before = feedsChanged.length;
    const terminal = startPaperboy('sync', '--data', dataDir, '--no-fulltext', '--no-images', '--feed', server.url(feedPath(0)));
    const run = await terminal.run;
    expect(run.code, run.stderr).toBe(0);
    const finishedAt = Date.now();
    await expect.poll(() => feedsChanged.length, { timeout: 5_000 }).toBeGreaterThan(before);
    await expect.poll(() => ended.length, { timeout: 5_000 }).toBe(1);
    expect(ended[0]!).toBeGreaterThanOrEqual(finishedAt - 1_000);
  } finally {
    watch.stop();
  }
}, 60_000);

it('tells the end of a terminal killed mid-sync, which never clears its row', async () => {
  const ended: number[] = [];
  const watch = watchOtherWriters(core.storage.db, { drafts: () => undefined, feeds: () => undefined, syncEndedElsewhere: () => ended.push(Date.now()) }, 100);
  try {
    feedDelayMs = 0;
    const asked = server.requestsFor(feedPath(FEEDS - 1)).length;
    const terminal = startPaperboy('sync', '--data', dataDir, '--no-fulltext', '--no-images', '--feed', server.url(feedPath(FEEDS - 1)));
    // Held at its feed: the terminal syncs until killed.
    await waitFor(() => server.requestsFor(feedPath(FEEDS - 1)).length > asked);
    await sleep(500);
    expect(ended).toEqual([]);
    terminal.child.kill('SIGKILL');
    await terminal.run;
    await expect.poll(() => ended.length, { timeout: 5_000 }).toBe(1);
  } finally {
    watch.stop();
    releaseLastFeed();
  }
}, 60_000);
