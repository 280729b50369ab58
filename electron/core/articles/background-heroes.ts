// A story's lead picture shown as a CSS background rather than an <img> (or as an <img> outside
// the story's text, on a page that names no og:image: heroImage): the hero above the text
// of many themes (Newspaper's and JNews's featured backgrounds, Soledad's, Jannah's, GeneratePress's
// and Astra's page heroes, Ghost themes' covers, Webflow's heroes), in the element's style
// (style="background-image:url(...)"), in a lazy loader's attribute (data-bg, data-background,
// data-background-image, lazysizes' data-bgset, tagDiv's data-img-url), or in a <style> rule
// naming the element. Readability reads no backgrounds, and such a page often names no og:image,
// or only the site's logo or social card: the reader had no picture above the text, or the logo.
//
// Themes put many backgrounds on a page besides the hero: the site's header pattern, icons and
// sprites, and the tiles of their rails of other stories. The hero is told from them as themes lay
// it out: it stands before the story's first paragraph, links to no other page, is one picture
// (not one of a row), is a photo upload (no SVG, no theme asset named as a logo, icon, pattern...),
// and is named as a hero (hero, featured, cover, banner, thumb...) or is the only one there.
import { isHiddenOrTiny } from './page-images';
import { sameImageKey } from './image-key';
import { bgsetCandidate, cssBackground, webUrl } from './urls';

