// One sync at a time per data folder, whoever runs it: a cron job's `paperboy sync` while the app
// syncs, or two terminals, would each download every feed and page and each claim the same new
// articles. The second one is refused with a message naming the process that syncs; a process
// that crashed mid-sync does not block the next one. Real processes, a real shared SQLite file,
// and a feed server that holds its answer so the first sync is still running when the second starts.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { waitFor } from '../http/helpers';
import { paperboy, startPaperboy } from '../support/processes';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const RSS = 'application/rss+xml';
const refusal = (pid: number) => `Another Paperboy process (pid ${pid}) is syncing this data folder; try again when its sync has finished.`;

let server: TestServer;
let dataDir: string;
let releaseHeld: () => void = () => undefined;
const cores: PaperboyCore[] = [];

beforeEach(async () => {
  server = await TestServer.start('127.0.0.76');
  dataDir = tempDir('paperboy-sync-lock-');
  server.serve('/news.xml', { body: rssFeed('Town News', [rssItem('n1', 'Bus routes change in May')]), type: RSS });
  // Answers only when the test lets it: the sync that asked is still running until then.
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));
  server.route('/slow.xml', async (_req, res) => {
    await held;
    res.writeHead(200, { 'content-type': RSS });
    res.end(rssFeed('Slow Weekly', [rssItem('s1', 'Council meets on Tuesday')]));
  });
});
afterEach(async () => {
  releaseHeld();
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await server.stop();
});
afterAll(() => removeTempDirs());

function open(): PaperboyCore {
  const core = openCore({ dataDir, workers: 1, welcome: false });
  cores.push(core);
  return core;
}

async function subscribeBoth(core: PaperboyCore): Promise<void> {
  const outlines = ['/news.xml', '/slow.xml'].map((path) => `<outline type="rss" text="${path}" xmlUrl="${server.url(path)}"/>`).join('');
  await core.api.importOpml(`<opml version="2.0"><body>${outlines}</body></opml>`);
}

/** The articles of the subscribed feeds (the CLI also installs the built-in welcome feed). */
async function titles(core: PaperboyCore): Promise<string[]> {
  const subscribed = new Set((await core.api.listFeeds()).filter((feed) => !feed.builtin).map((feed) => feed.id));
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  return articles.filter((article) => subscribed.has(article.feedId)).map((article) => article.title).sort();
}

describe('a second sync of the same data folder', () => {
  it('is refused while another core syncs it, names the process, and runs once the first has finished', async () => {
    const app = open();
    const other = open();
    await subscribeBoth(app);
    const first = app.api.sync({ feedsOnly: true });
    await waitFor(() => server.requestsFor('/slow.xml').length > 0);

    await expect(other.api.sync({ feedsOnly: true })).rejects.toThrow(refusal(process.pid));
    // The refused sync fetched nothing: each feed was asked for once, by the first sync.
    expect(server.requestsFor('/news.xml')).toHaveLength(1);
    expect(server.requestsFor('/slow.xml')).toHaveLength(1);

    releaseHeld();
    expect(await first).toMatchObject({ feedsDone: 2, feedsFailed: 0, newArticles: 2 });
    expect(await other.api.sync({ feedsOnly: true })).toMatchObject({ feedsDone: 2, feedsFailed: 0, newArticles: 0 });
    expect(await titles(other)).toEqual(['Bus routes change in May', 'Council meets on Tuesday']);
  });

  it('is refused in the CLI, with the message and exit status 1, while the app syncs', async () => {
    const app = open();
    await subscribeBoth(app);
    const first = app.api.sync({ feedsOnly: true });
    await waitFor(() => server.requestsFor('/slow.xml').length > 0);

    const cli = await paperboy('sync', '--data', dataDir, '--no-fulltext', '--no-images');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`paperboy: ${refusal(process.pid)}`);
    expect(cli.stdout).toBe('');
    expect(server.requestsFor('/news.xml')).toHaveLength(1);

    releaseHeld();
    expect(await first).toMatchObject({ feedsDone: 2, newArticles: 2 });
  });

  it('is refused in the app while the CLI syncs, and goes ahead once that process has crashed', async () => {
    const app = open();
    await subscribeBoth(app);
    const cli = startPaperboy('sync', '--data', dataDir, '--no-fulltext', '--no-images');
    await waitFor(() => server.requestsFor('/slow.xml').length > 0);

    await expect(app.api.sync({ feedsOnly: true })).rejects.toThrow(refusal(cli.child.pid!));

    // Killed mid-sync, it leaves its claim behind; a process that no longer runs does not count.
    cli.child.kill('SIGKILL');
    expect((await cli.run).code).toBeNull();
    releaseHeld();
    expect(await app.api.sync({ feedsOnly: true })).toMatchObject({ feedsDone: 2, feedsFailed: 0 });
    expect(await titles(app)).toEqual(['Bus routes change in May', 'Council meets on Tuesday']);
  }, 30_000);
});
