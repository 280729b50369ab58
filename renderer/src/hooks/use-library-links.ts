// A link in an article to a page the library holds (another stored article: "as we reported on
// Monday", a series' earlier part) opens that article in the reader, offline, rather than the site
// in the browser. The core says which article is at an address (api.storedArticleAt: its link, or
// where its link redirected when the sync fetched its page, tracking parameters and the scheme
// aside). Any other link goes to the browser as before, and so does one whose question failed; so
// does a link to the article itself ("permalink"), which the person is reading already. An answer
// that comes after the article was left (ArticleView is keyed by it) or after a later click is dropped.
import { useEffect, useRef } from 'react';
import type { ArticleId } from '../../../shared/types';
import { useBridge } from './bridge';
import { useLatestCallback } from './use-latest';

export function useLibraryLinks(current: ArticleId, openArticle: (id: ArticleId) => void, openExternal: (url: string) => void): (url: string) => void {
  const bridge = useBridge();
  const asked = useRef(0);
  useEffect(() => () => {
    asked.current++;
  }, []);
  return useLatestCallback((url: string) => {
    const mine = ++asked.current;
    bridge.storedArticleAt(url).then(
      (id) => {
        if (mine !== asked.current) return;
        if (id !== null && id !== current) openArticle(id);
        else openExternal(url);
      },
      () => {
        if (mine === asked.current) openExternal(url);
      },
    );
  });
}
