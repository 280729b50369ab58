// URL helpers shared by extraction (on a DOM) and sanitizing (on parser attributes): resolving
// against the page, the schemes we accept, and which of an image's many sources is the real one.

const WEB_SCHEMES = new Set(['http:', 'https:']);
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Parses a base URL once; null when it is not an absolute URL (then only absolute URLs resolve). */
export function parseBase(base: string | null | undefined): URL | null {
  if (!base) return null;
  try {
    return new URL(base);
  } catch {
    return null;
  }
}

/** `value` resolved against `base`, or null when it cannot be parsed. */
export function resolveUrl(value: string | null | undefined, base: URL | null): URL | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    return base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
}

/** Absolute http(s) URL (images, media), else null. The URL parser has already undone
 *  entity, case, tab and whitespace tricks, so the scheme check cannot be dodged. */
export function webUrl(value: string | null | undefined, base: URL | null): string | null {
  const url = resolveUrl(value, base);
  return url && WEB_SCHEMES.has(url.protocol) ? url.href : null;
}

/** Absolute http(s) or mailto URL (links), else null. */
export function linkUrl(value: string | null | undefined, base: URL | null): string | null {
  const url = resolveUrl(value, base);
  return url && LINK_SCHEMES.has(url.protocol) ? url.href : null;
}

interface SrcsetCandidate {
  readonly url: string;
  readonly width: number | null;
  readonly density: number;
}

// The reader's column is 46rem (736 CSS pixels: renderer/src/styles/reader.css), and most screens
// people read on now are 2x: an image is sharp there at 1,472 pixels wide. A larger candidate is
// only bytes on the disk (a WordPress original is often 2,560 pixels and ten times the 1,536 one).
const COLUMN_CSS_PX = 736;
const SCREEN_DENSITY = 2;
/** The width, in pixels, of a picture sharp across the reader's column on such a screen. */
export const COLUMN_IMAGE_WIDTH = SCREEN_DENSITY * COLUMN_CSS_PX;

/** The srcset candidate a browser on a 2x screen would pick for the reader's column: by width
 *  descriptor, the smallest that is wide enough, else the largest; by density, the one nearest
 *  the need (nearestDensity).
 *  `displayWidth`: how wide the page shows the image, in CSS pixels, when it says (an image
 *  shown as a 300-pixel thumbnail needs no 1,472-pixel file). Parsed the way the HTML standard
 *  does, so URLs containing commas (image CDNs use them) survive. Placeholders are no candidates. */
export function bestSrcsetCandidate(srcset: string | null | undefined, displayWidth: () => number | null = () => null): string | null {
  if (!srcset) return null;
  const candidates = parseSrcset(srcset).filter((candidate) => isRealAddress(candidate.url) && !isPlaceholderFile(candidate.url));
  const byWidth = candidates.filter((candidate) => candidate.width !== null);
  if (byWidth.length > 0) {
    const wanted = SCREEN_DENSITY * Math.min(COLUMN_CSS_PX, displayWidth() ?? COLUMN_CSS_PX);
    return smallestReaching(byWidth, (candidate) => candidate.width!, wanted);
  }
  if (candidates.length === 0) return null;
  // Densities are of the width the page shows it at: an image 1,600 pixels wide at 1x (Next.js's
  // next/image with its width) already fills the reader's column on a 2x screen.
  const shown = displayWidth();
  const wanted = shown === null ? SCREEN_DENSITY : (SCREEN_DENSITY * Math.min(COLUMN_CSS_PX, shown)) / shown;
  return nearestDensity(candidates, wanted);
}

/** The density candidate nearest the need, by Chromium's rule (HTMLSrcsetParser's
 *  SelectionLogic): of the two on either side of it, the larger only when the need reaches their
 *  geometric mean. A density srcset is a 1x and a 2x, a factor of two apart (a width srcset lists
 *  many widths, and its smallest that reaches the need is near it): the smallest that reaches the
 *  need may be twice it, and Next.js's next/image rounds a 2x up to the next width its service
 *  makes. A picture the page shows 1,200 pixels wide: 1x is its 1,200-pixel file, 2x its
 *  3,840-pixel one (2,400 rounded up), for a column that needs 1,472; the need is 1.23x, under
 *  the geometric mean of 1x and 2x (1.41x), and 1x is taken, as Chromium takes it. */
