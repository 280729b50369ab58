// Technote: how an article is identified, and when it counts as updated.
//
// Unique id: what the feed says identifies the item, tried in this fixed order:
//   1. the guid (RSS <guid>, RDF rdf:about, Atom <id>, JSON Feed id), when non-empty and not
//      shared with an item of another link in the same document (parse.ts drops such a guid:
//      some generators give every item the site's address as its guid, and each story
//      overwrote the last; the link tells them apart);
//   2. 'link:' + the absolute link, when no other guid-less item of the same document has it;
//   3. 'link+hash:' + hex sha256 of  link '\n' title '\n' publishedAt-as-ISO-8601-or-'', when the
//      link repeats (some generators give every item the site's front page or a category page
//      as its link: taken alone, three different stories would be kept as one);
//   4. 'hash:' + hex sha256 of  title '\n' publishedAt-as-ISO-8601-or-'' '\n' the first 200
//      characters of the plain text of contentHtml, else of summaryHtml.
// The link of rules 2 and 3 is taken without its tracking parameters (utm_*, fbclid, mc_eid...:
// the list and where it comes from are in item-link.ts): some feeds stamp every link with a
// campaign id that changes on every fetch, and each fetch brought every item back as new. A
// link without such parameters is used as it is, byte for byte.
// A guid or link that is a search engine's click-through link (Bing News's apiclick.aspx, Google
// Alerts' google.com/url, Google News's article links of before mid-2024: redirect-links.ts) is
// read as the article address it carries, before any rule here (parsed.ts): its tracking values
// change on every fetch.
// The title of rules 3 and 4, and of the fingerprint, is the feed's; an untitled post's is the
// opening of its text cut at 80 characters at a word, as it was listed before its listed title
// became its first sentence (untitled-title.ts): see identityTitle.
// The prefixes keep the kinds apart. Rule 3 applies only to feeds with the repeat, so the ids
// of every other feed's articles are what they were before the rule existed. Changing this order or the hashed text re-identifies
// every stored article (they would all come back as new), so treat it as a storage format.
//
// Same article, new unique id: before an item whose unique id is not stored is added as new,
// storage (storage/articles-repo.ts, upsertFeedItems) looks among the same feed's articles for
// the one it is: the stored unique id, else the same link (compared by comparableLink: without
// the scheme and tracking parameters, a click-through link as the address it carries), the same title and the same publication date (or both
// undated; items sharing one date are listed up to MAX_FEED_ITEMS ms apart to keep the feed's
// order, and that place counts as the date). An item with neither guid nor link (rule 4) is
// looked for by its title and date alone, when it has both: an edit to its first words changed
// its hash. An undated one is not: a feed listing only its latest "Ferry status" would have each
// replace the last. A guid that numbers the item's revisions after a '#' (the BBC's
// .../articles/c4ngk0d2dz1o#0, then #1 with a new headline or date) finds the stored article
// whose guid differs only by that number, when the link is the same. That article keeps its id, read and starred state;
// it takes the item's unique id, and its fingerprint is compared as usual. It covers feeds whose
// guids change without their posts changing (a move to another CMS, guids going from http:// to
// https://), and the items stored before tracking parameters were left out of ids. A story
// re-posted with the same link and title on another day stays a story of its own.
//
// Article id: hex sha256(feedId '\0' uniqueId), first 32 hex characters (128 bits). Per feed,
// because two feeds may carry the same guid (a site's main feed and a category feed) and each
// subscription keeps its own read state. Stable across runs and machines. An article matched
// under a new unique id (above) keeps the id it was stored with.
//
// Within one feed document, items whose unique ids repeat are dropped after the first (parse.ts):
// feeds list newest first, and storing both would make one overwrite the other in the same sync.
//
// Comment id: hex sha256(articleId '\0' the comment's unique id, by the same rules as an item's),
// first 32 hex characters. Per article, like article ids are per feed.
//
// Fingerprint: hash of the fields whose change makes a stored article 'updated': what the story
// says, its title, contentHtml and summaryHtml. publishedAt is left out: some generators stamp every item
// with the time the feed was built, which would mark every article updated on every sync. For the
// same reason a moved date alone is not stored (those articles would all jump to the top at every
// sync); an edited item's date is.
// updatedAt is left out too (since v3): YouTube's channel feeds move every entry's <updated> on
// every fetch (view counts), and a real edit shows in the text. Comment counts are left out for
// the same reason (they change without the article changing).
// The author and the link are left out since v4: they are what Paperboy's rules read from the
// feed's forms ('jo@example.com (Jo Doe)', '/u/name', a link escaped twice, a relative permalink
// guid), which change with those rules more often than a feed changes a story's byline or
// address; hashed, each new rule brought every item it reads differently back as updated (dated
// anew, its page fetched again) at the sync after an upgrade, with no word of it changed. A new
// author or link alone is stored without counting as an edit (storage/articles-repo.ts,
// recordUnedited); a retitled or rewritten story still counts. A rule that reads titles or
// bodies differently changes the fingerprint of the items it touches: it bumps the version, so
// the first sync after the upgrade records the new fingerprints and counts no edit.
//   v4 (now): 'v4:' + hex sha256 of each of title, contentHtml and summaryHtml as its length in
//   UTF-16 units, ':' and itself ('-' when absent). The fields go into the hash one by one, as they are.
//   v3 (December 2026, until v4): 'v3:' + the same over title, comparableLink(link), author,
//   contentHtml and summaryHtml.
//   v2 (December 2026, until v3): 'v2:' + the same as v3 over the whole link, then updatedAt ('-' when absent).
//   v1 (before 2026-12): hex sha256 of the JSON array of title, link, author, contentHtml,
//   summaryHtml and updatedAt. Building that JSON copied every item's HTML with its quotes
//   escaped: a quarter of what parsing a feed allocated, and 5% of a cold feeds-only sync.
// A stored fingerprint of another version cannot be compared with a v4 one, so the first sync that meets one
// records the v4 one in its place and counts no edit (storage/articles-repo.ts): an edit published
// just before that sync shows at its next change.
import { createHash, hash as oneShotHash } from 'node:crypto';
import { bodyTextOf, type ParsedItem } from './parsed';
import { withoutTrackingParameters } from './item-link';
import { displayText, firstImageAlt } from './text';
import { formerUntitledTitle } from './untitled-title';

