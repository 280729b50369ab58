// A damaged database at start, on real files: garbage, cut short, pages overwritten with junk
// (in the articles, the drafts themselves, the full-text index, an index, one article's body),
// an empty file, a newer version. Each time: the old file is kept byte for byte, a new database
// opens, and what SQLite can still read comes back, articles with their marks included.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Storage, type NewDraft } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { ArticlesRepo } from '../../electron/core/storage/articles-repo';
import { CHECK_MARKER, openOrRecover, recoveryNotice } from '../../electron/core/storage/recovery';
import { LOST_COPY_TEXT } from '../../electron/core/storage/salvage';
import { indexAllQueued } from '../../electron/core/storage/search-queue';
import { DAMAGED_MESSAGE, Sqlite } from '../../electron/core/storage/sqlite';
import { OPEN_FOLDER } from '../../electron/core/system/folder-users';
import { damageMiddle, damageTable, overwrite, pageSize } from '../support/damage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const NOW = Date.UTC(2026, 10, 28);
const STAMP = new Date(2026, 10, 28, 9, 5, 7);
const MOVED = `${DATABASE_FILE}.corrupt-20261128-090507`;

afterEach(removeTempDirs);

function draft(articleId: string | null, body: string): NewDraft {
  return { articleId, articleTitle: 'NATO talks', articleUrl: 'http://127.0.0.1/nato/', feedTitle: 'The Evening Dispatch', replyTo: null, body, name: 'Jo', email: 'jo@example.org', website: '' } as NewDraft;
}

/**
 * A real data folder: a folder, two feeds, `articles` articles with long bodies (so the file has
 * many pages), drafts written before and after the articles (their pages at both ends).
 */
function library(options: { articles?: number; drafts?: number; draftBody?: (i: number) => string } = {}): { dir: string; bodies: string[] } {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const folder = storage.feeds.ensureFolder('World', null, NOW).folder;
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/world.xml', title: 'World', siteUrl: null, description: null, folderId: folder.id });
  storage.feeds.add({ url: 'http://127.0.0.1/local.xml', title: 'Local', siteUrl: null, description: null, folderId: null });
  const first = item({ feedHtml: `<p>${'Long body. '.repeat(300)}</p>` });
  storage.articles.upsertFeedItems(feedId, [first], NOW);
  const bodies: string[] = [];
  const count = options.drafts ?? 4;
  const body = options.draftBody ?? ((i: number) => `My draft number ${i}: the talks were frank.`);
  for (let i = 0; i < count / 2; i++) bodies.push(body(i));
  storage.db.transaction(() => bodies.forEach((text) => storage.drafts.create(draft(first.id, text), NOW)));
  storage.db.transaction(() => {
    for (let i = 0; i < (options.articles ?? 1500); i++) storage.articles.upsertFeedItems(feedId, [item({ feedHtml: `<p>${'Long body. '.repeat(300)}</p>` })], NOW);
  });
  const later: string[] = [];
  for (let i = count / 2; i < count; i++) later.push(body(i));
  storage.db.transaction(() => later.forEach((text) => storage.drafts.create(draft(first.id, text), NOW + 1)));
  storage.close();
  return { dir, bodies: [...bodies, ...later] };
}

/** How many article rows the leaf pages `first` to `first + count - 1` of the file hold (dbstat). */
function articleRowsOnPages(file: string, first: number, count: number): number {
  const db = new Sqlite(file, { readonly: true });
  try {
    return db.value<number>("SELECT coalesce(sum(ncell), 0) FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' AND pageno BETWEEN ? AND ?", [first, first + count - 1]) ?? 0;
  } finally {
    db.close();
  }
}

