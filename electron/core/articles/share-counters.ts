// The counters news templates set beside a story's share buttons and comment link ("84", "212
// shares", "48 View comments"): the page's live tally on the day it was fetched, which read as a
// stray number above the text once the buttons around it were gone. Told by a class that names a
// count of shares or comments, and a text that is a number with its label at most.

/** A class naming such a count: share-count, shareCount, comments-count, comment_count, count-shares. */
const COUNTER_NAME = /(?:share|comment)s?[-_]?(?:count|counter|total|number)|count[-_]?(?:share|comment)s?/i;
/** A counter says a number and a word or two: nothing longer. */
const COUNTER_TEXT = 30;
/** "84", "1.2K", "212 shares", "48 View comments", "Comments 312". */
const COUNTER_LINE = /^(?:(?:view |read |see )?(?:shares?|comments?)\s*)?[\d.,]+\s*[kKmM]?(?:\s*(?:(?:view |read |see )?(?:shares?|comments?)))?$/i;

/** An element named as a share or comment counter whose text is the count alone. */
export function isShareCounter(element: Element, classAttribute: string): boolean {
  if (!COUNTER_NAME.test(classAttribute)) return false;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= COUNTER_TEXT && COUNTER_LINE.test(text);
}
