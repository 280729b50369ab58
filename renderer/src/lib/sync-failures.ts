// What a sync's failures say to a person: one short reason per feed. Whether the whole network
// was missing is the core's to say (SyncSummary.stopped, sync/network-stop.ts): a guess here from
// the reasons took one site's server being down, its feeds all refused, for the computer offline.
import type { FeedId } from '../../../shared/types';

export interface FeedFailure {
  readonly feedId: FeedId;
  readonly reason: string;
}

/** Two lines of the list's reason column at its narrowest (a 900 px window, 13 px text): what a
 *  reason says to do, at its end, is said whole ("...: add the site's address to find where it is
 *  now"). At 90 the list cut that advice to "add the site's address to find…", on a wide screen too. */
const MAX_REASON = 160;

/**
 * The reason without the address it concerns (the feed is named beside it), in one line. A host
 * the sync had already given up on reads "example.com unreachable (connection refused): ...": its
 * reason is the one in parentheses, with what to do after it. A reason says its first clause (the
 * core's reasons go on after a semicolon with what is kept: "...(HTTP 200); the articles already
 * here are kept"), and one longer than the limit its words up to it: cut at a letter, it read "the articles already h…".
 * The whole reason is in the feed's Details.
 */
export function shortReason(reason: string): string {
  const first = reason.split('\n')[0]!.replace(/^(GET |HEAD )?https?:\/\/\S+?:\s+/i, '').trim();
  const skipped = /^\S+ unreachable \((.+?)\)(: .+)?$/.exec(first);
  const line = skipped ? skipped[1]! + (skipped[2] ?? '') : first;
  const clause = line.indexOf('; ');
  const said = clause > 0 ? line.slice(0, clause) : line;
  const text = said.charAt(0).toUpperCase() + said.slice(1);
  if (text.length <= MAX_REASON) return text;
  const space = text.lastIndexOf(' ', MAX_REASON - 1);
  return `${(space > 0 ? text.slice(0, space) : text.slice(0, MAX_REASON - 1)).replace(/[,:;(]+$/, '')}…`;
}
