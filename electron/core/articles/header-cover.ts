// The post's cover shown in the site's header. Older Ghost themes (Casper before 2.0, and the many
// themes made from it) set the post's image as the background of the page's masthead, <header
// class="main-header post-head" style="background-image: url(...)">, above the logo and menu: the
// header is the site's, left out of the article's page (page-document.ts), and the cover with it.
// A post whose text has pictures of its own was stored without its lead picture. It is the
// og:image the header shows, in its style or as an <img>: never one in a link (the site's logo
// links to its home page), nor an og:image that is the site's own card (background-heroes.ts).
import { isSiteCard } from './background-heroes';
import { sameImageKey } from './image-key';
import { headerPicture, headerPicturesLeftOut, type HeaderPicture } from './page-document';
import { cssBackground, webUrl } from './urls';

/** The og:image (`leadImageUrl`) as the site's header shows it (absolute, and its alt), or null.
 *  `landmarks`: the page's headers, footers and navs still in `doc` (page-cleanup.ts findPageParts);
 *  read before they are removed. */
export function headerCover(doc: Document, landmarks: readonly Element[], leadImageUrl: string | null, base: URL | null): { src: string; alt: string | null } | null {
  if (isSiteCard(leadImageUrl)) return null;
  const wanted = sameImageKey(leadImageUrl!);
  for (const picture of [...headerPicturesLeftOut(doc), ...headerPicturesOnPage(landmarks)]) {
    if (picture.linked) continue;
    const src = webUrl(picture.src ?? (picture.style === null ? null : cssBackground(picture.style)), base);
    if (src !== null && sameImageKey(src) === wanted) return { src, alt: picture.alt };
  }
  return null;
}

/** The pictures of the site's headers still in the page (a DOM built whole, for its comment form). */
function headerPicturesOnPage(landmarks: readonly Element[]): HeaderPicture[] {
  const pictures: HeaderPicture[] = [];
  for (const header of landmarks) {
    if (header.localName !== 'header' && header.getAttribute('role') !== 'banner') continue;
    for (const element of [header, ...header.querySelectorAll('img, [style*="url("]')]) {
      const picture = headerPicture(element.localName, (name) => element.getAttribute(name), element.closest('a') !== null);
      if (picture) pictures.push(picture);
    }
  }
  return pictures;
}
