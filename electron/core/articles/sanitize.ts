// The one place where HTML from the outside world (feed items, extracted pages) is made safe to
// show. An allowlist of text structure: anything not named here goes, scripts and embedded
// documents with their content, harmless wrappers (font, center, form, label...) keeping theirs.
// Media and embedded players or documents are never shown: each becomes a link to what it plays
// (a video with a poster: its poster image, cached like any other, with that link under it).
// Output is stable: sanitizing it again gives the same string, so stored HTML can be re-run.
import type sanitizeHtml from 'sanitize-html';
import { collapseWhitespace, singleSpaced } from '../feeds';
import { lazyModule } from '../system/lazy-module';
import { anchorId, inPageHref, namesNoPlace, withInPageLinksPaired } from './in-page-links';
import { markupTooComplex, textOutsideTags } from './markup-limits';
import { fadesItsContent, fixFeedHtml, hidesItsContent, isHiddenOrTiny, markedAsPicture, videoStill } from './page-images';
import { isPlatformFurniture, mayHoldFurniture } from './platform-furniture';
import { PlainLines, withoutControls } from './plain-lines';
import { withoutFeedBoilerplate } from './snippet-boilerplate';
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

// MathML Core (w3.org/TR/mathml-core), which the reader's Chromium lays out itself: a formula
// stays a formula. Its layout elements and presentational attributes only: none of them loads,
// links or runs anything, and no style or class reaches them. Left out: <annotation-xml> (an HTML
// integration point, which can carry HTML or SVG: dropped whole), <mglyph> and <malignmark> (the
// parser's mutation-XSS favourites, and not MathML Core), and what MathML 3 had beyond Core
// (<menclose>, <mfenced>...: unwrapped, their content kept).
const MATHML_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  math: ['display', 'alttext'],
  semantics: [],
  // The formula's TeX source, which KaTeX, MathJax and MediaWiki put beside their MathML: never
  // shown (Chromium does not lay out its text), it is what the plain text reads for the formula.
  annotation: ['encoding'],
  mrow: [], mi: [], mn: [], ms: [], mtext: [], mspace: ['width', 'height', 'depth'],
  mo: ['form', 'fence', 'separator', 'lspace', 'rspace', 'stretchy', 'symmetric', 'maxsize', 'minsize', 'largeop', 'movablelimits'],
  mfrac: ['linethickness'], msqrt: [], mroot: [], msub: [], msup: [], msubsup: [],
  munder: ['accentunder'], mover: ['accent'], munderover: ['accent', 'accentunder'],
  mmultiscripts: [], mprescripts: [], none: [],
  mtable: [], mtr: [], mtd: ['columnspan', 'rowspan'],
  mstyle: [], mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'], mphantom: [], merror: [],
  // Shows its first child; its actions (a toggle, a status line, a link) are not MathML Core.
  maction: [],
};
// Attributes every MathML Core element may have.
const MATHML_GLOBAL_ATTRIBUTES = ['displaystyle', 'scriptlevel', 'mathvariant'];
const MATHML_TAGS: ReadonlySet<string> = new Set(Object.keys(MATHML_ATTRIBUTES));
const MATH_LENGTH = /^[+-]?(?:\d{1,4}(?:\.\d{1,6})?|\.\d{1,6})(?:em|ex|px|pt|pc|in|cm|mm|%)?$/i;
const MATH_BOOLEAN = /^(?:true|false)$/i;
// MathML attribute values, checked as VALID_VALUES checks HTML's (whose width and height are
// pixel counts, where MathML's are CSS lengths).
const MATHML_VALUES: ReadonlyMap<string, RegExp> = new Map(Object.entries({
  display: /^(?:block|inline)$/i,
  mathvariant: /^(?:normal|bold|italic|bold-italic|double-struck|bold-fraktur|script|bold-script|fraktur|sans-serif|bold-sans-serif|sans-serif-italic|sans-serif-bold-italic|monospace|initial|tailed|looped|stretched)$/i,
  scriptlevel: /^[+-]?\d{1,2}$/,
  form: /^(?:prefix|infix|postfix)$/i,
  columnspan: /^\d{1,4}$/,
  rowspan: /^\d{1,4}$/,
  ...Object.fromEntries(['displaystyle', 'fence', 'separator', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'accent', 'accentunder'].map((name) => [name, MATH_BOOLEAN])),
  ...Object.fromEntries(['width', 'height', 'depth', 'lspace', 'rspace', 'voffset', 'linethickness', 'maxsize', 'minsize'].map((name) => [name, MATH_LENGTH])),
}));
/** The encodings of an <annotation> that holds the formula's TeX (KaTeX, MathJax and MediaWiki
 *  write application/x-tex). Other annotations (another program's source) are dropped. */
