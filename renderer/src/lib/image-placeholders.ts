// Images a sync could not keep have no src (the core keeps their address in data-original-src,
// see electron/core/articles/images.ts): alone, they show only their alt text, or nothing. Each
// is replaced in the reader by a quiet box that says the image was not saved, and why.
import type { Article } from '../../../shared/types';

/** Why this article's missing images are missing, as a person reads it. */
export function missingImageReason(article: Pick<Article, 'fullTextState' | 'fullTextError'>): string {
  if (article.fullTextState === 'pending') return 'It is saved with the article at the next sync.';
  if (article.fullTextError) return `The last sync could not save it: ${article.fullTextError}`;
  return 'It could not be downloaded when the article was saved.';
}

/** What the box says of an image whose server could not be reached (Article.retriedImages). */
export const RETRIED_IMAGE_REASON = 'Its server could not be reached; the next sync tries again.';

/** Puts a placeholder before each unsaved image of the body (built with the DOM, no HTML). */
export function markMissingImages(body: HTMLElement, reason: string, retried: readonly string[] = []): void {
  for (const image of Array.from(body.querySelectorAll<HTMLImageElement>('img:not([src])'))) {
    if (image.previousElementSibling?.classList.contains('image-missing')) continue;
    const alt = image.getAttribute('alt')?.trim();
    const box = document.createElement('span');
    box.className = 'image-missing';
    box.setAttribute('role', 'img');
    const title = document.createElement('strong');
    title.textContent = alt ? `Image not saved: ${alt}` : 'Image not saved';
    const why = document.createElement('span');
    why.textContent = retried.includes(image.getAttribute('data-original-src') ?? '') ? RETRIED_IMAGE_REASON : reason;
    box.append(title, why);
    // A screen reader hears what the box shows: for an image tried again, that reason, not the article's.
    box.setAttribute('aria-label', `${title.textContent}. ${why.textContent}`);
    image.before(box);
    image.hidden = true;
  }
}
