// Feed autodiscovery: from whatever the user typed (a feed, a site, any page of a site) to a feed.
// The HTTP client is injected (FetchText) so that this stays plain logic, testable without it.
//
// Order: on a platform whose addresses name their feed (a YouTube channel, a subreddit, a GitHub
// repository: platform-feeds.ts), that feed; the address itself; if it is an HTML page, its <link
// rel="alternate"> feeds in page order (a feed type; old sites' text/xml or application/xml; no type
// and a feed's look: each is fetched and parsed before it counts), or when it has none but comment
// feeds the feed-looking <a> links of its body (some sites link their feed only there); a YouTube
// page's channel feed; then the feed files of the folder the address starts in (a site at
// example.com/blog/) and common feed paths on the site's origin; last the page's comment feeds
// (an article page of a theme that dropped the site's feed links names only its own comments: the
// person wants the site, and gets its comments only when the site has no other feed). A comment
// feed's own address, typed, is taken as it is.
//
// The address subscribed to is the one that led to the feed, unless every redirect on the way said
// the move is for good (FetchText's stableUrl), as the sync decides. When the address itself cannot be
// fetched we stop there: guessing paths on a host that does not answer only multiplies the
// waiting, and "could not be reached" says more than "no feed found" (when no answer came at all:
// an answer cut short or undecodable is reported with what went wrong). We stop too when it answered
// with a feed (by its content or its Content-Type) that does not parse: the person chose that
// address, and its error is the answer, not another feed of the same site.
//
// A name and password typed in the address (https://name:password@host/feed, HTTP Basic) are never
// repeated in what discovery says: its messages and the addresses it lists show the password as ***.
import type * as Linkedom from 'linkedom';
import { lazyModule } from '../system/lazy-module';
import { HttpError, withReadableHosts } from '../http';
import { feedShownAsText } from './feed-in-pre';
import { parseFeed, sniffFeed } from './parse';
import type { ParsedFeed } from './parsed';
import { withoutTrackingParameters } from './item-link';
import { FEED_TYPES, baseUrl, mediaType, pageFeedLinks, type PageFeedLinks } from './page-feed-links';
import { botCheckRefusal, pageInsteadOfFeed } from './page-instead-of-feed';
import { consentWall, platformFeedsOf, youtubeFeedOfPage } from './platform-feeds';
import { absoluteHttpUrl } from './text';
import { withoutLogin, withoutPasswords } from '../../../shared/address-login';
import { errorMessage } from '../../../shared/error-message';
import type { ApiErrorCode } from '../../../shared/wire';

const linkedom = lazyModule<typeof Linkedom>('linkedom');

/**
 * Fetches an address; `url` is the final one after redirects (the base of the page's links), and
 * `stableUrl` the one to keep asking: `url` when every redirect on the way was permanent (301, 308),
 * else the address asked for, since a temporary redirect's target (a signed CDN address) lapses.
 * Throws an Error with a readable message. `validators` describe the answer as the sync would
 * keep them (its ETag, Last-Modified and the hash of its bytes), when the fetcher knows them.
 */
export type FetchText = (
  url: string,
  kind: 'feed' | 'page',
) => Promise<{ url: string; stableUrl: string; text: string; contentType: string | null; validators?: FeedValidators }>;

/** What the sync's next conditional request needs of a feed's answer (storage FetchState). */
export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly bodyHash: string;
}

export interface Discovery {
  /** The address to subscribe to: the feed's final one when it moved for good, else the one that led to it. */
  readonly feedUrl: string;
  /** Where the feed was fetched from in the end (after any redirect): another name for the same feed. */
  readonly fetchedFrom: string;
  readonly feedText: string;
  /** The feed's answer as the sync keeps it, so that the first sync need not fetch it in full again; null when unknown. */
  readonly validators: FeedValidators | null;
  readonly parsed: ParsedFeed;
  readonly siteUrl: string | null;
  /** Absolute icon addresses from the site page's <link> elements, then /favicon.ico. */
  readonly iconCandidates: readonly string[];
  /** Addresses looked at before the feed was found, in order (passwords shown as ***). */
  readonly tried: readonly string[];
  /** The address the feed was asked for, before any redirect: the typed one, a platform's feed, a page's link or a guess. */
  readonly askedAt: string;
  /**
   * When the feed was found through a page: the feeds the page names that discovery did not find
   * wanting (the one it took, those after it), its site's in the order tried, then its comment
   * feeds. What Add feed may offer beside the feed taken (subscriptions/feed-choice.ts). Empty when
   * no page was read: a typed feed or a platform's is what the person asked for.
   */
  readonly pageFeeds: readonly PageFeed[];
}