/** Opens the folder the way the core does, and returns what the person would see. */
function start(dir: string, fullCheckMaxBytes?: number) {
  const { db, recovery } = openOrRecover(dir, { now: STAMP, ...(fullCheckMaxBytes === undefined ? {} : { fullCheckMaxBytes }) });
  const drafts = db.all<{ body: string; article_id: string | null; state: string }>('SELECT body, article_id, state FROM drafts ORDER BY id');
  const feeds = db.all<{ url: string; folder_id: number | null }>('SELECT url, folder_id FROM feeds ORDER BY url');
  // The new database takes writes: the app works.
  db.run("INSERT INTO folders (name, created_at) VALUES ('after', 1)");
  db.close();
  return { recovery, drafts, feeds };
}

/** A copy of a library taken while it was open, a draft written just before only in its WAL, with
 *  its file then damaged in the middle: what a crash, or a second process, leaves to open. */
function damagedCopyWhileOpen(body: string): string {
  const { dir } = library({ articles: 300 });
  const file = path.join(dir, DATABASE_FILE);
  const open = Storage.open(dir);
  open.drafts.create(draft(null, body), NOW + 5);
  const copy = tempDir();
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(file + suffix, path.join(copy, DATABASE_FILE + suffix));
  open.close();
  // The article bodies: what reading only the small tables leaves unread.
  damageTable(path.join(copy, DATABASE_FILE), 'article_content', 4);
  return copy;
}

