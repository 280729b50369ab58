// A page's images and embeds made plain before Readability sees them: each <img> gets its real
// source as an absolute src (lazy-loading attributes, <picture> sources and <noscript> fallbacks
// read as a desktop browser with scripts would show them, AMP's <amp-img> made an <img>), so the
// article keeps every picture and the sync caches it; each embedded player or document becomes an
// <iframe> with its real, absolute src, which the sanitizer turns into a link to it.
// Works on the linkedom DOM of extract.ts, and on a feed item's HTML that needs it (fixFeedHtml):
// a feed's own copy of a post is written by the same themes and plugins as its page.
import { CACHED_IMAGE_TYPES } from '../../../shared/cache-url';
import { sameImageKey } from './image-key';
import { enlargedThumbnail } from './lightbox-thumbnails';
import { parsePage } from './page-document';
import { squarespaceColumnSize } from './squarespace-images';
import { substackGalleryFigure } from './substack-galleries';
import { wixColumnSize } from './wix-images';
import { elementsByTag } from './page-walk';
import { LAZY_SRC, LAZY_SRCSET, SIZES, bgsetCandidate, cssBackground, frameSource, gistPage, imageSource, isPlaceholderFile, isTrackingPixel, lazyImageAttributes, liteYoutubeSource, webUrl } from './urls';

const LAZY_ATTRIBUTES = [...LAZY_SRC, ...LAZY_SRCSET, 'srcset', ...SIZES];

/** Returns the page's images, in page order. `standIns`: the elements a script makes pictures of
 *  (urls.ts isImageStandIn), found in the page's walk. */
export function fixImages(doc: Document, base: URL | null, standIns: readonly Element[] = []): Element[] {
  // First: an <amp-img> holds its own <noscript> copy, which must go with it.
  if (isAmpPage(doc)) replaceAmpElements(doc);
  replaceImageStandIns(standIns);
  replaceScriptedEmbeds(doc, base);
  unwrapNoscriptFallbacks(doc);
  // One walk for the images, the media and the frames (they are fixed apart: an image reads its
  // picture's <source> srcset, never the src fixed below).
  let images: Element[] = [];
  const media: Element[] = [];
  const frames: Element[] = [];
  for (const element of doc.querySelectorAll('img, video, audio, source, iframe')) {
    if (element.localName === 'img') images.push(element);
    else if (element.localName === 'iframe') frames.push(element);
    else if (element.hasAttribute('src')) media.push(element);
  }
  for (const img of images) {
    // A counter sized to a pixel by its style, or put off the screen by it, which Readability
    // drops before the sanitizer could read it: the sync would fetch it, and so report a view.
    const style = img.getAttribute('style');
    if ((style !== null && (isTrackingPixel('', null, null, style) || isHiddenOrTiny((name) => img.getAttribute(name)))) || inHiddenWrapper(img)) {
      img.remove();
      continue;
    }
    const lazy = lazyImageAttributes(img.attributes, img.getAttribute('class'), img.getAttribute('src'));
    const lazyNames = lazy.length > 0 ? [...LAZY_SRC, ...lazy] : LAZY_SRC;
    const shown = webUrl(shownImageSource(img, imageSource((name) => img.getAttribute(name), lazyNames)), base);
    const enlarged = shown === null ? null : enlargedThumbnail(img, shown, base);
    const src = enlarged ?? (shown === null ? null : (squarespaceColumnSize(img, shown) ?? wixColumnSize(img, shown))) ?? shown;
    for (const name of LAZY_ATTRIBUTES) img.removeAttribute(name);
    // The thumbnail's size is no longer the picture's: the reader shows it at its own, up to its column.
    if (enlarged !== null) for (const name of ['width', 'height']) img.removeAttribute(name);
    if (src) img.setAttribute('src', src);
    else img.removeAttribute('src');
    // Its <picture>'s sources are read: the <img> now names the one chosen, and a second reading
    // (the sanitizer's of the extracted page, fixFeedHtml) finds its choice, not the sources again
    // without the width an enlarged thumbnail lost.
    if (img.parentElement?.localName === 'picture') for (const source of [...img.parentElement.children]) if (source.localName === 'source') source.remove();
    // Readability treats an image whose class says "lazy" as still to fix, and copies any other
    // attribute holding an image-like URL over src. Other classes stay: Readability keeps a
    // hidden image whose class says "fallback-image" (Wikipedia's formulas are such images).
    const classes = (img.getAttribute('class') ?? '').split(/\s+/).filter((name) => name !== '' && !/lazy/i.test(name));
    if (classes.length > 0) img.setAttribute('class', classes.join(' '));
    else img.removeAttribute('class');
  }
  images = images.filter((img) => img.isConnected);
  for (const element of media) {
    // Readability drops styles: the still a style draws (videoStill) is kept as the poster.
    if (element.localName === 'video') {
      const still = videoStill((name) => element.getAttribute(name));
      if (still !== null) element.setAttribute('poster', still);
    }
    const src = webUrl(element.getAttribute('src'), base);
    if (src) element.setAttribute('src', src);
    else element.removeAttribute('src');
  }
  for (const frame of frames) fixFrame(frame, base);
  return images;
}

