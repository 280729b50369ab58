// Image hosts whose addresses name a size, where the size a feed or page names is not the one the
// reader wants and the host serves the one it does at an address made by its own grammar. The sync
// asks for that address first and falls back to the one the article names (sync/article-sync.ts):
// the copy and its records keep the article's address, with the better file behind it.
//  - YouTube's stills: a feed's media:thumbnail and the stills pages embed are hqdefault.jpg, 480 x
//    360 with the 16:9 frame letterboxed in black bars; maxresdefault.jpg is the frame itself at
//    1280 x 720. A video uploaded in low definition has none, and YouTube answers 404 (with a grey
//    120 x 90 placeholder as the body): then the still the article named is kept.
//  - Medium's image server: its feeds write every picture at /max/1024/ (cdn-images-1.medium.com,
//    miro.medium.com), its pages at resize:fit:N. The reader's column wants 1,472 pixels on a 2x
//    screen (urls.ts COLUMN_IMAGE_WIDTH); Medium asks for 1,400 in its own srcsets (twice its
//    700-pixel column), so that size is made and cached already on its CDN, and 5% short of the
//    column is not seen. Its server never enlarges a picture (max, fit): a smaller upload comes as it is.
//  - Substack's uploads: an original (substack-post-media.s3.amazonaws.com, as its galleries, image
//    links and enclosures name them) may be a 30 MB camera file, past the cache's 10 MB limit; its
//    image CDN makes the column's size of any upload (w_1456, twice its 728-pixel column), which the
//    sync asks for only when the original is refused for its size.
//  - Next.js's image optimiser, on the site's own origin: /_next/image?url=<the upload>&w=<width>&q=<quality>,
//    where w must be one of the widths the site configured (Next's defaults: 640, 750, 828, 1080,
//    1200, 1920, 2048, 3840; under 640 its small sizes, 16 to 384, for icons and thumbnails). A
//    page's srcset offers them all; its lone src, and a feed's copy, often name the layout's width
//    (640 or 750), half the column on a 2x screen. 1920 is the first default past the column's
//    1,472 pixels; a site that configured other widths answers 400, and the address the article
//    names is kept. The optimiser never enlarges an upload past its own width.

import { COLUMN_IMAGE_WIDTH } from './urls';

/** Pictures narrower than this in Medium's address are meant small (an inset, an avatar) and stay so. */
const MEDIUM_COLUMN_MIN = 700;
/** The width Medium's own pages ask for a picture across their column on a 2x screen. */
const MEDIUM_COLUMN = 1400;
const MEDIUM_HOST = /^(?:miro|cdn-images-\d+)\.medium\.com$/;
const MEDIUM_SIZE = /^\/(?:max\/(\d+)\/|v2\/(?:[a-z]+:[^/]*\/)*?resize:fit:(\d+)\/)/;

const YOUTUBE_HOST = /^(?:i\d?\.ytimg\.com|img\.youtube\.com)$/;
/** A still smaller than the frame: hqdefault (480 x 360), sddefault (640 x 480, missing for many
 *  videos), mqdefault (320 x 180), default and 0 to 3 (120 x 90); the WebP copies in /vi_webp/. */
const YOUTUBE_STILL = /^\/vi(_webp)?\/([\w-]{6,20})\/(?:hq|sd|mq)?default\.(?:jpg|webp)$|^\/vi(_webp)?\/([\w-]{6,20})\/[0-3]\.(?:jpg|webp)$/;

const NEXT_IMAGE_PATH = '/_next/image';
/** Widths from here up are next/image's device sizes, a picture laid out across its page. */
const NEXT_COLUMN_MIN = 640;
/** The first of Next's default widths that fills the reader's column on a 2x screen. */
const NEXT_COLUMN = 1920;

const SUBSTACK_ORIGINAL = /^(?:substack-post-media|bucketeer-[\w-]+)\.s3\.amazonaws\.com$/;
const SUBSTACK_CDN = 'https://substackcdn.com/image/fetch/';
/** Substack's own transformations for a picture across its column: no wider than 1,456 pixels,
 *  never enlarged (c_limit), in the format and quality its CDN picks. */
const SUBSTACK_COLUMN = 'w_1456,c_limit,f_auto,q_auto:good,fl_progressive:steep';

/** A larger rendition of the picture at `url` (absolute) that its host serves, to ask for before
 *  it; null when there is none to ask for. */
export function largerRendition(url: string): string | null {
  // Most pictures are on no such host, and are not parsed.
  if (!url.includes('medium.com/') && !url.includes('ytimg.com/') && !url.includes('youtube.com/') && !url.includes(`${NEXT_IMAGE_PATH}?`)) return null;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed === null) return null;
  if (parsed.pathname === NEXT_IMAGE_PATH) {
    const width = Number(parsed.searchParams.get('w'));
    if (!parsed.searchParams.has('url') || !(width >= NEXT_COLUMN_MIN && width < COLUMN_IMAGE_WIDTH)) return null;
    parsed.searchParams.set('w', String(NEXT_COLUMN));
    return parsed.href;
  }
  if (MEDIUM_HOST.test(parsed.hostname)) {
    const size = MEDIUM_SIZE.exec(parsed.pathname);
    const width = Number(size?.[1] ?? size?.[2] ?? NaN);
    if (!(width >= MEDIUM_COLUMN_MIN && width < MEDIUM_COLUMN)) return null;
    const [from, to] = size![1] !== undefined ? [`/max/${width}/`, `/max/${MEDIUM_COLUMN}/`] : [`resize:fit:${width}/`, `resize:fit:${MEDIUM_COLUMN}/`];
    parsed.pathname = parsed.pathname.replace(from, to);
    return parsed.href;
  }
  if (YOUTUBE_HOST.test(parsed.hostname)) {
    const still = YOUTUBE_STILL.exec(parsed.pathname);
    if (still === null) return null;
    const webp = (still[1] ?? still[3]) !== undefined;
    // The query (a signed thumbnail's sqp and rs) is the smaller still's own.
    return `${parsed.origin}/vi${webp ? '_webp' : ''}/${still[2] ?? still[4]}/maxresdefault.${webp ? 'webp' : 'jpg'}`;
  }
  return null;
}

/** A smaller rendition of the picture at `url` (absolute), for when the picture itself is refused
 *  for its size; null when its host makes none. */
export function smallerRendition(url: string): string | null {
  if (!url.includes('.s3.amazonaws.com/') && !url.startsWith(SUBSTACK_CDN)) return null;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed === null) return null;
  if (SUBSTACK_ORIGINAL.test(parsed.hostname) && parsed.pathname.startsWith('/public/images/')) return `${SUBSTACK_CDN}${SUBSTACK_COLUMN}/${encodeURIComponent(parsed.href)}`;
  // The CDN's address of an upload at its own size (f_auto,q_auto:good/https%3A...): the same with a width.
  const cdn = /^https:\/\/substackcdn\.com\/image\/fetch\/([^/]+)\/(https?%3A.*)$/i.exec(url);
  if (cdn === null || /(?:^|,)w_\d/.test(cdn[1]!)) return null;
  return `${SUBSTACK_CDN}${SUBSTACK_COLUMN}/${cdn[2]}`;
}
