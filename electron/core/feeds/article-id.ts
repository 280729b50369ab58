// Technote: how an article is identified, and when it counts as updated.
//
// Unique id: what the feed says identifies the item, tried in this fixed order:
//   1. the guid (RSS <guid>, RDF rdf:about, Atom <id>, JSON Feed id), when non-empty;
//   2. 'link:' + the absolute link, when no other guid-less item of the same document has it;
//   3. 'link+hash:' + hex sha256 of  link '\n' title '\n' publishedAt-as-ISO-8601-or-'', when the
//      link repeats (some generators give every item the site's front page or a category page
//      as its link: taken alone, three different stories would be kept as one);
//   4. 'hash:' + hex sha256 of  title '\n' publishedAt-as-ISO-8601-or-'' '\n' the first 200
//      characters of the plain text of contentHtml, else of summaryHtml.
// The prefixes keep the kinds apart. Rule 3 applies only to feeds with the repeat, so the ids
// of every other feed's articles are what they were before the rule existed. Changing this order or the hashed text re-identifies
// every stored article (they would all come back as new), so treat it as a storage format.
//
// Article id: hex sha256(feedId '\0' uniqueId), first 32 hex characters (128 bits). Per feed,
// because two feeds may carry the same guid (a site's main feed and a category feed) and each
// subscription keeps its own read state. Stable across runs and machines.
//
// Within one feed document, items whose unique ids repeat are dropped after the first (parse.ts):
// feeds list newest first, and storing both would make one overwrite the other in the same sync.
//
// Comment id: hex sha256(articleId '\0' the comment's unique id, by the same rules as an item's),
// first 32 hex characters. Per article, like article ids are per feed.
//
// Fingerprint: hash of the fields whose change makes a stored article 'updated' - title, link,
// author, contentHtml, summaryHtml and updatedAt. publishedAt is left out: some generators stamp
// every item with the time the feed was built, which would mark every article updated on every
// sync; a real edit shows in the text or in updatedAt. Comment counts are left out for the same
// reason (they change without the article changing).
//   v2 (now): 'v2:' + hex sha256 of each of title, link, author, contentHtml and summaryHtml as
//   its length in UTF-16 units, ':' and itself ('-' when absent), then updatedAt ('-' when absent).
//   The fields go into the hash one by one, as they are.
//   v1 (before 2026-12): hex sha256 of the JSON array of the same fields. Building that JSON
//   copied every item's HTML with its quotes escaped: a quarter of what parsing a feed allocated,
//   and 5% of a cold feeds-only sync. A stored v1 fingerprint cannot be compared with a v2 one, so
//   the first sync that meets one records the v2 one in its place and counts no edit
//   (storage/articles-repo.ts): an edit published just before that sync shows at its next change.
import { createHash } from 'node:crypto';
import type { ParsedItem } from './parsed';
import { htmlToText } from './text';

const HASHED_TEXT_LENGTH = 200;

export function uniqueIdOf(item: ParsedItem): string {
  if (item.guid) return item.guid;
  const date = item.publishedAt === null ? '' : new Date(item.publishedAt).toISOString();
  if (item.link) return item.sharedLink ? `link+hash:${sha256(`${item.link}\n${item.title}\n${date}`)}` : `link:${item.link}`;
  const body = htmlToText(item.contentHtml ?? item.summaryHtml ?? '').slice(0, HASHED_TEXT_LENGTH);
  return `hash:${sha256(`${item.title}\n${date}\n${body}`)}`;
}

export function articleIdOf(feedId: number, uniqueId: string): string {
  return sha256(`${feedId}\0${uniqueId}`).slice(0, 32);
}

export function commentIdOf(articleId: string, commentUniqueId: string): string {
  return sha256(`${articleId}\0${commentUniqueId}`).slice(0, 32);
}

export function itemFingerprint(item: ParsedItem): string {
  const hash = createHash('sha256');
  for (const field of [item.title, item.link, item.author, item.contentHtml, item.summaryHtml]) {
    if (field === null) hash.update('-');
    else hash.update(`${field.length}:`).update(field, 'utf8');
  }
  hash.update(item.updatedAt === null ? '-' : String(item.updatedAt));
  return `${FINGERPRINT_PREFIX}${hash.digest('hex')}`;
}

const FINGERPRINT_PREFIX = 'v2:';
const V1_FINGERPRINT = /^[0-9a-f]{64}$/;

/** Whether a stored fingerprint was made the v1 way, and so says nothing about whether the item changed since. */
export function isV1Fingerprint(stored: string): boolean {
  return V1_FINGERPRINT.test(stored);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
