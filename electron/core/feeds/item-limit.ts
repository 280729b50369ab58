// The most items one feed document may carry. The byte cap (DEFAULT_LIMITS.feedBytes) does not
// bound memory by itself: 20 MB of bare <item><guid>n</guid></item> is 700,000 items, and each
// one costs kilobytes between the parser and the database (measured: 100,000 of them, 2.9 MB,
// raised the process's RSS by 750 MB). Real feeds carry tens of items, archives a few thousand.
// What an archive costs its parse (ingestFeed, December 2026, on a loaded 2-core machine): 2,000
// WordPress posts of 9 KB (17 MB) 3.1 s and 60 MB more RSS; 19,000 short ones (6 MB) 9.5 s and a
// 100 MB heap, inside a parse worker's 256 MB. A feed over the limit is refused in a tenth of a
// second, before parsing, with this file's message, and keeps what earlier syncs stored; none of
// its items is kept, not even the newest (the sync log has no words yet for "read in part").
//
// Items are counted as the XML parser will see them: an <item> or <entry> quoted inside a CDATA
// section (a post about feeds, a WordPress "code" block) or a comment is text, not an item, and
// counting it could refuse a feed for items it does not have.
import { FeedParseError } from './errors';

export const MAX_FEED_ITEMS = 20_000;

/**
 * What the count stops at: start tags of RSS items and Atom entries, prefixed or not (<rss:item>,
 * <atom:entry>), and the openings of CDATA sections and comments, whose ends are then found by
 * indexOf. One pass over the text; the text inside CDATA, most of a WordPress feed, is skipped
 * by indexOf rather than read by the regular expression (5 MB: 0.5 ms instead of 3.5 ms).
 */
const ITEM_START_OR_SKIPPED = /<!\[CDATA\[|<!--|<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]/g;

/** Refuses a feed with too many items; for XML this runs before parsing, which is where the memory goes. */
export function checkItemCount(count: number): void {
  if (count > MAX_FEED_ITEMS) throw new FeedParseError(`too many items (over ${MAX_FEED_ITEMS.toLocaleString('en-US')})`);
}

/** Counts item start tags in XML text outside CDATA sections and comments, stopping as soon as there are too many. */
export function checkXmlItemCount(xml: string): void {
  const found = new RegExp(ITEM_START_OR_SKIPPED);
  let count = 0;
  for (let match = found.exec(xml); match !== null; match = found.exec(xml)) {
    const skipped = match[0] === '<![CDATA[' ? ']]>' : match[0] === '<!--' ? '-->' : null;
    if (skipped === null) {
      checkItemCount(++count);
      continue;
    }
    const end = xml.indexOf(skipped, found.lastIndex);
    // Unclosed to the end: the rest is that section's text (a parse that mends it counts again).
    if (end < 0) return;
    found.lastIndex = end + skipped.length;
  }
}
