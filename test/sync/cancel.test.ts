// Cancel cancels, even while a worker is deep in a hostile page: the sync ends at once, the
// article stays pending for the next sync; and a page that takes longer than the worker's
// time-box gets a clear error while the next article still syncs. The page has the attack run's
// shape (issue 14), nested elements copied many times over, kept just inside the markup caps
// (articles/markup-limits.ts) so that it is really extracted, slowly, rather than refused at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CoreOptions } from '../../electron/core';
import { Core } from '../../electron/core/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { waitFor } from '../http/helpers';

const NESTED = `<html><body>${`${'<div>'.repeat(50)}deep${'</div>'.repeat(50)}`.repeat(400)}</body></html>`;
const TEXT = 'The harbour reopened on Monday after a week of storms, and the first ferries left on time. ';
const NORMAL = `<html><body><article><h1>Harbour</h1>${`<p>${TEXT}</p>`.repeat(6)}</article></body></html>`;

let site: TestServer;
let core: Core | null = null;
let hostile = true;
/** The ordinary page's answer waits for this: the second test keeps it out of the worker until the nested page's time-box is over. */
let normalHeld: Promise<void> = Promise.resolve();

beforeAll(async () => {
  site = await TestServer.start();
  const item = (n: number, path: string) => `<item><title>Story ${n}</title><link>${site.url(path)}</link><guid>story-${n}</guid>
    <pubDate>${new Date(Date.UTC(2026, 11, 1, n)).toUTCString()}</pubDate><description>Story ${n} in brief.</description></item>`;
  site.serve('/feed.xml', {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title><link>${site.origin}/</link>${item(1, '/nested.html')}${item(0, '/normal.html')}</channel></rss>`,
    type: 'application/rss+xml',
  });
  site.route('/nested.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(hostile ? NESTED : NORMAL);
  });
  site.route('/normal.html', (_req, res) => {
    void normalHeld.then(() => res.writeHead(200, { 'content-type': 'text/html' }).end(NORMAL));
  });
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  hostile = true;
  normalHeld = Promise.resolve();
  removeTempDirs();
});

/** The worker's time-box in the second test; its clock is faked there. */
const TIME_BOX_MS = 5_000;

/** waitFor on a real clock (node:timers/promises), which faking the global timers leaves alone. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

async function open(options: Partial<CoreOptions>): Promise<{ c: Core; feedId: number }> {
  const c = new Core({ dataDir: tempDir(), workers: 1, welcome: false, syncConcurrency: 1, ...options });
  core = c;
  await c.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="Harbour" xmlUrl="${site.url('/feed.xml')}"/></body></opml>`);
  return { c, feedId: (await c.api.listFeeds()).find((feed) => feed.url === site.url('/feed.xml'))!.id };
}

async function article(c: Core, feedId: number, title: string) {
  const { articles } = await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 });
  return (await c.api.getArticle(articles.find((a) => a.title === title)!.id))!;
}

describe('Cancel during a hostile page', () => {
  it('ends the sync while the worker is still busy with it; the next sync makes the article', async () => {
    // A time-box far beyond the test's own limit: only the cancel can end this task in time.
    const { c, feedId } = await open({ taskTimeoutMs: 10 * 60_000 });
    const sync = c.api.sync();
    await waitFor(() => site.requestsFor('/nested.html').length > 0 && c.pool.busy > 0);
    expect(await c.api.cancelSync()).toBe(true);
    const summary = await sync;
    expect(summary.cancelled).toBe(true);
    const stopped = await article(c, feedId, 'Story 1');
    expect(stopped.fullTextState).toBe('pending');

    hostile = false;
    const next = await c.api.sync();
    expect(next.cancelled).toBe(false);
    expect((await article(c, feedId, 'Story 1')).fullTextState).toBe('done');
    expect((await article(c, feedId, 'Story 0')).fullTextState).toBe('done');
  });
});

describe('a page that outlasts the time-box', () => {
  it('is kept from its feed with a clear error when the time-box ends it, and the next article still syncs', async () => {
    // The time-box's clock is the test's: the pool's timers are faked, and moved on only while the
    // nested page is in the worker. A real time-box raced the page's own 0.7-1.2 s of extraction, and
    // on a loaded machine the ordinary page and the feed's parse ran past it too. Without the
    // time-box, the nested page is extracted after all and the article is 'done'.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { c, feedId } = await open({ taskTimeoutMs: TIME_BOX_MS });
      let release = () => {};
      normalHeld = new Promise((resolve) => (release = resolve));
      // The server is the file's: the first test's requests are counted out.
      const asked = (path: string, before = 0) => site.requestsFor(path).length - before;
      const [nested, normal] = [asked('/nested.html'), asked('/normal.html')];
      const sync = c.api.sync();
      // The ordinary page is asked for and held: the task in the worker is the nested page's.
      await until(() => asked('/nested.html', nested) > 0 && asked('/normal.html', normal) > 0 && c.pool.busy > 0);
      vi.advanceTimersByTime(TIME_BOX_MS);
      release();
      const summary = await sync;
      expect(summary.cancelled).toBe(false);
      const heavy = await article(c, feedId, 'Story 1');
      expect(heavy.fullTextState).toBe('failed');
      expect(heavy.fullTextError).toBe("the page was too complex to process (gave up after 5 s); the feed's text is kept");
      expect(heavy.html).toContain('Story 1 in brief.');
      const next = await article(c, feedId, 'Story 0');
      expect(next.fullTextState).toBe('done');
      expect(next.html).toContain('The harbour reopened on Monday');
    } finally {
      vi.useRealTimers();
    }
  });
});