/** A feed a page names, with what the page calls it. */
export interface PageFeed {
  readonly url: string;
  /** The link's title or text; '' when the page gives none. */
  readonly label: string;
  readonly comments: boolean;
}

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  /** Nothing to subscribe to at that address: the person's input, not our failure. */
  readonly code: ApiErrorCode = 'refused';
  constructor(
    message: string,
    readonly tried: readonly string[],
  ) {
    super(message);
  }
}

const ICON_RELS = new Set(['icon', 'apple-touch-icon', 'apple-touch-icon-precomposed']);
const COMMON_PATHS = ['/feed', '/rss', '/atom.xml', '/?feed=rss2', '/feed.xml', '/rss.xml', '/index.xml'];
/**
 * Where a site kept in a folder of its host (example.com/blog/, a GitHub Pages project at
 * name.github.io/project/) has its feed when its pages do not link it: the files static site
 * generators write beside its index (Hugo's index.xml, Jekyll's feed.xml, atom.xml, rss.xml).
 */
const SECTION_FEEDS = ['index.xml', 'feed.xml', 'atom.xml', 'rss.xml'];

type Fetched = Awaited<ReturnType<FetchText>>;
interface Attempt {
  readonly url: string;
  readonly reason: string;
}

export async function discoverFeed(inputUrl: string, fetchText: FetchText): Promise<Discovery> {
  const typed = normaliseInput(inputUrl);
  // Typed without a scheme, an address is tried over https first and, when https gets no answer
  // at all (nothing listens on 443, a TLS handshake that fails), over plain http, as browsers do.
  const plain = typed.schemeGuessed ? typed.url.replace(/^https:/, 'http:') : null;
  let start = typed.url;
  const attempts: Attempt[] = [];
  const fail = () =>
    refusal(
      `No feed found at ${start}. Tried: ${attempts.map((a) => `${a.url} (${a.reason})`).join(', ')}`,
      attempts.map((a) => a.url),
    );

  // A platform's address whose shape names its feed (a YouTube channel, a subreddit, a GitHub
  // repository: platform-feeds.ts) is asked for that feed first: its page may be a consent wall or
  // refuse us, and the feed answers either way. When it fails, the page is read as any other.
  const platformFeeds = platformFeedsOf(start).filter((url) => url !== start);
  const platformFound = await firstPlatformFeed(platformFeeds, attempts, fetchText);
  if (platformFound !== null) return platformFound;

  let first: Fetched;
  try {
    first = await fetchText(start, 'feed').catch((error: unknown) => {
      if (plain === null || !neverAnswered(error)) throw error;
      start = plain;
      return fetchText(plain, 'feed');
    });
  } catch (error) {
    if (neverAnswered(error)) {
      throw refusal(`${start} could not be reached: ${errorMessage(error)}`, [start]);
    }
    // A firewall's check for robots is no login to give: its own words say what to do.
    const check = botCheckRefusal(error);
    if (check !== null) throw refusal(`No feed found at ${start} (${errorMessage(error)}): ${check}`, [start]);
    const login = loginAdvice(start, error);
    if (login !== null) throw new DiscoveryError(withReadableHosts(login), [shown(start)]);
    attempts.push({ url: start, reason: errorMessage(error) });
    throw fail();
  }
  const kind = sniffFeed(first.text);
  const isHtml = kind === 'html' || (kind === null && /html/i.test(first.contentType ?? ''));
  // A page that shows a feed as text and nothing else is that feed, wrapped (feed-in-pre.ts).
  if (!isHtml || (kind === 'html' && feedShownAsText(first.text)?.alone === true)) {
    try {
      return await found(first, await parseFeed(first.text, first.url), null, attempts, fetchText, start);
    } catch (error) {
      attempts.push({ url: start, reason: errorMessage(error) });
      // A feed that does not parse is the answer: its error says more than guessed paths would, and
      // a guessed path may be another feed of the site (its comments, one category), subscribed
      // to in its place without a word.
      if (kind !== null || FEED_TYPES.has(mediaType(first.contentType))) throw fail();
    }
  }

  const page = isHtml ? { url: first.url, document: linkedom().parseHTML(first.text).document } : null;
  // A page in front of the whole site (a check for robots, a login page, a parked domain) stands
  // at every address guessed after it: what it is says more than seven of it tried in turn.
  const standIn = page ? pageInsteadOfFeed(first.text, page.document) : null;
  if (standIn !== null) throw refusal(`No feed found at ${start}: ${standIn}`, [start]);
  const consent = consentWall(first.url, start);
  if (consent !== null) throw refusal(consent, [...attempts.map((a) => a.url), start]);
  const links: PageFeedLinks = page ? pageFeedLinks(page.document, page.url) : { site: [], comments: [], labels: new Map() };
  // A YouTube page without a feed link (a video's, a handle's) names its channel, whose feed it is.
  const channelFeed = page && links.site.length === 0 ? youtubeFeedOfPage(page.url, page.document, first.text) : null;
  const linked = links.site.length + links.comments.length;
  if (page) attempts.push({ url: start, reason: linked ? `HTML page with ${linked} feed link(s)` : 'HTML page without feed links' });
  const looked = new Set([start, first.url, ...platformFeeds]);
  const origin = new URL(first.url).origin;
  const guesses = [...sectionFeeds(first.url), ...COMMON_PATHS.map((path) => origin + path)];
  for (const candidate of [...links.site, ...(channelFeed === null ? [] : [channelFeed]), ...guesses, ...links.comments]) {
    if (looked.has(candidate)) continue;
    looked.add(candidate);
    try {
      const response = await fetchText(candidate, 'feed');
      const parsed = await parseFeed(response.text, response.url);
      // The page's links found wanting are the attempts before this one; those not reached yet stay on offer.
      const wanting = new Set([...attempts.map((attempt) => attempt.url), ...platformFeeds, first.url]);
      const pageFeeds = [...links.site, ...links.comments]
        .filter((url) => url === candidate || !wanting.has(url))
        .map((url) => ({ url, label: links.labels.get(url) ?? '', comments: !links.site.includes(url) }));
      return await found(response, parsed, page, attempts, fetchText, candidate, pageFeeds);
    } catch (error) {
      attempts.push({ url: candidate, reason: errorMessage(error) });
    }
  }
  throw fail();
}