function nearestDensity(candidates: readonly SrcsetCandidate[], wanted: number): string {
  const sorted = [...candidates].sort((a, b) => a.density - b.density);
  const above = sorted.findIndex((candidate) => candidate.density >= wanted);
  if (above === -1) return sorted[sorted.length - 1]!.url;
  const below = sorted[above - 1];
  return below !== undefined && wanted < Math.sqrt(below.density * sorted[above]!.density) ? below.url : sorted[above]!.url;
}

/** The srcset candidate, by width descriptor, that fills the reader's column whatever width the
 *  page shows the image at: the smallest that fills it on a 2x screen, else the largest that fills
 *  it at 1x (an older WordPress's srcset ends at 1,024 pixels, its original may be 4,000); null
 *  when none does. For a thumbnail whose link opens the picture itself (lightbox-thumbnails.ts):
 *  the page shows it small, the reader across its column. */
export function columnFillingCandidate(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  const filling = parseSrcset(srcset).filter((candidate) => candidate.width !== null && candidate.width >= COLUMN_CSS_PX && isRealAddress(candidate.url) && !isPlaceholderFile(candidate.url));
  return filling.length > 0 ? smallestReaching(filling, (candidate) => candidate.width!, COLUMN_IMAGE_WIDTH) : null;
}

function smallestReaching(candidates: readonly SrcsetCandidate[], size: (candidate: SrcsetCandidate) => number, wanted: number): string {
  let fitting: SrcsetCandidate | null = null;
  let largest = candidates[0]!;
  for (const candidate of candidates) {
    if (size(candidate) > size(largest)) largest = candidate;
    if (size(candidate) >= wanted && (!fitting || size(candidate) < size(fitting))) fitting = candidate;
  }
  return (fitting ?? largest).url;
}

// Where an image's sizes are: its own, or where a lazy loader keeps them until it sets them
// (lazysizes' data-sizes, WP Rocket's and Jetpack's data-lazy-sizes beside data-lazy-srcset).
export const SIZES = ['sizes', 'data-sizes', 'data-lazy-sizes'];

/** How wide the page shows an image, in CSS pixels, when it says so in pixels: its width
 *  attribute, else the default (last) length of its sizes ("(max-width: 600px) 100vw, 300px"). */
export function displayWidthOf(attr: (name: string) => string | null | undefined): number | null {
  const width = /^\s*(\d+)\s*(?:px)?\s*$/i.exec(attr('width') ?? '');
  if (width) return Number(width[1]) || null;
  const sizes = SIZES.reduce<string | null | undefined>((found, name) => found ?? attr(name), null);
  const fallback = /(?:^|,)\s*(\d+(?:\.\d+)?)px\s*$/i.exec(sizes ?? '');
  return fallback ? Number(fallback[1]) || null : null;
}

/** Whether the page shows the image narrower than the reader's column, by its width attribute
 *  or sizes (displayWidthOf); false when it does not say. */
export function shownNarrowerThanColumn(attr: (name: string) => string | null | undefined): boolean {
  const width = displayWidthOf(attr);
  return width !== null && width < COLUMN_CSS_PX;
}

function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const urlStart = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(urlStart, i);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const descStart = i;
      let depth = 0;
      while (i < srcset.length && (srcset[i] !== ',' || depth > 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptors = srcset.slice(descStart, i).trim();
    }
    if (url === '') continue;
    const candidate = withDescriptors(url, descriptors);
    if (candidate !== null) candidates.push(candidate);
  }
  return candidates;
}

/** A candidate with its descriptors read as the HTML standard reads them: a width (800w) or a
 *  density (2x), a height only beside a width; none is 1x. A candidate naming both a width and a
 *  density (/big.jpg 3000w 2x), one twice, or anything else is dropped, as browsers drop it: it is
 *  no size of the picture a browser shows, which falls back to the other candidates, or to src. */