describe('a damaged database at start', () => {
  it('garbage bytes: moved aside byte for byte, and a new database opens', () => {
    const dir = tempDir();
    const junk = Buffer.alloc(40_000, 'not a database ');
    writeFileSync(path.join(dir, DATABASE_FILE), junk);
    const { recovery, drafts } = start(dir);
    expect(recovery?.reason).toBe('the file is not an SQLite database');
    expect(recovery?.movedTo).toBe(path.join(dir, MOVED));
    expect(readFileSync(path.join(dir, MOVED)).equals(junk)).toBe(true);
    expect(recovery?.draftsRecovered).toBe(0);
    expect(drafts).toEqual([]);
  });

  it('a file cut short (mid-page and on a page boundary): detected, and the drafts (in its first pages) recovered', () => {
    for (const cut of [(size: number, page: number) => Math.floor(size / 2 / page) * page + 100, (size: number, page: number) => Math.floor(size / 2 / page) * page]) {
      const { dir, bodies } = library({ articles: 400 });
      const file = path.join(dir, DATABASE_FILE);
      const size = statSync(file).size;
      const page = pageSize(file);
      truncateSync(file, cut(size, page));
      const { recovery, drafts, feeds } = start(dir);
      expect(recovery?.reason).toMatch(/middle of a page|cut short/);
      expect(statSync(path.join(dir, MOVED)).size).toBe(cut(size, page));
      expect(drafts.map((d) => d.body)).toEqual(bodies);
      expect(recovery).toMatchObject({ draftsRecovered: 4, feedsRecovered: 2, foldersRecovered: 1 });
      expect(feeds.map((f) => f.url)).toEqual(['http://127.0.0.1/local.xml', 'http://127.0.0.1/world.xml']);
    }
  });

  it('junk over pages in the middle (the articles): found by the full check, every draft recovered, subscriptions kept in their folder', () => {
    const { dir, bodies } = library();
    const file = path.join(dir, DATABASE_FILE);
    const onDamagedPages = articleRowsOnPages(file, Math.floor(statSync(file).size / 2 / pageSize(file)) + 1, 8);
    damageMiddle(file, 8);
    const original = readFileSync(file);
    const { recovery, drafts, feeds } = start(dir);
    expect(recovery?.reason).toMatch(/page|malformed|corrupt/i);
    expect(readFileSync(path.join(dir, MOVED)).equals(original)).toBe(true);
    expect(recovery).toMatchObject({ draftsRecovered: 4, feedsRecovered: 2, foldersRecovered: 1 });
    expect(drafts.map((d) => d.body)).toEqual(bodies);
    // Their article (on the first pages) came back with them.
    expect(drafts.every((d) => d.article_id !== null && d.state === 'draft')).toBe(true);
    expect(feeds.find((f) => f.url.endsWith('world.xml'))?.folder_id).not.toBeNull();
    // Eight junk pages cost at most the articles on them (a few dozen at most), not the other 1,480 or so.
    expect(onDamagedPages).toBeLessThan(25);
    expect(recovery?.articlesRecovered).toBeGreaterThanOrEqual(1501 - onDamagedPages);
  });

  it('junk over one page of the drafts themselves: the drafts on the other pages are read one by one', () => {
    const { dir, bodies } = library({ articles: 10, drafts: 60, draftBody: (i) => `Draft ${i}: ${'words '.repeat(200)}` });
    const file = path.join(dir, DATABASE_FILE);
    const raw = new Sqlite(file, { readonly: true });
    const leaves = raw.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = 'drafts' AND pagetype = 'leaf' ORDER BY pageno");
    raw.close();
    expect(leaves.length).toBeGreaterThan(4);
    const victim = leaves[Math.floor(leaves.length / 2)]!.pageno;
    overwrite(file, (victim - 1) * pageSize(file), pageSize(file));
    const { recovery, drafts } = start(dir);
    expect(recovery?.incomplete).toBe(true);
    const recovered = drafts.map((d) => d.body);
    expect(recovered.length).toBe(recovery?.draftsRecovered);
    expect(recovered.length).toBeGreaterThan(bodies.length / 2);
    expect(recovered.length).toBeLessThan(bodies.length);
    // Those that come back are whole, and in their order.
    expect(bodies.filter((body) => recovered.includes(body))).toEqual(recovered);
  });

  it('drafts still in the write-ahead log of a damaged file are recovered from it', () => {
    // A session that ended without closing: the newest draft is only in the WAL.
    const copy = damagedCopyWhileOpen('Written just before the crash');
    const { recovery, drafts } = start(copy);
    expect(recovery).not.toBeNull();
    expect(existsSync(path.join(copy, `${MOVED}-wal`))).toBe(true);
    expect(drafts.map((d) => d.body)).toContain('Written just before the crash');
  });

  it('a WAL that holds pages while another process has the folder open is not a crash: a command started beside the app reads only the small tables', () => {
    // The app, open: its newest writes are in the WAL, and the folder records it as a user.
    const copy = damagedCopyWhileOpen('Written while the app is open');
    const appProcess = spawn('sleep', ['60']);
    const entry = path.join(copy, OPEN_FOLDER, `${appProcess.pid}.0badc0de`);
    mkdirSync(path.dirname(entry));
    writeFileSync(entry, '');
    try {
      const beside = openOrRecover(copy, { now: STAMP, fullCheckMaxBytes: 0 });
      expect(beside.recovery).toBeNull();
      beside.db.close();
    } finally {
      appProcess.kill();
      rmSync(entry);
    }
    // Nobody else has it open: the same WAL is the trace of a session that did not close, and every page is read.
    expect(start(copy, 0).recovery?.reason).toMatch(/page|malformed|corrupt/i);
  });

  it('damage SQLite reports while the app runs makes the next start check every page, even of a big database', () => {
    const { dir, bodies } = library();
    const file = path.join(dir, DATABASE_FILE);
    const raw = new Sqlite(file, { readonly: true });
    const leaves = raw.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = 'article_content' AND pagetype = 'leaf' ORDER BY pageno");
    raw.close();
    overwrite(file, (leaves[Math.floor(leaves.length / 2)]!.pageno - 1) * pageSize(file), pageSize(file));
    // Treated as big: the cheap check alone passes, so this start keeps the file.
    const first = openOrRecover(dir, { now: STAMP, fullCheckMaxBytes: 0 });
    expect(first.recovery).toBeNull();
    // Reading the article bodies (as the reader does) meets the damage, and says so in words.
    expect(() => first.db.all('SELECT * FROM article_content')).toThrow(DAMAGED_MESSAGE);
    first.db.close();
    expect(existsSync(path.join(dir, CHECK_MARKER))).toBe(true);
    const { recovery, drafts } = start(dir, 0);
    expect(recovery?.draftsRecovered).toBe(4);
    expect(drafts.map((d) => d.body)).toEqual(bodies);
    expect(existsSync(path.join(dir, CHECK_MARKER))).toBe(false);
  });

  it('a draft cut off while being sent comes back as failed, to be checked on the site before sending again', () => {
    const { dir } = library({ articles: 300 });
    const file = path.join(dir, DATABASE_FILE);
    const db = new Sqlite(file);
    db.run("UPDATE drafts SET state = 'sending', attempt_key = 'k', attempt_pid = 1 WHERE id = 1");
    db.close();
    damageMiddle(file, 4);
    const { drafts } = start(dir);
    expect(drafts[0]).toMatchObject({ state: 'failed' });
    expect(drafts.slice(1).every((d) => d.state === 'draft')).toBe(true);
  });
});

