// Thai, Lao, Khmer and Burmese put no spaces between words, as Chinese and Japanese do: a word
// inside a sentence is found through the index of character pairs (storage/search-grams.ts),
// typed as a keyboard gives it (น้ำ with its one character for the vowel AM), and marked in the
// hit's snippet. A library stored before that index (schema 16) finds them while its articles
// wait for their grams (migrations 17 and 25), and after the core's writer thread has written
// them. Real SQLite, the core's search API.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import type { IncomingItem } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { FeedsRepo } from '../../electron/core/storage/feeds-repo';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { searchArticles } from '../../electron/core/storage/search';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const NOW = Date.UTC(2026, 10, 2);
const feed = { url: 'http://127.0.28.2/feed', title: 'Mekong Desk', siteUrl: null, description: null, folderId: null };

const thai = item({
  title: 'กรมอุตุฯ เตือนฝนตกหนักทั่วประเทศ 25-28 ส.ค. นี้',
  feedText: 'ขอให้ประชาชนในพื้นที่เสี่ยงภัยระวังอันตรายจากฝนตกหนักและฝนที่ตกสะสมซึ่งอาจทำให้เกิดน้ำท่วมฉับพลันและน้ำป่าไหลหลาก'
    + 'โดยเฉพาะพื้นที่ใกล้ทางน้ำไหลผ่านสำหรับกรุงเทพมหานครและปริมณฑลมีฝนฟ้าคะนองร้อยละ60ของพื้นที่ ส่วนคลื่นลมบริเวณทะเลอันดามันมีกำลังค่อนข้างแรง',
});
const lao = item({
  title: 'ເຕືອນຝົນຕົກໜັກທົ່ວປະເທດ',
  feedText: 'ກົມອຸຕຸນິຍົມວິທະຍາແຈ້ງເຕືອນວ່າຝົນຕົກໜັກອາດເຮັດໃຫ້ເກີດນ້ຳຖ້ວມໃນແຂວງຫຼວງພະບາງແລະນະຄອນຫຼວງວຽງຈັນ',
});
const khmer = item({
  title: 'ព្រមានពីភ្លៀងធ្លាក់ខ្លាំង',
  feedText: 'ក្រសួងធនធានទឹកនិងឧតុនិយមបានព្រមានថាភ្លៀងធ្លាក់ខ្លាំងនឹងបន្តនៅរាជធានីភ្នំពេញនិងខេត្តកំពត',
});
const burmese = item({
  title: 'မိုးသည်းထန်စွာရွာနိုင်',
  feedText: 'မိုးလေဝသနှင့်ဇလဗေဒညွှန်ကြားမှုဦးစီးဌာနကရန်ကုန်တိုင်းဒေသကြီးတွင်မိုးသည်းထန်စွာရွာသွန်းနိုင်ကြောင်းသတိပေးထားသည်',
});
const english = item({ title: 'Monsoon rains expected across the region', feedText: 'Forecasters in Bangkok warned of floods.' });
const ALL = [thai, lao, khmer, burmese, english];

/** The snippet with its marks written as [[ ]], as the list shows them. */
function shown(highlight: string | undefined): string {
  return (highlight ?? '').replace(/\uE000/g, '[[').replace(/\uE001/g, ']]');
}

async function found(core: Core, query: string): Promise<string[]> {
  return (await core.api.search(query)).map((hit) => hit.id).sort();
}