function withDescriptors(url: string, descriptors: string): SrcsetCandidate | null {
  if (descriptors === '') return { url, width: null, density: 1 };
  let width: number | null = null;
  let density: number | null = null;
  let height = false;
  for (const descriptor of descriptors.split(/\s+/)) {
    const found = /^(\d*\.?\d+)([wxh])$/i.exec(descriptor);
    const kind = found?.[2]!.toLowerCase();
    if (!found || (kind === 'w' && width !== null) || (kind === 'x' && density !== null) || (kind === 'h' && height)) return null;
    if (kind === 'w') width = Number(found[1]);
    else if (kind === 'x') density = Number(found[1]);
    else height = true;
  }
  if ((width !== null && density !== null) || (height && width === null)) return null;
  return { url, width, density: density ?? 1 };
}

// Lazy-loading scripts (lazysizes, a3, Jetpack, WP Rocket...) keep the real image in one of these
// and a placeholder in src; with no script running, the placeholder is all a reader would get.
// Optimole's placeholder is the picture itself at its lowest quality (q:eco), data-opt-src the picture.
export const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-orig-src', 'data-url', 'data-hi-res-src', 'data-opt-src'];
export const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

/** The image's real source, unresolved: lazy-loading attributes first (when present they hold
 *  the real one, whatever src and srcset hold; one that repeats src holds nothing more), then the
 *  image's own; in each, a srcset before a single address, as browsers choose (a srcset names the
 *  sizes; src is the fallback, often the small one), its candidate picked for the reader's column
 *  (bestSrcsetCandidate). Null when all there is is an inline (data:) image or a placeholder like "#".
 *  `lazyNames`: the attributes to read as lazy-loading ones, in order (LAZY_SRC and, for an image
 *  a page marks as lazy, whichever others hold an image URL: see lazyImageAttributes). */
export function imageSource(attr: (name: string) => string | null | undefined, lazyNames: readonly string[] = LAZY_SRC): string | null {
  // Read only for a srcset with widths: most images have none.
  const displayWidth = () => displayWidthOf(attr);
  for (const name of LAZY_SRCSET) {
    const best = bestSrcsetCandidate(attr(name), displayWidth);
    if (best) return best;
  }
  const own = attr('src')?.trim();
  for (const name of lazyNames) {
    const value = attr(name)?.trim();
    // One that names what src already shows stands in for no placeholder: a loader's swap changes
    // nothing, and a browser shows the srcset's candidate (Squarespace writes its original upload
    // in src, data-src and data-image, beside a srcset of the ?format=1500w sizes it makes of it).
    if (value === own) continue;
    // Some themes put a whole srcset in data-src: its candidate, not the string as a URL.
    const source = value && SRCSET_DESCRIPTOR.test(value) ? bestSrcsetCandidate(value, displayWidth) : value && WIDTH_TEMPLATE.test(value) ? sizedTemplate(value, attr('data-widths')) : value;
    if (source && isRealAddress(source)) return source;
  }
  const best = bestSrcsetCandidate(attr('srcset'), displayWidth);
  if (best) return best;
  return own && isRealAddress(own) ? own : null;
}

// An address with the width left for the script to fill in (lazysizes' RIAS plugin, Shopify's
// themes, the BBC): ".../brew_{width}x.jpg" with data-widths="[180,360,...]".
const WIDTH_TEMPLATE = /\{width\}/;

/** The template with the smallest of its widths that fills the reader's column, or its largest;
 *  null (the image's other attributes are read) when the page lists no widths. */
function sizedTemplate(template: string, widths: string | null | undefined): string | null {
  const listed = (widths?.match(/\d+/g) ?? []).map(Number).filter((width) => width > 0).sort((a, b) => a - b);
  if (listed.length === 0) return null;
  const wanted = SCREEN_DENSITY * COLUMN_CSS_PX;
  const width = listed.find((candidate) => candidate >= wanted) ?? listed[listed.length - 1]!;
  return template.replace(WIDTH_TEMPLATE, String(width));
}

// A URL followed by a width or density descriptor (and perhaps more candidates).
const SRCSET_DESCRIPTOR = /\S\s+\d+(?:\.\d+)?[wx]\s*(?:,|$)/i;