/** An embedded player or document keeps its real address, absolute, in src: Readability keeps
 *  such a frame (extract.ts) and the sanitizer makes it a link. One with no web address, or
 *  hidden (a tag manager's or tracker's frame), is no part of the article. */
function fixFrame(frame: Element, base: URL | null): void {
  const src = webUrl(frameSource((name) => frame.getAttribute(name)), base);
  if (!src || isHiddenOrTiny((name) => frame.getAttribute(name))) {
    frame.remove();
    return;
  }
  for (const name of LAZY_SRC) frame.removeAttribute(name);
  frame.setAttribute('src', src);
}

/** AMP documents say so on their root element (<html amp> or <html ⚡>, the AMP spec requires
 *  it): only they use AMP's elements, and other pages are not searched for them. */
function isAmpPage(doc: Document): boolean {
  const root = doc.documentElement;
  return root.hasAttribute('amp') || root.hasAttribute('⚡');
}

// AMP's players, by their video id, as the frames their script would make.
const AMP_PLAYERS: Readonly<Record<string, (id: string) => string>> = {
  'amp-youtube': (id) => `https://www.youtube.com/embed/${encodeURIComponent(id)}`,
  'amp-vimeo': (id) => `https://player.vimeo.com/video/${encodeURIComponent(id)}`,
};

/** Each stand-in (isImageStandIn) as the <img> its script would show, with its alt and size. */
function replaceImageStandIns(standIns: readonly Element[]): void {
  for (const standIn of standIns) {
    if (!standIn.isConnected) continue;
    const img = standIn.ownerDocument.createElement('img');
    const attributes: [string, string | null][] = [
      ['src', standIn.getAttribute('src') ?? standIn.getAttribute('data-src') ?? bgsetCandidate(standIn.getAttribute('data-bgset') ?? '')],
      ['alt', standIn.getAttribute('alt') ?? standIn.getAttribute('data-alt')],
      ['width', standIn.getAttribute('width') ?? standIn.getAttribute('data-width')],
      ['height', standIn.getAttribute('height') ?? standIn.getAttribute('data-height')],
    ];
    for (const [name, value] of attributes) if (value !== null) img.setAttribute(name, value);
    standIn.replaceWith(img);
  }
}

/** AMP's images and embeds: custom elements that only AMP's script shows. */
export const AMP_STAND_INS: readonly string[] = ['amp-img', 'amp-anim', 'amp-iframe', 'amp-youtube', 'amp-vimeo'];

/** Each of AMP_STAND_INS becomes the <img> or <iframe> it stands for. Their content (a <noscript>
 *  copy of the image, a placeholder) is the same picture again, or nothing to read. */
