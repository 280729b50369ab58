// The window: toolbar and sync status on top; sidebar, article list and reader below; dialogs.
// State lives in hooks (./hooks); this file wires them together and maps keys and menu
// commands onto the same actions the buttons use. It also says where focus goes when what had
// it leaves the page: the reader when it opens, the list when the reader, the drawer, the search
// or the Undo toast closes, and when a key (g a, g u, g s) opens another view.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, SETTING_LIMITS, type AddFeedResult, type ArticleId, type Feed } from '../../shared/types';
import { AddFeedDialog } from './components/AddFeedDialog';
import { ArticleList } from './components/ArticleList';
import { ContextMenu, type MenuEntry, type MenuRequest } from './components/ContextMenu';
import { DraftList } from './components/DraftList';
import { FeedDialogs } from './components/FeedDialogs';
import { ListHeader } from './components/ListHeader';
import { ReaderEmpty } from './components/ReaderEmpty';
import { ReaderPane } from './components/ReaderPane';
import { SearchBox } from './components/SearchBox';
import { SettingsDialog } from './components/SettingsDialog';
import { Splitter } from './components/Splitter';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { Sidebar } from './components/Sidebar';
import { StartupNotices } from './components/StartupNotices';
import { SyncStatus } from './components/SyncStatus';
import { Toolbar } from './components/Toolbar';
import { UndoToast } from './components/UndoToast';
import { PromptDialog } from './components/PromptDialog';
import { useMarkAllRead } from './hooks/use-mark-all-read';
import { useMenuCommands } from './hooks/use-menu-commands';
import { useArticleActions } from './hooks/use-article-actions';
import { useArticleList, type ListSource } from './hooks/use-article-list';
import { useFeedManagement } from './hooks/use-feed-management';
import { useFeeds } from './hooks/use-feeds';
import { useFocusRequest } from './hooks/use-focus-request';
import { SingleKeysContext } from './hooks/use-key-hint';
import { useKeyboard } from './hooks/use-keyboard';
import { useLeaveRemovedView } from './hooks/use-leave-removed-view';
import { useLatest } from './hooks/use-latest';
import { useLayoutMode } from './hooks/use-layout-mode';
import { useNotice } from './hooks/use-notice';
import { useOffline } from './hooks/use-offline';
import { useReader } from './hooks/use-reader';
import { useSettings } from './hooks/use-settings';
import { useSync } from './hooks/use-sync';
import { useTheme } from './hooks/use-theme';
import type { Action } from './lib/keymap';
import { emptyListText, viewTitle } from './lib/view-text';
import { ALL, filterOf, STARRED, UNREAD, viewKey, type View } from './lib/views';

type DialogName = 'add-feed' | 'settings' | 'shortcuts' | 'mark-older';

