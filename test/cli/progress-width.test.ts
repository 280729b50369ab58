// The progress line on a terminal of a given width. A line wider than the terminal wraps, and the
// redraw (carriage return, erase line) then clears only its last row: an 80-column terminal was
// left with a pile of stale lines. And the bar counts the whole sync's work as far as it is known,
// not the feeds alone: "300/300 feeds" with a full bar while the pages and images still ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressLine, progressPrinter } from '../../electron/cli/progress';
import { doneFraction } from '../../shared/sync-progress';
import type { SyncProgressEvent, SyncTotals } from '../../shared/types';
import { NewsSite } from '../support/news-site';
import { paperboy, runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

/** Midway through syncing a 300-feed OPML: every feed read, most pages and images still to come. */
const midway: SyncTotals = {
  feedsTotal: 300, feedsDone: 300, feedsFailed: 41, articlesQueued: 2990, articlesFetched: 1234, imagesFetched: 4321, bytesFetched: 123.4 * 1024 * 1024,
};

describe('progressLine', () => {
  it.each([200, 120, 80, 60, 40, 24, 12])('fits a %i-column terminal, with the last column left free', (columns) => {
    expect(progressLine(midway, columns).length).toBeLessThan(columns);
  });

  it('narrows the bar before dropping anything, then drops bytes, images and articles, in that order', () => {
    expect(progressLine(midway)).toBe('[###########-------------] 300/300 feeds · 1234/2990 articles · 4321 images · 123.4 MB');
    expect(progressLine(midway, 80)).toBe('[########---------] 300/300 feeds · 1234/2990 articles · 4321 images · 123.4 MB');
    expect(progressLine(midway, 66)).toBe('[#######-------] 300/300 feeds · 1234/2990 articles · 4321 images');
    expect(progressLine(midway, 50)).toBe('[######------] 300/300 feeds · 1234/2990 articles');
    expect(progressLine(midway, 30)).toBe('[######-------] 300/300 feeds');
    expect(progressLine(midway, 16)).toBe('300/300 feeds');
  });

  it('is not full while pages and images are still being fetched after the last feed', () => {
    expect(doneFraction(midway)).toBeCloseTo((300 + 1234) / (300 + 2990));
    expect(progressLine(midway)).not.toMatch(/\[#{24}\]/);
    expect(doneFraction({ ...midway, articlesFetched: 2990 })).toBe(1);
  });

  it("expects articles from the feeds not read yet, as many as those read had: the bar does not run back as they come", () => {
    const early = { ...midway, feedsDone: 30, articlesQueued: 300, articlesFetched: 0 };
    // 30 of 300 feeds done, 10 articles a feed: some 3300 steps in all, not 600.
    expect(doneFraction(early)).toBeCloseTo(30 / (300 + 300 + 2700));
  });

  it('never runs back on a terminal when a large feed brings more articles than those before it', () => {
    const written: string[] = [];
    const out = { isTTY: true, columns: 120, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const print = progressPrinter(out, new Map(), { TERM: 'xterm' });
    const totals = (feedsDone: number, articlesQueued: number, articlesFetched: number): SyncProgressEvent => ({
      type: 'totals', syncId: 1, feedsTotal: 27, feedsDone, feedsFailed: 0, articlesQueued, articlesFetched, imagesFetched: 0, bytesFetched: 0,
    });
    // As a tester's sync went: 22 feeds of some 8 articles, then one of 400.
    for (const event of [totals(22, 170, 17), totals(23, 570, 17), totals(23, 570, 60), totals(27, 610, 610)]) print(event);
    const filled = written.flatMap((text) => /\[(#*)-*\]/.exec(text)?.[1]?.length ?? []);
    // The estimate itself falls back there; the bar drawn does not.
    expect(doneFraction(totals(23, 570, 17) as SyncTotals)).toBeLessThan(doneFraction(totals(22, 170, 17) as SyncTotals));
    expect(filled).toHaveLength(4);
    expect(filled).toEqual([...filled].sort((a, b) => a - b));
    expect(filled.at(-1)).toBe(24);
  });

  it('counts the feeds alone in a feed refresh (no articles fetched)', () => {
    expect(doneFraction({ ...midway, feedsDone: 150, articlesQueued: 0, articlesFetched: 0 })).toBe(0.5);
  });
});

let site: NewsSite;
beforeAll(async () => {
  site = await NewsSite.start({ feeds: 2, itemsPerFeed: 3 });
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

/** `paperboy sync` on a pseudo-terminal (`script`, util-linux) of `columns` columns, with TERM as given. */
async function syncOnTerminal(columns: number, term: string) {
  const data = tempDir();
  for (let feed = 0; feed < 2; feed++) await paperboy('add', site.feedUrl(feed), '--data', data);
  const cli = `stty cols ${columns} rows 24; TERM=${term} node --import tsx electron/cli/main.ts sync --data ${data}`;
  return (await runProgram('script', ['-qec', cli, '/dev/null'])).stdout;
}

describe('sync on a terminal', () => {
  it('draws every redraw of the line within a 60-column terminal, and wraps the summary between words', async () => {
    const out = await syncOnTerminal(60, 'xterm');
    const draws = out.split('\r\x1b[2K').slice(1).map((draw) => draw.split(/\r?\n/)[0]!).filter((draw) => draw.startsWith('['));
    expect(draws.length).toBeGreaterThan(0);
    for (const draw of draws) expect(draw.length).toBeLessThan(60);
    expect(draws.at(-1)).toMatch(/^\[#+\] 2\/2 feeds · 6\/6 articles/);
    const summary = out.slice(out.indexOf('Synced 2 of 2 feeds')).trimEnd().split(/\r?\n/);
    expect(summary.length).toBeGreaterThan(1);
    for (const line of summary) expect(line.length).toBeLessThan(60);
    expect(summary.join(' ').replace(/\s+/g, ' ')).toMatch(/^Synced 2 of 2 feeds: \d+ new, 0 updated; 6 articles and 12 images saved for offline reading; .* in [\d.]+ s$/);
  });

  it('writes no escapes to a dumb terminal (TERM=dumb: Emacs shell buffers, some CI logs)', async () => {
    const out = await syncOnTerminal(80, 'dumb');
    expect(out).toMatch(/Synced 2 of 2 feeds/);
    expect(out).not.toMatch(/\x1b/);
    expect(out).not.toMatch(/\r(?!\n)/);
  });
});