function replaceAmpElements(doc: Document): void {
  for (const amp of doc.querySelectorAll(AMP_STAND_INS.join(', '))) {
    // An amp-img marked placeholder or fallback stands in for its parent while that loads.
    if (!amp.isConnected || amp.hasAttribute('placeholder') || amp.hasAttribute('fallback')) continue;
    const name = amp.localName;
    const player = AMP_PLAYERS[name];
    const id = amp.getAttribute('data-videoid');
    if (player && !id) {
      amp.remove();
      continue;
    }
    const element = doc.createElement(name === 'amp-img' || name === 'amp-anim' ? 'img' : 'iframe');
    // setAttribute puts each new attribute first: set in reverse, they keep the page's order.
    const attributes = [...amp.attributes];
    for (let i = attributes.length - 1; i >= 0; i--) {
      const { name: attribute, value } = attributes[i]!;
      if (attribute !== 'layout') element.setAttribute(attribute, value);
    }
    if (player && id) element.setAttribute('src', player(id));
    amp.replaceWith(element);
  }
}

// Embeds that only a script fills, each made the frame that script would make (as AMP's players
// above), which the sanitizer then makes a link: YouTube's lite-youtube facade, a GitHub gist's
// script and Jetpack's gist block; a TikTok quote keeps its caption and gets its video's frame.
// And Medium's feed's embeds (a gist, a video, a tweet): each an empty frame, sized 0 by 0, whose
// fallback is a link to medium.com/media/<id>/href, which sends a browser on to what it embeds.
// Substack's image gallery is no frame: it becomes the figure of pictures it names (substack-galleries.ts).
const SCRIPTED_EMBEDS = 'lite-youtube, script[src], div.gist-oembed, div.image-gallery-embed, blockquote.tiktok-embed, iframe:not([src]), iframe[src=""]';
const MEDIUM_EMBED = /^https:\/\/medium\.com\/media\/[0-9a-f]+\/href$/;

function replaceScriptedEmbeds(doc: Document, base: URL | null): void {
  for (const embed of doc.querySelectorAll(SCRIPTED_EMBEDS)) {
    const attr = (name: string) => embed.getAttribute(name);
    switch (embed.localName) {
      case 'lite-youtube': {
        // Its play label is "Play" and the video's title, or "Play: title".
        const title = attr('title') ?? attr('playlabel')?.replace(/^\s*play(?:\s+video)?\s*:?\s*/i, '');
        replaceWithFrame(embed, liteYoutubeSource(attr('videoid')), title);
        break;
      }
      case 'script':
        replaceWithFrame(embed, gistPage(webUrl(attr('src'), base)));
        break;
      case 'div': {
        const gallery = embed.classList.contains('image-gallery-embed') ? substackGalleryFigure(embed) : null;
        if (gallery) embed.replaceWith(gallery);
        else replaceWithFrame(embed, gistPage(attr('data-gist')));
        break;
      }
      case 'iframe': {
        const link = embed.querySelector('a[href]')?.getAttribute('href')?.trim() ?? '';
        replaceWithFrame(embed, MEDIUM_EMBED.test(link) ? link : null);
        break;
      }
      default: {
        const video = webUrl(attr('cite'), base);
        if (video) embed.append(frameOf(doc, video));
      }
    }
  }
}

function replaceWithFrame(embed: Element, src: string | null, title?: string | null): void {
  if (src) embed.replaceWith(frameOf(embed.ownerDocument, src, title));
}

function frameOf(doc: Document, src: string, title?: string | null): Element {
  const frame = doc.createElement('iframe');
  frame.setAttribute('src', src);
  if (title?.trim()) frame.setAttribute('title', title.trim());
  return frame;
}