const HASHED_TEXT_LENGTH = 200;

export function uniqueIdOf(item: ParsedItem): string {
  if (item.guid) return item.guid;
  const date = item.publishedAt === null ? '' : new Date(item.publishedAt).toISOString();
  if (item.link) {
    const link = withoutTrackingParameters(item.link);
    return item.sharedLink ? `link+hash:${sha256(`${link}\n${identityTitle(item)}\n${date}`)}` : `link:${link}`;
  }
  const body = bodyTextOf(item).slice(0, HASHED_TEXT_LENGTH);
  return `hash:${sha256(`${identityTitle(item)}\n${date}\n${body}`)}`;
}

export function articleIdOf(feedId: number, uniqueId: string): string {
  return sha256(`${feedId}\0${uniqueId}`).slice(0, 32);
}

export function commentIdOf(articleId: string, commentUniqueId: string): string {
  return sha256(`${articleId}\0${commentUniqueId}`).slice(0, 32);
}

export function itemFingerprint(item: ParsedItem): string {
  const hash = createHash('sha256');
  for (const field of [identityTitle(item), item.contentHtml, item.summaryHtml]) {
    if (field === null) hash.update('-');
    else hash.update(`${field.length}:`).update(field, 'utf8');
  }
  return `${FINGERPRINT_PREFIX}${hash.digest('hex')}`;
}

/**
 * The title ids and fingerprints hash: the item's own, or for an untitled post the opening cut it
 * was listed under before its title became its first sentence (untitled-title.ts). Hashing the new
 * title would have brought every stored untitled post back as edited (its fingerprint) or, with
 * neither guid nor link, as a new article (rule 4); its text is hashed anyway, so the cut tells
 * nothing the fingerprint lacks.
 */
function identityTitle(item: ParsedItem): string {
  const body = item.contentHtml ?? item.summaryHtml;
  if (!item.untitled || !body) return item.title;
  return displayText(formerUntitledTitle(bodyTextOf(item) || firstImageAlt(body))) || 'Untitled';
}

/** The version of the fingerprint rules, stored with each fingerprint. test/feeds/fingerprint-version.test.ts
 *  fails when the corpus's fingerprints change under the same version: a rule that reads titles or bodies
 *  differently must come with a new one. */
export const FINGERPRINT_PREFIX = 'v4:';

/** A fingerprint as a release made it: a SHA-256 in hex, after its version's prefix (none for v1). */
const MADE_FINGERPRINT = /^(?:v\d+:)?[0-9a-f]{64}$/;

/**
 * Whether a stored fingerprint was made another way than this release's (v1, v2, v3, or a later
 * release's before a downgrade), and so says nothing about whether the item changed since. Any
 * fingerprint of that shape without the current prefix is: a bump of FINGERPRINT_PREFIX is all a
 * new version takes. It was a list of the earlier prefixes, which each bump had to extend: one that
 * forgot would have brought every stored article back as edited at the first sync after the upgrade.
 */
export function isOlderFingerprint(stored: string): boolean {
  return !stored.startsWith(FINGERPRINT_PREFIX) && MADE_FINGERPRINT.test(stored);
}

/** crypto.hash, not a Hash object: the same digest without the object's set-up, which was most of
 *  the cost of an article id (a cold sync makes 5,000; createHash took some 3 times as long). */
function sha256(text: string): string {
  return oneShotHash('sha256', text, 'hex');
}
