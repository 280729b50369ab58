// Which images of an article are pictures on a line of their own. The stored HTML keeps no class or
// style, so an image is an inline box: a page that set its caption beside it in the same paragraph
// ("<p><img><span>caption</span></p>", a block only by the site's style sheet) showed the caption
// starting at the picture's bottom corner. A picture is at least this wide (its width attribute, or
// its own once loaded) and not part of a sentence; smaller images (an author's avatar beside the
// byline, a row of thumbnails) keep their place in the line.
//
// A long picture (an infographic, a comic strip, a long screenshot) is read by scrolling down it,
// as a page is: kept within the window as a photo is (reader.css), an 800 x 6000 one shrank to a
// strip 75 px wide whose words nobody could read. No photo is three times as tall as it is wide (a
// portrait is 2:3, a phone's screen about 9:20), so that is where a long picture begins.
import { isInText } from './image-in-text';

export const PICTURE_MIN_WIDTH = 200;
export const PICTURE_CLASS = 'picture';
export const LONG_PICTURE_CLASS = 'long-picture';
const LONG_PICTURE_RATIO = 3;

function declaredSize(image: HTMLImageElement): { width: number; height: number } | null {
  const width = Number(image.getAttribute('width'));
  return width > 0 ? { width, height: Number(image.getAttribute('height')) || 0 } : null;
}

function markIfPicture(image: HTMLImageElement, width: number, height: number): void {
  if (width < PICTURE_MIN_WIDTH) return;
  image.classList.add(PICTURE_CLASS);
  if (height >= width * LONG_PICTURE_RATIO) image.classList.add(LONG_PICTURE_CLASS);
}

function whenLoaded(image: HTMLImageElement, then: () => void): void {
  if (image.complete && image.naturalWidth > 0) then();
  else image.addEventListener('load', then, { once: true });
}

/** Marks the body's pictures (reader.css gives them their own line, and a long one the column's
 *  width at its full height); one without a width attribute is judged when it has loaded, and
 *  one with a width alone is told long or not by the loaded picture's shape. */
export function markPictures(body: HTMLElement): void {
  for (const image of Array.from(body.querySelectorAll<HTMLImageElement>('img[src]'))) {
    if (isInText(image)) continue;
    const size = declaredSize(image);
    if (size) markIfPicture(image, size.width, size.height);
    if (!size) whenLoaded(image, () => markIfPicture(image, image.naturalWidth, image.naturalHeight));
    else if (!size.height && image.classList.contains(PICTURE_CLASS)) whenLoaded(image, () => markIfPicture(image, image.naturalWidth, image.naturalHeight));
  }
}
