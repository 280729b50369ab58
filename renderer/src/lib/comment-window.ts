// How much of a long thread is shown. Articles on big sites have 500 to 5,000 comments: each one
// rendered took the page 1.6 s at 2,000 and 4.8 s at 5,000 before anything of the thread showed
// (bench:ui), frozen meanwhile. The thread shows its first comments in reading order, and a button
// shows the next ones, a page at a time, as a site's comment pages do, but without leaving the
// article. Not slices rendered after first paint: those would still put all 5,000 in the page (its
// memory, and every later render and layout over them) for a thread most people read the start of.

/** Comments shown at first, and added by each "Show more". */
export const COMMENTS_PER_PAGE = 50;

/** Fewer comments than this are never left behind the button: a thread of 53 shows whole, not 50
 *  and "Show the last 3 comments". */
const LEAST_LEFT_BEHIND = COMMENTS_PER_PAGE / 2;

/** How many of `total` comments a window of `shown` puts on screen: all of them when the rest would
 *  be a short tail. */
export function onScreen(shown: number, total: number): number {
  return total - shown < LEAST_LEFT_BEHIND ? total : Math.min(shown, total);
}

/** How many comments (in reading order) to show for the one at `index` to be among them: whole
 *  pages, and never fewer than are shown already. */
export function shownWith(index: number, shown: number): number {
  return Math.max(shown, Math.ceil((index + 1) / COMMENTS_PER_PAGE) * COMMENTS_PER_PAGE);
}

/** The "Show more" button's words; null when every comment is shown. `shown` is onScreen's: what is
 *  left is none or at least LEAST_LEFT_BEHIND. */
export function showMoreLabel(shown: number, total: number): string | null {
  const left = total - shown;
  if (left <= 0) return null;
  if (left <= COMMENTS_PER_PAGE) return `Show the last ${left} comments`;
  return `Show ${COMMENTS_PER_PAGE} more comments (${left.toLocaleString()} left)`;
}