/** Not an inline image, a bare fragment ("#": the page itself) or about:/javascript: filler. */
function isRealAddress(url: string): boolean {
  return !/^(?:data:|#|about:|javascript:)/i.test(url);
}

/** An iframe's real source, unresolved: a lazy-loading attribute first (lazy loaders keep a
 *  frame's address where they keep an image's, with about:blank in src), then src. */
export function frameSource(attr: (name: string) => string | null | undefined): string | null {
  for (const name of [...LAZY_SRC, 'src']) {
    const value = attr(name)?.trim();
    if (value && isRealAddress(value)) return value;
  }
  return null;
}

// One URL (no spaces, no JSON) whose path names an image file, as Readability's own lazy-image
// fixing recognises one (it reads any attribute; a data-* one is where lazy loaders keep it).
const IMAGE_FILE_URL = /^[^\s{}<>"'`]+\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$/i;

/** Whether `url` names an image file by its path's extension (absolute or not). */
export function isImageFileUrl(url: string): boolean {
  return IMAGE_FILE_URL.test(url);
}

// What a lazy loader puts in src until its script runs: a one-pixel, blank or spinning file, named
// for what it is and nothing else (blank.gif, lazy_placeholder.gif, ajax-loader.gif, 1x1.trans.gif,
// grey.gif, Jannah's tie-empty.png). A photo's name holds what it shows besides: a review's
// google-pixel-9-pro-1024x768.jpg, a loading-dock.jpg, empty-shelves.jpg are pictures, and their
// srcsets are read like any other.
const PLACEHOLDER_NAME = /^(?:[a-z]{1,3}[-_.])?(?:(?:blank|placeholder|spacer|transparent|trans|empty|pixel|px|clear|dummy|grey|gray|spinner|preloader|loading|loader|lazy[a-z]*|load|ajax|default|image|img|white|\d+x\d+)(?:[-_.]|$))+$/;
/** Words that make a name a placeholder's; the others above only keep company with one. */
const PLACEHOLDER_WORD = /(?:^|[-_.])(?:blank|placeholder|spacer|transparent|trans|empty|pixel|px|clear|dummy|grey|gray|spinner|preloader|loading|loader|lazy[a-z]*|1x1)(?:[-_.]|$)/;
/** A theme's placeholder named for what it stands in for (thumb-placeholder.png, video-placeholder.jpg):
 *  no photo's name ends in the word. */
const NAMED_PLACEHOLDER = /(?:^|[-_.])placeholder(?:[-_.](?:\d+x\d+|image|img))*$/;
const IMAGE_FILE_NAME = /([^/]*)\.(?:gif|png|svg|jpe?g|webp)$/;

/** Whether `url` names a lazy loader's placeholder file by its name (PLACEHOLDER_NAME, NAMED_PLACEHOLDER). */
export function isPlaceholderFile(url: string): boolean {
  const name = IMAGE_FILE_NAME.exec(url.replace(/[?#].*$/, '').toLowerCase())?.[1];
  return name !== undefined && ((PLACEHOLDER_NAME.test(name) && PLACEHOLDER_WORD.test(name)) || NAMED_PLACEHOLDER.test(name));
}

// A quoted address may hold parentheses (Thumbor's filters:quality(80), as Arc XP and Vox serve them).
const CSS_BACKGROUND = /background(?:-image)?\s*:[^;{}]*?url\(\s*(?:'([^']+)'|"([^"]+)"|([^'"\s)]+))\s*\)/i;

/** The picture CSS declarations (a style attribute's, a rule's) give as a background, unresolved. */
export function cssBackground(declarations: string): string | null {
  const found = CSS_BACKGROUND.exec(declarations);
  return found ? (found[1] ?? found[2] ?? found[3]!) : null;
}

/** An image drawn inline in src (a one-pixel GIF, a blank SVG): what a loader shows until it loads the picture. */
const INLINE_PLACEHOLDER = /^data:image\//i;

/** The data-* attributes of an image marked as lazily loaded (a class naming "lazy", or a
 *  placeholder file or inline image in src) that hold an image URL other than src, in the image's attribute
 *  order: where lazy loaders beyond those LAZY_SRC names (echo.js's data-echo, data-lazyload,
 *  slick's data-lazy...) keep the real picture. Empty for an image without such a mark, so an
 *  image showing its own src keeps it whatever else its attributes name (Jetpack's
 *  data-orig-file, data-large-file). */
export function lazyImageAttributes(attributes: Iterable<{ readonly name: string; readonly value: string }>, className: string | null, src: string | null): string[] {
  const shown = src?.trim() ?? '';
  if (!/lazy/i.test(className ?? '') && !isPlaceholderFile(shown) && !INLINE_PLACEHOLDER.test(shown)) return [];
  const sets: string[] = [];
  const names: string[] = [];
  for (const { name, value } of attributes) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('data-') || LAZY_SRC.includes(lower) || LAZY_SRCSET.includes(lower)) continue;
    const trimmed = value.trim();
    if (trimmed === src?.trim()) continue;
    // A loader's own srcset (Gannett's data-gl-srcset beside data-gl-src) names the larger sizes:
    // read first, as data-srcset is before data-src.
    if (SRCSET_DESCRIPTOR.test(trimmed) && IMAGE_FILE_URL.test(trimmed.split(/\s/, 1)[0]!)) sets.push(name);
    else if (IMAGE_FILE_URL.test(trimmed)) names.push(name);
  }
  return [...sets, ...names];
}

// Tracking pixels: the one-pixel images feeds and pages put in every item to count its views.
// Fetched at sync, each reports a "view" of every item, read or not; shown, it is nothing.
const ONE_PIXEL = /^\s*[01]\s*(?:px)?\s*$/i;
/** A style's width or height of one pixel or none (not a max- or min- one: a declaration's start). */
const STYLED_PIXEL = /(?:^|;)\s*(width|height)\s*:\s*[01]\s*(?:px)?\s*(?:!important\s*)?(?:;|$)/gi;

/** Whether a style makes its box a pixel or none on a side: a width or height of 0 or 1px that
 *  no min-width or min-height of the same style overrides. Next.js's next/image before 13 (and
 *  next/legacy/image) sizes every picture "width:0;height:0;min-width:100%;max-width:100%;
 *  min-height:100%": the min- ones win, and the picture fills its box. */
function styledPixel(style: string): boolean {
  for (const [, side] of style.matchAll(STYLED_PIXEL)) {
    const least = new RegExp(`(?:^|;)\\s*min-${side}\\s*:\\s*([^;]*)`, 'i').exec(style)?.[1]?.trim() ?? '';
    if (least === '' || /^[01]\s*(?:px)?\s*(?:!important)?$/i.test(least)) return true;
  }
  return false;
}
/** The hosts of audience counters whose images pages put in <noscript> without a size (comScore,
 *  Quantcast, Google's and Facebook's, Bing's; Yandex.Metrica's, LiveInternet's and Top.Mail.Ru's,
 *  on nearly every Russian-language site, hidden off-screen by a style the sanitizer drops). */
const TRACKER_HOST = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:scorecardresearch\.com|quantserve\.com|doubleclick\.net|google-analytics\.com|bat\.bing\.com|facebook\.com\/tr\b|mc\.yandex\.(?:ru|com|by|kz|ua)\/watch\/|counter\.yadro\.ru\/hit|top-fwz1\.mail\.ru\/counter)/i;
/** A counter's image in a tracking folder, named as one (NPR's /include/images/tracking/npr-rss-pixel.png). */
const TRACKING_FOLDER_PIXEL = /\/tracking\/[^/]*(?:pixel|beacon)[^/]*\.(?:png|gif)$/i;

/** A tracking pixel: an image one pixel (or none) wide or high, or a counter known by its
 *  address, which some feeds write without a size: Medium's /_/stat?event=post.clientViewed (on
 *  medium.com and its publications' own domains), Feedburner's /~r/<feed>/~4/<item>, and
 *  WordPress.com's and Jetpack's b.gif?blog=..&post=.. (pixel.wp.com), and a pixel or beacon in a
 *  /tracking/ folder (NPR's). `src` is absolute. */
export function isTrackingPixel(src: string, width: string | null | undefined, height: string | null | undefined, style?: string | null): boolean {
  // A pixel on either side shows nothing: a counter, or a layout's spacer (spacer.gif, 20 by 1).
  if (ONE_PIXEL.test(width ?? '') || ONE_PIXEL.test(height ?? '')) return true;
  // Sized so by its style instead (a press wire's counter under each release: "width:1px; height:1px").
  if (style && styledPixel(style)) return true;
  if (TRACKER_HOST.test(src)) return true;
  // Asked of every image sanitized: most addresses name none of these, and need no parse.
  if (!src.includes('/_/stat') && !src.includes('/~r/') && !src.includes('/b.gif') && !src.includes('/tracking/')) return false;
  const url = resolveUrl(src, null);
  if (!url) return false;
  const { pathname, searchParams } = url;
  return (pathname === '/_/stat' && searchParams.has('event'))
    || /^\/~r\/[^/]+\/~4\//.test(pathname)
    || (pathname === '/b.gif' && searchParams.has('blog') && searchParams.has('post'))
    || TRACKING_FOLDER_PIXEL.test(pathname);
}

// Embedded players and documents (<iframe>): the page a reader opens in the browser instead.

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const TIKTOK_HOSTS = new Set(['tiktok.com', 'www.tiktok.com']);
const SOUNDCLOUD_HOSTS = new Set(['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com']);
// What Spotify's embed player (open.spotify.com/embed/episode/ID) may play, each with a page of its own.
const SPOTIFY_ITEMS = new Set(['episode', 'track', 'album', 'playlist', 'show', 'artist']);

export interface EmbeddedPage {
  /** The page to open: a video's or a track's own page, else the embedded document itself. */
  readonly href: string;
  /** Who serves it, as a reader knows them ("YouTube"), else the host name. */
  readonly site: string;
  readonly kind: 'Video' | 'Audio' | 'Embed';
}

/** What an iframe with this absolute http(s) src shows. A player's embed address
 *  (youtube.com/embed/ID) is a bare player page: the watch page is the one worth opening. */
export function embeddedPage(src: string): EmbeddedPage {
  const url = new URL(src);
  const host = url.hostname.toLowerCase();
  const path = url.pathname.split('/').filter(Boolean);
  if (YOUTUBE_HOSTS.has(host) && path[0] === 'embed' && path[1]) {
    const list = url.searchParams.get('list');
    if (path[1] === 'videoseries' && list) return { href: `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}`, site: 'YouTube', kind: 'Video' };
    const start = url.searchParams.get('start');
    const at = start && /^\d+$/.test(start) ? `&t=${start}` : '';
    return { href: `https://www.youtube.com/watch?v=${encodeURIComponent(path[1])}${at}`, site: 'YouTube', kind: 'Video' };
  }
  if (host === 'player.vimeo.com' && path[0] === 'video' && path[1] && /^\d+$/.test(path[1])) {
    // An unlisted video's embed carries its key in h: the watch page needs it as a path segment.
    const key = url.searchParams.get('h');
    return { href: `https://vimeo.com/${path[1]}${key && /^\w+$/.test(key) ? `/${key}` : ''}`, site: 'Vimeo', kind: 'Video' };
  }
  if ((host === 'www.dailymotion.com' || host === 'dailymotion.com') && path[0] === 'embed' && path[1] === 'video' && path[2]) {
    return { href: `https://www.dailymotion.com/video/${encodeURIComponent(path[2])}`, site: 'Dailymotion', kind: 'Video' };
  }
  if (host === 'open.spotify.com' && /^embed(?:-podcast)?$/.test(path[0] ?? '') && SPOTIFY_ITEMS.has(path[1] ?? '') && /^\w+$/.test(path[2] ?? '')) {
    return { href: `https://open.spotify.com/${path[1]}/${path[2]}`, site: 'Spotify', kind: 'Audio' };
  }
  if (host === 'w.soundcloud.com' && path[0] === 'player') {
    // The player names what it plays in url=: a track's or playlist's page, or its API address
    // (api.soundcloud.com/tracks/ID), which has no page of its own: then the player is the page.
    const played = resolveUrl(url.searchParams.get('url'), null);
    const page = played?.protocol === 'https:' && SOUNDCLOUD_HOSTS.has(played.hostname.toLowerCase()) ? played.href : url.href;
    return { href: page, site: 'SoundCloud', kind: 'Audio' };
  }
  if (TIKTOK_HOSTS.has(host)) return { href: url.href, site: 'TikTok', kind: path[1] === 'video' ? 'Video' : 'Embed' };
  if (host === 'gist.github.com') return { href: url.href, site: 'GitHub Gist', kind: 'Embed' };
  // WordPress's embed of a post (its /embed/ page, made for a frame, with the frame's secret in
  // the fragment, sometimes twice): the post itself is the page to open.
  if (path.at(-1) === 'embed' && url.hash.includes('secret=')) {
    return { href: new URL(`${url.pathname.replace(/embed\/?$/, '')}${url.search}`, url).href, site: host.replace(/^www\./, ''), kind: 'Embed' };
  }
  return { href: url.href, site: host.replace(/^www\./, ''), kind: 'Embed' };
}

// Elements that stand for an embedded player or document and show it only through a script
// (which never runs here), by what they point at: the address of what they show.

/** The player a <lite-youtube videoid="ID"> facade loads when clicked. */
export function liteYoutubeSource(videoId: string | null | undefined): string | null {
  const id = videoId?.trim();
  return id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube.com/embed/${id}` : null;
}

/** A GitHub gist's page from its embed script (<script src="https://gist.github.com/USER/ID.js">)
 *  or Jetpack's gist block (data-gist="USER/ID.json", or "ID.json"). */
export function gistPage(embed: string | null | undefined): string | null {
  const script = /^https:\/\/gist\.github\.com\/((?:[\w-]+\/)?[0-9a-f]+)\.js(?:[?#].*)?$/i.exec(embed?.trim() ?? '');
  const jetpack = /^((?:[\w-]+\/)?[0-9a-f]+)\.json(?:[?#].*)?$/i.exec(embed?.trim() ?? '');
  const path = script?.[1] ?? jetpack?.[1];
  return path ? `https://gist.github.com/${path}` : null;
}

/** Whether a page's script makes a picture of this element: a custom element with an image's
 *  address in src (Forbes' <progressive-image src alt>), or an empty <div>/<span> with one in
 *  data-src (the BBC's <div class="js-delayed-image-load" data-src data-alt data-width>) or, in a
 *  <figure>, lazysizes' data-bgset (<div class="lazyload" data-bgset="...">, its caption beside
 *  it). Asked in the page's walk of elements of those kinds only. */
export function isImageStandIn(element: Element): boolean {
  const tag = element.localName;
  if (tag.includes('-')) return IMAGE_FILE_URL.test(element.getAttribute('src')?.trim() ?? '') && !element.querySelector('img');
  if ((tag !== 'div' && tag !== 'span') || element.firstElementChild !== null || element.textContent?.trim()) return false;
  return IMAGE_FILE_URL.test(element.getAttribute('data-src')?.trim() ?? '') || (element.hasAttribute('data-bgset') && element.closest('figure') !== null);
}

/** The picture lazysizes' bgset plugin shows as an element's background, unresolved: data-bgset is
 *  srcsets with "|" between them, each for the media query in its [brackets] (the one without
 *  one is a desktop's), its candidate picked for the reader's column as an image's srcset is.
 *  A theme's hero above the text (background-heroes.ts) is one; so is an empty box in a <figure>
 *  (a stand-in, isImageStandIn), the picture its caption is of. */
export function bgsetCandidate(bgset: string): string | null {
  const sets = bgset.split('|').map((set) => set.trim());
  const chosen = sets.find((set) => !/\[[^\]]*\]\s*$/.test(set)) ?? sets[sets.length - 1]!;
  return bestSrcsetCandidate(chosen.replace(/\[[^\]]*\]\s*$/, ''));
}
