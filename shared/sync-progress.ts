// How far a sync has got, as the app's status bar, its taskbar button and the CLI's progress line
// all show it: one estimate, so the three never disagree.
import type { SyncSummary, SyncTotals } from './types';

/**
 * How much of the sync is done, 0 to 1, over all the work known so far: each feed and each
 * article (its page and images) is one step. The articles of feeds not yet fetched are not known;
 * they are estimated from those of the feeds done, so that the bar does not reach the end with the
 * last feed while the pages and images of hundreds of articles are still to come.
 */
export function doneFraction(totals: SyncTotals): number {
  const feedsLeft = totals.feedsTotal - totals.feedsDone;
  const articlesExpected = totals.feedsDone > 0 ? (totals.articlesQueued / totals.feedsDone) * feedsLeft : 0;
  const steps = totals.feedsTotal + totals.articlesQueued + articlesExpected;
  return steps === 0 ? 1 : Math.min(1, (totals.feedsDone + totals.articlesFetched) / steps);
}

/**
 * The fraction a bar shows next, having shown `shown`: forward only within one sync. The estimate
 * falls back when a feed brings more articles than those before it (a 400-item feed after twenty
 * of ten), and a bar running backwards reads as work undone.
 */
export function forwardFraction(shown: number, totals: SyncTotals): number {
  return Math.max(shown, doneFraction(totals));
}

/**
 * A sync cancelled before it had fetched anything (Cancel while it waited for a removed feed's
 * deletion, or at once): its summary says so alone. Counts of nothing, and "the next sync goes on
 * from there", said more than there was.
 */
export function cancelledBeforeAnything(summary: SyncSummary): boolean {
  return summary.cancelled && summary.feedsDone === 0 && summary.bytesFetched === 0;
}
