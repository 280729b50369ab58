// A thumbnail in a link to its own picture at full size, which a page's lightbox opens on a click:
// WordPress's classic posts and galleries (<a href=".../quay.jpg"><img src=".../quay-300x200.jpg"
// width="300" srcset="..."></a>) and Blogger's pictures (<a href=".../s1600/quay.jpg"><img
// src=".../s400/quay.jpg" width="400"></a>, or .../w400-h300/). The reader has no such click: it
// showed the thumbnail at its thumbnail's size, small, and a blur on a 2x screen. It shows the
// picture across its column instead, from the image's own rendition (srcset) that fills the column
// (urls.ts columnFillingCandidate), else from its image server at the column's width where that
// makes any width, else from the picture the link names (Blogger's at its full size, s1600: the
// size the item's picture is fetched at too, feeds/blogger-images.ts). Only that one is fetched:
// the thumbnail is not.
import { bloggerFullSize } from '../feeds';
import { sameImageKey } from './image-key';
import { COLUMN_IMAGE_WIDTH, LAZY_SRCSET, columnFillingCandidate, isImageFileUrl, resolveUrl, shownNarrowerThanColumn, webUrl } from './urls';

/** The picture to show for `img`, which the page shows from `shown` (absolute), when the page
 *  shows it narrower than the reader's column (its width or sizes say so: an image that does not
 *  say, or no longer does once enlarged, is left) and its link holds nothing else and opens the
 *  same picture; the caller drops its thumbnail's width and height. Null for any other image: one
 *  in a link to a page (a gallery's attachment page) or to another picture is left as the page
 *  shows it. */
export function enlargedThumbnail(img: Element, shown: string, base: URL | null): string | null {
  // A <picture>'s `shown` is its source's rendition for the width the page shows it at (page-images.ts
  // shownImageSource): the one that fills the column is taken from that source's srcset.
  const inPicture = img.parentElement?.localName === 'picture';
  const link = (inPicture ? img.parentElement! : img).parentElement;
  if (!shownNarrowerThanColumn((name) => img.getAttribute(name)) || link?.localName !== 'a' || link.children.length !== 1 || (link.textContent ?? '').trim() !== '') return null;
  const href = webUrl(link.getAttribute('href'), base);
  if (href === null || !(isImageFileUrl(href) || bloggerFullSize(href) !== null) || sameImageKey(href) !== sameImageKey(shown)) return null;
  if (inPicture) return columnFillingSource(img.parentElement!, shown, base) ?? shown;
  const rendition = [...LAZY_SRCSET, 'srcset'].map((name) => columnFillingCandidate(img.getAttribute(name))).find((found) => found !== null);
  return webUrl(rendition, base) ?? atColumnWidth(shown) ?? bloggerFullSize(href) ?? href;
}

// Image servers that make an upload at any width its address's w parameter asks, never wider than
// the upload: Jetpack's image CDN (i0.wp.com/example.org/wp-content/uploads/x.jpg?resize=300%2C200)
// and WordPress.com's uploads (blog.files.wordpress.com/2012/05/x.jpg?w=300&h=200, an older post's
// thumbnail, from before srcset, in a link to the camera's original). Their h, resize, fit and
// crop would box or crop it: w alone keeps its shape.
const WIDTH_PARAMETER_HOST = /^(?:i[0-3]\.wp\.com|[\w-]+\.files\.wordpress\.com)$/;
const BOXING_PARAMETERS = ['w', 'h', 'resize', 'fit', 'crop'];

/** The picture `url` shows at the column's width, from an image server of WIDTH_PARAMETER_HOST; null from any other. */
function atColumnWidth(url: string): string | null {
  const parsed = resolveUrl(url, null);
  if (!parsed || !WIDTH_PARAMETER_HOST.test(parsed.hostname)) return null;
  for (const name of BOXING_PARAMETERS) parsed.searchParams.delete(name);
  parsed.searchParams.set('w', String(COLUMN_IMAGE_WIDTH));
  return parsed.href;
}

/** The rendition that fills the column from the srcset of the <picture>'s source that names
 *  `shown` (the one a browser chose); null when none does. */
function columnFillingSource(picture: Element, shown: string, base: URL | null): string | null {
  for (const source of picture.querySelectorAll('source')) {
    for (const name of [...LAZY_SRCSET, 'srcset']) {
      const srcset = source.getAttribute(name);
      if (!srcset?.split(',').some((candidate) => webUrl(candidate.trim().split(/\s+/, 1)[0], base) === shown)) continue;
      return webUrl(columnFillingCandidate(srcset), base);
    }
  }
  return null;
}
