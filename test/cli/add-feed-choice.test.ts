// `paperboy add` on a page that names several feeds, as a person runs it: a real process over a
// real data folder and a loopback WordPress site. The feeds are listed, numbered; the default is
// subscribed to unless --pick names another; a page naming one feed is subscribed to at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARBOUR, serveHarbourNotes } from '../support/feed-choice-sites';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
beforeAll(async () => {
  site = await TestServer.start('127.0.0.4');
  serveHarbourNotes(site);
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

/** The titles of the data folder's subscriptions, the welcome feed aside. */
async function subscriptions(data: string): Promise<string[]> {
  const listed = await paperboy('call', 'listFeeds', '--data', data);
  return (JSON.parse(listed.stdout) as { title: string; builtin: boolean }[]).filter((feed) => !feed.builtin).map((feed) => feed.title);
}

describe('paperboy add on a page naming several feeds', () => {
  it('lists them numbered, subscribes to the default and says how to pick another', async () => {
    const data = tempDir();
    const run = await paperboy('add', site.url(HARBOUR.category), '--data', data);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `${site.url(HARBOUR.category)} names 3 feeds:`,
        `  1. Ferries – Harbour Notes <${site.url(HARBOUR.categoryFeed)}> (the default)`,
        `  2. Harbour Notes <${site.url(HARBOUR.posts)}>`,
        `  3. Comments for Harbour Notes <${site.url(HARBOUR.comments)}> (comments)`,
        `Subscribed to "Ferries – Harbour Notes" <${site.url(HARBOUR.categoryFeed)}> (2 articles)`,
        'For another feed of the list, run add again with --pick N.',
        '',
      ].join('\n'),
    );
    expect(await subscriptions(data)).toEqual(['Ferries – Harbour Notes']);
  });

  it('subscribes to the feed --pick N names, and marks the one subscribed to already', async () => {
    const data = tempDir();
    await paperboy('add', site.url(HARBOUR.category), '--data', data);
    const run = await paperboy('add', site.url(HARBOUR.category), '--pick', '2', '--data', data);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  1. Ferries – Harbour Notes <${site.url(HARBOUR.categoryFeed)}> (subscribed, the default)\n`);
    expect(run.stdout).toMatch(/\nSubscribed to "Harbour Notes" <[^>]+\/feed\/> \(4 articles\)\n$/);
    expect((await subscriptions(data)).sort()).toEqual(['Ferries – Harbour Notes', 'Harbour Notes']);
  });

  it('subscribes to nothing when --pick names no feed of the list, and says which numbers there are', async () => {
    const data = tempDir();
    const run = await paperboy('add', site.url(HARBOUR.category), '--pick', '4', '--data', data);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('paperboy: there is no feed 4 in that list: pick a number from 1 to 3; nothing was subscribed to\n');
    expect(await subscriptions(data)).toEqual([]);
  });

  it('refuses a --pick that is no number of a list before asking the site anything', async () => {
    const asked = site.requests.length;
    for (const value of ['0', 'two', '-1']) {
      const run = await paperboy('add', site.url(HARBOUR.category), `--pick=${value}`, '--data', tempDir());
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`paperboy: --pick takes the number of a feed in the list add shows, from 1 (got ${value})`);
    }
    expect(site.requests.length).toBe(asked);
  });

  it('subscribes at once, with no list, to a page that names one feed several ways', async () => {
    const run = await paperboy('add', site.url(HARBOUR.home), '--data', tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Subscribed to "Harbour Notes" <${site.url(HARBOUR.posts)}> (4 articles)\n`);
  });

  it('subscribes to nothing when --pick 2 meets a page naming one feed, and says so with the feed it names', async () => {
    const data = tempDir();
    const run = await paperboy('add', site.url(HARBOUR.home), '--pick', '2', '--data', data);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `paperboy: ${site.url(HARBOUR.home)} names one feed, "Harbour Notes" <${site.url(HARBOUR.posts)}>, so --pick 2 does not apply; nothing was subscribed to (run add without --pick to subscribe to it)\n`,
    );
    expect(await subscriptions(data)).toEqual([]);
  });

  it('takes --pick 1 on a page naming one feed as that feed, asking its server for it once', async () => {
    const data = tempDir();
    const asked = site.requestsFor(HARBOUR.posts).length;
    const run = await paperboy('add', site.url(HARBOUR.home), '--pick', '1', '--data', data);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Subscribed to "Harbour Notes" <${site.url(HARBOUR.posts)}> (4 articles)\n`);
    expect(await subscriptions(data)).toEqual(['Harbour Notes']);
    expect(site.requestsFor(HARBOUR.posts).length - asked).toBe(1);
  });

  it('says --pick 2 does not apply to a feed subscribed to already, at its own address', async () => {
    const data = tempDir();
    await paperboy('add', site.url(HARBOUR.posts), '--data', data);
    const run = await paperboy('add', site.url(HARBOUR.posts), '--pick', '2', '--data', data);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`Already subscribed to "Harbour Notes" <${site.url(HARBOUR.posts)}> (4 articles)\n`);
    expect(run.stderr).toBe(`paperboy: ${site.url(HARBOUR.posts)} is a feed, not a page naming several: --pick 2 does not apply\n`);
  });

  it('asks the site once for the feed it subscribes to from the list, the feed read to describe it', async () => {
    const data = tempDir();
    const before = { category: site.requestsFor(HARBOUR.categoryFeed).length, posts: site.requestsFor(HARBOUR.posts).length };
    const run = await paperboy('add', site.url(HARBOUR.category), '--pick', '2', '--data', data);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nSubscribed to "Harbour Notes" <[^>]+\/feed\/> \(4 articles\)\n$/);
    expect(site.requestsFor(HARBOUR.posts).length - before.posts).toBe(1);
    expect(site.requestsFor(HARBOUR.categoryFeed).length - before.category).toBe(1);
  });

  it('documents --pick in its help', async () => {
    const help = await paperboy('--help');
    expect(help.stdout).toMatch(/add URL \[--pick N\][^\n]*\n[^\n]*page naming several feeds[\s\S]*--pick N\s+subscribe to the list's feed N instead/);
  });
});
