// The stored body of an article. The HTML was sanitized by the core's allowlist when it was
// saved (electron/articles/sanitize.ts) and its images point at the local cache; the page's CSP
// is the second wall. Links never navigate the app: they go to the system browser.
import { memo, type MouseEvent } from 'react';

export interface ArticleBodyProps {
  readonly html: string;
  /** The article's own address, against which relative links are resolved. */
  readonly baseUrl: string | null;
  readonly onOpenLink: (url: string) => void;
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

export const ArticleBody = memo(function ArticleBody({ html, baseUrl, onOpenLink }: ArticleBodyProps) {
  const follow = (event: MouseEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('a')) return;
    event.preventDefault();
    const url = linkTarget(event, baseUrl);
    if (url) onOpenLink(url);
  };
  return (
    <div
      className="article-body"
      onClick={follow}
      onAuxClick={(event) => {
        if (event.button === 1) follow(event);
      }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
