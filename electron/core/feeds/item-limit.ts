// The most items one feed document may carry, and which of them a longer one keeps. The byte cap
// (DEFAULT_LIMITS.feedBytes) does not bound memory by itself: 20 MB of bare <item><guid>n</guid></item>
// is 700,000 items, and each one costs kilobytes between the parser and the database (measured:
// 100,000 of them, 2.9 MB, raised the process's RSS by 750 MB). Real feeds carry tens of items;
// archives (a podcast's whole back catalogue, a site's "all posts" feed, a wiki's changes) a few
// thousand, sometimes tens of thousands.
// What an archive costs its parse (ingestFeed, December 2026, on a loaded 2-core machine): 2,000
// WordPress posts of 9 KB (17 MB) 3.1 s and 60 MB more RSS; 19,000 short ones (6 MB) 9.5 s and a
// 100 MB heap, inside a parse worker's 256 MB. So 20,000 is what one parse may read, and a longer
// feed is not refused: its newest 20,000 items are read and the rest left out before parsing, which
// is where the memory goes, and the sync log says how many (ParsedFeed.itemsLeftOut). Newest by the
// items' own dates when at least half of them have one (an archive listed oldest first, as some "all posts"
// feeds and podcast hosts list it, would otherwise keep its oldest); else the first in the
// document, where every feed format puts its newest.
//
// Items are counted as the XML parser will see them: an <item> or <entry> quoted inside a CDATA
// section (a post about feeds, a WordPress "code" block) or a comment is text, not an item, and
// counting it could cut a feed for items it does not have.
import { parseDate } from './text';

export const MAX_FEED_ITEMS = 20_000;

/**
 * What the count stops at: start tags of RSS items and Atom entries, prefixed or not (<rss:item>,
 * <atom:entry>), and the openings of CDATA sections and comments, whose ends are then found by
 * indexOf. One pass over the text; the text inside CDATA, most of a WordPress feed, is skipped
 * by indexOf rather than read by the regular expression (5 MB: 0.5 ms instead of 3.5 ms).
 */
const ITEM_START_OR_SKIPPED = /<!\[CDATA\[|<!--|<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]/g;
/** The same with item end tags, for the second pass only an over-long feed pays for (1: '/' of an end tag, 2: '/' of an empty item). */
const ITEM_TAG_OR_SKIPPED = /<!\[CDATA\[|<!--|<(\/?)(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?:\s[^>]*?)?(\/?)>/g;
/** An item's date elements, RSS's, Dublin Core's and Atom's, prefixed or not (1: the date). */
const ITEM_DATE = /<(?:[A-Za-z_][\w.-]*:)?(?:pubDate|date|published|updated|issued|modified)(?:\s[^>]*)?>\s*(?:<!\[CDATA\[)?([^<]{4,80})/g;

/** Where one item's markup starts and ends in the document. */
interface ItemSpan {
  readonly start: number;
  readonly end: number;
}

/** The items kept of a list (in their order) and how many were left out: the newest MAX_FEED_ITEMS. */
export function newestItems<T>(items: readonly T[], dateOf: (item: T) => number | null): { readonly kept: readonly T[]; readonly leftOut: number } {
  if (items.length <= MAX_FEED_ITEMS) return { kept: items, leftOut: 0 };
  const dates = items.map(dateOf);
  const dated = dates.filter((date) => date !== null).length;
  // More than half the items undated: the document's order is the only one there is.
  if (dated * 2 < items.length) return { kept: items.slice(0, MAX_FEED_ITEMS), leftOut: items.length - MAX_FEED_ITEMS };
  // Newest first, undated ones after every dated one, ties in the document's order; kept in the document's order.
  const order = items.map((_, i) => i).sort((a, b) => (dates[b] ?? -Infinity) - (dates[a] ?? -Infinity) || a - b);
  const keep = new Uint8Array(items.length);
  for (const i of order.slice(0, MAX_FEED_ITEMS)) keep[i] = 1;
  return { kept: items.filter((_, i) => keep[i] === 1), leftOut: items.length - MAX_FEED_ITEMS };
}

/**
 * The document with no more than MAX_FEED_ITEMS items: itself when it has no more (one counting
 * pass, stopped at the limit), else with the items newestItems leaves out cut from the text, the
 * markup around and between items kept as it was.
 */
export function withinXmlItemLimit(xml: string): { readonly xml: string; readonly leftOut: number } {
  if (!hasMoreXmlItems(xml, MAX_FEED_ITEMS)) return { xml, leftOut: 0 };
  const spans = itemSpans(xml);
  const { kept, leftOut } = newestItems(spans, datesIn(xml));
  if (leftOut === 0) return { xml, leftOut };
  const keep = new Set(kept);
  const parts: string[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(xml.slice(from, span.start));
    if (keep.has(span)) parts.push(xml.slice(span.start, span.end));
    from = span.end;
  }
  parts.push(xml.slice(from));
  return { xml: parts.join(''), leftOut };
}

/** Whether the text has more than `limit` item start tags outside CDATA sections and comments; stops counting past it. */
function hasMoreXmlItems(xml: string, limit: number): boolean {
  const found = new RegExp(ITEM_START_OR_SKIPPED);
  let count = 0;
  for (let match = found.exec(xml); match !== null; match = found.exec(xml)) {
    const skipped = match[0] === '<![CDATA[' ? ']]>' : match[0] === '<!--' ? '-->' : null;
    if (skipped === null) {
      if (++count > limit) return true;
      continue;
    }
    const end = xml.indexOf(skipped, found.lastIndex);
    // Unclosed to the end: the rest is that section's text (a parse that mends it counts again).
    if (end < 0) return false;
    found.lastIndex = end + skipped.length;
  }
  return false;
}

/** Each item's markup, from its start tag to its end tag; one left open runs to the next item's start, or the document's end. */
function itemSpans(xml: string): ItemSpan[] {
  const found = new RegExp(ITEM_TAG_OR_SKIPPED);
  const spans: ItemSpan[] = [];
  let open = -1;
  for (let match = found.exec(xml); match !== null; match = found.exec(xml)) {
    const skipped = match[0] === '<![CDATA[' ? ']]>' : match[0] === '<!--' ? '-->' : null;
    if (skipped !== null) {
      const end = xml.indexOf(skipped, found.lastIndex);
      if (end < 0) break;
      found.lastIndex = end + skipped.length;
    } else if (match[1] === '/') {
      if (open >= 0) spans.push({ start: open, end: found.lastIndex });
      open = -1;
    } else {
      if (open >= 0) spans.push({ start: open, end: match.index });
      if (match[2] === '/') spans.push({ start: match.index, end: found.lastIndex });
      open = match[2] === '/' ? -1 : match.index;
    }
  }
  if (open >= 0) spans.push({ start: open, end: xml.length });
  return spans;
}

/**
 * Each item's first date, read as the parse will (parseDate), found by one search that moves
 * forward only: an item without a date costs no search past the next date, wherever it is.
 */
function datesIn(xml: string): (span: ItemSpan) => number | null {
  const found = new RegExp(ITEM_DATE);
  let next: RegExpExecArray | null | undefined;
  return (span) => {
    if (next === undefined || (next !== null && next.index < span.start)) {
      found.lastIndex = span.start;
      next = found.exec(xml);
    }
    return next !== null && next.index < span.end ? parseDate(next[1]) : null;
  };
}