export function App() {
  const settings = useSettings();
  useTheme(settings.settings?.theme ?? 'system');
  const offline = useOffline();
  const notice = useNotice();

  const [view, setView] = useState<View>(ALL);
  const [query, setQuery] = useState('');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [selectedId, setSelectedId] = useState<ArticleId | null>(null);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const mode = useLayoutMode();
  // Two panes or one: the sidebar is a drawer over the list. One pane: the list, or the reader.
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [readerShown, setReaderShown] = useState(false);
  // Widths while a splitter is dragged; saved to the settings when it is let go.
  const [dragged, setDragged] = useState<{ readonly sidebar?: number; readonly list?: number }>({});
  const searchRef = useRef<HTMLInputElement>(null);
  const readerRef = useRef<HTMLElement>(null);
  // What had focus when the drawer opened (its toggle): focus goes back there when it closes.
  const drawerOpener = useRef<Element | null>(null);
  const listFocus = useFocusRequest();
  const readerFocus = useFocusRequest();

  const source = useMemo<ListSource>(() => {
    if (query) return { kind: 'search', key: `search:${query}`, query };
    const filter = filterOf(view);
    if (!filter) return { kind: 'none', key: viewKey(view) };
    return { kind: 'filter', key: `${viewKey(view)}:${unreadOnly ? 'unread' : 'all'}`, filter, unreadOnly };
  }, [query, view, unreadOnly]);
  // The list asks first: the core answers in turn, and the list is what a person waits for.
  const list = useArticleList(source);
  const feeds = useFeeds();
  const reader = useReader(selectedId);
  // One pane showing the list: moving through it shows no article, so reads none.
  const actions = useArticleActions({ list, reader, feeds, notice, selectedId, setSelectedId, readerOnScreen: mode !== 'one' || readerShown });

  const sync = useSync({
    onFeedChanged: feeds.reload,
    onFinished: () => {
      feeds.reload();
      list.reload();
    },
  });

  const selectedFeed = view.kind === 'feed' ? (feeds.feeds.find((feed) => feed.id === view.feedId) ?? null) : null;

  const chooseView = useCallback((next: View) => {
    setView(next);
    setQuery('');
    setDrawerOpen(false);
    setReaderShown(false);
  }, []);

  const refreshAll = () => {
    feeds.reload();
    list.reload();
  };

  const onAdded = (result: AddFeedResult) => {
    if (!result.existing) refreshAll();
  };

  // A feed or folder gone (here or elsewhere): the list moves on to All articles when the sidebar hears.
  const showAll = useCallback(() => chooseView(ALL), [chooseView]);
  useLeaveRemovedView(view, feeds, showAll);

  // The drawer closes on a choice and its entry goes with it: on to the chosen list.
  const chooseFromDrawer = useCallback(
    (next: View) => {
      chooseView(next);
      listFocus.request();
    },
    [chooseView, listFocus.request],
  );

  const openMenu = useCallback((label: string, at: { x: number; y: number }, entries: readonly MenuEntry[]) => setMenu({ label, ...at, entries }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const openArticle = useCallback(
    (id: ArticleId) => {
      actions.open(id);
      setReaderShown(true);
      // One pane: the list that had focus is gone, the reader takes its place.
      if (mode === 'one') readerFocus.request();
    },
    [actions.open, mode, readerFocus.request],
  );
  // Enter on the list: to read, in either layout.
  const openArticleToRead = (id: ArticleId) => {
    openArticle(id);
    readerFocus.request();
  };
  const closeReader = () => {
    setReaderShown(false);
    listFocus.request();
  };
  useLayoutEffect(() => {
    if (!readerFocus.wanted || !readerRef.current) return;
    readerRef.current.focus();
    readerFocus.settle();
  });
  const articleMenu = (id: ArticleId, at: { x: number; y: number }) => {
    const item = list.items.find((candidate) => candidate.id === id);
    if (item) openMenu(`Actions for ${item.title || 'the article'}`, at, actions.menuFor(item));
  };

  const { undo, markAllRead, undoLast, dismissUndo } = useMarkAllRead(notice, refreshAll);
  const management = useFeedManagement({ feeds, notice, syncFeeds: (ids) => sync.start(ids), markAllRead, onFeedRemoved: refreshAll });

  const pageReader = (direction: 1 | -1) => {
    const pane = readerRef.current;
    if (!pane || !actions.current) {
      if (direction > 0) actions.moveUnread(1);
      return;
    }
    const atEnd = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 2;
    if (direction > 0 && atEnd) actions.moveUnread(1);
    else pane.scrollBy({ top: direction * pane.clientHeight * 0.9, behavior: 'auto' });
  };

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };

  const goToView = (next: View) => {
    chooseView(next);
    listFocus.request();
  };

  const run = (action: Action) => {
    switch (action) {
      case 'next': return actions.move(1);
      case 'prev': return actions.move(-1);
      case 'next-unread': return actions.moveUnread(1);
      case 'prev-unread': return actions.moveUnread(-1);
      case 'page-down': return pageReader(1);
      case 'page-up': return pageReader(-1);
      case 'toggle-read': return actions.toggleRead();
      case 'star': return actions.toggleStar();
      case 'open': return actions.openInBrowser();
      case 'sync': return sync.start();
      case 'search': return focusSearch();
      // The list that had focus is replaced by the new view's: the keyboard goes on to it.
      case 'go-all': return goToView(ALL);
      case 'go-unread': return goToView(UNREAD);
      case 'go-starred': return goToView(STARRED);
      case 'shortcuts': return setDialog('shortcuts');
      case 'mark-all-read': return markAllRead(query ? null : filterOf(view));
      case 'undo': return undoLast();
    }
  };
  // Off until the settings say otherwise: a person who turned them off never meets them at start.
  const singleKeys = settings.settings?.singleKeyShortcuts ?? false;
  useKeyboard(run, singleKeys);

  // The native menu sends the same requests as the toolbar and the keys.
  useMenuCommands((command) => {
    if (command === 'add-feed') setDialog('add-feed');
    else if (command === 'sync') sync.start();
    else if (command === 'search') focusSearch();
    else if (command === 'shortcuts') setDialog('shortcuts');
    else setDialog('settings'); // settings, and OPML (its tools are in Settings)
  });

  // The list's own record of read and starred wins: it changes first when the person acts.
  const listed = list.items.find((item) => item.id === reader.article?.id);
  const shownReader = listed && reader.article && (listed.read !== reader.article.read || listed.starred !== reader.article.starred)
    ? { ...reader, article: { ...reader.article, read: listed.read, starred: listed.starred } }
    : reader;
  const firstLaunch = feeds.status === 'ready' && feeds.feeds.every((feed) => feed.builtin);

  const prefs = settings.settings ?? DEFAULT_SETTINGS;
  const sidebarWidth = dragged.sidebar ?? prefs.sidebarWidth;
  const listWidth = dragged.list ?? prefs.listWidth;
  const sidebarDocked = mode === 'three' && !prefs.sidebarCollapsed;
  const sidebarShown = sidebarDocked || drawerOpen;
  const drawerShown = sidebarShown && !sidebarDocked;
  const toggleSidebar = () => {
    if (mode === 'three') void settings.update({ sidebarCollapsed: !prefs.sidebarCollapsed });
    else {
      drawerOpener.current = drawerOpen ? null : document.activeElement;
      setDrawerOpen(!drawerOpen);
    }
  };
  const closeDrawer = () => {
    setDrawerOpen(false);
    const opener = drawerOpener.current;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };
  // The drawer's entry takes focus when it opens: that is what it was opened for.
  useEffect(() => {
    if (drawerShown) document.querySelector<HTMLElement>('#sidebar [data-nav-key][tabindex="0"]')?.focus();
  }, [drawerShown]);
  // Escape closes the drawer (a dialog or a menu open above it takes its own Escape first).
  const latestCloseDrawer = useLatest(closeDrawer);
  useEffect(() => {
    if (!drawerShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latestCloseDrawer.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [drawerShown, latestCloseDrawer]);
  const saveWidth = (pane: 'sidebar' | 'list', width: number) => {
    setDragged({});
    void settings.update(pane === 'sidebar' ? { sidebarWidth: width } : { listWidth: width });
  };
  const showList = mode !== 'one' || !readerShown || selectedId === null;
  const showReader = mode !== 'one' || (readerShown && selectedId !== null);
  const columns = [sidebarDocked ? `${sidebarWidth}px` : null, showList ? (showReader ? `minmax(220px, ${listWidth}px)` : 'minmax(0, 1fr)') : null, showReader ? 'minmax(320px, 1fr)' : null];
  const gridTemplateColumns = columns.filter(Boolean).join(' ');

  return (
    <SingleKeysContext.Provider value={singleKeys}>
      <div className="app">
        <Toolbar
          syncing={sync.running}
          offline={offline}
          feedTitle={selectedFeed && !selectedFeed.builtin ? selectedFeed.title : null}
          search={<SearchBox query={query} onSearch={setQuery} inputRef={searchRef} onLeave={() => (showList ? listFocus : readerFocus).request()} />}
          sidebarShown={sidebarShown}
          onToggleSidebar={toggleSidebar}
          onSync={() => sync.start()}
          onSyncFeed={() => selectedFeed && sync.start([selectedFeed.id])}
          onAddFeed={() => setDialog('add-feed')}
          onSettings={() => setDialog('settings')}
          onShortcuts={() => setDialog('shortcuts')}
        />
        <SyncStatus
          sync={sync}
          feeds={feeds.feeds}
          onShowFeed={(feedId) => {
            const feed = feeds.feeds.find((candidate) => candidate.id === feedId);
            if (feed) management.open({ kind: 'properties', feed });
          }}
        />
        <StartupNotices />
        {notice.notice && (
          <div className="notice" role="alert">
            <span>{notice.notice}</span>
            <button type="button" className="button small" onClick={notice.dismiss}>
              Dismiss
            </button>
          </div>
        )}
        <div className={`panes layout-${mode}`} style={{ gridTemplateColumns }}>
          {sidebarShown && (
            <>
              {!sidebarDocked && <div className="drawer-backdrop" onClick={closeDrawer} />}
              <Sidebar
                feeds={feeds}
                view={view}
                // From the drawer, which closes: on to the chosen list.
                onSelect={sidebarDocked ? chooseView : chooseFromDrawer}
                management={management}
                onMenu={openMenu}
                drawer={!sidebarDocked}
                width={sidebarWidth}
              />
            </>
          )}
          {sidebarDocked && (
            <Splitter
              label="Resize the sidebar"
              value={sidebarWidth}
              at={sidebarWidth}
              {...SETTING_LIMITS.sidebarWidth}
              onChange={(width) => setDragged({ sidebar: width })}
              onCommit={(width) => saveWidth('sidebar', width)}
            />
          )}
          {/* Under the open drawer: out of reach of Tab and clicks (a box, not a pane of the grid). */}
          <div style={{ display: 'contents' }} inert={drawerShown}>
          {showList && showReader && (
            <Splitter
              label="Resize the article list"
              value={listWidth}
              at={(sidebarDocked ? sidebarWidth : 0) + listWidth}
              {...SETTING_LIMITS.listWidth}
              onChange={(width) => setDragged({ list: width })}
              onCommit={(width) => saveWidth('list', width)}
            />
          )}
          {showList && (
          <section className="list-pane" aria-labelledby="list-title">
            <ListHeader
              title={query ? `Search: “${query}”` : viewTitle(view, feeds.feeds, feeds.folders)}
              total={view.kind === 'drafts' && !query ? null : list.total}
              shown={list.items.length}
              searching={query !== ''}
              loading={list.status === 'loading'}
              unreadOnly={unreadOnly}
              canFilter={source.kind === 'filter' && view.kind !== 'unread'}
              onToggleUnreadOnly={() => setUnreadOnly(!unreadOnly)}
              onMarkAllRead={() => markAllRead(filterOf(view))}
              onMarkOlderRead={() => setDialog('mark-older')}
              onClearSearch={() => setQuery('')}
            />
            {view.kind === 'drafts' && !query ? (
              <DraftList onOpenArticle={openArticle} />
            ) : (
              <ArticleList
                key={source.key}
                list={list}
                selectedId={selectedId}
                onSelect={openArticle}
                onOpen={openArticleToRead}
                onMove={actions.move}
                onMenu={articleMenu}
                label={query ? 'Search results' : 'Articles'}
                density={prefs.listDensity}
                empty={emptyListText(view, query, unreadOnly, selectedFeed)}
                focusWanted={listFocus.wanted}
                onFocusTaken={listFocus.settle}
              />
            )}
          </section>
          )}
          {showReader && (
          <ReaderPane
            reader={shownReader}
            scrollRef={readerRef}
            empty={<ReaderEmpty firstLaunch={firstLaunch} feeds={feeds.feeds} onAdded={onAdded} />}
            onOpen={actions.openInBrowser}
            onToggleStar={actions.toggleStar}
            onToggleRead={actions.toggleRead}
            onOpenLink={actions.openLink}
            onOpenArticle={openArticle}
            onCopyLink={actions.copyLink}
            fontSize={prefs.articleFontSize}
            onBack={mode === 'one' ? closeReader : undefined}
          />
          )}
          </div>
        </div>
        {dialog === 'add-feed' && (
          <AddFeedDialog
            subscribed={feeds.feeds}
            onAdded={onAdded}
            onShow={(feed: Feed) => {
              setDialog(null);
              chooseView({ kind: 'feed', feedId: feed.id });
            }}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'settings' && (
          <SettingsDialog
            settings={settings}
            feeds={feeds.feeds}
            onFeedChanged={feeds.replace}
            onFeedRemoved={refreshAll}
            onDataChanged={refreshAll}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'shortcuts' && <ShortcutsDialog enabled={singleKeys} onClose={() => setDialog(null)} />}
        {dialog === 'mark-older' && (
          <PromptDialog
            title="Mark older articles read"
            label="Mark read the articles older than this many days"
            initial="7"
            submitLabel="Mark read"
            onSubmit={async (value) => {
              const days = Number(value);
              if (!Number.isInteger(days) || days < 0 || days > 36_500) throw new Error('Type a whole number of days, such as 7.');
              markAllRead(filterOf(view), days);
            }}
            onClose={() => setDialog(null)}
          />
        )}
        {undo && <UndoToast message={undo.message} onUndo={undoLast} onDismiss={dismissUndo} onLeave={listFocus.request} />}
        <FeedDialogs management={management} folders={feeds.folders} onFeedChanged={feeds.replace} />
        {menu && <ContextMenu request={menu} onClose={closeMenu} />}
      </div>
    </SingleKeysContext.Provider>
  );
}
