// Chinese, Japanese and Korean words are found through an index of their characters' pairs
// (migration 15, storage/search-grams.ts), not by reading every article's text: words inside a
// sentence, of one, two and more characters, beside words of other languages; the index follows
// edits and deletions, and a library from before it is searched whole while the index's catching
// up (storage/search-queue.ts) writes them, a few articles a turn.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreDataFolder } from '../../electron/core';
import { ImageCache } from '../../electron/core/articles';
import { Core } from '../../electron/core/core';
import { applyRetention, Storage } from '../../electron/core/storage';
import type { IncomingItem } from '../../electron/core/storage';
import { DATABASE_FILE, openDatabase } from '../../electron/core/storage/database';
import { FeedsRepo } from '../../electron/core/storage/feeds-repo';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { salvage } from '../../electron/core/storage/salvage';
import { countSearchHits, searchArticles, searchPlan } from '../../electron/core/storage/search';
import { UNSPACED_CHARACTER, unspacedRuns } from '../../electron/core/storage/search-grams';
import { indexQueued } from '../../electron/core/storage/search-queue';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 2);
const feed = { url: 'http://127.0.0.1/asia.xml', title: 'Asia Desk', siteUrl: null, description: null, folderId: null };

const boj = item({
  title: '日銀、政策金利を据え置き',
  author: '経済部',
  feedText: '日本銀行は三十一日の金融政策決定会合で、短期の政策金利を0.5%程度に据え置くことを決めた。植田和男総裁は記者会見で「物価の動向を丁寧に見極める」と述べた。',
});
const shanghai = item({
  title: '上海推进老旧小区改造',
  author: null,
  feedText: '上海市住房和城乡建设管理委员会周三表示，今年将完成一百二十个老旧小区的改造工程，惠及约八万户居民。',
});
const seoul = item({
  title: '서울시, 심야버스 노선 확대',
  author: '김민지 기자',
  feedText: '서울시는 다음 달부터 심야버스 노선을 14개에서 18개로 늘린다고 밝혔다. 시는 늦은 시간 귀가하는 시민들의 교통 편의를 높이기 위해서라고 설명했다.',
});
const ferry = item({ title: 'Harbour council approves ferry budget', author: 'Ines Halvorsen', feedText: 'The ferry will run every twenty minutes from May.' });
const heat = item({ title: 'Tokyo opens cooling shelters', author: 'Ken Mori', feedText: 'The city will open more 避難所 during the heatwave, the governor said.' });
const ALL = [boj, shanghai, seoul, ferry, heat];

/** The snippet with its marks written as [[ ]], as the list shows them. */
function shown(highlight: string | undefined): string {
  return (highlight ?? '').replace(/\uE000/g, '[[').replace(/\uE001/g, ']]');
}

/** How the searches are made: as the app does (the queue indexed first), or `asQueued`, with what
 *  waits left waiting (a search that cannot index then: another connection's write under way). */
type Searching = 'indexing first' | 'asQueued';

function search(storage: Storage, query: string, searching: Searching = 'indexing first') {
  return searching === 'asQueued' ? searchArticles(storage.db, query) : storage.search(query);
}

function found(storage: Storage, query: string, searching: Searching = 'indexing first'): string[] {
  return search(storage, query, searching).map((hit) => hit.id).sort();
}

function count(storage: Storage, query: string, searching: Searching): number {
  return searching === 'asQueued' ? countSearchHits(storage.db, query) : storage.countSearch(query);
}

/** The articles whose text the index holds grams for. */
function indexed(storage: Storage): string[] {
  return storage.db.all<{ id: string }>('SELECT a.id FROM articles_grams g JOIN articles a ON a.rid = g.rowid').map((row) => row.id).sort();
}

