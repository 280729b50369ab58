// What can be done to articles from the list, the reader, the keyboard and the menus: select
// (which marks read when the reader is on screen to show it), open, move through the list, toggle read and starred, open in the browser,
// mark those above or below one read, copy the link.
// Changes show at once and are sent to the core; a failure puts them back and says so.
import { useCallback } from 'react';
import type { ArticleId, ArticleSummary, FeedId } from '../../../shared/types';
import type { MenuEntry } from '../components/ContextMenu';
import type { ArticleListState } from './use-article-list';
import { useBridge } from './bridge';
import { useLatest } from './use-latest';
import type { FeedsState } from './use-feeds';
import type { NoticeState } from './use-notice';
import type { ReaderState } from './use-reader';

export interface ArticleActions {
  /** The selected article as the list (or, when it is not in the list, the reader) knows it. */
  readonly current: ArticleSummary | null;
  /** Moves the selection; the article counts as read only if the reader shows it. */
  select(id: ArticleId | null): void;
  /** Selects the article to show it in the reader (which the caller opens): it is read. */
  open(id: ArticleId): void;
  /** Moves the selection by rows, down when positive, as far as the list goes. */
  move(delta: number): void;
  moveUnread(delta: 1 | -1): void;
  toggleRead(): void;
  toggleStar(): void;
  openInBrowser(): void;
  openLink(url: string): void;
  copyLink(url: string): void;
  /** The context menu of a row of the list. */
  menuFor(article: ArticleSummary): MenuEntry[];
}

export interface ArticleActionsDeps {
  readonly list: ArticleListState;
  readonly reader: ReaderState;
  readonly feeds: FeedsState;
  readonly notice: NoticeState;
  readonly selectedId: ArticleId | null;
  readonly setSelectedId: (id: ArticleId | null) => void;
  /** False while one pane shows the list only: selecting there shows nothing, so reads nothing. */
  readonly readerOnScreen: boolean;
}

export function useArticleActions({ list, reader, feeds, notice, selectedId, setSelectedId, readerOnScreen }: ArticleActionsDeps): ArticleActions {
  const bridge = useBridge();
  const { items } = list;
  const readerArticle = reader.article?.id === selectedId ? reader.article : null;
  const current = (selectedId && items.find((item) => item.id === selectedId)) || readerArticle;

  const show = useCallback(
    (id: ArticleId, change: Partial<ArticleSummary>) => {
      list.patch(id, change);
      if (reader.article?.id === id) reader.patch(change);
    },
    [list, reader],
  );

  const setRead = useCallback(
    (article: ArticleSummary, read: boolean) => {
      if (article.read === read) return;
      show(article.id, { read });
      feeds.adjustUnread(article.feedId, read ? -1 : 1);
      bridge.setRead([article.id], read).catch((error: unknown) => {
        show(article.id, { read: !read });
        feeds.adjustUnread(article.feedId, read ? 1 : -1);
        notice.fail(read ? 'Could not mark the article read' : 'Could not mark the article unread')(error);
      });
    },
    [bridge, feeds, notice, show],
  );

  // select() keeps one identity while the list changes, so the rows (memoized) need not re-render.
  const latest = useLatest({ items, setRead, readerOnScreen });
  const choose = useCallback(
    (id: ArticleId | null, read: boolean) => {
      setSelectedId(id);
      const item = id ? latest.current.items.find((candidate) => candidate.id === id) : undefined;
      // Opening an article is reading it.
      if (read && item && !item.read) latest.current.setRead(item, true);
    },
    [latest, setSelectedId],
  );
  const select = useCallback((id: ArticleId | null) => choose(id, latest.current.readerOnScreen), [choose, latest]);
  const open = useCallback((id: ArticleId) => choose(id, true), [choose]);

  const indexOfSelected = () => (selectedId ? items.findIndex((item) => item.id === selectedId) : -1);

  const move = (delta: number) => {
    if (items.length === 0) return;
    // With nothing selected, down starts above the first row and up below the last.
    const index = indexOfSelected();
    const from = index >= 0 ? index : delta > 0 ? -1 : items.length;
    const next = Math.min(items.length - 1, Math.max(0, from + delta));
    if (next !== index) select(items[next]!.id);
    if (delta > 0 && next >= items.length - 2 && list.hasMore) list.loadMore();
  };

  const moveUnread = (delta: 1 | -1) => {
    const index = indexOfSelected();
    for (let next = index < 0 ? (delta > 0 ? 0 : items.length - 1) : index + delta; next >= 0 && next < items.length; next += delta) {
      const target = items[next]!;
      if (!target.read) {
        select(target.id);
        return;
      }
    }
    if (delta > 0 && list.hasMore) list.loadMore();
  };

  const toggleRead = () => {
    if (current) setRead(current, !current.read);
  };

  const setStarred = (article: ArticleSummary, starred: boolean) => {
    show(article.id, { starred });
    bridge.setStarred(article.id, starred).catch((error: unknown) => {
      show(article.id, { starred: !starred });
      notice.fail('Could not change the star')(error);
    });
  };

  const toggleStar = () => {
    if (current) setStarred(current, !current.starred);
  };

  /** Marks the loaded rows before (or after) one read, at once, and tells the core. */
  const markReadFrom = (article: ArticleSummary, direction: 'above' | 'below') => {
    const index = items.findIndex((item) => item.id === article.id);
    if (index < 0) return;
    const range = direction === 'above' ? items.slice(0, index) : items.slice(index + 1);
    const unread = range.filter((item) => !item.read);
    if (unread.length === 0) return;
    const perFeed = new Map<FeedId, number>();
    for (const item of unread) {
      show(item.id, { read: true });
      perFeed.set(item.feedId, (perFeed.get(item.feedId) ?? 0) + 1);
    }
    for (const [feedId, count] of perFeed) feeds.adjustUnread(feedId, -count);
    bridge.setRead(unread.map((item) => item.id), true).catch((error: unknown) => {
      for (const item of unread) show(item.id, { read: false });
      for (const [feedId, count] of perFeed) feeds.adjustUnread(feedId, count);
      notice.fail('Could not mark the articles read')(error);
    });
  };

  const copyLink = (url: string) => {
    navigator.clipboard.writeText(url).catch(notice.fail('Could not copy the link'));
  };

  const openLink = useCallback((url: string) => {
    bridge.openExternal(url).catch(notice.fail(`Could not open ${url}`));
  }, [bridge, notice]);

  const openInBrowser = () => {
    if (current?.url) openLink(current.url);
  };

  const menuFor = (article: ArticleSummary): MenuEntry[] => {
    const index = items.findIndex((item) => item.id === article.id);
    return [
      { label: article.read ? 'Mark as unread' : 'Mark as read', onSelect: () => setRead(article, !article.read) },
      { label: 'Mark above as read', onSelect: () => markReadFrom(article, 'above'), disabled: index <= 0 },
      { label: 'Mark below as read', onSelect: () => markReadFrom(article, 'below'), disabled: index < 0 || index >= items.length - 1 },
      { label: article.starred ? 'Unstar' : 'Star', onSelect: () => setStarred(article, !article.starred), separated: true },
      { label: 'Open in browser', onSelect: () => article.url && openLink(article.url), disabled: !article.url, separated: true },
      { label: 'Copy link', onSelect: () => article.url && copyLink(article.url), disabled: !article.url },
    ];
  };

  return { current: current ?? null, select, open, move, moveUnread, toggleRead, toggleStar, openInBrowser, openLink, copyLink, menuFor };
}
