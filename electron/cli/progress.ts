// The CLI's view of a sync: a redrawn progress line on a terminal, plain lines otherwise.
// The line is fitted to the terminal's width: a line one column too wide wraps, and the
// redraw (`\r` and erase-line) then clears only its last row, leaving the others on screen.
import { withoutPasswords } from '../../shared/address-login';
import { cancelledBeforeAnything, doneFraction, forwardFraction } from '../../shared/sync-progress';
import type { SyncProgressEvent, SyncSummary, SyncTotals } from '../../shared/types';

const BAR_WIDTH = 24;
/** Narrower than this the bar says nothing; the counts alone are shown. */
const MIN_BAR_WIDTH = 8;
/** What is moved back to the line's start and erased before each redraw. */
const ERASE_LINE = '\r\x1b[2K';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function bar(fraction: number, width: number): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled) + '-'.repeat(width - filled)}]`;
}

/**
 * The progress line, at most `columns - 1` characters wide (the last column makes some terminals
 * wrap). The bar narrows first, then the parts go from the least telling: bytes, images, articles.
 * `fraction`: what the bar shows (progressPrinter keeps it going forward only).
 */
export function progressLine(totals: SyncTotals, columns = Number.POSITIVE_INFINITY, fraction = doneFraction(totals)): string {
  const room = columns - 1;
  const parts = [
    `${totals.feedsDone}/${totals.feedsTotal} feeds`,
    `${totals.articlesFetched}/${totals.articlesQueued} articles`,
    `${totals.imagesFetched} images`,
    formatBytes(totals.bytesFetched),
  ];
  for (let kept = parts.length; kept > 0; kept--) {
    const counts = parts.slice(0, kept).join(' · ');
    // "[", "] " around the bar.
    const barWidth = Math.min(BAR_WIDTH, room - counts.length - 3);
    if (barWidth >= MIN_BAR_WIDTH) return `${bar(fraction, barWidth)} ${counts}`;
  }
  return parts[0]!.slice(0, Math.max(0, room));
}

/**
 * `text` broken between words into lines shorter than `columns`, the lines after the first
 * indented: a terminal would break it anywhere, in the middle of a number.
 */
export function wrapToWidth(text: string, columns = Number.POSITIVE_INFINITY, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length < columns || line.trim() === '') line = candidate;
    else {
      lines.push(line);
      line = `${indent}${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

export function summaryLine(summary: SyncSummary): string {
  if (summary.stopped !== undefined) return summary.stopped;
  if (cancelledBeforeAnything(summary)) return `Cancelled before anything was fetched (${(summary.durationMs / 1000).toFixed(1)} s)`;
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
  // Cancelled: what it left is not lost, and the person should know the next sync takes it up.
  const goesOn = summary.cancelled ? '; the next sync goes on from there' : '';
  return `${verb} ${ok} of ${summary.feedsTotal} feeds${others}: ${summary.newArticles} new, ${summary.updatedArticles} updated; ` +
    `${summary.articlesFetched} articles${withoutPage} and ${summary.imagesFetched} images saved for offline reading; ${waiting}` +
    `${formatBytes(summary.bytesFetched)} downloaded in ${(summary.durationMs / 1000).toFixed(1)} s${goesOn}`;
}

/** Whether `out` is a terminal that understands the redraw's escapes (TERM=dumb does not: Emacs' shell, some CI logs). */
export function redrawsLine(out: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return out.isTTY === true && env.TERM !== 'dumb';
}

/** Returns a progress listener writing to `out` (a terminal gets one redrawn line, fitted to its width). */
export function progressPrinter(out: NodeJS.WriteStream, feedUrls: ReadonlyMap<number, string>, env: NodeJS.ProcessEnv = process.env): (event: SyncProgressEvent) => void {
  const redraw = redrawsLine(out, env);
  let drawn = false;
  let shown = 0;
  const clear = () => {
    if (redraw && drawn) out.write(ERASE_LINE);
    drawn = false;
  };
  return (event) => {
    switch (event.type) {
      case 'feed-failed':
        clear();
        out.write(withoutPasswords(`failed: ${feedUrls.get(event.feedId) ?? event.feedId}: ${event.reason}\n`));
        break;
      case 'feed-waiting':
        clear();
        out.write(`waiting: ${feedUrls.get(event.feedId) ?? event.feedId}: ${event.reason}\n`);
        break;
      case 'sync-waiting':
        clear();
        out.write(`waiting: ${event.reason}\n`);
        break;
      case 'sync-warning':
        clear();
        out.write(`warning: ${event.message}\n`);
        break;
      case 'totals':
        if (redraw) {
          // Read at each redraw: the window may have been resized since the last.
          shown = forwardFraction(shown, event);
          out.write(`${ERASE_LINE}${progressLine(event, out.columns || undefined, shown)}`);
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