/**
 * The first of a platform's feeds for an address that parses and has items (a repository that
 * publishes no releases has an empty releases.atom, and its tags in tags.atom), else the first
 * that parses, empty; null when none does (each failure is noted in `attempts`).
 */
async function firstPlatformFeed(urls: readonly string[], attempts: Attempt[], fetchText: FetchText): Promise<Discovery | null> {
  let empty: { url: string; response: Fetched; parsed: ParsedFeed } | null = null;
  for (const url of urls) {
    try {
      const response = await fetchText(url, 'feed');
      const parsed = await parseFeed(response.text, response.url);
      if (parsed.items.length > 0) return await found(response, parsed, null, attempts, fetchText, url);
      empty ??= { url, response, parsed };
      attempts.push({ url, reason: 'a feed with nothing in it yet' });
    } catch (error) {
      attempts.push({ url, reason: errorMessage(error) });
    }
  }
  return empty && (await found(empty.response, empty.parsed, null, attempts, fetchText, empty.url));
}

/** The section feeds of the folder a page's address starts with (its first segment, when it is no file), else none. */
function sectionFeeds(pageUrl: string): string[] {
  const { origin, pathname } = new URL(pageUrl);
  const folder = /^\/([^/.]+)(?:\/|$)/.exec(pathname)?.[1];
  return folder === undefined ? [] : SECTION_FEEDS.map((file) => `${origin}/${folder}/${file}`);
}

/** Quoting addresses and the errors of fetching them (a redirect loop names its address), without their passwords. */
function refusal(message: string, tried: readonly string[]): DiscoveryError {
  return new DiscoveryError(shown(message), tried.map(shown));
}

/**
 * An address, or a message quoting some, as the person may see it: without passwords, and with
 * each host in the letters it was typed in (bücher.example, not the xn--bcher-kva.example the URL
 * parser made of it), as the sync's messages name hosts (http/readable-host.ts).
 */
function shown(text: string): string {
  return withReadableHosts(withoutPasswords(text));
}

/**
 * What to say when the address itself asks for a login (401) or refuses us (403, which private feeds
 * answer too): "no feed found" would send the person looking elsewhere. Paperboy logs in with the
 * name and password written in the address (HTTP Basic), as feed readers have always taken them.
 */
function loginAdvice(url: string, error: unknown): string | null {
  if (!(error instanceof HttpError) || (error.status !== 401 && error.status !== 403)) return null;
  const address = new URL(withoutLogin(url));
  const typedLogin = new URL(url).username !== '';
  const what = `${address.href} ${error.status === 401 ? 'needs a login' : 'refused access; it may need a login'} (${errorMessage(error)})`;
  if (typedLogin) return `${what}: the name and password in the address were not accepted.`;
  address.username = 'user';
  address.password = 'password';
  return `${what}. With an account there, add it with your name and password in the address: ${address.href}`;
}

/**
 * Whether the fetch failed before any answer came (no address in DNS, a refusal, no connection or
 * no response in time, a failed TLS handshake, a reset before the first byte): only then is
 * "could not be reached" true. A 'network' error without a system code came with the answer (a
 * body cut short, a compression that does not inflate), and an HTTP parser's (HPE_) is an answer
 * that is not HTTP; 'timeout' is the whole exchange's limit, reached after the headers came (the
 * wait for them is 'no-response').
 */
function neverAnswered(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  if (error.kind === 'connect-timeout' || error.kind === 'no-response') return true;
  return error.kind === 'network' && error.errorCode !== null && !error.errorCode.startsWith('HPE_');
}

