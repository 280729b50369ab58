// The one place where HTML from the outside world (feed items, extracted pages) is made safe to
// show. An allowlist of text structure: anything not named here goes, scripts and embedded
// documents with their content, harmless wrappers (font, center, form, label...) keeping theirs.
// Media and embedded players or documents are never shown: each becomes a link to what it plays.
// Output is stable: sanitizing it again gives the same string, so stored HTML can be re-run.
import type sanitizeHtml from 'sanitize-html';
import { lazyModule } from '../system/lazy-module';
import { anchorId, inPageHref, withInPageLinksPaired } from './in-page-links';
import { markupTooComplex, textOutsideTags } from './markup-limits';
import { PlainLines } from './plain-lines';
import { type EmbeddedPage, embeddedPage, frameSource, imageSource, isTrackingPixel, linkUrl, parseBase, webUrl } from './urls';

const sanitizer = lazyModule<typeof sanitizeHtml>('sanitize-html');

// The commonest tags of articles first: sanitize-html looks a tag up in this list with indexOf,
// once as it opens and twice for each run of text inside it.
const ALLOWED_TAGS = [
  'p', 'a', 'em', 'strong', 'img', 'li', 'br', 'span', 'div', 'b', 'i', 'figure', 'figcaption', 'h2', 'h3',
  'blockquote', 'ul', 'ol', 'td', 'tr', 'code', 'pre',
  'hr', 'h4', 'h5', 'h6', 'q', 'cite', 'kbd', 'samp',
  'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'dfn', 'time',
  'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'th', 'caption', 'colgroup', 'col',
  'section', 'article', 'aside', 'header', 'footer', 'details', 'summary',
  'bdi', 'bdo', 'ruby', 'rt', 'rp',
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  // id: prefixed, for the article's own links to it (in-page-links.ts).
  '*': ['lang', 'dir', 'id'],
  a: ['href', 'title', 'rel'],
  img: ['src', 'data-original-src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  abbr: ['title'],
};

// Values we keep only in their plain forms, so nothing odd reaches the reader's layout.
// A Map, not an object: attribute names come from strangers' HTML, and <p constructor="x"> must
// not find Object's constructor here (it threw, and took the whole feed's items with it).
const VALID_VALUES: ReadonlyMap<string, RegExp> = new Map(Object.entries({
  lang: /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i,
  dir: /^(?:ltr|rtl|auto)$/i,
  width: /^\d{1,5}$/,
  height: /^\d{1,5}$/,
  colspan: /^\d{1,4}$/,
  rowspan: /^\d{1,4}$/,
  start: /^-?\d{1,9}$/,
  type: /^[1aAiI]$/,
  datetime: /^[\d\sTZWPHMSD:+.-]{1,40}$/i,
}));

/** Gone together with everything inside: code, styles, embedded documents and plug-ins, vector
 *  and math markup (script-capable, and unreadable as text), form controls. */
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'iframe', 'frame', 'frameset', 'noframes',
  'noembed', 'object', 'embed', 'applet', 'svg', 'math', 'template', 'head', 'title', 'select',
  'datalist', 'button', 'canvas', 'map', 'input',
];

const REL = 'noopener noreferrer';

/** Where an image's address goes: in src ('web', for the image cache to fetch and rewriteImageUrls
 *  to point at its copy), or straight to data-original-src ('pending': what
 *  rewriteImageUrls(html, new Map()) would make of it, for HTML stored before its images are
 *  cached, without the second pass over every item of a sync). */
export type ImageAddresses = 'web' | 'pending';

export function sanitizeArticleHtml(html: string, baseUrl: string, images: ImageAddresses = 'web'): string {
  if (markupTooComplex(html)) return asPlainParagraph(html);
  const base = parseBase(baseUrl);
  return withInPageLinksPaired(sanitizer()(html, articleOptions(base, images)), base);
}

/** A feed item's stored raw HTML as a page gets it until its article's copy is made: sanitized
 *  against the base it was stored with, each image's address kept in data-original-src (the
 *  reader never asks a remote site; the article's sync caches the images and points src there). */