// What in a feed item's HTML only fixImages makes plain: <noscript> fallbacks, <picture> sources,
// AMP's elements (a feed written from a site's AMP pages: its pictures are <amp-img>, which the
// sanitizer drops),
// the embeds of SCRIPTED_EMBEDS (Medium's told by its link, Substack's galleries by their class),
// Wix's blurred or tiny placeholders (wix-images.ts: its feeds write them as its pages do), and an image right after a tag that
// ends with an image's address, by its extension or Blogger's size (...=s1600), a thumbnail linked
// to its picture (lightbox-thumbnails.ts): looked behind each <img> for, not after each address,
// which a long item may hold by the thousand. Most items hold none, and are not parsed for it.
const NEEDS_FIXING = /<(?:noscript|picture|lite-youtube|amp-(?:img|anim|iframe|youtube|vimeo))\b|\b(?:gist-oembed|tiktok-embed|image-gallery-embed)\b|gist\.github\.com\/[^"'\s<>]*\.js\b|medium\.com\/media\/|wixstatic\.com\/media\/[^"'\s<>]*\/v1\/[^"'\s<>]*(?:blur_|[/,]w_\d{1,2},)|<img(?<=(?:\.(?:jpe?g|png|gif|webp|avif)|=[swh]\d+(?:-[a-z]+\d*)*)["'][^<>]{0,400}>\s*<img)\b/i;

/** A feed item's HTML with its images and embeds fixed as a page's are (fixImages), for the
 *  sanitizer; the HTML as it came when there is nothing to fix, or it cannot be parsed. A lazy
 *  image's <noscript> copy, say, is dropped whole by the sanitizer, leaving the placeholder. */
export function fixFeedHtml(html: string, base: URL | null): string {
  if (!NEEDS_FIXING.test(html)) return html;
  let doc: Document;
  try {
    // An item in AMP's elements is read as the AMP page it was written from (isAmpPage).
    doc = parsePage(`<!DOCTYPE html><html${/<amp-/i.test(html) ? ' amp' : ''}><head></head><body>${html}</body></html>`);
  } catch {
    return html;
  }
  fixImages(doc, base);
  return doc.body.innerHTML;
}

/** What a desktop browser shows of an image whose own source is `own`: in a <picture>, the first
 *  <source> that names a usable image of a type the reader shows (and the cache keeps: a JPEG XL
 *  or HEIC source is for other browsers) and whose media query holds for a desktop window (an
 *  art-directed source for phones, media="(max-width: 600px)", is a crop made for them); else its
 *  own; else, for a picture whose <img> names none, its first usable source. */
function shownImageSource(img: Element, own: string | null): string | null {
  if (img.parentElement?.tagName !== 'PICTURE') return own;
  let fallback: string | null = own;
  for (const source of img.parentElement.querySelectorAll('source')) {
    const type = source.getAttribute('type')?.split(';')[0]?.trim().toLowerCase();
    if (type && !CACHED_IMAGE_TYPES.has(type)) continue;
    // Chosen by the source's sizes, as a browser chooses, or by the width the reader shows the
    // <img> at (a picture shown as a 300-pixel inset needs no 1,400-pixel file).
    const found = imageSource((name) => (name === 'srcset' || LAZY_SRCSET.includes(name) || SIZES.includes(name) ? source.getAttribute(name) : name === 'width' ? img.getAttribute('width') : null));
    if (!found) continue;
    if (matchesDesktop(source.getAttribute('media'))) return found;
    fallback ??= found;
  }
  return fallback;
}

// The window the sources are chosen for: a desktop one (the reader's column is narrower, but a
// page's sources for wide windows are the pictures it shows everyone but phones), on the 2x
// screen urls.ts chooses srcset candidates for, in landscape.
const DESKTOP_WINDOW = { width: 1280, height: 800, density: 2 };

/** Whether a media query list holds for DESKTOP_WINDOW. Widths, heights, resolutions and
 *  orientation are read; a query naming anything else holds for no window here, as a browser
 *  makes of one it cannot read. */
function matchesDesktop(media: string | null): boolean {
  if (media === null || media.trim() === '') return true;
  return media.split(',').some((query) => {
    const [, not, rest] = /^\s*(not\s+)?(?:only\s+)?(.*)$/is.exec(query)!;
    const holds = rest!.split(/\s+and\s+/i).every(mediaPartHolds);
    return not ? !holds : holds;
  });
}

function mediaPartHolds(part: string): boolean {
  const trimmed = part.trim().toLowerCase();
  if (trimmed === 'all' || trimmed === 'screen') return true;
  // (min-width: 600px), (-webkit-min-device-pixel-ratio: 2), (orientation: landscape)...
  const prefixed = /^\((?:-webkit-)?(?:(min|max)-)?([a-z-]+)\s*:\s*([^)]+)\)$/.exec(trimmed);
  if (prefixed) return compareFeature(prefixed[2]!, prefixed[1] === 'min' ? '>=' : prefixed[1] === 'max' ? '<=' : '=', prefixed[3]!);
  // ...and the range syntax: (width >= 600px), (width < 37.5em).
  const range = /^\(([a-z-]+)\s*(<=|>=|<|>|=)\s*([^)]+)\)$/.exec(trimmed);
  return range ? compareFeature(range[1]!, range[2]!, range[3]!) : false;
}