/** What a person finds with each query, the same in a new library and in one whose grams were written again. */
async function expectFound(core: Core): Promise<void> {
  // Words inside a Thai sentence, one of them with the vowel AM (น้ำ), and a word with digits.
  for (const word of ['ฝนตกหนัก', 'กรุงเทพมหานคร', 'ทะเลอันดามัน', 'น้ำท่วม', 'ปริมณฑล', 'ร้อยละ60']) {
    expect(await found(core, word), word).toEqual([thai.id]);
  }
  expect(await found(core, 'ร้อยละ70')).toEqual([]);
  expect(await found(core, 'หิมะตก')).toEqual([]);
  // Lao (its AM, and ໜ written as one character), Khmer, Burmese.
  for (const word of ['ນ້ຳຖ້ວມ', 'ຫຼວງພະບາງ', 'ໜັກ']) expect(await found(core, word), word).toEqual([lao.id]);
  for (const word of ['ភ្នំពេញ', 'កំពត']) expect(await found(core, word), word).toEqual([khmer.id]);
  for (const word of ['ရန်ကုန်', 'သတိပေး']) expect(await found(core, word), word).toEqual([burmese.id]);
  // Beside a word of another language, each must match.
  expect(await found(core, 'ฝนตกหนัก Bangkok')).toEqual([]);
  expect(await found(core, 'Bangkok')).toEqual([english.id]);
}

describe('searching Thai, Lao, Khmer and Burmese', () => {
  it('finds a word inside its sentence and marks that word in the snippet', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      core.storage.articles.upsertFeedItems(core.storage.feeds.add(feed), ALL, NOW);
      await expectFound(core);
      const [hit] = await core.api.search('น้ำท่วม');
      expect(shown(hit?.highlight)).toContain('ทำให้เกิด[[น้ำท่วม]]ฉับพลัน');
      expect(shown((await core.api.search('ភ្នំពេញ'))[0]?.highlight)).toContain('រាជធានី[[ភ្នំពេញ]]និង');
      // A word only the title has is marked in the title.
      expect(shown((await core.api.search('ทั่วประเทศ'))[0]?.highlight)).toContain('เตือนฝนตกหนัก[[ทั่วประเทศ]]');
    } finally {
      await core.close();
    }
  });
});

describe('a library stored before those scripts were indexed (schema 16)', () => {
  it('finds their words while its articles wait for their grams, and after the writer thread wrote them', async () => {
    const dataDir = libraryOfSchema16(ALL);
    const core = new Core({ dataDir, workers: 1, welcome: false });
    const indexed = () => core.storage.db.all<{ id: string }>('SELECT a.id FROM articles_grams g JOIN articles a ON a.rid = g.rowid').map((row) => row.id).sort();
    try {
      // Before their turn (a search that does not index first): the words as the text writes them.
      expect(indexed()).toEqual([]);
      expect(searchArticles(core.storage.db, 'น้ำท่วม').map((hit) => hit.id)).toEqual([thai.id]);
      expect(searchArticles(core.storage.db, 'ភ្នំពេញ').map((hit) => hit.id)).toEqual([khmer.id]);
      // The search the app makes has the writer thread write them first.
      await expectFound(core);
      expect(indexed()).toEqual([thai.id, lao.id, khmer.id, burmese.id].sort());
      expect(core.storage.db.value<number>('SELECT count(*) FROM grams_queue')).toBe(0);
    } finally {
      await core.close();
    }
  });
});

/** A data folder at schema 16, its rows written by hand as that version wrote them (no grams for these scripts). */
function libraryOfSchema16(items: readonly IncomingItem[]): string {
  const dir = tempDir();
  const old = new Sqlite(path.join(dir, DATABASE_FILE));
  for (const migration of MIGRATIONS.slice(0, 16)) old.exec(migration);
  old.exec('PRAGMA user_version = 16');
  const feedId = new FeedsRepo(old).add(feed);
  for (const stored of items) {
    old.run(
      `INSERT INTO articles (id, feed_id, unique_id, url, title, author, published_at, has_date, first_seen_at, snippet, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [stored.id, feedId, stored.uniqueId, stored.url, stored.title, stored.author, stored.publishedAt ?? NOW, NOW, stored.snippet, stored.fingerprint],
    );
    old.run('INSERT INTO article_status (article_id) VALUES (?)', [stored.id]);
    old.run("INSERT INTO article_content (article_id, html, text, source, dir, saved_at) VALUES (?, ?, ?, 'feed', 'ltr', ?)", [
      stored.id, stored.feedHtml, stored.feedText, NOW,
    ]);
  }
  old.close();
  return dir;
}
