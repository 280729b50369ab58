// Images a sync could not keep have no src (the core keeps their address in data-original-src,
// see electron/core/articles/images.ts): alone, they show only their alt text, or nothing. Each
// is replaced in the reader by a quiet box that says the image was not saved, and why: its own
// reason when the sync recorded one (Article.missedImages), else the article's.
import type { Article, MissedImage } from '../../../shared/types';
import { isInText } from './image-in-text';

/** Why this article's missing images are missing, as a person reads it, for an image the sync
 *  recorded no reason of its own for (the article is still pending, or was saved before reasons were kept). */
export function missingImageReason(article: Pick<Article, 'fullTextState' | 'fullTextError'>): string {
  if (article.fullTextState === 'pending') return 'It is saved with the article at the next sync.';
  if (article.fullTextError) return `The last sync could not save it: ${article.fullTextError}`;
  return 'It could not be downloaded when the article was saved.';
}

/** What the box says of an image whose server could not be reached, or was too busy or slow to
 *  send it (a 503, a timeout: the core records both as 'unreachable'), which the next sync tries again. */
export const RETRIED_IMAGE_REASON = 'Its server could not be reached or was busy; the next sync tries again.';

/** Why one image was not saved, as a person reads it. */
export function imageMissReason({ why, retried }: Pick<MissedImage, 'why' | 'retried'>): string {
  switch (why.kind) {
    case 'svg':
      return why.reason === null ? 'An SVG drawing: the next sync saves it.' : `An SVG drawing Paperboy would not keep: ${why.reason}.`;
    case 'not-image':
      return notAPicture(why.contentType);
    case 'too-large':
      return `Too large to keep (over ${megabytes(why.limitBytes)}).`;
    case 'too-many-pixels':
      return `The picture is too large to keep (${why.width.toLocaleString('en')} × ${why.height.toLocaleString('en')} pixels).`;
    case 'http-status':
      return statusReason(why.status);
    case 'unreachable':
      return retried ? RETRIED_IMAGE_REASON : 'Its server could not be reached or was busy, sync after sync; it is not tried again.';
    case 'not-fetched':
      return 'Not downloaded yet: images were left out of the sync that saved the article; the next sync with images fetches it.';
    case 'over-limit':
      return `Not downloaded: Paperboy keeps the first ${why.limit} images of an article.`;
    case 'failed':
      return `It could not be downloaded: ${why.message.replace(/\.$/, '')}.`;
  }
}

function notAPicture(contentType: string | null): string {
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return 'The site sent a web page instead of the picture.';
  return contentType ? `The site sent no picture Paperboy can keep (${contentType}).` : 'The site sent no picture Paperboy can keep.';
}

function statusReason(status: number): string {
  if (status === 401 || status === 403) return `The site refused it (HTTP ${status}).`;
  if (status === 404) return 'Not found on the site (HTTP 404).';
  if (status === 410) return 'Removed from the site (HTTP 410).';
  if (status === 429 || status >= 500) return `The site could not send it then (HTTP ${status}).`;
  return `The site did not send it (HTTP ${status}).`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Each image's reason by its address (the body's data-original-src). */
export function missedImageReasons(missed: readonly MissedImage[]): ReadonlyMap<string, string> {
  return new Map(missed.map((image) => [image.url, imageMissReason(image)]));
}

/** Puts a placeholder before each unsaved image of the body (built with the DOM, no HTML).
 *  `reasons`: each image's own, by address; `reason`: the article's, for the others. */
export function markMissingImages(body: HTMLElement, reason: string, reasons: ReadonlyMap<string, string> = new Map()): void {
  for (const image of Array.from(body.querySelectorAll<HTMLImageElement>('img:not([src])'))) {
    if (image.previousElementSibling?.classList.contains('image-missing')) continue;
    const alt = image.getAttribute('alt')?.trim();
    const why = reasons.get(image.getAttribute('data-original-src') ?? '') ?? reason;
    image.before(placeholder(alt, why, isInText(image)));
    image.hidden = true;
  }
}

function placeholder(alt: string | undefined, why: string, inText: boolean): HTMLElement {
  const box = document.createElement('span');
  box.className = inText ? 'image-missing image-missing-inline' : 'image-missing';
  box.setAttribute('role', 'img');
  const title = alt ? `Image not saved: ${alt}` : 'Image not saved';
  // A screen reader hears what the box shows: this image's reason, not only the article's.
  box.setAttribute('aria-label', `${title}. ${why}`);
  if (inText) {
    // In a sentence the box holds only what stood there (a formula's TeX, an icon's name), so the
    // sentence still reads; the whole of it shows on hover.
    box.title = `${title}. ${why}`;
    box.textContent = alt || 'image';
    return box;
  }
  const heading = document.createElement('strong');
  heading.textContent = title;
  const reasonText = document.createElement('span');
  reasonText.textContent = why;
  box.append(heading, reasonText);
  return box;
}