/**
 * 901 articles, each body on a page of its own; every second one read, every third starred.
 * Returns the items as stored, so a test can feed one in again as the next sync would.
 */
function newsroom() {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/world.xml', title: 'World', siteUrl: null, description: null, folderId: null });
  const items = Array.from({ length: 901 }, () => item({ feedHtml: `<p>${'Long body. '.repeat(300)}</p>` }));
  storage.articles.upsertFeedItems(feedId, items, NOW);
  storage.articles.setRead(items.filter((_, n) => n % 2 === 0).map((i) => i.id), true, NOW);
  items.forEach((i, n) => n % 3 === 0 && storage.articles.setStarred(i.id, true, NOW));
  storage.close();
  return { dir, feedId, items, file: path.join(dir, DATABASE_FILE) };
}

function leafPages(file: string, table: string): number[] {
  const raw = new Sqlite(file, { readonly: true });
  const pages = raw.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table]).map((p) => p.pageno);
  raw.close();
  return pages;
}

/** The raw bytes of one page, to tell which article lives there. */
function pageBytes(file: string, pageno: number): string {
  const size = pageSize(file);
  return readFileSync(file).subarray((pageno - 1) * size, pageno * size).toString('latin1');
}

/** Junk over one page; returns the raw bytes it had. */
function junkOverPage(file: string, pageno: number): Buffer {
  const size = pageSize(file);
  const before = readFileSync(file).subarray((pageno - 1) * size, pageno * size);
  overwrite(file, (pageno - 1) * size, size);
  return before;
}

/** What the person finds after the start: articles, marks, offline copies, the search index. */
function library901(dir: string) {
  const { db, recovery } = openOrRecover(dir, { now: STAMP });
  // The salvaged articles wait for the index, as a sync's do, until a search (or the app) indexes them.
  const queued = db.value<number>('SELECT count(*) FROM search_queue');
  indexAllQueued(db);
  const seen = {
    queued,
    recovery,
    articles: db.value<number>('SELECT count(*) FROM articles'),
    read: db.value<number>('SELECT count(*) FROM article_status WHERE read = 1'),
    starred: db.value<number>('SELECT count(*) FROM article_status WHERE starred = 1'),
    copies: db.value<number>("SELECT count(*) FROM article_content WHERE html LIKE '<p>Long body.%'"),
    indexed: db.value<number>('SELECT count(*) FROM articles_fts'),
    found: db.all<{ title: string }>("SELECT a.title FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid WHERE articles_fts MATCH 'Body'").length,
    integrity: db.value<string>('PRAGMA integrity_check'),
  };
  db.close();
  return seen;
}

const WHOLE = { articles: 901, read: 451, starred: 301, copies: 901, queued: 901, indexed: 901, found: 901, integrity: 'ok' };