export function sanitizeFeedItem(html: string, baseUrl: string): string {
  return sanitizeArticleHtml(html, baseUrl, 'pending');
}

/** Markup too costly to parse (sanitize-html, like any HTML parser here, is quadratic in its
 *  nesting: markup-limits.ts) is kept as its words, in one paragraph: the reader still gets the
 *  text, in well under a second. The text has no tags left, so sanitizing it is linear; it only
 *  escapes what must be. */
function asPlainParagraph(html: string): string {
  const text = sanitizer()(textOutsideTags(html), { allowedTags: [], allowedAttributes: {} });
  return text ? `<p>${text}</p>` : '';
}

type Attributes = sanitizeHtml.Attributes;
type Tag = sanitizeHtml.Tag;

// Options are built per call: the media handling below keeps a little state while one document is
// parsed (which <video> we are inside), and a worker may sanitize several documents at once.
function articleOptions(base: URL | null, images: ImageAddresses): sanitizeHtml.IOptions {
  // Audio and video are not played in the reader (nothing remote may load); each becomes a link
  // to its file instead, taken from its src or else its first usable <source>.
  const media: { kind: 'Video' | 'Audio'; linked: boolean }[] = [];
  let madeLink = false;
  // Elements to remove (with their content) or unwrap once parsed. They are renamed to an allowed
  // tag and recognised by their attributes object: renaming to a disallowed tag would trip a
  // sanitize-html quirk (a discarded, renamed tag leaves its new name to a later closing tag).
  const removed = new WeakSet<Attributes>();
  const unwrapped = new WeakSet<Attributes>();
  const mark = (set: WeakSet<Attributes>): Tag => {
    const attribs: Attributes = {};
    set.add(attribs);
    return { tagName: 'span', attribs };
  };

  const mediaLink = (kind: 'Video' | 'Audio', href: string): Tag => {
    madeLink = true;
    return { tagName: 'a', attribs: { href, rel: REL }, text: `${kind}: ${fileNameOf(href)}` };
  };
  // Embedded documents (<iframe>) are not shown either: each with a web address becomes a link
  // to what it shows, where it was. Counted while open: what the parser hands over as a frame's
  // content is fallback for browsers without frames.
  let openFrames = 0;

  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    selfClosing: ['img', 'br', 'hr', 'col'],
    onOpenTag: (name) => {
      if (name === 'video' || name === 'audio') media.push({ kind: name === 'video' ? 'Video' : 'Audio', linked: false });
      else if (name === 'iframe') openFrames++;
    },
    onCloseTag: (name) => {
      if (name === 'video' || name === 'audio') media.pop();
      else if (name === 'iframe') openFrames--;
    },
    transformTags: {
      a: (_name, attribs) => {
        // A footnote's link stays in the article; anything else goes to the web.
        const href = inPageHref(attribs.href, base) ?? linkUrl(attribs.href, base);
        return { tagName: 'a', attribs: pick({ href, title: attribs.title, rel: href ? REL : null, lang: attribs.lang, dir: attribs.dir, id: anchorId(attribs.id) }) };
      },
      img: (_name, attribs) => {
        const source = webUrl(imageSource((key) => attribs[key]), base);
        // An image not cached yet (images.ts rewriteImageUrls) keeps its address here, never in src.
        const original = source ? null : webUrl(attribs['data-original-src'], base);
        // Gone, like an image with no address (exclusiveFilter): kept, the sync would fetch it
        // and so report a view of the item; feed items and pages alike pass here.
        if (isTrackingPixel(source ?? original ?? '', attribs.width, attribs.height)) return { tagName: 'img', attribs: {} };
        const [src, pending] = images === 'web' ? [source, original] : [null, source ?? original];
        return { tagName: 'img', attribs: pick({
          src, 'data-original-src': pending, alt: attribs.alt, title: attribs.title, width: attribs.width, height: attribs.height,
          lang: attribs.lang, dir: attribs.dir,
        }) };
      },
      iframe: (_name, attribs) => frameLink(attribs),
      video: (_name, attribs) => mediaElement(attribs),
      audio: (_name, attribs) => mediaElement(attribs),
      source: (_name, attribs) => {
        const current = media.at(-1);
        const href = webUrl(attribs.src, base);
        if (!current || current.linked || !href) return { tagName: 'source', attribs: {} };
        current.linked = true;
        return mediaLink(current.kind, href);
      },
      '*': (name, attribs) => {
        // Inside audio/video everything but the one link is fallback content for old browsers.
        if (unwrapped.has(attribs)) return { tagName: name, attribs };
        const fallback = media.length > 0 && !madeLink;
        madeLink = false;
        if (fallback) return mark(removed);
        return { tagName: name === 'h1' ? 'h2' : name, attribs: validAttributes(attribs) };
      },
    },
    // A frame's content (raw text to the parser) is sanitized by sanitize-html in a call of its
    // own, where it is outside any tag; for a frame made a link, that content is the link's text
    // again (the transform's text stands in for the parser's), already written once.
    textFilter: (text, tagName) => (tagName === 'video' || tagName === 'audio' || (tagName === undefined && openFrames > 0) ? '' : text),
    exclusiveFilter: (frame) => {
      if (removed.has(frame.attribs)) return true;
      if (unwrapped.has(frame.attribs)) return 'excludeTag';
      if (frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-original-src']) return true;
      if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
      return false;
    },
  };

  /** A frame with a web address as a link to the page it shows; any other goes, with its content
   *  (no <iframe> is ever let through), and so does one in audio or video's fallback. */
  function frameLink(attribs: Attributes): Tag {
    const src = media.length > 0 ? null : webUrl(frameSource((key) => attribs[key]), base);
    if (!src) return { tagName: 'iframe', attribs: {} };
    madeLink = true;
    const page = embeddedPage(src);
    return { tagName: 'a', attribs: { href: page.href, rel: REL }, text: embedLabel(page, attribs.title) };
  }

  function mediaElement(attribs: Attributes): Tag {
    const current = media.at(-1);
    const href = webUrl(attribs.src, base);
    if (!current || !href) return mark(unwrapped);
    current.linked = true;
    return mediaLink(current.kind, href);
  }
}

