// The line a terminal sync ends with says what the person has to read offline, and what not yet:
// an article kept with its feed's text only is counted as such, and those left for the next sync too.
import { expect, it } from 'vitest';
import { summaryLine } from '../../electron/cli/progress';
import type { SyncSummary } from '../../shared/types';

const summary: SyncSummary = {
  feedsTotal: 3, feedsDone: 3, feedsFailed: 0, articlesQueued: 20, articlesFetched: 18, imagesFetched: 40, bytesFetched: 3 * 1024 * 1024,
  feedsWaiting: 0, feedsGone: 0, newArticles: 20, updatedArticles: 0, articlesWithoutPage: 0, articlesWaiting: 0, cancelled: false, durationMs: 4200, warnings: [],
};

it('says nothing of pages when every article got its own', () => {
  expect(summaryLine(summary)).toBe('Synced 3 of 3 feeds: 20 new, 0 updated; 18 articles and 40 images saved for offline reading; 3.0 MB downloaded in 4.2 s');
});

it("counts the articles kept with the feed's text only, and those waiting for the next sync", () => {
  expect(summaryLine({ ...summary, articlesWithoutPage: 14, articlesWaiting: 2 })).toBe(
    "Synced 3 of 3 feeds: 20 new, 0 updated; 18 articles (14 with the feed's text only: their page could not be fetched) and 40 images saved for offline reading; 2 wait for the next sync; 3.0 MB downloaded in 4.2 s",
  );
});

it('says of a sync cancelled before it fetched anything only that, and of one cancelled later what it left', () => {
  const never = { ...summary, feedsTotal: 0, feedsDone: 0, articlesQueued: 0, articlesFetched: 0, imagesFetched: 0, bytesFetched: 0, newArticles: 0, cancelled: true, durationMs: 400 };
  expect(summaryLine(never)).toBe('Cancelled before anything was fetched (0.4 s)');
  expect(summaryLine({ ...summary, feedsDone: 1, articlesFetched: 2, imagesFetched: 3, bytesFetched: 2048, newArticles: 5, cancelled: true })).toBe(
    'Cancelled after syncing 1 of 3 feeds: 5 new, 0 updated; 2 articles and 3 images saved for offline reading; 2.0 KB downloaded in 4.2 s; the next sync goes on from there',
  );
});