const TEX_ENCODING = /^(?:application\/x-(?:la)?tex|text\/(?:x-)?(?:la)?tex|(?:la)?tex)$/i;
// Article markup, then formulas' (looked up with indexOf: the commonest first).
const ARTICLE_TAGS = [...ALLOWED_TAGS, ...MATHML_TAGS];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  // id: prefixed, for the article's own links to it (in-page-links.ts).
  '*': ['lang', 'dir', 'id'],
  // POSTER_MARK, EMBED_MARK and FOOTNOTE_MARK: only ever written by mediaLink, frameLink and the
  // <a> transform, and gone before sanitizeArticleHtml returns.
  a: ['href', 'title', 'rel', 'data-poster', 'data-embed', 'data-footnote'],
  img: ['src', 'data-original-src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  abbr: ['title'],
  ...Object.fromEntries(Object.entries(MATHML_ATTRIBUTES).map(([name, attributes]) => [name, [...MATHML_GLOBAL_ATTRIBUTES, ...attributes]])),
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
 *  markup (script-capable, and unreadable as text), MathML's embedded markup, form controls. */
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'iframe', 'frame', 'frameset', 'noframes',
  'noembed', 'object', 'embed', 'applet', 'svg', 'annotation-xml', 'template', 'head', 'title', 'select',
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
  // A feed item's images and embeds made plain as a page's are (a page's are already).
  const sanitized = sanitizer()(fixFeedHtml(html, base), articleOptions(base, images, mayHoldFurniture(html)));
  return withInPageLinksPaired(withFootnotesRaised(withEmbedsApart(withPostersShown(sanitized, images))), base);
}

// A footnote's number in the text, where the platform sets it as a plain link and raises it by its
// style (Substack's a.footnote-anchor): marked with this attribute, empty and always first, by the
// <a> transform only, and wrapped in <sup>, or "length1." reads as a word and a number run together.
const FOOTNOTE_MARK = '<a data-footnote ';
const FOOTNOTE_CLASS = 'footnote-anchor';
const MARKED_FOOTNOTE = /<a data-footnote ([^>]*>[^<]*<\/a>)/g;

/** The output with each marked footnote number raised (one holding more than text stays as it
 *  is), and without the marks. */
function withFootnotesRaised(html: string): string {
  if (!html.includes(FOOTNOTE_MARK)) return html;
  return html.replace(MARKED_FOOTNOTE, '<sup><a $1</sup>').replaceAll(FOOTNOTE_MARK, '<a ');
}

// An embedded player's or document's link is marked with this attribute, empty (so written bare)
// and always first: only frameLink writes it, as the <a> transform keeps named attributes only.
const EMBED_MARK = '<a data-embed ';
// A marked link followed by another, with nothing but white space between them.
const EMBEDS_IN_A_ROW = /(<a data-embed [^>]*>[^<]*<\/a>)(\s*)(?=<a data-embed )/g;

/** The output without its embed marks, and with a line break between two embeds in a row (a
 *  podcast's Spotify and SoundCloud players): their links read as one line of text otherwise,
 *  where the page shows one player under the other. */
function withEmbedsApart(html: string): string {
  if (!html.includes(EMBED_MARK)) return html;
  return html.replace(EMBEDS_IN_A_ROW, '$1<br />$2').replaceAll(EMBED_MARK, '<a ');
}

// A video's link carries its poster's address (already resolved, checked and escaped by the
// sanitizer) in this attribute, always first: sanitize-html writes one tag per element, and the
// poster is a second. Only mediaLink writes it: the <a> transform keeps named attributes only.
const POSTER_MARK = '<a data-poster="';
const POSTER_LINK = /<a data-poster="([^"]*)"/g;

/** Each marked video link as its poster image with the link under it. The image is written as
 *  the <img> transform writes one, so the image cache (imageUrlsIn, rewriteImageUrls) fetches
 *  and shows it, and sanitizing the output again changes nothing. Most pages have no poster:
 *  one search of the output, and no other pass. */
