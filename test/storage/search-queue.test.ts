// The search index is written after the sync from a queue (storage/search-queue.ts): whatever a
// sync, an edit or a removal does to an article before or after its turn, a search finds exactly
// what the articles say now, and SQLite's own check of the index against the rows passes.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Storage, type IncomingItem } from '../../electron/core/storage';
import { ArticlesRepo } from '../../electron/core/storage/articles-repo';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { FeedsRepo } from '../../electron/core/storage/feeds-repo';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { indexQueued } from '../../electron/core/storage/search-queue';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { seededRandom } from '../support/random';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const NOW = Date.UTC(2026, 11, 7);
const feed = { url: 'http://127.0.0.1/quay.xml', title: 'Quay Times', siteUrl: null, description: null, folderId: null };
const WORDS = ['anchor', 'ballast', 'capstan', 'davit', 'fender', 'gunwale', 'hawser', 'jib', 'keel', 'lanyard'];

/** SQLite's own check of the index against every row it reads (queued ones too: it throws while any waits). */
function checkIndex(storage: Storage): void {
  storage.db.run("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
}

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

  it('keeps the index exact through any mix of stores, edits, new bodies, removals and turns (300 steps)', () => {
    const storage = Storage.open(tempDir());
    const random = seededRandom(2026_12_07);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const feeds = [storage.feeds.add(feed), storage.feeds.add({ ...feed, url: 'http://127.0.0.1/dock.xml' })];
    /** What each stored article says now, by feed: the model the index is checked against. */
    const stored = new Map<number, Map<string, IncomingItem & { text: string }>>(feeds.map((id) => [id, new Map()]));
    for (let step = 0; step < 300; step++) {
      const feedId = pick(feeds);
      const articles = stored.get(feedId)!;
      const roll = random();
      if (roll < 0.35 || articles.size === 0) {
        const text = `${pick(WORDS)} ${pick(WORDS)} log ${step}`;
        const added = item({ title: `${pick(WORDS)} report`, feedText: text });
        storage.articles.upsertFeedItems(feedId, [added], NOW + step);
        articles.set(added.id, { ...added, text });
      } else if (roll < 0.55) {
        const edited = pick([...articles.values()]);
        const next = { ...edited, title: `${pick(WORDS)} update`, fingerprint: `fp-${step}` };
        storage.articles.upsertFeedItems(feedId, [next], NOW + step);
        articles.set(edited.id, next);
      } else if (roll < 0.7) {
        const copied = pick([...articles.values()]);
        const text = `${pick(WORDS)} page ${step}`;
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
        indexQueued(storage.db, 10_000);
        expect(() => checkIndex(storage), `step ${step}`).not.toThrow();
      }
    }
    const all = [...stored.values()].flatMap((articles) => [...articles.values()]);
    for (const word of WORDS) {
      const expected = all.filter((article) => `${article.title} ${article.text}`.split(' ').includes(word)).map((article) => article.id).sort();
      expect(storage.search(word, 500).map((hit) => hit.id).sort(), word).toEqual(expected);
    }
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
});
