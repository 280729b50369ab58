// The stored body of an article. The HTML was sanitized by the core's allowlist when it was
// saved (electron/core/articles/sanitize.ts) and its images point at the local cache; the page's CSP
// is the second wall, and its Trusted Types rule leaves this the only HTML sink that works. Links never navigate the app:
// they go to the system browser, except those to a place in the article itself (a footnote and
// its way back, "Back to top"), which scroll there.
import { memo, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { TOP_OF_ARTICLE } from '../../../shared/article-places';
import { goTo } from '../lib/go-to';
import { markMissingImages } from '../lib/image-placeholders';
import { markPictures } from '../lib/pictures';
import { sanitizedHtml } from '../lib/sanitized-html';
import { markTextColumns } from '../lib/text-columns';

export interface ArticleBodyProps {
  readonly html: string;
  readonly title: string;
  /** The article's own address, against which relative links are resolved. */
  readonly baseUrl: string | null;
  readonly onOpenLink: (url: string) => void;
  /** Why images the sync did not keep are missing (shown in their place), for those without a reason of their own. */
  readonly missingImageReason?: string;
  /** Each image's own reason, by address (Article.missedImages, lib/image-placeholders.ts). */
  readonly missedImageReasons?: ReadonlyMap<string, string>;
}

function linkTarget(event: MouseEvent, baseUrl: string | null): string | null {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor) return null;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return null;
  try {
    return new URL(href, baseUrl ?? undefined).href;
  } catch {
    return null;
  }
}

/** The element of the article an in-page link ("#pb-fn1", in-page-links.ts in the core) points at. */
function placeInArticle(event: MouseEvent, body: HTMLElement | null): HTMLElement | null {
  const href = event.target instanceof Element ? event.target.closest('a')?.getAttribute('href') : null;
  if (!body || !href?.startsWith('#') || href.length === 1) return null;
  const target = body.querySelector(`[id="${CSS.escape(href.slice(1))}"]`);
  if (target instanceof HTMLElement) return markedPlace(target, body);
  return href.slice(1) === TOP_OF_ARTICLE ? topOf(body) : null;
}

/** Where "Back to top" goes: the reader's headline above the text (the pane scrolls to its start),
 *  or, in a comment, the comment's own start. */
function topOf(body: HTMLElement): HTMLElement {
  const headline = body.closest('article.article')?.querySelector('.article-header h1');
  return headline instanceof HTMLElement ? headline : body;
}

/** An empty anchor (an old page's <a name="section-2"></a> before its heading) has no box to
 *  show or mark: going there goes to what it marks, the element it opens or the one after it. */
function markedPlace(target: HTMLElement, body: HTMLElement): HTMLElement {
  if (target.childNodes.length > 0) return target;
  const marked = target.parentElement !== body ? target.parentElement : target.nextElementSibling;
  return marked instanceof HTMLElement ? marked : target;
}

const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Extracted pages often begin with the article's own headline, which the reader already shows
 * above the body: the first heading is hidden when it only repeats the title.
 */
function hideRepeatedTitle(body: HTMLElement, title: string): void {
  let first = body.firstElementChild;
  while (first && /^(DIV|SECTION|ARTICLE|HEADER|MAIN)$/.test(first.tagName) && first.firstElementChild) first = first.firstElementChild;
  if (first instanceof HTMLElement && /^H[1-3]$/.test(first.tagName) && normalize(first.textContent) === normalize(title)) first.hidden = true;
}

/**
 * An image the page gave no alt text is announced by screen readers by its file name, here the
 * cache's hash: an empty alt says there is nothing to read. A page's own alt, even empty, stays.
 */
function silenceUndescribedImages(body: HTMLElement): void {
  for (const image of Array.from(body.querySelectorAll('img:not([alt])'))) image.setAttribute('alt', '');
}

export const ArticleBody = memo(function ArticleBody({ html, title, baseUrl, onOpenLink, missingImageReason = 'It could not be downloaded.', missedImageReasons }: ArticleBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    hideRepeatedTitle(ref.current, title);
    silenceUndescribedImages(ref.current);
    markMissingImages(ref.current, missingImageReason, missedImageReasons);
    markPictures(ref.current);
    markTextColumns(ref.current);
  }, [html, title, missingImageReason, missedImageReasons]);
  const follow = (event: MouseEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('a')) return;
    event.preventDefault();
    const place = placeInArticle(event, ref.current);
    if (place) {
      goTo(place);
      return;
    }
    const url = linkTarget(event, baseUrl);
    if (url) onOpenLink(url);
  };
  return (
    <div
      ref={ref}
      className="article-body"
      onClick={follow}
      onAuxClick={(event) => {
        if (event.button === 1) follow(event);
      }}
      dangerouslySetInnerHTML={{ __html: sanitizedHtml(html) }}
    />
  );
});