function compareFeature(name: string, comparison: string, value: string): boolean {
  const actual = mediaFeature(name);
  const wanted = mediaValue(name, value.trim());
  if (actual === null || wanted === null) return false;
  if (typeof actual === 'string' || typeof wanted === 'string') return comparison === '=' && actual === wanted;
  switch (comparison) {
    case '>=':
      return actual >= wanted;
    case '<=':
      return actual <= wanted;
    case '>':
      return actual > wanted;
    case '<':
      return actual < wanted;
    default:
      return actual === wanted;
  }
}

/** DESKTOP_WINDOW's value of a media feature (in px, or dppx for a resolution); null for another feature. */
function mediaFeature(name: string): number | string | null {
  switch (name) {
    case 'width':
    case 'device-width':
      return DESKTOP_WINDOW.width;
    case 'height':
    case 'device-height':
      return DESKTOP_WINDOW.height;
    case 'resolution':
    case 'device-pixel-ratio':
      return DESKTOP_WINDOW.density;
    case 'orientation':
      return 'landscape';
    default:
      return null;
  }
}

/** A media feature's value in the units of mediaFeature: px (1em is 16px), dppx (96dpi is 1). */
function mediaValue(name: string, value: string): number | string | null {
  if (name === 'orientation') return value;
  const number = /^(\d*\.?\d+)(px|em|rem|dppx|x|dpi)?$/.exec(value);
  if (!number) return null;
  const amount = Number(number[1]);
  switch (number[2]) {
    case 'em':
    case 'rem':
      return amount * 16;
    case 'dpi':
      return amount / 96;
    default:
      return amount;
  }
}

/** A lazy-loading theme writes the real image or embedded player again inside <noscript> for
 *  readers without scripts: that copy replaces the placeholder just before it (as Readability
 *  would do, had it the chance) or, with no placeholder, stands where the <noscript> was. Without
 *  this it goes with the <noscript> (the sanitizer drops those whole). Tracking pixels and tag
 *  managers' hidden frames stay out; so does the rest. */
function unwrapNoscriptFallbacks(doc: Document): void {
  for (const noscript of elementsByTag(doc, 'noscript')) {
    const shown = [...noscript.querySelectorAll('img, iframe')];
    // Anything else in a <noscript> ("enable JavaScript to read this") never shows in the reader.
    if (shown.length === 0 || (noscript.textContent ?? '').trim() !== '' || shown.every((element) => isHiddenOrTiny((name) => element.getAttribute(name)))) {
      noscript.remove();
      continue;
    }
    if (sameImageAfter(noscript, shown)) {
      noscript.remove();
      continue;
    }
    const placeholder = placeholderBefore(noscript);
    if (placeholder && namesSamePicture(placeholder, shown)) {
      noscript.remove();
      continue;
    }
    const content = [...noscript.childNodes];
    if (placeholder) {
      placeholder.replaceWith(...content);
      noscript.remove();
    } else {
      noscript.replaceWith(...content);
    }
  }
}

/** Autoptimize and others write the <noscript> copy first and the lazy image after it: the same
 *  image twice once the lazy one is read (fixImages reads its real source), so the copy goes,
 *  when the lazy one names the same picture, in whatever size (its srcset may offer a larger). */
function sameImageAfter(noscript: Element, shown: readonly Element[]): boolean {
  const next = noscript.nextElementSibling;
  if (next?.tagName !== 'IMG' || shown.length !== 1 || shown[0]!.tagName !== 'IMG') return false;
  const source = (img: Element) => imageSource((name) => img.getAttribute(name));
  const own = source(shown[0]!);
  const lazy = source(next);
  return own !== null && lazy !== null && (own === lazy || sameImageKey(own) === sameImageKey(lazy));
}

/** Whether the lazy image before a <noscript> (or in its small wrapper) names, in its loader's
 *  attributes, the picture its one copy in the <noscript> shows: then the lazy one is what a
 *  browser shows, with the sizes its loader's srcset offers (EWWW's, LiteSpeed's and Perfmatters'
 *  copies may name one size, the 1,024-pixel one, where the loader's srcset has the 1,536 the
 *  column needs), and the copy goes. A placeholder naming nothing (a bare data: image) is replaced. */
