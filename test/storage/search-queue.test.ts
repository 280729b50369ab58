// The search index and the grams of Chinese, Japanese, Korean and Arabic-script text are written
// after the sync from a queue (storage/search-queue.ts): whatever a sync, an edit or a removal
// does to an article before or after its turn, a search finds exactly what the articles say now,
// also one that cannot index first (another connection writing), and SQLite's own check of the
// index against the rows passes.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Storage, type IncomingItem } from '../../electron/core/storage';
import { ArticlesRepo } from '../../electron/core/storage/articles-repo';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { FeedsRepo } from '../../electron/core/storage/feeds-repo';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { foldArabic, gramsOf } from '../../electron/core/storage/search-grams';
import { indexQueued } from '../../electron/core/storage/search-queue';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { seededRandom } from '../support/random';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const NOW = Date.UTC(2026, 11, 7);
const feed = { url: 'http://127.0.0.1/quay.xml', title: 'Quay Times', siteUrl: null, description: null, folderId: null };
const WORDS = ['anchor', 'ballast', 'capstan', 'davit', 'fender', 'gunwale', 'hawser', 'jib', 'keel', 'lanyard'];
/** Written without spaces, two may stand in one run: each is found inside it. 港 is a word of one character. */
const UNSPACED_WORDS = ['東京', '金利', '地铁', '避難所', '港', '노선', '시민'];
/** No one of them begins another, or another's stem (ship, port, sea, captain, cargo, quay, anchor, rope). */
const ARABIC_WORDS = ['سفينة', 'ميناء', 'بحر', 'قبطان', 'شحنة', 'رصيف', 'مرساة', 'حبل'];
const UNSPACED = /[\p{Script=Han}\p{Script=Hangul}]/u;

/** Whether an article says `word`: a word of a spaced script as a word of its title or text, an unspaced one anywhere in either. */
function says(article: { title: string; text: string }, word: string): boolean {
  const fields = [article.title, article.text];
  return UNSPACED.test(word) ? fields.some((field) => field.includes(word)) : fields.some((field) => field.split(' ').includes(word));
}

