// Which images of an article are pictures on a line of their own. The stored HTML keeps no class or
// style, so an image is an inline box: a page that set its caption beside it in the same paragraph
// ("<p><img><span>caption</span></p>", a block only by the site's style sheet) showed the caption
// starting at the picture's bottom corner. A picture is at least this wide (its width attribute, or
// its own once loaded) and not part of a sentence; smaller images (an author's avatar beside the
// byline, a row of thumbnails) keep their place in the line.
import { isInText } from './image-in-text';

export const PICTURE_MIN_WIDTH = 200;
export const PICTURE_CLASS = 'picture';

function declaredWidth(image: HTMLImageElement): number | null {
  const width = Number(image.getAttribute('width'));
  return width > 0 ? width : null;
}

function markIfPicture(image: HTMLImageElement, width: number): void {
  if (width >= PICTURE_MIN_WIDTH) image.classList.add(PICTURE_CLASS);
}

/** Marks the body's pictures (reader.css gives them their own line); one without a width
 *  attribute is judged when it has loaded. */
export function markPictures(body: HTMLElement): void {
  for (const image of Array.from(body.querySelectorAll<HTMLImageElement>('img[src]'))) {
    if (isInText(image)) continue;
    const width = declaredWidth(image);
    if (width !== null) markIfPicture(image, width);
    else if (image.complete) markIfPicture(image, image.naturalWidth);
    else image.addEventListener('load', () => markIfPicture(image, image.naturalWidth), { once: true });
  }
}
