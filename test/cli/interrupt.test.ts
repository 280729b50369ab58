// Ctrl-C in a terminal: whatever the command waits for (a host that takes a request and never
// answers), it stops at once, closes the data folder properly and exits with 130, as shells expect
// of a program Ctrl-C stopped; SIGTERM and SIGHUP likewise (143, 129). A real process, a real
// signal, a real stalled server.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../http/helpers';
import { fixtureText } from '../support/fixtures';
import { paperboy, startPaperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const RSS = 'application/rss+xml; charset=utf-8';
/** Well under the 10 s a host gets to start its answer: an interrupt that is not heard fails this. */
const PROMPTLY_MS = 4_000;

let server: TestServer;
beforeEach(async () => {
  server = await TestServer.start();
  // Takes the request and never answers, like an overloaded host.
  server.route('/stalled/feed.xml', () => new Promise<void>(() => undefined));
  server.serve('/feed.xml', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
});
afterEach(async () => {
  await server.stop();
});
afterAll(() => removeTempDirs());

/** Starts the command, presses Ctrl-C (or sends `signal`) once the stalled host has the request, and times the exit. */
async function interrupted(...args: string[]) {
  return stoppedBy('SIGINT', ...args);
}

async function stoppedBy(signal: NodeJS.Signals, ...args: string[]) {
  const started = startPaperboy(...args);
  await waitFor(() => server.requestsFor('/stalled/feed.xml').length > 0);
  const pressedAt = Date.now();
  started.child.kill(signal);
  const run = await started.run;
  return { ...run, afterMs: Date.now() - pressedAt };
}

describe('Ctrl-C', () => {
  it.each([
    ['add', (url: string) => ['add', url]],
    ['call addFeed', (url: string) => ['call', 'addFeed', JSON.stringify([url])]],
  ])('stops %s waiting on a stalled host, and leaves the data folder sound and unsubscribed', async (_name, command) => {
    const data = tempDir();
    const run = await interrupted(...command(server.url('/stalled/feed.xml')), '--data', data);
    expect(run.code).toBe(130);
    expect(run.afterMs).toBeLessThan(PROMPTLY_MS);
    expect(run.stdout).toBe('');

    // The next command opens the folder without a word of recovery and sees no half-added feed.
    const feeds = await paperboy('call', 'listFeeds', '--data', data);
    expect(feeds.stderr).toBe('');
    expect((JSON.parse(feeds.stdout) as { url: string }[]).map((feed) => feed.url)).not.toContain(server.url('/stalled/feed.xml'));
    const added = await paperboy('add', server.url('/feed.xml'), '--data', data);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Subscribed to "The Evening Dispatch"/);
  }, 30_000);

  it('cancels a sync, which still says what it did, and exits with 130', async () => {
    const data = tempDir();
    // Subscribed through an OPML import, which fetches nothing.
    const opml = path.join(data, 'stalled.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Stalled" type="rss" xmlUrl="${server.url('/stalled/feed.xml')}"/></body></opml>`);
    expect((await paperboy('import', opml, '--data', data)).code).toBe(0);
    const run = await interrupted('sync', '--data', data);
    expect(run.code).toBe(130);
    expect(run.afterMs).toBeLessThan(PROMPTLY_MS);
    // Its one feed's host never answered: nothing was fetched, and the summary says only that.
    expect(run.stdout).toMatch(/^Cancelled before anything was fetched \(\d+\.\d s\)$/m);
    const feeds = await paperboy('call', 'listFeeds', '--data', data);
    expect(feeds.stderr).toBe('');
    expect(feeds.code).toBe(0);
  }, 30_000);

  // `kill`, a service manager stopping it, a closed terminal or ssh session: stopped as Ctrl-C
  // stops it, with the status shells report for that signal (128 + its number).
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s cancels a sync as Ctrl-C does: the summary is said, the exit status is %i', async (signal, status) => {
    const data = tempDir();
    const opml = path.join(data, 'stalled.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Stalled" type="rss" xmlUrl="${server.url('/stalled/feed.xml')}"/></body></opml>`);
    expect((await paperboy('import', opml, '--data', data)).code).toBe(0);
    const run = await stoppedBy(signal, 'sync', '--data', data);
    expect(run.code).toBe(status);
    expect(run.afterMs).toBeLessThan(PROMPTLY_MS);
    expect(run.stdout).toMatch(/^Cancelled before anything was fetched /m);
    const feeds = await paperboy('call', 'listFeeds', '--data', data);
    expect(feeds.stderr).toBe('');
  }, 30_000);
});