/** SQLite's own check of the index against every row it reads (queued ones too: it throws while any waits). */
function checkIndex(storage: Storage): void {
  storage.db.run("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
}

/** The articles a search finds (the app's search: what waits is indexed first when it can be). */
const found = (storage: Storage, word: string) => storage.search(word, 500).map((hit) => hit.id).sort();
const queued = (storage: Storage) => storage.db.value<number>('SELECT count(*) FROM search_queue');
/** What the index itself holds for a word, without the search indexing the queue first. */
const inIndex = (storage: Storage, word: string) =>
  storage.db.all<{ id: string }>('SELECT a.id FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid WHERE articles_fts MATCH ?', [word]).map((row) => row.id);

describe('the search queue', () => {
  it('holds a stored article until its turn, and a search finds it then without the old words of edits made meanwhile', () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    const story = item({ title: 'Capstan seized', feedText: 'The ballast shifted overnight.' });
    storage.articles.upsertFeedItems(feedId, [story], NOW);
    expect(queued(storage)).toBe(1);
    expect(inIndex(storage, 'ballast')).toEqual([]);

    // Corrected and given its page's text before the index read it: read once, as it is now.
    storage.articles.upsertFeedItems(feedId, [{ ...story, title: 'Capstan freed', fingerprint: 'edited' }], NOW + 1);
    storage.articles.saveContent(story.id, {
      html: '<p>The hawser held.</p>', text: 'The hawser held.', source: 'page', lang: 'en', dir: 'ltr',
      state: 'done', error: null, leadImageHash: null, images: [],
    }, NOW + 2);
    expect(queued(storage)).toBe(1);
    expect(indexQueued(storage.db, 10)).toBe(1);
    expect(inIndex(storage, 'hawser')).toEqual([story.id]);
    expect(inIndex(storage, 'ballast')).toEqual([]);
    expect(inIndex(storage, 'seized')).toEqual([]);
    expect(storage.search('freed').map((hit) => hit.id)).toEqual([story.id]);

    // Indexed, then edited: its words leave the index at once and it waits for its turn again.
    storage.articles.upsertFeedItems(feedId, [{ ...story, title: 'Capstan sold', fingerprint: 'edited again' }], NOW + 3);
    expect(inIndex(storage, 'freed')).toEqual([]);
    expect(queued(storage)).toBe(1);
    expect(storage.search('sold').map((hit) => hit.id)).toEqual([story.id]);
    expect(queued(storage)).toBe(0);
    expect(() => checkIndex(storage)).not.toThrow();
    storage.close();
  });

  it('keeps the index and the grams exact through any mix of stores, edits, new bodies, removals and turns (300 steps)', () => {
    const dir = tempDir();
    const storage = Storage.open(dir);
    const random = seededRandom(2026_12_07);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    /** Some text in each script: a run of one or two unspaced words, and an Arabic word. */
    const mixed = () => `${pick(UNSPACED_WORDS)}${random() < 0.5 ? pick(UNSPACED_WORDS) : ''} ${pick(ARABIC_WORDS)}`;
    const feeds = [storage.feeds.add(feed), storage.feeds.add({ ...feed, url: 'http://127.0.0.1/dock.xml' })];
    /** What each stored article says now, by feed: the model the index is checked against. */
    const stored = new Map<number, Map<string, IncomingItem & { text: string }>>(feeds.map((id) => [id, new Map()]));
    /** Every word's hits, compared with the model's; `asQueued`: while another connection writes, so nothing waiting is indexed first. */
    const expectModel = (label: string, asQueued: boolean) => {
      const all = [...stored.values()].flatMap((articles) => [...articles.values()]);
      const writer = asQueued ? new Sqlite(path.join(dir, DATABASE_FILE)) : null;
      writer?.exec('BEGIN IMMEDIATE');
      try {
        for (const word of [...WORDS, ...UNSPACED_WORDS, ...ARABIC_WORDS]) {
          const expected = all.filter((article) => says(article, word)).map((article) => article.id).sort();
          expect(found(storage, word), `${label}: ${word}`).toEqual(expected);
          expect(storage.countSearch(word), `${label}: ${word}`).toBe(expected.length);
        }
      } finally {
        writer?.exec('ROLLBACK');
        writer?.close();
      }
    };
    for (let step = 0; step < 300; step++) {
      const feedId = pick(feeds);
      const articles = stored.get(feedId)!;
      const roll = random();
      if (roll < 0.35 || articles.size === 0) {
        const text = `${pick(WORDS)} ${mixed()} ${pick(WORDS)} log ${step}`;
        const added = item({ title: `${pick(WORDS)} ${mixed()} report`, feedText: text });
        storage.articles.upsertFeedItems(feedId, [added], NOW + step);
        articles.set(added.id, { ...added, text });
      } else if (roll < 0.55) {
        const edited = pick([...articles.values()]);
        const next = { ...edited, title: `${pick(WORDS)} ${mixed()} update`, fingerprint: `fp-${step}` };
        storage.articles.upsertFeedItems(feedId, [next], NOW + step);
        articles.set(edited.id, next);
      } else if (roll < 0.7) {
        const copied = pick([...articles.values()]);
        const text = `${pick(WORDS)} ${mixed()} page ${step}`;
        storage.articles.saveContent(copied.id, {
          html: `<p>${text}</p>`, text, source: 'page', lang: 'en', dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [],
        }, NOW + step);
        articles.set(copied.id, { ...copied, text });
      } else if (roll < 0.78) {
        // A removed feed takes its articles (and their rids, which the next articles may reuse).
        storage.feeds.remove(feedId);
        feeds[feeds.indexOf(feedId)] = storage.feeds.add({ ...feed, url: `http://127.0.0.1/feed-${step}.xml` });
        stored.delete(feedId);
        stored.set(feeds.find((id) => !stored.has(id))!, new Map());
      } else {
        indexQueued(storage.db, 1 + Math.floor(random() * 6));
      }
      // The check compares the index with every stored row, queued ones too: at a checkpoint the queue is emptied first.
      if (step % 25 === 24) {
        expectModel(`step ${step}, as queued`, true);
        indexQueued(storage.db, 10_000);
        expect(() => checkIndex(storage), `step ${step}`).not.toThrow();
      }
    }
    expectModel('after 300 steps, as queued', true);
    expectModel('after 300 steps', false);
    expect(queued(storage)).toBe(0);
    expect(() => checkIndex(storage)).not.toThrow();
    storage.close();
  });

  it('finds a queued article by its words while another connection holds the write lock', () => {
    const dir = tempDir();
    const storage = Storage.open(dir);
    const feedId = storage.feeds.add(feed);
    const story = item({ title: 'Gunwale report', feedText: 'The jib tore in the squall.' });
    storage.articles.upsertFeedItems(feedId, [story], NOW);
    // The sync's writer, mid-commit.
    const writer = new Sqlite(path.join(dir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    try {
      expect(storage.search('squall').map((hit) => hit.id)).toEqual([story.id]);
      expect(storage.countSearch('jib')).toBe(1);
      expect(queued(storage)).toBe(1);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    // Once the lock is free, the next search indexes it.
    expect(storage.search('squall')[0]?.highlight).toContain('\uE000squall\uE001');
    expect(queued(storage)).toBe(0);
    storage.close();
  });

  it('starts empty in a folder from before it: what was indexed stays found, and an edit there takes its old words out', () => {
    const dir = tempDir();
    // Stored by the version before, whose triggers wrote each item's index rows with it.
    const old = new Sqlite(path.join(dir, DATABASE_FILE));
    for (const migration of MIGRATIONS.slice(0, 22)) old.exec(migration);
    old.exec('PRAGMA user_version = 22');
    const feedId = new FeedsRepo(old).add(feed);
    const story = item({ title: 'Keel laid', feedText: 'The lanyard was tied.' });
    new ArticlesRepo(old, () => []).upsertFeedItems(feedId, [story, item()], NOW);
    old.close();

    const storage = Storage.open(dir);
    expect(queued(storage)).toBe(0);
    expect(inIndex(storage, 'lanyard')).toEqual([story.id]);
    storage.articles.upsertFeedItems(feedId, [{ ...story, feedText: 'The davit was tied.', fingerprint: 'edited' }], NOW + 1);
    expect(inIndex(storage, 'lanyard')).toEqual([]);
    expect(storage.search('davit').map((hit) => hit.id)).toEqual([story.id]);
    expect(storage.search('keel').map((hit) => hit.id)).toEqual([story.id]);
    expect(() => checkIndex(storage)).not.toThrow();
    storage.close();
  });

  it('takes over a folder of the version before with Japanese and Arabic articles: each finds its words, before its grams are written and after', () => {
    const dir = tempDir();
    // Version 24 wrote each stored article's grams with it, and left its index row to the queue.
    const old = new Sqlite(path.join(dir, DATABASE_FILE));
    for (const migration of MIGRATIONS.slice(0, 24)) old.exec(migration);
    old.exec('PRAGMA user_version = 24');
    const feedId = new FeedsRepo(old).add(feed);
    // Stored before its grams were made, and one before their Arabic stems (migration 22): the
    // backfill of the version before had not reached either when it was closed.
    const unreached = item({ title: '漁業の再開', feedText: '港の漁業は来月再開する。' });
    const unstemmed = item({ title: 'الحكومة تعلن', feedText: 'قالت الحكومة إن الميناء مفتوح.' });
    // Indexed by the time it was closed, its grams written with it.
    const indexedBefore = item({ title: '東京の岸壁', feedText: '東京港の岸壁は修理を終えた。' });
    // Still queued then, its grams written with it.
    const queuedBefore = item({ title: '避難所を開設', feedText: '市は避難所を三か所開いた。' });
    const english = item({ title: 'Keel laid', feedText: 'The lanyard was tied.' });
    new ArticlesRepo(old, () => []).upsertFeedItems(feedId, [unreached, unstemmed, indexedBefore, queuedBefore, english], NOW);
    const rid = (story: IncomingItem) => old.value<number>('SELECT rid FROM articles WHERE id = ?', [story.id])!;
    for (const story of [indexedBefore, queuedBefore]) {
      old.run('INSERT INTO articles_grams (rowid, grams) VALUES (?, ?)', [rid(story), gramsOf({ ...story, text: story.feedText })]);
    }
    const words = `${unstemmed.title} ${unstemmed.feedText}`.split(/[ .]+/).filter((word) => word.length > 0);
    old.run('INSERT INTO articles_grams (rowid, grams) VALUES (?, ?)', [rid(unstemmed), words.map(foldArabic).join(' ')]);
    old.run('INSERT INTO articles_fts (rowid, title, author, text) SELECT rid, title, author, text FROM articles_fts_source WHERE rid <= ?', [rid(indexedBefore)]);
    old.run('DELETE FROM search_queue WHERE rid <= ?', [rid(indexedBefore)]);
    old.run("INSERT INTO app_meta (key, value) VALUES ('search_grams_backfill', ?)", [JSON.stringify({ after: 0, until: rid(unstemmed) })]);
    old.close();

    const storage = Storage.open(dir);
    // Corrected before its turn: its old words are not found, however the search is made.
    storage.articles.upsertFeedItems(feedId, [{ ...queuedBefore, title: '体育館を開設', feedText: '市は体育館を三か所開いた。', fingerprint: 'edited' }], NOW + 1);
    const writer = new Sqlite(path.join(dir, DATABASE_FILE));
    writer.exec('BEGIN IMMEDIATE');
    try {
      // The sync's writer holds the lock: nothing waiting can be indexed, and every article is found by its words.
      expect(found(storage, '漁業')).toEqual([unreached.id]);
      expect(found(storage, 'الحكومة')).toEqual([unstemmed.id]);
      expect(found(storage, '岸壁')).toEqual([indexedBefore.id]);
      expect(found(storage, '体育館')).toEqual([queuedBefore.id]);
      expect(found(storage, '避難所')).toEqual([]);
      expect(found(storage, '港')).toEqual([unreached.id, indexedBefore.id].sort());
      expect(found(storage, 'lanyard')).toEqual([english.id]);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(found(storage, '漁業')).toEqual([unreached.id]);
    // By its stem, which only its new grams have.
    expect(found(storage, 'حكومة')).toEqual([unstemmed.id]);
    expect(found(storage, '避難所')).toEqual([]);
    expect(found(storage, '体育館')).toEqual([queuedBefore.id]);
    expect(found(storage, '港')).toEqual([unreached.id, indexedBefore.id].sort());
    // Everything is written now, from the one queue: the backfill's range is no more.
    expect(storage.db.value<number>('SELECT count(*) FROM grams_queue')).toBe(0);
    expect(storage.db.value<number>("SELECT count(*) FROM app_meta WHERE key = 'search_grams_backfill'")).toBe(0);
    expect(queued(storage)).toBe(0);
    expect(() => checkIndex(storage)).not.toThrow();
    // Corrected after its turn: none of the words it had is found any more.
    storage.articles.upsertFeedItems(feedId, [{ ...unstemmed, title: 'تعلن', feedText: 'الميناء مفتوح.', fingerprint: 'edited' }], NOW + 2);
    expect(found(storage, 'الحكومة')).toEqual([]);
    expect(found(storage, 'قالت')).toEqual([]);
    expect(found(storage, 'الميناء')).toEqual([unstemmed.id]);
    storage.close();
  });
});
