// How much of a long thread is shown. Articles on big sites have 500 to 5,000 comments: each one
// rendered took the page 1.6 s at 2,000 and 4.8 s at 5,000 before anything of the thread showed
// (bench:ui), frozen meanwhile. The thread shows its first comments in reading order, and a button
// shows the next ones, a page at a time, as a site's comment pages do, but without leaving the
// article. Not slices rendered after first paint: those would still put all 5,000 in the page (its
// memory, and every later render and layout over them) for a thread most people read the start of.
// Going to a comment far down (a link to the last of 5,000) shows the page it is on, not every
// comment before it: the shown part is a range of reading order, with a button for the earlier
// ones above it. A range that starts past the first comment is not a whole tree: the comments its
// own ones answer are shown with it (a chain's few), so that each reply stands under its parent.

/** Comments shown at first, and added by each "Show more". */
export const COMMENTS_PER_PAGE = 50;

/** Going to a comment shows the thread down (or up) to it, whole pages, as long as the thread
 *  shown stays within this many comments; past it, the comment's own page alone. */
export const MOST_SHOWN_BY_GOING = 10 * COMMENTS_PER_PAGE;

/** Fewer comments than this are never left behind a button: a thread of 53 shows whole, not 50
 *  and "Show the last 3 comments"; nor a range that starts at the 20th. */
const LEAST_LEFT_BEHIND = COMMENTS_PER_PAGE / 2;

/** The comments shown, by their places in reading order: `from` up to before `to`. */
export interface ShownRange {
  readonly from: number;
  readonly to: number;
}

export const FIRST_PAGE: ShownRange = { from: 0, to: COMMENTS_PER_PAGE };

/** The part of `total` comments a requested range puts on screen: none left behind its ends when
 *  those would be a short head or tail. */
export function onScreen({ from, to }: ShownRange, total: number): ShownRange {
  return { from: from < LEAST_LEFT_BEHIND ? 0 : Math.min(from, total), to: total - to < LEAST_LEFT_BEHIND ? total : Math.min(to, total) };
}

/** What to show for the comment at `index` to be among the shown: the range grown by whole pages
 *  to it, or that comment's page alone when the range would grow past MOST_SHOWN_BY_GOING. */
export function rangeWith(index: number, range: ShownRange): ShownRange {
  const page = index - (index % COMMENTS_PER_PAGE);
  const grown = { from: Math.min(range.from, page), to: Math.max(range.to, page + COMMENTS_PER_PAGE) };
  return grown.to - grown.from <= MOST_SHOWN_BY_GOING ? grown : { from: page, to: page + COMMENTS_PER_PAGE };
}

/** Whether a comment is rendered: it is in the range, or heads (answers) one that is. `size`: the
 *  comments it heads in reading order, itself included (comment-tree.ts). */
export function isRendered(node: { readonly index: number; readonly size: number }, { from, to }: ShownRange): boolean {
  return node.index < to && node.index + node.size > from;
}

/** The range cut to the comments a node heads, for its item to render its replies from: the same
 *  numbers for one shown whole, whatever else the range takes in (its item is not rendered again). */
export function shownOf(node: { readonly index: number; readonly size: number }, { from, to }: ShownRange): ShownRange {
  return { from: Math.max(from, node.index), to: Math.min(to, node.index + node.size) };
}

/** The "Show more" button's words; null when every comment is shown. `to` is onScreen's: what is
 *  left is none or at least LEAST_LEFT_BEHIND. */
export function showMoreLabel(to: number, total: number): string | null {
  const left = total - to;
  if (left <= 0) return null;
  if (left <= COMMENTS_PER_PAGE) return `Show the last ${left} comments`;
  return `Show ${COMMENTS_PER_PAGE} more comments (${left.toLocaleString()} left)`;
}

/** The button above a range that starts past the first comment; null when it starts there. */
export function showEarlierLabel(from: number): string | null {
  if (from <= 0) return null;
  if (from <= COMMENTS_PER_PAGE) return `Show the first ${from} comments`;
  return `Show ${COMMENTS_PER_PAGE} earlier comments (${from.toLocaleString()} before these)`;
}
