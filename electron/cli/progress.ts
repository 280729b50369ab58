// The CLI's view of a sync: a redrawn progress line on a terminal, plain lines otherwise.
import type { SyncProgressEvent, SyncSummary, SyncTotals } from '../../shared/types';

const BAR_WIDTH = 24;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function progressLine(totals: SyncTotals): string {
  const done = totals.feedsTotal === 0 ? 1 : totals.feedsDone / totals.feedsTotal;
  const filled = Math.round(done * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  return `[${bar}] ${totals.feedsDone}/${totals.feedsTotal} feeds · ${totals.articlesFetched}/${totals.articlesQueued} articles · ${totals.imagesFetched} images · ${formatBytes(totals.bytesFetched)}`;
}

export function summaryLine(summary: SyncSummary): string {
  const ok = summary.feedsDone - summary.feedsFailed - summary.feedsWaiting - summary.feedsGone;
  // A feed whose server asked to wait, or that is gone and not due yet, is neither synced nor failed: it is said apart.
  const notSynced = [
    ...(summary.feedsFailed > 0 ? [`${summary.feedsFailed} failed`] : []),
    ...(summary.feedsWaiting > 0 ? [`${summary.feedsWaiting} waiting for the server`] : []),
    ...(summary.feedsGone > 0 ? [`${summary.feedsGone} gone, tried again once a day`] : []),
  ];
  const others = notSynced.length > 0 ? ` (${notSynced.join(', ')})` : '';
  const verb = summary.cancelled ? 'Cancelled after syncing' : 'Synced';
  // An article kept with its feed's text only is saved, but not as the person expects it.
  const withoutPage = summary.articlesWithoutPage > 0 ? ` (${summary.articlesWithoutPage} with the feed's text only: their page could not be fetched)` : '';
  const waiting = summary.articlesWaiting > 0 ? `${summary.articlesWaiting} wait for the next sync; ` : '';
  return `${verb} ${ok} of ${summary.feedsTotal} feeds${others}: ${summary.newArticles} new, ${summary.updatedArticles} updated; ` +
    `${summary.articlesFetched} articles${withoutPage} and ${summary.imagesFetched} images saved for offline reading; ${waiting}` +
    `${formatBytes(summary.bytesFetched)} in ${(summary.durationMs / 1000).toFixed(1)} s`;
}

/** Returns a progress listener writing to `out` (a TTY gets one redrawn line). */
export function progressPrinter(out: NodeJS.WriteStream, feedUrls: ReadonlyMap<number, string>): (event: SyncProgressEvent) => void {
  const tty = out.isTTY === true;
  let drawn = false;
  const clear = () => {
    if (tty && drawn) out.write('\r\x1b[2K');
    drawn = false;
  };
  return (event) => {
    switch (event.type) {
      case 'feed-failed':
        clear();
        out.write(`failed: ${feedUrls.get(event.feedId) ?? event.feedId}: ${event.reason}\n`);
        break;
      case 'feed-waiting':
        clear();
        out.write(`waiting: ${feedUrls.get(event.feedId) ?? event.feedId}: ${event.reason}\n`);
        break;
      case 'sync-warning':
        clear();
        out.write(`warning: ${event.message}\n`);
        break;
      case 'totals':
        if (tty) {
          out.write(`\r\x1b[2K${progressLine(event)}`);
          drawn = true;
        }
        break;
      case 'sync-finished':
        clear();
        break;
      default:
        break;
    }
  };
}