function withPostersShown(html: string, images: ImageAddresses): string {
  if (!html.includes(POSTER_MARK)) return html;
  const address = images === 'web' ? 'src' : 'data-original-src';
  return html.replace(POSTER_LINK, (_link, poster: string) => `<img ${address}="${poster}" /><br /><a`);
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
// `furniture`: whether the document may hold a platform's furniture (platform-furniture.ts), whose
// elements' attributes are read then; most hold none, and their elements are not asked.
function articleOptions(base: URL | null, images: ImageAddresses, furniture: boolean): sanitizeHtml.IOptions {
  // Audio and video are not played in the reader (nothing remote may load); each becomes a link
  // to its file instead, taken from its src or else its first usable <source>.
  const media: { kind: 'Video' | 'Audio'; linked: boolean; poster: string | null }[] = [];
  let madeLink = false;
  // Elements to remove (with their content) or unwrap once parsed. They are renamed to an allowed
  // tag and recognised by their attributes object: renaming to a disallowed tag would trip a
  // sanitize-html quirk (a discarded, renamed tag leaves its new name to a later closing tag).
  const removed = new WeakSet<Attributes>();
  const unwrapped = new WeakSet<Attributes>();
  // Emoji pictures written as their characters (emojiText), in a <span> that is kept as made.
  const emojis = new WeakSet<Attributes>();
  const mark = (set: WeakSet<Attributes>): Tag => {
    const attribs: Attributes = {};
    set.add(attribs);
    return { tagName: 'span', attribs };
  };

  const mediaLink = (kind: 'Video' | 'Audio', href: string, poster: string | null): Tag => {
    madeLink = true;
    return { tagName: 'a', attribs: pick({ 'data-poster': poster, href, rel: REL }), text: `${kind}: ${fileNameOf(href)}` };
  };
  // Embedded documents (<iframe>) are not shown either: each with a web address becomes a link
  // to what it shows, where it was. Counted while open: what the parser hands over as a frame's
  // content is fallback for browsers without frames.
  let openFrames = 0;
  // Whether each open element hides what it holds (hidesItsContent): an image inside one is a
  // counter's (<span style="display:none"><img></span>), which the reader, dropping styles, would
  // show, and the sync fetch. Counted while open, as frames are; so is each that fades what it
  // holds out (fadesItsContent), which hides only an image that is no picture: a counter's. An
  // image in an open <figure> or <picture> has a picture's marks (markedAsPicture), as fixImages
  // sees them: a caption is no counter's (a page builder fades in a rich-text box whose captioned
  // picture has an empty alt).
  const hiding: ('hides' | 'fades' | null)[] = [];
  let openHiding = 0;
  let openFading = 0;
  let openFigures = 0;
  const formulas = new FormulaCopies();

  return {
    allowedTags: ARTICLE_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    selfClosing: ['img', 'br', 'hr', 'col'],
    onOpenTag: (name, attribs) => {
      formulas.open(name, attribs);
      const hides = name === 'img' ? null : hidesItsContent((key) => attribs[key]) ? 'hides' : fadesItsContent((key) => attribs[key]) ? 'fades' : null;
      hiding.push(hides);
      if (hides === 'hides') openHiding++;
      else if (hides === 'fades') openFading++;
      if (name === 'figure' || name === 'picture') openFigures++;
      else if (name === 'video') media.push({ kind: 'Video', linked: false, poster: posterOf(attribs) });
      else if (name === 'audio') media.push({ kind: 'Audio', linked: false, poster: null });
      else if (name === 'iframe') openFrames++;
    },
    onCloseTag: (name) => {
      formulas.close();
      const hid = hiding.pop();
      if (hid === 'hides') openHiding--;
      else if (hid === 'fades') openFading--;
      if (name === 'figure' || name === 'picture') openFigures--;
      else if (name === 'video' || name === 'audio') media.pop();
      else if (name === 'iframe') openFrames--;
    },
    transformTags: {
      a: (name, attribs) => {
        // A footnote's link stays in the article; anything else goes to the web, but "#".
        const href = namesNoPlace(attribs.href) ? null : inPageHref(attribs.href, base) ?? linkUrl(attribs.href, base);
        // A feed service's button, and a link its page hides (WordPress's "Cancel reply").
        if ((href !== null && FEED_SERVICE_LINK.test(href)) || (furniture && isPlatformFurniture(name, (key) => attribs[key]))) return mark(removed);
        // A place rather than a link (<a name="section-2">): an element a link may point at.
        const place = href === null ? anchorId(attribs.id) ?? anchorId(attribs.name) : null;
        if (place !== null) return { tagName: 'span', attribs: pick({ id: place, lang: attribs.lang, dir: attribs.dir }) };
        // (A footnote's number is marked only when it links in the article: its note is there.)
        const footnote = href?.startsWith('#') && hasClass(attribs.class, FOOTNOTE_CLASS) ? '' : null;
        return { tagName: 'a', attribs: pick({ 'data-footnote': footnote, href, title: attribs.title, rel: href ? REL : null, lang: attribs.lang, dir: attribs.dir, id: anchorId(attribs.id) }) };
      },
      img: (_name, attribs) => {
        const emoji = emojiText(attribs);
        if (emoji !== null) {
          const attribs: Attributes = {};
          emojis.add(attribs);
          return { tagName: 'span', attribs, text: emoji };
        }
        const source = webUrl(imageSource((key) => attribs[key]), base);
        // An image not cached yet (images.ts rewriteImageUrls) keeps its address here, never in src.
        const original = source ? null : webUrl(attribs['data-original-src'], base);
        // Gone, like an image with no address (exclusiveFilter): kept, the sync would fetch it
        // and so report a view of the item; feed items and pages alike pass here. So does one its
        // style hides (a counter a feed item carries), which without that style would show.
        if (openHiding > 0 || (openFading > 0 && !markedAsPicture((key) => attribs[key], openFigures > 0)) || isTrackingPixel(source ?? original ?? '', attribs.width, attribs.height, attribs.style) || isHiddenOrTiny((key) => attribs[key]) || FEED_SERVICE_BUTTON.test(source ?? original ?? '') || hasClass(attribs.class, BOOKMARK_ICON)) return { tagName: 'img', attribs: {} };
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
        return mediaLink(current.kind, href, current.poster);
      },
      '*': (name, attribs) => {
        // Inside audio/video everything but the one link is fallback content for old browsers.
        // (A mark a tag's own transform made, removed by exclusiveFilter, reaches here too.)
        if (removed.has(attribs) || unwrapped.has(attribs) || emojis.has(attribs)) return { tagName: name, attribs };
        const fallback = media.length > 0 && !madeLink;
        madeLink = false;
        if (fallback || formulas.isCopy(attribs) || (furniture && isPlatformFurniture(name, (key) => attribs[key]))) return mark(removed);
        if (MATHML_TAGS.has(name)) {
          const other = name === 'annotation' && !TEX_ENCODING.test(attribs.encoding?.trim() ?? '');
          return other ? mark(removed) : { tagName: name, attribs: validAttributes(attribs, MATHML_VALUES) };
        }
        return { tagName: name === 'h1' ? 'h2' : name, attribs: validAttributes(attribs) };
      },
    },
    // A frame's content (raw text to the parser) is sanitized by sanitize-html in a call of its
    // own, where it is outside any tag; for a frame made a link, that content is the link's text
    // again (the transform's text stands in for the parser's), already written once.
    // Control characters go as plain text drops them (plain-lines.ts).
    textFilter: (text, tagName) => (tagName === 'video' || tagName === 'audio' || (tagName === undefined && openFrames > 0) ? '' : withoutControls(text)),
    exclusiveFilter: (frame) => {
      if (removed.has(frame.attribs)) return true;
      if (unwrapped.has(frame.attribs)) return 'excludeTag';
      if (frame.tag === 'img' && !emojis.has(frame.attribs) && !frame.attribs.src && !frame.attribs['data-original-src']) return true;
      // (frame.tag is the name before the transform: a named anchor made a place has its id.)
      if (frame.tag === 'a' && !frame.attribs.href && !frame.attribs.id) return 'excludeTag';
      return false;
    },
  };

  /** A frame with a web address as a link to the page it shows; any other goes, with its content
   *  (no <iframe> is ever let through), and so does one in audio or video's fallback, and a
   *  hidden one (a tracker's, or WordPress's frame behind its quote of the post it embeds). */
  function frameLink(attribs: Attributes): Tag {
    const src = media.length > 0 ? null : webUrl(frameSource((key) => attribs[key]), base);
    if (!src || isHiddenOrTiny((key) => attribs[key])) return { tagName: 'iframe', attribs: {} };
    madeLink = true;
    const page = embeddedPage(src);
    return { tagName: 'a', attribs: { 'data-embed': '', href: page.href, rel: REL }, text: embedLabel(page, attribs.title) };
  }

  function mediaElement(attribs: Attributes): Tag {
    const current = media.at(-1);
    const href = webUrl(attribs.src, base);
    if (!current || !href) return mark(unwrapped);
    current.linked = true;
    return mediaLink(current.kind, href, current.poster);
  }

  /** The still a video shows before it plays (often the story's key image; videoStill), as a
   *  web address. */
  function posterOf(attribs: Attributes): string | null {
    const poster = webUrl(videoStill((key) => attribs[key]), base);
    return poster === null || isTrackingPixel(poster, null, null) ? null : poster;
  }
}

/** KaTeX's span.katex holds a formula twice: its MathML, then a copy in HTML for the eye
 *  (span.katex-html) whose text, without KaTeX's styles, runs together ("E=mc2"). That copy goes
 *  once the MathML is kept (KaTeX may be set to write the copy alone). Told every element the
 *  parser opens and closes (it reports an end for each), it knows which element is such a copy. */
class FormulaCopies {
  private depth = 0;
  private readonly wrappers: { depth: number; math: boolean }[] = [];

  open(name: string, attribs: Attributes): void {
    this.depth++;
    if (name === 'math' && this.wrappers.length > 0) this.wrappers.at(-1)!.math = true;
    else if (hasClass(attribs.class, 'katex')) this.wrappers.push({ depth: this.depth, math: false });
  }

  close(): void {
    if (this.wrappers.at(-1)?.depth === this.depth) this.wrappers.pop();
    this.depth--;
  }

  /** Whether the element just opened, with these attributes, is the copy of a formula kept. */
  isCopy(attribs: Attributes): boolean {
    return !!this.wrappers.at(-1)?.math && hasClass(attribs.class, 'katex-html');
  }
}

/** Feed services' buttons under each item of a feed they serve, pictures of a count or an icon:
 *  FeedBurner's share buttons (its "FeedFlare": a div.feedflare of links and pictures at
 *  feeds.feedburner.com/~ff/...) and its counter (~r/.../~4/); WordPress.com's comment and share
 *  buttons (feeds.wordpress.com/1.0/comments/<blog>/<post>/, each in a link to /1.0/go...). The
 *  service's, never the post's: the picture goes, and its link with it (an empty link is no link). */
const FEED_SERVICE_BUTTON = /^https?:\/\/feeds\.(?:feedburner\.com\/~(?:ff|r)\/|wordpress\.com\/1\.0\/)/i;
/** Where such a button links: FeedBurner's ~ff/ and WordPress.com's /1.0/go... (gocomments,
 *  gofacebook). Not FeedBurner's ~r/ links: those are its addresses of the posts themselves. */
const FEED_SERVICE_LINK = /^https?:\/\/feeds\.(?:feedburner\.com\/~ff\/|wordpress\.com\/1\.0\/go)/i;
/** The site's icon in Ghost's card for a link (kg-bookmark-card), shown beside its name at the
 *  size of a letter: a favicon made a picture as wide as the column once the page's style is gone. */
const BOOKMARK_ICON = 'kg-bookmark-icon';

/** Where WordPress (wp_staticize_emoji, its smilies) and Twitter's Twemoji serve an emoji's picture. */
const EMOJI_SOURCE = /\/images\/core\/emoji\/|\/wp-includes\/images\/smilies\/|\btwemoji\b/i;
/** An emoji's alt is the character itself (a family or a flag is a few code points), or ":)". */
const EMOJI_ALT = 16;

/**
 * The text an emoji drawn as a picture stands for: WordPress writes every emoji and ":)" of a post
 * and a comment as <img class="wp-smiley" alt="🙂" src="https://s.w.org/images/core/emoji/...">,
 * sized 1em by its style. As a picture it would be fetched for each post, shown 72 pixels wide
 * once its style is gone, and missing from the text; as its character it is the text as written.
 */
function emojiText(attribs: Attributes): string | null {
  const alt = attribs.alt?.trim();
  if (!alt || alt.length > EMOJI_ALT) return null;
  return hasClass(attribs.class, 'wp-smiley') || hasClass(attribs.class, 'emoji') || EMOJI_SOURCE.test(attribs.src ?? '') ? alt : null;
}

function hasClass(classes: string | undefined, name: string): boolean {
  // Asked of every element with a class: the substring test answers most without splitting.
  return classes !== undefined && classes.includes(name) && classes.split(/\s+/).includes(name);
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

/** `own`: the element's own rules for its attributes' values, before HTML's. */
function validAttributes(attribs: Attributes, own?: ReadonlyMap<string, RegExp>): Attributes {
  const kept: Attributes = {};
  for (const key in attribs) {
    const value = withoutControls(attribs[key]!);
    if (key === 'id') {
      const id = anchorId(value);
      if (id !== null) kept.id = id;
      continue;
    }
    const rule = own?.get(key) ?? VALID_VALUES.get(key);
    if (rule && !rule.test(value.trim())) continue;
    kept[key] = key === 'dir' ? value.trim().toLowerCase() : value;
  }
  return kept;
}

/** "Video: The full meeting (YouTube)", "Embed: Votes by ward (datawrapper.dwcdn.net)": what it
 *  is, its title when the page gave one that says more than the kind or the site, and who serves it. */
function embedLabel(page: EmbeddedPage, title: string | undefined): string {
  const { kind } = page;
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
  if (!html.includes('<') && !html.includes('&')) return collapseWhitespace(html);
  if (markupTooComplex(html)) return plainTextOfSanitized(asPlainParagraph(html));
  // Only the block tags survive this pass, and the sanitizer escapes every '<' in text, so what
  // still looks like a tag is one and plain replacing is exact.
  const formulas = new FormulaCopies();
  const copies = new WeakSet<Attributes>();
  const marked = sanitizer()(html, {
    allowedTags: [...TEXT_BLOCKS, ...TEXT_CELLS, 'math', 'annotation'],
    allowedAttributes: { math: ['alttext'], annotation: ['encoding'] },
    nonTextTags: DROPPED_WITH_CONTENT,
    // A formula's copy is renamed to an allowed tag to be removed whole (see articleOptions).
    onOpenTag: (name, attribs) => formulas.open(name, attribs),
    onCloseTag: () => formulas.close(),
    transformTags: {
      '*': (name, attribs) => {
        if (!formulas.isCopy(attribs)) return { tagName: name, attribs };
        const mark: Attributes = {};
        copies.add(mark);
        return { tagName: 'p', attribs: mark };
      },
    },
    exclusiveFilter: (frame) => copies.has(frame.attribs),
  });
  return plainTextOfSanitized(marked);
}

/** A formula (<math>) in plain text: its TeX source, from its TeX annotation or else the alttext
 *  MathML and MediaWiki give it, as the author wrote it (E = mc^2, where its symbols run together
 *  into "E=mc2"); its symbols' text when it has neither. Both text scans (plainTextOfSanitized,
 *  raw-text.ts) feed it the tags and text they meet. */
export class FormulaText {
  private depth = 0;
  private annotation: 'tex' | 'other' | null = null;
  private source: string | null = null;
  private symbols = '';

  /** Inside a formula: its text goes to add(), not to the lines. */
  get open(): boolean {
    return this.depth > 0;
  }

  /** A start or end tag of <math> or <annotation>: the formula's text at its end, else null. */
  tag(name: string, end: boolean, attribute: (name: string) => string | null): string | null {
    if (name === 'annotation' && this.depth > 0) {
      if (end) this.annotation = null;
      else {
        this.annotation = TEX_ENCODING.test(attribute('encoding')?.trim() ?? '') ? 'tex' : 'other';
        if (this.annotation === 'tex') this.source = '';
      }
    } else if (name === 'math' && !end && this.depth++ === 0) {
      this.source = attribute('alttext');
      this.symbols = '';
    } else if (name === 'math' && end && this.depth > 0 && --this.depth === 0) {
      return this.close();
    }
    return null;
  }

  /** The text of a formula still open where the HTML ends (an unclosed <math>) or where a block
   *  starts (which ends it, as it ends the browser's MathML), else ''. Its TeX must not stand for
   *  the article's text after it. */
  rest(): string {
    return this.depth > 0 ? this.close() : '';
  }

  private close(): string {
    this.depth = 0;
    this.annotation = null;
    return texOf(this.source) ?? this.symbols;
  }

  /** Text inside the formula, decoded. */
  add(text: string): void {
    if (this.annotation === 'tex') this.source += text;
    else if (this.annotation === null) this.symbols += text;
  }
}

/** TeX without the {\displaystyle ...} MediaWiki wraps each formula in; null when empty. */
function texOf(source: string | null): string | null {
  const tex = source?.replace(/\s+/g, ' ').trim();
  if (!tex) return null;
  return /^\{\\displaystyle (.*)\}$/.exec(tex)?.[1]?.trim() || tex;
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
/** A ruby's annotations: the reading (furigana, pinyin) over its characters, and the parentheses
 *  for browsers without ruby. The text is the characters: 浜比嘉, not 浜比嘉はまひが. */
export const RUBY_ANNOTATIONS: ReadonlySet<string> = new Set(['rt', 'rp']);

export function plainTextOfSanitized(html: string): string {
  const lines = new PlainLines();
  const formula = new FormulaText();
  const decoded = (raw: string): string => (raw.includes('&') ? raw.replace(ENTITY, (entity) => ENTITY_TEXT[entity]!) : raw);
  /** Inside a ruby's reading (<rt>) or its parentheses (<rp>): shown above the text, not in it. */
  let annotation = false;
  const text = (raw: string): void => {
    if (annotation) return;
    if (formula.open) formula.add(decoded(raw));
    else lines.add(decoded(raw));
  };
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const close = html.indexOf('>', open);
    if (close < 0) break;
    text(html.slice(at, open));
    const name = tagName(html, open);
    if (BLOCK_NAMES.has(name)) {
      lines.add(formula.rest());
      lines.endLine();
    } else if (CELL_NAMES.has(name)) lines.space();
    else if (RUBY_ANNOTATIONS.has(name)) annotation = html[open + 1] !== '/';
    else if (name === 'math' || name === 'annotation') {
      const tag = html.slice(open, close);
      const words = formula.tag(name, tag.startsWith('</'), (attribute) => {
        const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1];
        return value === undefined ? null : decoded(value);
      });
      if (words !== null) lines.add(words);
    }
    at = close + 1;
  }
  text(html.slice(at));
  lines.add(formula.rest());
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

/** What a reader sees as one character (a grapheme cluster): a snippet is cut between two. Only
 *  the cluster at the cut is looked for, not every one before it. Made at its first use: making
 *  it maps ICU's data and took 4 ms of every start of the CLI, which loads this module for nothing. */
let graphemes: Intl.Segmenter | null = null;

/** snippetOf for text already made plain (saves parsing the HTML again). */
export function snippetOfText(plainText: string, maxChars = 200): string {
  // A code point is at most two UTF-16 units, so this many units of the text hold more than
  // maxChars of them.
  const text = collapsedOpening(plainText, maxChars * 2 + 2);
  // Where the text's maxChars-th code point starts, found by counting rather than by splitting
  // the opening into an array of them.
  let last = codePointOffset(text, maxChars - 1);
  if (last >= text.length || codePointOffset(text, 1, last) >= text.length) return text;
  // Never between a letter and its marks (a Thai tone mark, a Devanagari virama and the
  // consonant it joins, an Arabic vowel sign): the cut goes back to where that cluster starts,
  // unless the cluster is longer than the whole snippet (letters piled with marks).
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const cluster = graphemes.segment(text).containing(last)?.index ?? 0;
  if (cluster > 0) last = cluster;
  let cut = text.slice(0, last);
  const nextIsSpace = text.charCodeAt(last) === 32;
  const space = cut.lastIndexOf(' ');
  if (!nextIsSpace && space > cut.length / 2) cut = cut.slice(0, space);
  return cut.replace(/[\s,;:–—-]+$/u, '') + '…';
}

// Shorter titles ("Update", "Photo") may open a text by chance rather than repeat it.
const REPEATED_TITLE_MIN = 12;

/** snippetOfText less the title its text opens with: an item with no title of its own (a
 *  Mastodon or Bluesky post) is named by its text's first words, and many feeds open the summary
 *  with the headline; the list showed the same words twice, as title and snippet. Empty when
 *  the title is the whole text. */
export function snippetAfterTitle(wholeText: string, title: string, maxChars = 200): string {
  const plainText = withoutFeedBoilerplate(wholeText);
  // Most texts do not open with their title: told by their first characters, as they stand.
  const start = plainText.trimStart();
  if (title.length < REPEATED_TITLE_MIN || !start.startsWith(title.slice(0, REPEATED_TITLE_MIN))) return snippetOfText(plainText, maxChars);
  const heading = collapseWhitespace(title.replace(/…$/u, ''));
  const text = collapsedOpening(start, maxChars * 2 + 2 + heading.length);
  if (text.startsWith(heading)) return snippetOfText(afterPunctuation(text.slice(heading.length)), maxChars);
  // "Headline - Publisher" over a text that opens "Headline  Publisher" (Google News): both go.
  const [, headline, publisher] = TITLE_WITH_PUBLISHER.exec(heading) ?? [];
  if (headline && publisher && text.startsWith(headline)) {
    const rest = afterPunctuation(text.slice(headline.length));
    if (rest.startsWith(publisher)) return snippetOfText(afterPunctuation(rest.slice(publisher.length)), maxChars);
  }
  return snippetOfText(text, maxChars);
}

/** A title and, after a dash or bar, its publisher's name: the last such separator. */
const TITLE_WITH_PUBLISHER = /^(.*\S)\s+[-–—|]\s+(\S.*)$/u;

function afterPunctuation(text: string): string {
  return text.replace(/^[\s.,;:!?–—-]+/u, '');
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
    const opening = singleSpaced(text.slice(0, end));
    if (opening.length >= units) return opening;
  }
  return singleSpaced(text);
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
  return (rtlShare(parts) ?? 0) >= RTL_SHARE ? 'rtl' : 'ltr';
}

/** The share of right-to-left letters in the opening of the parts joined by spaces; null when
 *  they hold no letter at all. */
function rtlShare(parts: readonly string[]): number | null {
  if (!anyRtlInOpening(parts)) return parts.some((part) => /\p{L}/u.test(part)) ? 0 : null;
  let strong = 0;
  let rtl = 0;
  for (const [letter] of parts.join(' ').slice(0, SAMPLE_CHARS).matchAll(/\p{L}/gu)) {
    strong++;
    if (RTL_LETTER.test(letter)) rtl++;
  }
  return strong > 0 ? rtl / strong : null;
}

// From this share of letters in the other direction, a page's language is taken for a label
// the site left wrong: WordPress's default en-US on a site that writes in Arabic, an Arabic
// site's English section still marked ar. A story quoting long passages stays well below it.
const CONTRADICTING_SHARE = 0.75;

/** An article's direction when its page gives no dir: its language's (languageDirection), unless
 *  its letters overwhelmingly say the other; counted from the letters when it names no language. */
export function articleDirection(lang: string | null | undefined, text: string): 'ltr' | 'rtl' {
  const byLanguage = languageDirection(lang);
  if (byLanguage === null) return textDirection(text);
  const share = rtlShare([text]);
  if (share === null) return byLanguage;
  if (byLanguage === 'ltr') return share >= CONTRADICTING_SHARE ? 'rtl' : 'ltr';
  return 1 - share >= CONTRADICTING_SHARE ? 'ltr' : 'rtl';
}

// Languages written right to left (by their primary subtag): Arabic, Hebrew and the languages
// written in their scripts, Thaana (Dhivehi), Syriac and N'Ko. iw and ji are Hebrew's and
// Yiddish's old codes, still in old pages.
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  'ar', 'arc', 'azb', 'bal', 'bqi', 'ckb', 'dv', 'fa', 'glk', 'he', 'iw', 'ji', 'khw', 'ks', 'lrc', 'mzn', 'nqo',
  'pnb', 'prs', 'ps', 'sd', 'skr', 'syr', 'ug', 'ur', 'yi',
]);
// A script subtag decides over the language's usual script (ku-Arab, az-Arab, uz-Arab; ug-Latn).
const RTL_SCRIPTS: ReadonlySet<string> = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);
const LATIN_OR_CYRILLIC = /^(?:latn|cyrl)$/;
// Tags that name no language: undetermined, several, none, uncoded.
const NO_LANGUAGE: ReadonlySet<string> = new Set(['und', 'mul', 'zxx', 'mis']);

/** The direction a language is written in, from its BCP 47 tag ('ar', 'en-GB', 'ku-Arab'); null
 *  when the tag names no language. Any language not written right to left is left to right: a
 *  page's or feed's language says more than counting letters, which an English story quoting
 *  long passages of Arabic turns over. */
export function languageDirection(lang: string | null | undefined): 'ltr' | 'rtl' | null {
  const [primary, ...rest] = (lang ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  if (!primary || !/^[a-z]{2,3}$/.test(primary) || NO_LANGUAGE.has(primary)) return null;
  const script = rest.find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script && RTL_SCRIPTS.has(script)) return 'rtl';
  if (script && LATIN_OR_CYRILLIC.test(script)) return 'ltr';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
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