async function found(
  feed: Fetched,
  parsed: ParsedFeed,
  page: { url: string; document: Document } | null,
  attempts: readonly Attempt[],
  fetchText: FetchText,
  askedAt: string,
  pageFeeds: readonly PageFeed[] = [],
): Promise<Discovery> {
  const siteUrl = parsed.siteUrl ?? page?.url ?? null;
  return Object.freeze({
    feedUrl: feed.stableUrl,
    fetchedFrom: feed.url,
    feedText: feed.text,
    validators: feed.validators ?? null,
    parsed,
    siteUrl,
    iconCandidates: Object.freeze(await iconCandidates(siteUrl, feed.url, page, fetchText)),
    tried: Object.freeze(attempts.map((a) => shown(a.url))),
    askedAt,
    pageFeeds: Object.freeze(pageFeeds.map((feed) => Object.freeze(feed))),
  });
}

/** Icons named by the site page (the page we came through when it is on the same site), then /favicon.ico. */
async function iconCandidates(
  siteUrl: string | null,
  feedUrl: string,
  page: { url: string; document: Document } | null,
  fetchText: FetchText,
): Promise<string[]> {
  const origin = new URL(siteUrl ?? feedUrl).origin;
  let document = page && new URL(page.url).origin === origin ? page : null;
  if (!document && siteUrl) {
    try {
      const response = await fetchText(siteUrl, 'page');
      if (sniffFeed(response.text) === 'html') document = { url: response.url, document: linkedom().parseHTML(response.text).document };
    } catch {
      // Best effort: a site page that does not load still leaves /favicon.ico to try.
    }
  }
  const icons = document ? linksWithRel(document.document, document.url, (rels) => rels.some((r) => ICON_RELS.has(r))) : [];
  return [...new Set([...icons, `${origin}/favicon.ico`])];
}

function linksWithRel(document: Document, pageUrl: string, accept: (rels: string[]) => boolean): string[] {
  const base = baseUrl(document, pageUrl);
  const urls = Array.from(document.querySelectorAll('link[rel][href]')).flatMap((link) => {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const url = accept(rels) ? absoluteHttpUrl(link.getAttribute('href'), base) : null;
    return url ? [url] : [];
  });
  return [...new Set(urls)];
}

/**
 * The feed address typed text stands for, as discovery reads it (a guessed https://, feed: links,
 * no #fragment, no tracking parameters); null when it is none. `sync --feed` matches a
 * subscription by it, as `add` does.
 */
export function typedAddress(input: string): string | null {
  try {
    return withoutTrackingParameters(normaliseInput(input).url);
  } catch (error) {
    if (error instanceof DiscoveryError) return null;
    throw error;
  }
}

/**
 * The schemes of "open in a feed reader" links: feed:, and the podcast apps' itpc: and pcast:
 * (Apple's, still in podcast directories' links and in the lists some podcast apps export)
 * and podcast:. Each stands for the http(s) address after it.
 */
const FEED_SCHEMES = 'feed|itpc|pcast|podcast';
const FEED_SCHEME_BEFORE_HTTP = new RegExp(`^(?:${FEED_SCHEMES}):(?=https?:)`, 'i');
const FEED_SCHEME_SLASHES = new RegExp(`^(?:${FEED_SCHEMES}):\\/\\/`, 'i');

/** feed:https://... and feed://... (and itpc://, pcast://, podcast://) as the http(s) address they stand for; feed:// guesses https. */
export function withoutFeedScheme(address: string): string {
  return address.replace(FEED_SCHEME_BEFORE_HTTP, '').replace(FEED_SCHEME_SLASHES, 'https://');
}

/** Adds https:// when no scheme was typed (schemeGuessed); refuses anything but http(s). */
function normaliseInput(input: string): { readonly url: string; readonly schemeGuessed: boolean } {
  let text = input.trim();
  if (!text) throw new DiscoveryError('Enter the address of a feed or of a site.', []);
  let schemeGuessed = FEED_SCHEME_SLASHES.test(text) || text.startsWith('//');
  text = withoutFeedScheme(text);
  if (text.startsWith('//')) text = `https:${text}`;
  // "localhost:8080/feed" is a host and port, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(text)?.[1];
  if (scheme === undefined) {
    text = `https://${text}`;
    schemeGuessed = true;
  }
  else if (!/^https?$/i.test(scheme)) {
    throw new DiscoveryError(`Only http and https addresses can be subscribed to, not ${scheme.toLowerCase()}: addresses.`, []);
  }
  try {
    const url = new URL(text);
    if (!url.hostname) throw new Error('no host');
    url.hash = '';
    return { url: url.href, schemeGuessed };
  } catch {
    throw new DiscoveryError(`"${input.trim()}" is not a valid web address.`, []);
  }
}