function namesSamePicture(placeholder: Element, shown: readonly Element[]): boolean {
  if (shown.length !== 1 || shown[0]!.tagName !== 'IMG') return false;
  const lazy = placeholder.tagName === 'IMG' ? placeholder : placeholder.querySelector('img');
  if (!lazy || ![...LAZY_SRC, ...LAZY_SRCSET].some((name) => lazy.hasAttribute(name))) return false;
  const own = imageSource((name) => shown[0]!.getAttribute(name));
  const loaded = imageSource((name) => lazy.getAttribute(name));
  return own !== null && loaded !== null && (own === loaded || sameImageKey(own) === sameImageKey(loaded));
}

/** The element just before the <noscript> that its script would have filled: an image or frame,
 *  a small wrapper of one, or an empty box (WP Rocket's YouTube placeholder, a <div> it fills
 *  with the player). */
function placeholderBefore(noscript: Element): Element | null {
  const previous = noscript.previousElementSibling;
  if (!previous || (previous.textContent ?? '').trim() !== '') return null;
  if (previous.tagName === 'IMG' || previous.tagName === 'PICTURE' || previous.tagName === 'IFRAME') return previous;
  const inside = previous.querySelectorAll('img, iframe');
  if (inside.length === 0) return (previous.tagName === 'DIV' || previous.tagName === 'SPAN') && previous.children.length === 0 ? previous : null;
  return inside.length === 1 && previous.querySelectorAll('*').length <= 3 ? previous : null;
}

/** An image or frame nobody sees, by its attributes: a tracker's or tag manager's, or one hidden
 *  for screen readers only (WordPress's post embed hides its frame so, behind the quote of the
 *  post it shows: position:absolute with a clip of a pixel), or put far off the screen (a
 *  counter's image at left:-9999px). The sanitizer asks it of frames and images too: the reader
 *  drops their style, and would show what the page hides. */
export function isHiddenOrTiny(attr: (name: string) => string | null | undefined): boolean {
  const tiny = (name: string) => /^\s*[0-2]\s*(?:px)?\s*$/i.test(attr(name) ?? '');
  return tiny('width') || tiny('height') || hidesItsContent(attr);
}

/** Whether an element, by its attributes, hides itself and all it holds: hidden, display:none
 *  (with !important, in any case), visibility:hidden, clipped to a pixel, put off the screen, or
 *  shut to a pixel or none with its overflow hidden. Counters' snippets wrap their image so:
 *  <span style="display:none"><img src="...counter.gif"></span>. The sanitizer asks it of each
 *  element an image is in; fixImages too (inHiddenWrapper). */
export function hidesItsContent(attr: (name: string) => string | null | undefined): boolean {
  const style = attr('style') ?? '';
  return attr('hidden') != null || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || clippedAway(style) || offScreen(style) || (/overflow\s*:\s*hidden/i.test(style) && isTrackingPixel('', null, null, style));
}

// A hidden element holding more text than a line is no counter's wrapper: a page its server sends
// hidden for a script to show (hidden-wrappers.test.ts), whose story is the article.
const WRAPPER_TEXT = 200;

/** Whether an element the image is in hides it (hidesItsContent), or fades it out when it is no
 *  picture (fadesItsContent), and holds no more than a line of text: a counter's or a tracker's
 *  wrapper. Readability drops most hidden elements itself, but
 *  reads their style as a browser's object model gives it, which linkedom does not for
 *  "display: none !important" nor in capitals; an image off the screen or in a box of no size it
 *  keeps. Each would show in the reader, which drops styles, and be fetched by the sync. */
function inHiddenWrapper(img: Element): boolean {
  for (let node = img.parentElement; node && node.localName !== 'body'; node = node.parentElement) {
    const attr = (name: string) => node.getAttribute(name);
    if (hidesItsContent(attr) || (fadesItsContent(attr) && !markedAsPicture((name) => img.getAttribute(name), img.closest('figure, picture') !== null))) {
      return (node.textContent ?? '').replace(/\s+/g, ' ').trim().length <= WRAPPER_TEXT;
    }
  }
  return false;
}