/** What a person finds with each query, the same before and after the library's articles are indexed. */
function expectFound(storage: Storage, searching: Searching = 'indexing first'): void {
  // Two characters inside a run, three and more, a word with its particle attached (Korean).
  expect(found(storage, '金利', searching)).toEqual([boj.id]);
  expect(found(storage, '金融政策', searching)).toEqual([boj.id]);
  expect(found(storage, '建设管理', searching)).toEqual([shanghai.id]);
  expect(found(storage, '노선', searching)).toEqual([seoul.id]);
  expect(found(storage, '심야버스', searching)).toEqual([seoul.id]);
  // One character: inside a run, and as the last of one (民 ends 居民, 所 ends 避難所).
  expect(found(storage, '市', searching)).toEqual([shanghai.id]);
  expect(found(storage, '民', searching)).toEqual([shanghai.id]);
  expect(found(storage, '所', searching)).toEqual([heat.id]);
  // Bylines, and words mixed with digits, checked as written (14개, not 15개).
  expect(found(storage, '김민지', searching)).toEqual([seoul.id]);
  expect(found(storage, '経済部', searching)).toEqual([boj.id]);
  expect(found(storage, '14개', searching)).toEqual([seoul.id]);
  expect(found(storage, '15개', searching)).toEqual([]);
  // Characters that only meet across a title and a text, or a full stop, are no word.
  expect(found(storage, '置き日本', searching)).toEqual([]);
  expect(found(storage, '決めた植田', searching)).toEqual([]);
  expect(found(storage, '量子計算', searching)).toEqual([]);
  // With a word of another language, each must match.
  expect(found(storage, 'governor 避難所', searching)).toEqual([heat.id]);
  expect(found(storage, 'ferry 避難所', searching)).toEqual([]);
  expect(found(storage, '居民 上海', searching)).toEqual([shanghai.id]);
  expect(count(storage, 'governor 避難所', searching)).toBe(1);
  expect(count(storage, '政策', searching)).toBe(1);
  expect(shown(search(storage, '金融政策', searching)[0]?.highlight)).toContain('三十一日の[[金融政策]]決定会合で');
  expect(shown(search(storage, '民', searching)[0]?.highlight)).toContain('惠及约八万户居[[民]]。');
  expect(shown(search(storage, '시민', searching)[0]?.highlight)).toContain('귀가하는 [[시민]]들의');
}


/** Whether SQLite reads every article (or every text) to answer the query. */
function scansEveryArticle(storage: Storage, query: string): boolean {
  return searchPlan(storage.db, query).some((step) => /^SCAN (a|t|articles|article_content)\b/.test(step));
}

describe('letters and digits in their full-width forms', () => {
  it('are found as typed in either form: Japanese news writes ２５度 and ｉＰｈｏｎｅ', () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    const heatwave = item({ title: '東京で最高気温３５度', author: null, feedText: '気象庁によると、東京都心では午後２時に３５度を観測した。' });
    const phone = item({ title: '「ｉＰｈｏｎｅ １７」、国内で発売', author: null, feedText: '日本放送協会（ＮＨＫ）によると、ＪＲ東日本も対応する。' });
    storage.articles.upsertFeedItems(feedId, [heatwave, phone, ferry], NOW);
    expect(found(storage, '35度')).toEqual([heatwave.id]);
    expect(found(storage, '３５度')).toEqual([heatwave.id]);
    expect(found(storage, '36度')).toEqual([]);
    expect(found(storage, 'iPhone')).toEqual([phone.id]);
    expect(found(storage, 'iphone 17 発売')).toEqual([phone.id]);
    expect(found(storage, 'NHK')).toEqual([phone.id]);
    // Typed last, a word is a prefix: it finds ＪＲ at the start of the run ＪＲ東日本 too.
    expect(found(storage, 'JR')).toEqual([phone.id]);
    expect(storage.countSearch('35度')).toBe(1);
    expect(shown(storage.search('35度')[0]?.highlight)).toContain('午後２時に[[３５度]]を観測');
    // Half-width text still finds what it always did.
    expect(found(storage, 'ferry')).toEqual([ferry.id]);
    storage.close();
  });
});