const LAZY_BACKGROUNDS = ['data-bg', 'data-background', 'data-background-image', 'data-bg-src', 'data-bgset', 'data-img-url'];
const CANDIDATES = `[style*="url("], ${LAZY_BACKGROUNDS.map((name) => `[${name}]`).join(', ')}`;
// A rule of a <style> sheet that gives an element its background: its selector and declarations.
const CSS_RULE = /([^{}]+)\{([^{}]*url\([^{}]*)\}/g;
// How themes name the hero and its wrappers.
const HERO_NAME = /hero|featured|feature-image|cover|banner|post-thumb|entry-thumb|post-image|entry-image|header-image|single-image|jumbotron|splash/i;
// A picture a theme draws, not a story's photo, by its file's name (or its folder: isDecoration).
const DECORATION = /(?:^|[/_.-])(?:logo|sprite|icons?|favicon|pattern|texture|noise|grain|placeholder|blank|spacer|transparent|overlay|gradient|shadow|avatar|default|fallback|loading|loader|bg|background)(?=$|[/_.-])|\.svg$/i;
// An og:image that is the site's, not the story's: its logo or social card, by its file's name.
const SITE_CARD = /(?:^|[/_.-])(?:logo|default|fallback|placeholder|og-?image|social|share|sharing|card|brand|site-?icon|favicon)(?=$|[/_.-])|\.svg(?:$|[?#])/i;
// A paragraph of the story's own text, not a caption or a line of the page's furniture.
const TEXT_PARAGRAPH = 80;
// How many levels above a background its hero's name may be.
const NAME_LEVELS = 3;
// A background with this many others beside it (in its parent or grandparent) is a slide or a tile.
const TILE_NEIGHBOURS = 2;

/** Whether `leadImageUrl` (the page's og:image) leaves room for a hero of the page's own: none,
 *  or the site's logo or social card by its file's name. */
export function isSiteCard(leadImageUrl: string | null): boolean {
  if (leadImageUrl === null) return true;
  const path = leadImageUrl.replace(/[?#].*$/, '');
  return SITE_CARD.test(path.slice(path.lastIndexOf('/')));
}

/** The address (absolute) of the page's hero when it is a background (see above), else null.
 *  `paragraphs` and `headline`: the page's (page-cleanup.ts findPageParts), to find where the
 *  story's text starts. Read before fixImages, which makes some lazy <div>s pictures. */
export function heroBackground(doc: Document, base: URL | null, paragraphs: readonly Element[], headline: Element | null): string | null {
  const text = firstTextParagraph(paragraphs, headline);
  const found: { element: Element; url: string }[] = [];
  const add = (element: Element, value: string | null) => {
    const url = webUrl(value, base);
    if (url && !found.some((other) => other.element === element)) found.push({ element, url });
  };
  for (const element of doc.querySelectorAll(CANDIDATES)) add(element, backgroundOf(element));
  for (const sheet of doc.querySelectorAll('style')) {
    for (const [, selector, declarations] of (sheet.textContent ?? '').matchAll(CSS_RULE)) {
      const url = cssBackground(declarations!);
      const element = url ? onlyMatch(doc, selector!) : null;
      if (element) add(element, url!);
    }
  }
  const heroes = found.filter(({ element, url }) => isHeroPlace(element, text) && !isDecoration(url) && !inLinkElsewhere(element, url, base) && !isTile(element, found));
  return (heroes.find(({ element }) => isNamedHero(element)) ?? (heroes.length === 1 ? heroes[0] : undefined))?.url ?? null;
}

// A lead photo is shown at least this wide (a thumbnail of a rail is 150 to 300 pixels, an ad's
// medium rectangle 300), and is no banner: an ad's leaderboard (728 by 90) or billboard (970 by
// 250) is wider than three times its height, a skyscraper (160 by 600) taller than twice its width.
const HERO_MIN_WIDTH = 400;
const HERO_MAX_WIDE = 3;
const HERO_MAX_TALL = 2;

/** The page's hero when it is an <img> above the story's text, for a page whose og:image names no
 *  picture of the story's (isSiteCard): a theme's <div class="featured-image"> or <figure
 *  class="post-hero"> above the <article> that holds the text, which Readability leaves out. Told
 *  from the site's other pictures as a background hero is (see above), and by its size when the
 *  page gives it (heroSized): with none, only one named as a hero. `images`: the page's, as
 *  fixImages made them (src absolute); null when the page has no text to stand above. */
export function heroImage(images: readonly Element[], base: URL | null, paragraphs: readonly Element[], headline: Element | null): Element | null {
  const text = firstTextParagraph(paragraphs, headline);
  if (text === null) return null;
  const placed = images
    .map((element) => ({ element, url: element.getAttribute('src') ?? '' }))
    .filter(({ element, url }) => url !== '' && isHeroPlace(element, text));
  const heroes = placed.filter(({ element, url }) => !isDecoration(url) && !inLinkElsewhere(element, url, base) && !isTile(element, placed));
  const sized = heroes.filter(({ element }) => heroSized(element) ?? isNamedHero(element));
  return (sized.find(({ element }) => isNamedHero(element)) ?? (sized.length === 1 ? sized[0] : undefined))?.element ?? null;
}

/** Whether the size the page gives the image (its width and height attributes) is a lead photo's;
 *  null when it gives none. */
function heroSized(img: Element): boolean | null {
  const number = (name: string) => {
    const value = /^\s*(\d+)\s*(?:px)?\s*$/i.exec(img.getAttribute(name) ?? '')?.[1];
    return value === undefined ? null : Number(value);
  };
  const width = number('width');
  const height = number('height');
  if (width === null) return null;
  if (width < HERO_MIN_WIDTH) return false;
  return height === null || (height > 0 && width <= HERO_MAX_WIDE * height && height <= HERO_MAX_TALL * width);
}

/** The picture an element's style or lazy loader's attribute gives it as its background. */
function backgroundOf(element: Element): string | null {
  for (const name of LAZY_BACKGROUNDS) {
    const value = element.getAttribute(name)?.trim();
    if (!value) continue;
    // WP Rocket writes data-bg="url(...)"; lazysizes' bgset is sets of srcsets (bgsetCandidate).
    const inUrl = /^url\(\s*(['"]?)(.+?)\1\s*\)$/i.exec(value)?.[2];
    if (inUrl) return inUrl;
    if (name === 'data-bgset') return bgsetCandidate(value);
    return value;
  }
  return cssBackground(element.getAttribute('style') ?? '');
}

/** The one element a rule's selector names (a hero is one; a rule for many is a tile's). */
function onlyMatch(doc: Document, selector: string): Element | null {
  // The picture is the element's own whether drawn on it or on its ::before.
  const plain = selector.trim().replace(/::?(?:before|after)\b/g, '');
  if (plain === '' || plain.startsWith('@') || plain.includes(',') || /:(?!not\()/.test(plain)) return null;
  try {
    const matches = doc.querySelectorAll(plain);
    return matches.length === 1 ? matches[0]! : null;
  } catch {
    return null;
  }
}

/** The story's first paragraph after its headline (or on the page, without one): one of some
 *  length beside another (a standfirst above the hero stands alone in the article's header). */
function firstTextParagraph(paragraphs: readonly Element[], headline: Element | null): Element | null {
  const all = new Set(paragraphs);
  for (const paragraph of paragraphs) {
    if (!paragraph.isConnected || (headline && !follows(paragraph, headline))) continue;
    if (!isLong(paragraph) || paragraph.closest('a')) continue;
    const siblings = [paragraph.previousElementSibling, paragraph.nextElementSibling];
    if (siblings.some((sibling) => sibling !== null && all.has(sibling))) return paragraph;
  }
  return null;
}

function isLong(paragraph: Element): boolean {
  return (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().length >= TEXT_PARAGRAPH;
}

/** Above the story's text (not a wrapper of it), on the page, shown. */
function isHeroPlace(element: Element, text: Element | null): boolean {
  if (!element.isConnected || isHiddenOrTiny((name) => element.getAttribute(name))) return false;
  if (text === null) return true;
  return !element.contains(text) && follows(text, element);
}

/** Whether `later` comes after `earlier` in the page's order (linkedom's compareDocumentPosition
 *  misorders elements of a DOM built as page-document.ts builds it). */
function follows(later: Element, earlier: Element): boolean {
  const chain = (element: Element) => {
    const ancestors: Element[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) ancestors.unshift(node);
    return ancestors;
  };
  const a = chain(earlier);
  const b = chain(later);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  // One holds the other: the holder opens first.
  if (shared === a.length || shared === b.length) return shared === a.length && shared < b.length;
  for (let node = a[shared]!.nextElementSibling; node; node = node.nextElementSibling) if (node === b[shared]) return true;
  return false;
}

function isDecoration(url: string): boolean {
  const path = url.replace(/[?#].*$/, '');
  return DECORATION.test(path.slice(path.lastIndexOf('/'))) || /\/wp-content\/(?:themes|plugins)\//i.test(path);
}

/** In a link to another page: a tile of a rail of stories. A link to the picture itself (a
 *  lightbox's) or to the page is the hero's own. */
function inLinkElsewhere(element: Element, url: string, base: URL | null): boolean {
  const link = element.closest('a[href]');
  if (!link) return false;
  const href = webUrl(link.getAttribute('href'), base);
  if (href === null) return false;
  return sameImageKey(href) !== sameImageKey(url) && href.replace(/#.*$/, '') !== base?.href.replace(/#.*$/, '');
}

/** One of a row of backgrounds: its parent or grandparent holds others (a slider, a grid). */
function isTile(element: Element, found: readonly { element: Element }[]): boolean {
  for (let container = element.parentElement, level = 0; container && level < 2; container = container.parentElement, level++) {
    if (found.filter((other) => other.element !== element && container.contains(other.element)).length >= TILE_NEIGHBOURS) return true;
  }
  return false;
}

function isNamedHero(element: Element): boolean {
  for (let node: Element | null = element, level = 0; node && level <= NAME_LEVELS; node = node.parentElement, level++) {
    if (HERO_NAME.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}
