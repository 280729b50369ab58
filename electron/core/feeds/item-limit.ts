// The most items one feed document may carry. The byte cap (DEFAULT_LIMITS.feedBytes) does not
// bound memory by itself: 20 MB of bare <item><guid>n</guid></item> is 700,000 items, and each
// one costs kilobytes between the parser and the database (measured: 100,000 of them, 2.9 MB,
// raised the process's RSS by 750 MB). Real feeds carry tens of items, archives a few thousand.
import { FeedParseError } from './errors';

export const MAX_FEED_ITEMS = 20_000;

/** Start tags of RSS items and Atom entries, prefixed or not (<rss:item>, <atom:entry>). */
const ITEM_START = /<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]/g;

/** Refuses a feed with too many items; for XML this runs before parsing, which is where the memory goes. */
export function checkItemCount(count: number): void {
  if (count > MAX_FEED_ITEMS) throw new FeedParseError(`too many items (over ${MAX_FEED_ITEMS.toLocaleString('en-US')})`);
}

/** Counts item start tags in XML text, stopping as soon as there are too many. */
export function checkXmlItemCount(xml: string): void {
  let count = 0;
  for (const _tag of xml.matchAll(ITEM_START)) checkItemCount(++count);
}