describe('one damaged page costs what was on it, not every article', () => {
  it('in the full-text index: every article comes back with its marks and offline copy, and search finds them', () => {
    const { dir, file } = newsroom();
    const pages = leafPages(file, 'articles_fts_data');
    junkOverPage(file, pages[Math.floor(pages.length / 2)]!);
    const seen = library901(dir);
    expect(seen.recovery).toMatchObject({ articlesRecovered: 901, starredRecovered: 301, copiesLost: 0, incomplete: false });
    expect(seen).toMatchObject(WHOLE);
  });

  it('in an index of the articles: the same, the index is made anew', () => {
    const { dir, file } = newsroom();
    const raw = new Sqlite(file, { readonly: true });
    const pages = raw.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = 'articles_by_feed_date' ORDER BY pageno").map((p) => p.pageno);
    raw.close();
    junkOverPage(file, pages[Math.floor(pages.length / 2)]!);
    const seen = library901(dir);
    expect(seen.recovery).not.toBeNull();
    expect(seen).toMatchObject(WHOLE);
  });

  it("in one starred article's offline copy (1 of 901): the article stays, starred and read, with a sentence for its body, and the next sync brings the copy back", () => {
    const { dir, file, feedId, items } = newsroom();
    // A page a third of the way in that holds a starred and read article (every sixth is both).
    const leaves = leafPages(file, 'article_content');
    const pages = leaves.slice(Math.floor(leaves.length / 3));
    const starredAndRead = items.filter((_, n) => n % 6 === 0);
    const page = pages.find((p) => starredAndRead.some((i) => pageBytes(file, p).includes(i.id)))!;
    const bytes = junkOverPage(file, page).toString('latin1');
    const victim = starredAndRead.find((i) => bytes.includes(i.id))!;
    const seen = library901(dir);
    expect(seen.recovery).toMatchObject({ articlesRecovered: 901, starredRecovered: 301, copiesLost: 1 });
    expect(seen).toMatchObject({ ...WHOLE, copies: 900, found: 900 });
    expect(recoveryNotice(seen.recovery!).message).toContain(
      'Also 901 articles with their read and starred marks (301 starred); the saved copies of 1 article were damaged and come back with the next sync.',
    );

    const storage = Storage.open(dir);
    expect(storage.articles.get(victim.id)).toMatchObject({ starred: true, read: true, html: `<p>${LOST_COPY_TEXT}</p>`, fullTextState: 'pending' });
    // The feed still has the item: the next sync writes its text back (and then fetches its page).
    expect(storage.articles.upsertFeedItems(feedId, [victim], NOW + 1).updatedIds).toEqual([victim.id]);
    expect(storage.articles.get(victim.id)).toMatchObject({ starred: true, read: true, html: victim.feedHtml });
    storage.close();
  });

  it('met while the app runs (the start-up check is the cheap one): the article says so in a sentence, the others open', () => {
    const { dir, file, items } = newsroom();
    const pages = leafPages(file, 'article_content');
    const bytes = junkOverPage(file, pages[Math.floor(pages.length / 2)]!).toString('latin1');
    const victim = items.find((i) => bytes.includes(i.id))!;
    const { db } = openOrRecover(dir, { now: STAMP, fullCheckMaxBytes: 0 });
    const articles = new ArticlesRepo(db, () => []);
    expect(() => articles.get(victim.id)).toThrow(DAMAGED_MESSAGE);
    expect(articles.get(items[0]!.id)?.html).toContain('Long body.');
    db.close();
    expect(existsSync(path.join(dir, CHECK_MARKER))).toBe(true);
  });
});

describe('a database that is not damaged', () => {
  it('a zero-length file is a new database: nothing moved, nothing reported', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DATABASE_FILE), '');
    const { recovery } = start(dir);
    expect(recovery).toBeNull();
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('a healthy folder reopens with its drafts and no report', () => {
    const { dir, bodies } = library({ articles: 50 });
    const { recovery, drafts } = start(dir);
    expect(recovery).toBeNull();
    expect(drafts.map((d) => d.body)).toEqual(bodies);
  });

  it('a database from a newer Paperboy is refused with its clear message and left where it is', () => {
    const dir = tempDir();
    const raw = new Sqlite(path.join(dir, DATABASE_FILE));
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openOrRecover(dir)).toThrow(/newer Paperboy/);
    const kept = new Sqlite(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(kept.value('PRAGMA user_version')).toBe(MIGRATIONS.length + 1);
    kept.close();
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});
