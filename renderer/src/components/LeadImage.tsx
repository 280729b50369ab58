// The article's lead image (its page's og:image, or the feed item's media:thumbnail, image
// media:content, image enclosure or episode image), which the sync keeps in the local cache.
// Other readers show it above the text when the text has no picture of its own: a photo of the
// day that is only an enclosure, a podcast episode, a page whose main image Readability left out.
import { useState } from 'react';
import type { Article, Enclosure } from '../../../shared/types';

// The stored body is sanitized HTML (electron/core/articles/sanitize.ts), in which an image is
// exactly an <img> tag with its attributes double-quoted. One with neither src nor
// data-original-src is what is left of a tracking pixel, and shows nothing; one with
// data-original-src only was not saved, and shows as a box that says so: it is still the
// article's own picture, which the lead image would most likely repeat.
const SHOWN_IMAGE = /<img\b[^>]*\s(?:src|data-original-src)="/i;

// Below this width a picture (a feed's small thumbnail) is shown at its own size: stretched
// across the column it would be a blur.
const MIN_HERO_WIDTH = 320;

/** The cached lead image to show above the body, or null when the body shows its own pictures. */
export function shownLeadImage(article: Pick<Article, 'leadImage' | 'html'>): string | null {
  return article.leadImage !== null && !SHOWN_IMAGE.test(article.html) ? article.leadImage : null;
}

/**
 * The enclosures still worth a link: not the lead image. Either it is shown above the text, or the
 * text shows pictures of its own, which it most likely repeats (see SHOWN_IMAGE): a newsletter
 * platform's enclosure is the upload of the picture at the post's top, which the text shows
 * through its image service (Substack, beehiiv), and listed it read as a file attached to the post.
 */
export function enclosuresBesides(article: Pick<Article, 'enclosures' | 'leadImageSources'>): readonly Enclosure[] {
  return article.enclosures.filter((enclosure) => !article.leadImageSources.includes(enclosure.url));
}

export interface LeadImageProps {
  /** The cache address (Article.leadImage): the reader never loads a picture from the web. */
  readonly src: string;
  /** What it shows; the article's title, as nothing better is stored for it. */
  readonly alt: string;
}

export function LeadImage({ src, alt }: LeadImageProps) {
  const [broken, setBroken] = useState(false);
  const [small, setSmall] = useState(false);
  // A file the cache lost: no broken-image icon above the text (the next sync fetches it again).
  if (broken) return null;
  return (
    <figure className={small ? 'lead-image small' : 'lead-image'}>
      <img
        src={src}
        alt={alt}
        onLoad={(event) => setSmall(event.currentTarget.naturalWidth < MIN_HERO_WIDTH)}
        onError={() => setBroken(true)}
      />
    </figure>
  );
}