/** The attributes that have a value, in a fixed order (so a second pass changes nothing). */
function pick(values: Record<string, string | null | undefined>): Attributes {
  const attribs: Attributes = {};
  for (const key in values) {
    const value = values[key];
    if (value != null) attribs[key] = value;
  }
  return attribs;
}

function validAttributes(attribs: Attributes): Attributes {
  const kept: Attributes = {};
  for (const key in attribs) {
    const value = attribs[key]!;
    if (key === 'id') {
      const id = anchorId(value);
      if (id !== null) kept.id = id;
      continue;
    }
    const rule = VALID_VALUES.get(key);
    if (rule && !rule.test(value.trim())) continue;
    kept[key] = key === 'dir' ? value.trim().toLowerCase() : value;
  }
  return kept;
}

/** "Video: The full meeting (YouTube)", "Embed: Votes by ward (datawrapper.dwcdn.net)": what it
 *  is, its title when the page gave one that says more than the kind or the site, and who serves it. */
function embedLabel(page: EmbeddedPage, title: string | undefined): string {
  const kind = page.video ? 'Video' : 'Embed';
  const named = title?.replace(/\s+/g, ' ').trim() ?? '';
  const lower = named.toLowerCase();
  const says = named !== '' && lower !== kind.toLowerCase() && !lower.includes(page.site.toLowerCase());
  return says ? `${kind}: ${named} (${page.site})` : `${kind}: ${page.site}`;
}