describe('the index of Chinese, Japanese and Korean text', () => {
  it('finds words inside sentences, of one, two and more characters, without reading every text', () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    storage.articles.upsertFeedItems(feedId, ALL, NOW);
    expectFound(storage);
    // Only articles with such text have a row; the search starts from it.
    expect(indexed(storage)).toEqual([boj.id, shanghai.id, seoul.id, heat.id].sort());
    for (const query of ['金融政策', '民', '14개', 'governor 避難所']) expect(scansEveryArticle(storage, query), query).toBe(false);
    expect(searchPlan(storage.db, '金融政策').join('\n')).toContain('articles_grams');
    storage.close();
  });

  it('follows edited titles and texts, a page copy, and an article that no longer has such text', () => {
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add(feed);
    storage.articles.upsertFeedItems(feedId, ALL, NOW);

    const raised = { ...boj, title: '日銀、政策金利を引き上げ', fingerprint: 'edited' };
    storage.articles.upsertFeedItems(feedId, [raised], NOW + 1);
    expect(found(storage, '据え置き')).toEqual([]);
    expect(found(storage, '引き上げ')).toEqual([boj.id]);

    storage.articles.saveContent(shanghai.id, {
      html: '<p>上海市政府宣布，地铁十九号线将于年底开通运营。</p>', text: '上海市政府宣布，地铁十九号线将于年底开通运营。', source: 'page', lang: 'zh', dir: 'ltr',
      state: 'done', error: null, leadImageHash: null, images: [],
    }, NOW + 2);
    expect(found(storage, '居民')).toEqual([]);
    expect(found(storage, '地铁')).toEqual([shanghai.id]);
    // The title keeps its words when the text changes.
    expect(found(storage, '老旧小区')).toEqual([shanghai.id]);

    // The feed's new text has no such word left: the article leaves the index.
    storage.articles.upsertFeedItems(feedId, [{ ...heat, feedText: 'The city will open more shelters during the heatwave.', fingerprint: 'edited' }], NOW + 3);
    expect(found(storage, '避難所')).toEqual([]);
    expect(indexed(storage)).not.toContain(heat.id);
    storage.close();
  });

  it('forgets the words of an article retention deleted, also when a new article takes its place', async () => {
    const dir = tempDir();
    const storage = Storage.open(dir);
    const feedId = storage.feeds.add(feed);
    storage.articles.upsertFeedItems(feedId, [{ ...ferry, publishedAt: NOW - 5 * DAY }], NOW - 5 * DAY);
    storage.articles.upsertFeedItems(feedId, [{ ...boj, publishedAt: NOW - 200 * DAY }], NOW - 200 * DAY);
    expect(found(storage, '金利')).toEqual([boj.id]);

    const result = await applyRetention(storage.db, new ImageCache(path.join(dir, 'images')), 90, NOW);
    expect(result.articlesDeleted).toBe(1);
    expect(found(storage, '金利')).toEqual([]);
    expect(indexed(storage)).toEqual([]);
    // The next sync's article is stored under the row number the deleted one had.
    const next = item({ title: 'Ferry timetable for the winter', feedText: 'Boats leave the quay at six.' });
    storage.articles.upsertFeedItems(feedId, [next], NOW);
    expect(found(storage, '金利')).toEqual([]);
    expect(found(storage, '日')).toEqual([]);
    storage.close();
  });
});

