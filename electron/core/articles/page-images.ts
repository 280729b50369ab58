// A page's images made plain before Readability sees them: each <img> gets its real source as an
// absolute src (lazy-loading attributes, <picture> sources and <noscript> fallbacks read as a
// browser with scripts would show them), so the article keeps every picture and the sync
// caches it. Works on the linkedom DOM of extract.ts.
import { elementsByTag } from './page-walk';
import { LAZY_SRC, LAZY_SRCSET, imageSource, webUrl } from './urls';

const LAZY_ATTRIBUTES = [...LAZY_SRC, ...LAZY_SRCSET, 'srcset', 'sizes', 'data-sizes'];

/** Returns the page's images, in page order. */
export function fixImages(doc: Document, base: URL | null): Element[] {
  unwrapNoscriptImages(doc);
  // One walk for the images and the media (they are fixed apart: an image reads its picture's
  // <source> srcset, never the src fixed below).
  const images: Element[] = [];
  const media: Element[] = [];
  for (const element of doc.querySelectorAll('img, video, audio, source')) {
    if (element.localName === 'img') images.push(element);
    else if (element.hasAttribute('src')) media.push(element);
  }
  for (const img of images) {
    const src = webUrl(imageSource((name) => img.getAttribute(name)) ?? pictureSource(img), base);
    for (const name of LAZY_ATTRIBUTES) img.removeAttribute(name);
    if (src) img.setAttribute('src', src);
    else img.removeAttribute('src');
    // Readability treats an image whose class says "lazy" as still to fix, and copies any other
    // attribute holding an image-like URL over src. Other classes stay: Readability keeps a
    // hidden image whose class says "fallback-image" (Wikipedia's formulas are such images).
    const classes = (img.getAttribute('class') ?? '').split(/\s+/).filter((name) => name !== '' && !/lazy/i.test(name));
    if (classes.length > 0) img.setAttribute('class', classes.join(' '));
    else img.removeAttribute('class');
  }
  for (const element of media) {
    const src = webUrl(element.getAttribute('src'), base);
    if (src) element.setAttribute('src', src);
    else element.removeAttribute('src');
  }
  return images;
}

/** The first <source> of the image's <picture> that names a usable image. */
function pictureSource(img: Element): string | null {
  if (img.parentElement?.tagName !== 'PICTURE') return null;
  for (const source of img.parentElement.querySelectorAll('source')) {
    const found = imageSource((name) => (name === 'srcset' || LAZY_SRCSET.includes(name) ? source.getAttribute(name) : null));
    if (found) return found;
  }
  return null;
}

/** A lazy-loading theme writes the real image again inside <noscript> for readers without
 *  scripts: that copy replaces the placeholder just before it (as Readability would do, had it
 *  the chance) or, with no placeholder, stands where the <noscript> was. Without this it goes with
 *  the <noscript> (the sanitizer drops those whole). Tracking pixels stay out; so does the rest. */
function unwrapNoscriptImages(doc: Document): void {
  for (const noscript of elementsByTag(doc, 'noscript')) {
    const images = [...noscript.querySelectorAll('img')];
    // Anything else in a <noscript> ("enable JavaScript to read this") never shows in the reader.
    if (images.length === 0 || (noscript.textContent ?? '').trim() !== '' || images.every(isTrackingPixel)) {
      noscript.remove();
      continue;
    }
    const placeholder = singleImageBefore(noscript);
    const content = [...noscript.childNodes];
    if (placeholder) {
      placeholder.replaceWith(...content);
      noscript.remove();
    } else {
      noscript.replaceWith(...content);
    }
  }
}

function singleImageBefore(noscript: Element): Element | null {
  const previous = noscript.previousElementSibling;
  if (!previous || (previous.textContent ?? '').trim() !== '') return null;
  if (previous.tagName === 'IMG' || previous.tagName === 'PICTURE') return previous;
  const inside = previous.querySelectorAll('img');
  return inside.length === 1 && previous.querySelectorAll('*').length <= 3 ? previous : null;
}

function isTrackingPixel(img: Element): boolean {
  const tiny = (name: string) => /^\s*[0-2]\s*(?:px)?\s*$/i.test(img.getAttribute(name) ?? '');
  return tiny('width') || tiny('height') || /display\s*:\s*none/i.test(img.getAttribute('style') ?? '');
}
