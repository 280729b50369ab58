// The article's lead image (its page's og:image, or the feed item's media:thumbnail, image
// media:content, image enclosure or episode image), which the sync keeps in the local cache.
// Other readers show it above the text when the text has no picture of its own: a photo of the
// day that is only an enclosure, a podcast episode, a page whose main image Readability left out.
import { useState } from 'react';
import { showsOwnPictures } from '../../../shared/own-pictures';
import type { Article, Enclosure } from '../../../shared/types';

// Below this width a picture (a feed's small thumbnail) is shown at its own size: stretched
// across the column it would be a blur.
const MIN_HERO_WIDTH = 320;

/** The cached lead image to show above the body, or null when the body shows its own pictures. */
export function shownLeadImage(article: Pick<Article, 'leadImage' | 'html'>): string | null {
  return article.leadImage !== null && !showsOwnPictures(article.html) ? article.leadImage : null;
}

/**
 * The enclosures still worth a link: not the article's picture (leadImageSources). Either it is
 * shown above the text, or the text shows pictures of its own, which it most likely repeats: a
 * newsletter platform's enclosure is the upload of the picture at the post's top, which the text
 * shows through its image service (Substack, beehiiv), and listed it read as a file attached to
 * the post.
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
