// Changes that other processes make to this data folder: the CLI saving a draft or adding a
// feed while the app is open. SQLite bumps `PRAGMA data_version` whenever another connection
// commits, so a cheap poll tells that something changed; a small fingerprint of the drafts and
// of the subscriptions then tells which, so a sync in the CLI (which writes articles) does not
// make the app reload its drafts every second. The subscriptions' print takes in each feed's
// article and unread counts (feed_counts, one row a feed): a CLI sync's new articles, or articles
// marked read there, reach the open app's sidebar and list.
import type { Sqlite } from './sqlite';

export interface WriterWatch {
  stop(): void;
}

export interface WriterListeners {
  drafts(): void;
  feeds(): void;
}

const POLL_MS = 1000;

function draftsPrint(db: Sqlite): string {
  return db.value<string>("SELECT count(*) || ':' || total(updated_at) || ':' || group_concat(id || state || coalesce(deleted_at, ''), ',') FROM drafts") ?? '';
}

function feedsPrint(db: Sqlite): string {
  return (
    db.value<string>(
      "SELECT (SELECT count(*) || ':' || total(id) || ':' || total(coalesce(folder_id, 0)) || ':' || total(length(coalesce(custom_title, ''))) FROM feeds)" +
        " || '/' || (SELECT count(*) || ':' || total(id) || ':' || total(coalesce(parent_id, 0)) || ':' || total(length(name)) FROM folders)" +
        " || '/' || (SELECT total(total) || ':' || total(unread) FROM feed_counts)",
    ) ?? ''
  );
}

export function watchOtherWriters(db: Sqlite, listeners: WriterListeners, everyMs = POLL_MS): WriterWatch {
  let version = db.value<number>('PRAGMA data_version');
  let drafts = draftsPrint(db);
  let feeds = feedsPrint(db);
  const timer = setInterval(() => {
    try {
      const now = db.value<number>('PRAGMA data_version');
      if (now === version) return;
      version = now;
      const nextDrafts = draftsPrint(db);
      const nextFeeds = feedsPrint(db);
      if (nextDrafts !== drafts) listeners.drafts();
      if (nextFeeds !== feeds) listeners.feeds();
      drafts = nextDrafts;
      feeds = nextFeeds;
    } catch {
      // A busy or closing database: the next tick looks again.
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