function fileNameOf(href: string): string {
  const url = new URL(href);
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  if (!last) return url.host;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

// Plain text: for the full-text index, snippets and direction detection.

const TEXT_BLOCKS = [
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre',
  'figure', 'figcaption', 'table', 'tr', 'caption', 'ul', 'ol', 'dl', 'section', 'article', 'aside',
  'header', 'footer', 'details', 'summary', 'main', 'nav', 'address',
];
const TEXT_CELLS = ['td', 'th'];

/** Text of the HTML: each block on a line of its own, table cells apart by a space, entities
 *  decoded, runs of whitespace made one space (in <pre> too: this text is for search and
 *  snippets, not for display). */
export function htmlToPlainText(html: string): string {
  // Without a tag or an entity there is nothing to parse (many feeds' summaries are plain text,
  // and the sync reads one per item): the text is its words.
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\s+/g, ' ').trim();
  if (markupTooComplex(html)) return plainTextOfSanitized(asPlainParagraph(html));
  // Only the block tags survive this pass, and the sanitizer escapes every '<' in text, so what
  // still looks like a tag is one and plain replacing is exact.
  const marked = sanitizer()(html, {
    allowedTags: [...TEXT_BLOCKS, ...TEXT_CELLS],
    allowedAttributes: {},
    nonTextTags: DROPPED_WITH_CONTENT,
  });
  return plainTextOfSanitized(marked);
}

const BLOCK_NAMES: ReadonlySet<string> = new Set(TEXT_BLOCKS);
const CELL_NAMES: ReadonlySet<string> = new Set(TEXT_CELLS);
const ENTITY = /&(?:lt|gt|quot|amp);/g;
const ENTITY_TEXT: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/** The block tags whose lines plainTextOfSanitized sees after sanitizing: those the sanitizer
 *  keeps, and h1 (made h2). Others (nav, main, address) are unwrapped, their text run on. */
export const SANITIZED_BLOCKS: ReadonlySet<string> = new Set(['h1', ...TEXT_BLOCKS.filter((name) => ALLOWED_TAGS.includes(name))]);
export { CELL_NAMES };

/** htmlToPlainText for the output of sanitizeArticleHtml, without parsing it again: there every
 *  '<' and '>' in text or attribute values is escaped, so each tag runs from a '<' to the next
 *  '>', and the only entities are the four the sanitizer writes. One scan from start to end: the
 *  sync makes plain text of every stored item, and a chain of whole-text replaces cost it a
 *  quarter of its parsing time. */
export function plainTextOfSanitized(html: string): string {
  const lines = new PlainLines();
  const text = (raw: string): void => {
    lines.add(raw.includes('&') ? raw.replace(ENTITY, (entity) => ENTITY_TEXT[entity]!) : raw);
  };
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const close = html.indexOf('>', open);
    if (close < 0) break;
    text(html.slice(at, open));
    const name = tagName(html, open);
    if (BLOCK_NAMES.has(name)) lines.endLine();
    else if (CELL_NAMES.has(name)) lines.space();
    at = close + 1;
  }
  text(html.slice(at));
  return lines.text();
}

// Entities other than the commonest, decoded by the sanitizer's own decoder (and remembered: a
// feed repeats the few it uses, &#8217; on every line), so raw-text.ts reads them as sanitizing would.
const COMMON_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&apos;', "'"], ['&#39;', "'"], ['&nbsp;', '\u00a0'],
]);
const decodedEntities = new Map<string, string>();
const DECODED_ENTITIES_KEPT = 10_000;

/** The text an entity as written in HTML text stands for ('&hellip;', '&#8217;', '&copy2026'). */
export function decodedEntity(entity: string): string {
  const known = COMMON_ENTITIES.get(entity) ?? decodedEntities.get(entity);
  if (known !== undefined) return known;
  const escaped = sanitizer()(entity, { allowedTags: [], allowedAttributes: {} });
  const decoded = escaped.replace(ENTITY, (escape) => ENTITY_TEXT[escape]!);
  if (decodedEntities.size >= DECODED_ENTITIES_KEPT) decodedEntities.clear();
  decodedEntities.set(entity, decoded);
  return decoded;
}