// opacity:0 (or 0%, 0.0, with !important), a declaration of its own.
const NO_OPACITY = /(?:^|;)\s*opacity\s*:\s*(?:0*\.)?0+%?\s*(?:!\s*important\s*)?(?:;|$)/i;

/** Whether an element's style fades it and all it holds out (opacity:0). Unlike hidesItsContent
 *  this hides for a moment, not for good: a lazy loader sets it on the real picture until its file
 *  has come, and a page builder's entrance animation (Webflow's, Framer's) on a box of the story
 *  until it scrolls into view; the script then fades them in. Only a counter's snippet writes it
 *  to hide an image that nothing will show, and such an image is no picture (markedAsPicture):
 *  the one ruled out of the reader is an image without a picture's marks in a faded box. An image
 *  faded itself is the loader's: never ruled out for it. */
export function fadesItsContent(attr: (name: string) => string | null | undefined): boolean {
  const style = attr('style');
  return style != null && style.includes('opacity') && NO_OPACITY.test(style);
}

/** Whether an image carries what a picture meant to be seen does and a counter's never does: text
 *  for who cannot see it (alt), the sizes a browser chooses from (a srcset, a <picture>'s sources),
 *  a lazy loader's real source, or a caption (`inFigure`). A counter's snippet is an address and
 *  an empty alt. */
export function markedAsPicture(attr: (name: string) => string | null | undefined, inFigure: boolean): boolean {
  if (inFigure || (attr('alt') ?? '').trim() !== '' || attr('srcset') || /\blazy/i.test(attr('class') ?? '')) return true;
  return [...LAZY_SRC, ...LAZY_SRCSET].some((name) => attr(name));
}

const POSTER_ATTRIBUTES = ['data-poster', 'data-lazy-poster', 'poster'];

/** The still a video shows before it plays (often the story's key image), unresolved: a lazy
 *  loader's data-poster first, as imageSource reads data-src before src, then its poster; one that
 *  is inline data or a placeholder file passed over for the picture its style draws behind it.
 *  Ghost's video card names a spacer as its poster (img.spacergif.org/.../spacer.png) and draws
 *  its thumbnail as the video's background: the reader showed a blank still, fetched from a
 *  stranger's host. */
export function videoStill(attr: (name: string) => string | null | undefined): string | null {
  for (const name of POSTER_ATTRIBUTES) {
    const poster = attr(name)?.trim();
    if (poster && !/^data:/i.test(poster) && !isPlaceholderFile(poster)) return poster;
  }
  return cssBackground(attr('style') ?? '');
}

/** An absolutely positioned box moved a screen's width or more off its left or top edge
 *  (left:-9999px, top:-10000px, left:-999em), where no window shows it. */
function offScreen(style: string): boolean {
  if (!/position\s*:\s*(?:absolute|fixed)/i.test(style)) return false;
  for (const [, amount, unit] of style.matchAll(/(?:^|[;\s])(?:left|top)\s*:\s*-(\d*\.?\d+)(px|r?em)\b/gi)) {
    if (Number(amount) * (unit!.toLowerCase() === 'px' ? 1 : 16) >= 1000) return true;
  }
  return false;
}

/** A clip: rect(top, right, bottom, left) (commas or spaces) that leaves a pixel or less of an
 *  absolutely positioned box, which is all clip applies to. */
function clippedAway(style: string): boolean {
  if (!/position\s*:\s*(?:absolute|fixed)/i.test(style)) return false;
  const rect = /clip\s*:\s*rect\(([^)]*)\)/i.exec(style)?.[1]?.split(/[\s,]+/).filter(Boolean);
  if (rect?.length !== 4) return false;
  const [top, right, bottom, left] = rect.map((value) => /^(-?\d*\.?\d+)(?:px)?$/i.exec(value)?.[1]);
  const span = (from: string | undefined, to: string | undefined) => (from === undefined || to === undefined ? Infinity : Number(to) - Number(from));
  return span(left, right) <= 1 || span(top, bottom) <= 1;
}
