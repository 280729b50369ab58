// The lines big English-language newsrooms' CMSs put between a story's paragraphs that point away
// from it, and that Readability keeps for standing in the story's block: a call to get the site's
// app or newsletter ("CLICK HERE TO GET THE FOX NEWS APP", "SIGN UP FOR OUR NEWSLETTER"), another
// story's headline set in capitals as a link of its own (Fox News', the New York Post's, the Daily
// Mail's US pages), and the site's word that it earns from the links in the text ("If you buy
// something using links in our stories, we may earn a commission", Condé Nast's, Future's,
// Hearst's). Each is told by its shape and words, never by a site's class names: the same lines
// come from many CMSs. Asked of every <p> of a page, so a cheap test of the first
// letters comes first.
import { firstText, holdsMoreTextThan, linkedLength, textLength } from './page-walk';

/** A promo is a line: a paragraph of the story says more. */
const PROMO_TEXT = 160;
/** How a call to the reader opens: an imperative, as newsrooms write them (often in capitals). */
const CALL_OPENING = /^\s*(?:click|tap|sign up|subscribe|download|get (?:the|our)|listen to (?:the|our)|follow (?:us|the|our))\b/i;
/** …and what it calls for: the site's app, its newsletters and alerts, its podcast or channel, more
 *  of its news. Not "here" alone: "Click here to read the full report" is the writer's link. */
const CALL_OBJECT = /\b(?:app|newsletters?|alerts?|podcasts?|channel|updates|top (?:stories|headlines)|latest news|more\b[^.]{0,40}\bnews)\b/i;
/** Most of its words are a link: the call is the link's label. */
const CALL_LINK_SHARE = 0.5;

/** A line that calls the reader to the site's app, newsletter or channel (CALL_OPENING, CALL_OBJECT). */
function isCallToAction(element: Element, first: string): boolean {
  if (!CALL_OPENING.test(first) || holdsMoreTextThan(element, PROMO_TEXT)) return false;
  const text = element.textContent ?? '';
  if (!CALL_OBJECT.test(text)) return false;
  return linkedLength(element) >= textLength(element) * CALL_LINK_SHARE;
}

/** Another story's headline is a few words at least: "MORE NEWS" alone is a label. */
const HEADLINE_WORDS = 4;
/** Letters that have a case, none of them lower: a line set in capitals. */
const LOWER_CASE = /\p{Ll}/u;
const CASED_LETTER = /\p{Lu}/u;
/** The inline elements such a line wraps its link in (<p><strong><a>…</a></strong></p>). */
const EMPHASIS = new Set(['strong', 'b', 'em', 'i', 'span']);

/** A paragraph whose whole text is one link to another page of the same site, in capitals: another
 *  story's headline. A story's own sentence is never set in capitals and linked whole; a link in it
 *  is a part of a sentence; a shopping list's product in capitals links to a shop elsewhere. */
function isCapitalsHeadlineLink(paragraph: Element): boolean {
  if (paragraph.localName !== 'p' || holdsMoreTextThan(paragraph, PROMO_TEXT)) return false;
  let inner: Element = paragraph;
  while (inner.children.length === 1 && inner.localName !== 'a' && (inner === paragraph || EMPHASIS.has(inner.localName))) inner = inner.children[0]!;
  if (inner.localName !== 'a' || !onThisSite(inner.getAttribute('href') ?? '', paragraph.ownerDocument)) return false;
  const text = (paragraph.textContent ?? '').trim();
  if (text !== (inner.textContent ?? '').trim()) return false;
  return !LOWER_CASE.test(text) && CASED_LETTER.test(text) && text.split(/\s+/).length >= HEADLINE_WORDS;
}

/** Whether a link leads to another page of the page's own site: a path ("/health/…"), or an address
 *  on the host of the page's canonical address or og:url (or a subdomain of it, or it of one). */
function onThisSite(href: string, doc: Document): boolean {
  if (/^\/(?!\/)/.test(href)) return true;
  const host = hostOf(href);
  const own = siteHost(doc);
  return host !== null && own !== null && (host === own || host.endsWith(`.${own}`) || own.endsWith(`.${host}`));
}

function hostOf(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The page's own host, read once per page: a page has few such links, and a walk finds them. */
const SITE_HOSTS = new WeakMap<Document, string | null>();

function siteHost(doc: Document): string | null {
  if (!SITE_HOSTS.has(doc)) {
    const declared = doc.querySelector('link[rel="canonical"][href], meta[property="og:url"][content]');
    SITE_HOSTS.set(doc, hostOf(declared?.getAttribute('href') ?? declared?.getAttribute('content') ?? ''));
  }
  return SITE_HOSTS.get(doc)!;
}

/** The site's word about what it earns from the links in its text: short, in its own voice
 *  ("we", "us", "our"), and about commissions or affiliate links. */
const DISCLOSURE_TEXT = 320;
const DISCLOSURE_OPENING = /^\s*(?:if|when|we|this|our|as|products?|items?|everything|all)\b/i;
// The site by "we" or by its name in capitals ("Vox Media may earn a commission"): case matters.
const EARNS_FROM_LINKS =
  /\b(?:[Ww]e|[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,2}) (?:may |might |could |will )?(?:earn|receive|get|make|collect)s? (?:an? )?(?:small )?(?:share of (?:the )?(?:sales?|revenue)|(?:affiliate )?commissions?|portion of (?:the )?sales?|compensation)\b|\b(?:[Cc]ontains?|[Ii]ncludes?|[Uu]ses?) affiliate links?\b/;
const LINKS_OR_BUYING = /\blinks?\b|\bbuy|\bpurchas|\bshop/i;

function isAffiliateDisclosure(element: Element, first: string): boolean {
  if (!DISCLOSURE_OPENING.test(first) || holdsMoreTextThan(element, DISCLOSURE_TEXT)) return false;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ');
  return EARNS_FROM_LINKS.test(text) && LINKS_OR_BUYING.test(text);
}

/** A <p> that is one of the lines above: the site's, not the story's. */
export function isInlinePromo(element: Element): boolean {
  const first = firstText(element);
  if (first === null) return false;
  return isCallToAction(element, first) || isCapitalsHeadlineLink(element) || isAffiliateDisclosure(element, first);
}