/** The lower-case name of the tag opening at `open` ('<p', '</td', '<br/'). */
function tagName(html: string, open: number): string {
  let start = open + 1;
  if (html.charCodeAt(start) === 47 /* '/' */) start++;
  let end = start;
  while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
  return html.slice(start, end).toLowerCase();
}

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The first `maxChars` characters of the text (counting the '…'), cut between words where the
 *  text has spaces (CJK text has none: there the cut falls between characters). */
export function snippetOf(html: string, maxChars = 200): string {
  return snippetOfText(htmlToPlainText(html), maxChars);
}

/** snippetOf for text already made plain (saves parsing the HTML again). */
export function snippetOfText(plainText: string, maxChars = 200): string {
  // A code point is at most two UTF-16 units, so this many units of the text hold more than
  // maxChars of them.
  const text = collapsedOpening(plainText, maxChars * 2 + 2);
  // Where the text's maxChars-th code point starts, found by counting rather than by splitting
  // the opening into an array of them.
  const last = codePointOffset(text, maxChars - 1);
  if (last >= text.length || codePointOffset(text, 1, last) >= text.length) return text;
  let cut = text.slice(0, last);
  const nextIsSpace = text.charCodeAt(last) === 32;
  const space = cut.lastIndexOf(' ');
  if (!nextIsSpace && space > cut.length / 2) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:–—-]+$/u, '') + '…';
}

/** The UTF-16 offset `count` code points after `from` (a surrogate pair is one code point, a
 *  lone surrogate one too), or the text's length when it ends first. */
function codePointOffset(text: string, count: number, from = 0): number {
  let at = from;
  for (let n = 0; n < count && at < text.length; n++) {
    const code = text.charCodeAt(at);
    const pair = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
    at += pair ? 2 : 1;
  }
  return Math.min(at, text.length);
}

/** The text with each run of whitespace made one space, whole or at least its first `units`
 *  UTF-16 units: a snippet needs its opening only, and the sync makes one of every item's
 *  several-kilobyte text. A run cut at the end of a slice collapses to the same one space as
 *  the whole run does, so the slice's collapse is an exact opening of the whole text's. */
function collapsedOpening(text: string, units: number): string {
  for (let end = units * 2; end < text.length; end *= 2) {
    const opening = text.slice(0, end).replace(/\s+/g, ' ');
    if (opening.length >= units) return opening;
  }
  return text.replace(/\s+/g, ' ');
}

const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
// Share of right-to-left letters from which a text reads right to left: below half, because
// RTL articles quote Latin names, brands and URLs far more than LTR ones quote Arabic or Hebrew.
const RTL_SHARE = 0.4;
// The opening of a text settles its direction; counting further only costs time.
const SAMPLE_CHARS = 20_000;

const ANY_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** The direction of the parts read as one text, joined by spaces. Given apart (an item's title
 *  and its text), they are never joined when no part has a right-to-left letter, which is most
 *  text: the joined copy was a twelfth of what parsing a feed allocated. */
export function textDirection(...parts: string[]): 'ltr' | 'rtl' {
  // Most text has no right-to-left letter at all: answer without counting.
  if (!anyRtlInOpening(parts)) return 'ltr';
  let strong = 0;
  let rtl = 0;
  for (const [letter] of parts.join(' ').slice(0, SAMPLE_CHARS).matchAll(/\p{L}/gu)) {
    strong++;
    if (RTL_LETTER.test(letter)) rtl++;
  }
  return strong > 0 && rtl / strong >= RTL_SHARE ? 'rtl' : 'ltr';
}

/** Whether the first SAMPLE_CHARS of the parts joined by spaces hold a right-to-left letter. */
function anyRtlInOpening(parts: readonly string[]): boolean {
  let left = SAMPLE_CHARS;
  for (const part of parts) {
    if (left <= 0) return false;
    if (ANY_RTL.test(part.length > left ? part.slice(0, left) : part)) return true;
    left -= part.length + 1;
  }
  return false;
}