/** An item as a library of schema 14 held it: written by hand, as today's repository writes today's tables. */
function storeAsSchema14(db: Sqlite, feedId: number, stored: IncomingItem): void {
  db.run(
    `INSERT INTO articles (id, feed_id, unique_id, url, title, author, published_at, has_date, first_seen_at, snippet, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    [stored.id, feedId, stored.uniqueId, stored.url, stored.title, stored.author, stored.publishedAt ?? NOW, NOW, stored.snippet, stored.fingerprint],
  );
  db.run('INSERT INTO article_status (article_id) VALUES (?)', [stored.id]);
  db.run("INSERT INTO article_content (article_id, html, text, source, dir, saved_at) VALUES (?, ?, ?, 'feed', 'ltr', ?)", [stored.id, stored.feedHtml, stored.feedText, NOW]);
}

function libraryOfSchema14(items: readonly IncomingItem[]): string {
  const dir = tempDir();
  const old = new Sqlite(path.join(dir, DATABASE_FILE));
  for (const migration of MIGRATIONS.slice(0, 14)) old.exec(migration);
  old.exec('PRAGMA user_version = 14');
  const feedId = new FeedsRepo(old).add(feed);
  for (const stored of items) storeAsSchema14(old, feedId, stored);
  old.close();
  return dir;
}

/** How many articles wait for their grams. */
function waiting(storage: Storage): number {
  return storage.db.value<number>('SELECT count(*) FROM (SELECT rid FROM search_queue UNION SELECT rid FROM grams_queue)') ?? 0;
}

/** Indexes what waits, two articles a turn (the writer thread takes 256): answers the turns. */
function indexInTurns(storage: Storage): number {
  let turns = 0;
  while (indexQueued(storage.db, 2) > 0) turns++;
  return turns;
}

describe('the characters indexed', () => {
  it('are every character of those scripts, also past the quick test that spares other texts', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (UNSPACED_CHARACTER.test(character) && unspacedRuns(`x${character}y`).join() !== character) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
    // Latin, Cyrillic, typographic quotes and dashes, emoji: no runs.
    expect(unspacedRuns('“Café” — Учёные 🎉 naïve')).toEqual([]);
  });
});

describe('a library from before the index', () => {
  it('is searched whole while its articles wait for their grams, and after they are written a few at a time', () => {
    const storage = Storage.open(libraryOfSchema14(ALL));
    expect(indexed(storage)).toEqual([]);
    expect(waiting(storage)).toBe(ALL.length);
    expectFound(storage, 'asQueued');
    // What a sync stores meanwhile waits in the same queue.
    const feedId = storage.db.value<number>('SELECT id FROM feeds')!;
    const osaka = item({ title: '大阪の商店街に活気', feedText: '大阪の商店街では、外国人観光客の増加で売り上げが回復している。' });
    storage.articles.upsertFeedItems(feedId, [osaka], NOW);
    expect(indexed(storage)).toEqual([]);
    expect(found(storage, '商店街', 'asQueued')).toEqual([osaka.id]);

    expect(indexInTurns(storage)).toBe(3);
    expect(waiting(storage)).toBe(0);
    expect(indexed(storage)).toEqual([boj.id, shanghai.id, seoul.id, heat.id, osaka.id].sort());
    expect(storage.db.value<number>("SELECT count(*) FROM app_meta WHERE key = 'search_grams_backfill'")).toBe(0);
    expectFound(storage, 'asQueued');
    expect(found(storage, '商店街')).toEqual([osaka.id]);
    expect(scansEveryArticle(storage, '金融政策')).toBe(false);
    storage.close();
  });

  it('half indexed, looks in the text of only the articles still waiting', () => {
    const storage = Storage.open(libraryOfSchema14(ALL));
    indexQueued(storage.db, 2);
    expect(indexed(storage)).toEqual([boj.id, shanghai.id].sort());
    expectFound(storage, 'asQueued');
    // The articles waiting are looked up by their row numbers, not scanned.
    expect(searchPlan(storage.db, '金融政策').join('\n')).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(scansEveryArticle(storage, '金融政策')).toBe(false);
    storage.close();
  });
});

describe('a library brought back', () => {
  it('salvaged from a damaged file finds its words again once indexed, and meanwhile', () => {
    const damaged = tempDir();
    const before = Storage.open(damaged);
    before.articles.upsertFeedItems(before.feeds.add(feed), ALL, NOW);
    before.close();

    const fresh = tempDir();
    const db = openDatabase(fresh);
    const old = new Sqlite(path.join(damaged, DATABASE_FILE), { readonly: true });
    expect(salvage(old, db, NOW).articlesRecovered).toBe(ALL.length);
    old.close();
    db.close();

    const storage = Storage.open(fresh);
    expect(indexed(storage)).toEqual([]);
    expectFound(storage, 'asQueued');
    expectFound(storage);
    expect(indexed(storage)).toEqual([boj.id, shanghai.id, seoul.id, heat.id].sort());
    storage.close();
  });

  it('restored from a backup whose index was emptied finds its words', async () => {
    const dataDir = tempDir();
    const core = new Core({ dataDir, workers: 1, welcome: false });
    const backup = path.join(tempDir(), 'all.paperboy-backup');
    try {
      core.storage.articles.upsertFeedItems(core.storage.feeds.add(feed), ALL, NOW);
      await core.exportData(backup);
    } finally {
      await core.close();
    }
    const tampered = new Sqlite(backup);
    tampered.exec("INSERT INTO articles_grams(articles_grams) VALUES('delete-all')");
    tampered.close();

    const restoredDir = path.join(tempDir(), 'data');
    restoreDataFolder(restoredDir, backup);
    const storage = Storage.open(restoredDir);
    expect(indexed(storage)).toEqual([]);
    expectFound(storage, 'asQueued');
    expectFound(storage);
    expect(indexed(storage)).toEqual([boj.id, shanghai.id, seoul.id, heat.id].sort());
    storage.close();
  });
});
