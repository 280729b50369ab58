// How `paperboy add` shows a page that names several feeds: each on a line, numbered from 1 as
// `--pick N` takes them, its title, its address, and what sets it apart from the rest (comments,
// a podcast's audio or video, one subscribed to already, the one picked without --pick).
import type { FeedCandidate, FeedChoice } from '../../shared/types';

/** The list, headed by the address typed. */
export function choiceLines(address: string, choice: FeedChoice): string[] {
  return [
    `${address} names ${choice.candidates.length} feeds:`,
    ...choice.candidates.map((feed, index) => {
      const notes = [...kindNotes(feed), ...(feed.subscribed ? ['subscribed'] : []), ...(index === choice.defaultIndex ? ['the default'] : [])];
      return `  ${index + 1}. ${feed.title} <${feed.url}>${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    }),
  ];
}

/** What the feed holds, when it is not a site's articles. */
function kindNotes(feed: FeedCandidate): string[] {
  return feed.kind === 'articles' ? [] : [feed.kind];
}

/** Why --pick N (above 1) has nothing to pick from: the address leads to one feed. */
export function onlyOneFeed(address: string, pick: number, feed: FeedCandidate): string {
  return `${address} names one feed, "${feed.title}" <${feed.url}>, so --pick ${pick} does not apply; nothing was subscribed to (run add without --pick to subscribe to it)`;
}

/** Why --pick N names no feed of the list. */
export function noSuchPick(pick: number, choice: FeedChoice): string {
  return `there is no feed ${pick} in that list: pick a number from 1 to ${choice.candidates.length}`;
}
