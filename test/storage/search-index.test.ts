// The search index reads the articles' own text (migration 7) rather than keeping a copy of it:
// a folder from before is indexed again from its rows when it is opened, and every later edit,
// new body and deletion takes the old words out, so search never finds what an article no
// longer says.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import type { IncomingItem } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { FeedsRepo } from '../../electron/core/storage/feeds-repo';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const NOW = Date.UTC(2026, 10, 2);
const feed = { url: 'http://127.0.0.1/harbour.xml', title: 'Harbour News', siteUrl: null, description: null, folderId: null };

/** SQLite's own check of the index against the rows it reads: it throws when they differ. */
function checkIndex(storage: Storage): void {
  storage.db.run("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
}

/** An item as a folder of schema 6 held it: written by hand, since today's repository writes today's columns. */
function storeAsSchema6(db: Sqlite, feedId: number, stored: IncomingItem): void {
  db.run(
    `INSERT INTO articles (id, feed_id, unique_id, url, title, author, published_at, has_date, first_seen_at, snippet, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    [stored.id, feedId, stored.uniqueId, stored.url, stored.title, stored.author, stored.publishedAt ?? NOW, NOW, stored.snippet, stored.fingerprint],
  );
  db.run('INSERT INTO article_status (article_id) VALUES (?)', [stored.id]);
  db.run("INSERT INTO article_content (article_id, html, text, source, dir, saved_at) VALUES (?, ?, ?, 'feed', 'ltr', ?)", [stored.id, stored.feedHtml, stored.feedText, NOW]);
}

describe('the search index', () => {
  it('of a folder from before it read the rows is built again from them, without a second copy of the text', () => {
    const dir = tempDir();
    const old = new Sqlite(path.join(dir, DATABASE_FILE));
    for (const migration of MIGRATIONS.slice(0, 6)) old.exec(migration);
    old.exec('PRAGMA user_version = 6');
    const feedId = new FeedsRepo(old).add(feed);
    const ferry = item({ title: 'Ferry timetable changes', author: 'Ines Halvorsen', feedText: 'The first boat now leaves the quay at six.' });
    for (const stored of [ferry, item(), item()]) storeAsSchema6(old, feedId, stored);
    old.close();

    const storage = Storage.open(dir);
    expect(storage.db.value<number>("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts_content'")).toBe(0);
    expect(storage.search('quay').map((hit) => hit.id)).toEqual([ferry.id]);
    expect(storage.search('halvorsen').map((hit) => hit.id)).toEqual([ferry.id]);
    expect(storage.search('timetable')[0]?.highlight).toContain('\uE000timetable\uE001');
    expect(storage.countSearch('article')).toBe(2);
    expect(() => checkIndex(storage)).not.toThrow();
    // Its bodies were sanitized when stored (raw_base NULL): read as they are.
    expect(storage.db.value<number>('SELECT count(*) FROM article_content WHERE raw_base IS NOT NULL')).toBe(0);
    expect(storage.articles.get(ferry.id)?.html).toBe(ferry.feedHtml);
    storage.close();
  });

  it('forgets the old words of an edited title, a new body and a removed article', () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    const first = item({ title: 'Quay closed for repairs', author: 'Ines Halvorsen', feedText: 'Cranes arrive on Monday.' });
    const second = item({ title: 'Regatta results', feedText: 'The harbour regatta ended in a storm.' });
    storage.articles.upsertFeedItems(feedId, [first, second], NOW);

    // The feed corrects the title and the byline, and its text.
    const corrected = { ...first, title: 'Quay reopens after repairs', author: 'Tor Lund', feedText: 'Cranes left on Friday.', fingerprint: 'edited' };
    expect(storage.articles.upsertFeedItems(feedId, [corrected, second], NOW + 1).updatedIds).toEqual([first.id]);
    expect(storage.search('closed')).toEqual([]);
    expect(storage.search('halvorsen')).toEqual([]);
    expect(storage.search('monday')).toEqual([]);
    expect(storage.search('reopens lund friday').map((hit) => hit.id)).toEqual([first.id]);

    // The page's full text replaces the feed's teaser.
    storage.articles.saveContent(first.id, {
      html: '<p>Work on the quay wall is finished.</p>', text: 'Work on the quay wall is finished.', source: 'page', lang: 'en', dir: 'ltr',
      state: 'done', error: null, leadImageHash: null, images: [],
    }, NOW + 2);
    expect(storage.search('cranes')).toEqual([]);
    expect(storage.search('wall finished').map((hit) => hit.id)).toEqual([first.id]);
    expect(() => checkIndex(storage)).not.toThrow();

    // Removing the feed removes its articles, and their words from the index.
    storage.feeds.remove(feedId);
    expect(storage.search('quay')).toEqual([]);
    expect(storage.search('regatta')).toEqual([]);
    expect(() => checkIndex(storage)).not.toThrow();
    storage.close();
  });

  it("takes a feed's new articles into the index after they are stored, as one piece of index, not one apiece, and finds every one", () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    // Merging would hide how many pieces were written: it is turned off, so each stays a segment.
    storage.db.run("INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 0)");
    storage.db.run("INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 1000)");
    const words = ['anchor', 'ballast', 'capstan', 'davit', 'fender', 'gunwale', 'hawser', 'jib'];
    const items = Array.from({ length: 150 }, (_, i) => item({ feedText: `Harbour log ${i}: the ${words[i % words.length]} was checked.` }));
    storage.articles.upsertFeedItems(feedId, items, NOW);
    // Stored, they wait for the index (search-queue.ts): the items' transaction wrote none of it.
    expect(storage.db.value('SELECT count(*) FROM articles_fts_idx')).toBe(0);
    expect(storage.db.value('SELECT count(*) FROM search_queue')).toBe(150);
    // The search indexes them first, in one statement: row by row made 150 segments.
    expect(storage.search('hawser', 200).map((hit) => hit.id).sort()).toEqual(items.filter((_, i) => i % words.length === 6).map((stored) => stored.id).sort());
    expect(storage.db.value('SELECT count(DISTINCT segid) FROM articles_fts_idx')).toBe(1);
    expect(storage.db.value('SELECT count(*) FROM search_queue')).toBe(0);
    expect(storage.countSearch('harbour')).toBe(150);
    expect(() => checkIndex(storage)).not.toThrow();
    storage.close();
  });

  it('writes the grams of a feed of Japanese articles with their index rows, as one piece of index, not one apiece', () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    storage.db.run("INSERT INTO articles_grams(articles_grams, rank) VALUES ('automerge', 0)");
    storage.db.run("INSERT INTO articles_grams(articles_grams, rank) VALUES ('crisismerge', 1000)");
    const places = ['東京', '大阪', '横浜', '神戸'];
    const items = Array.from({ length: 150 }, (_, i) => item({ title: `港の記録${i}`, feedText: `${places[i % places.length]}港の岸壁を点検した。` }));
    storage.articles.upsertFeedItems(feedId, items, NOW);
    // Stored, they wait for their grams as for their index rows: the items' transaction wrote none.
    expect(storage.db.value('SELECT count(*) FROM articles_grams_idx')).toBe(0);
    expect(storage.search('横浜', 200).map((hit) => hit.id).sort()).toEqual(items.filter((_, i) => i % places.length === 2).map((stored) => stored.id).sort());
    expect(storage.db.value('SELECT count(DISTINCT segid) FROM articles_grams_idx')).toBe(1);
    storage.close();
  });
});
