// Persian and Arabic as people type them: a Persian reader on an Arabic keyboard types ي and ك
// for ی and ک, an Arabic reader on a Persian one the reverse; alef with or without its hamza or
// madda, ه for ة, vowel marks (harakat) or none, and Persian compounds with a zero-width
// non-joiner, joined, or spaced. Each spelling finds the article, whichever the text has, and
// the hit's snippet marks the word as the text writes it. A library stored before (schema 18) has
// its grams written again by the search index's catching up (migrations 19 and 25). Real SQLite,
// the core's search API.
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
const feed = { url: 'http://127.0.28.9/feed', title: 'اخبار', siteUrl: null, description: null, folderId: null };
const ZWNJ = '\u200c';

// Persian, as Iranian sites write it: ی and ک, and non-joiners in می‌گویند, می‌خواهم, قیمت‌ها.
const books = item({
  title: 'گرانی کاغذ؛ قیمت کتاب در نمایشگاه تهران بالا رفت',
  feedText: `ناشران می${ZWNJ}گویند قیمت کاغذ در یک سال گذشته دو برابر شده است. یکی از بازدیدکنندگان گفت: «می${ZWNJ}خواهم `
    + `برای فرزندم کتاب داستان بخرم، اما قیمت${ZWNJ}ها بالاست.» نمایشگاه بین${ZWNJ}المللی کتاب تهران تا جمعه ادامه دارد.`,
  dir: 'rtl',
});
// Persian as many write it on a phone: the non-joiner left out (میگویند).
const social = item({
  title: 'واکنش کاربران به قطعی اینترنت',
  feedText: 'کاربران شبکه های اجتماعی میگویند سرعت اینترنت در شهرهای بزرگ به شدت کاهش یافته است.',
  dir: 'rtl',
});
// Arabic, as Arab sites write it: ي and ك, أ and إ, ة, a shadda here and there, a stretched word.
const sudan = item({
  title: 'الأمم المتحدة تحذّر من أزمة غذاء في السودان',
  feedText: 'قالت منظمة الأغذية والزراعة (FAO) إنّ أكثر من ٢٥ مليون شخص يواجهون انعدام الأمن الغذائي الحاد في السودان، '
    + 'وأضاف المتحدث باسم المنظمة أنّ المساعدات الإنسانيـــة لا تصل إلى إقليم دارفور. وقالت شركة كويتية إنها سترسل شحنة من القمح.',
  dir: 'rtl',
});
const english = item({ title: 'Tehran book fair opens', feedText: 'Publishers in Tehran say paper prices have doubled.' });
const ALL = [books, social, sudan, english];

/** The snippet with its marks written as [[ ]], as the list shows them. */
function shown(highlight: string | undefined): string {
  return (highlight ?? '').replace(/\uE000/g, '[[').replace(/\uE001/g, ']]');
}

async function found(core: Core, query: string): Promise<string[]> {
  return (await core.api.search(query)).map((hit) => hit.id).sort();
}

async function firstSnippet(core: Core, query: string): Promise<string> {
  return shown((await core.api.search(query))[0]?.highlight);
}

/** What a person finds with each spelling, the same in a new library and in one indexed again. */
async function expectFound(core: Core): Promise<void> {
  // Persian words typed on an Arabic keyboard (ك, ي), or as written.
  for (const query of ['كتاب', 'کتاب', 'قيمت', 'نمايشگاه', 'كاغذ', 'نمایشگ', 'قیمت كتاب']) {
    expect(await found(core, query), query).toEqual([books.id]);
  }
  // A compound with a non-joiner, joined, or spaced; typed with it, it finds the joined text too.
  for (const query of [`می${ZWNJ}خواهم`, 'میخواهم', 'می خواهم', 'قیمتها', `بین${ZWNJ}المللی`, 'بینالمللی']) {
    expect(await found(core, query), query).toEqual([books.id]);
  }
  for (const query of [`می${ZWNJ}گویند`, 'میگویند', 'ميگويند']) {
    expect(await found(core, query), query).toEqual([books.id, social.id].sort());
  }
  // Arabic words typed on a Persian keyboard (ی, ک), without hamza or shadda, with ه for ة,
  // with harakat the text leaves out, and a word the text stretches with tatweel.
  for (const query of ['تحذر', 'تحذّر', 'الامم', 'ازمة', 'أزمه', 'ازمه', 'فی السودان', 'کویتیه', 'شرکة', 'مُنَظَّمَة', 'الانسانیه', 'الإنسانية', 'إن']) {
    expect(await found(core, query), query).toEqual([sudan.id]);
  }
  // Beside a word of another language, each must match.
  expect(await found(core, 'السودان FAO')).toEqual([sudan.id]);
  expect(await found(core, 'السودان Tehran')).toEqual([]);
  // Unrelated words, and words that share letters with these, find nothing.
  for (const query of ['کتابخانه', 'فوتبال', 'زلزله', 'كتب', 'الأمن القومي', 'می رود']) {
    expect(await found(core, query), query).toEqual([]);
  }
  // Other languages as before.
  expect(await found(core, 'tehran')).toEqual([english.id]);
  expect(await found(core, 'paper pric')).toEqual([english.id]);
}

describe('searching Persian and Arabic', () => {
  it('finds each spelling of a word, and marks the word as the text writes it', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      core.storage.articles.upsertFeedItems(core.storage.feeds.add(feed), ALL, NOW);
      await expectFound(core);
      expect(await core.api.countSearch('كتاب')).toBe(1);
      expect(await firstSnippet(core, 'كتاب داستان')).toContain('فرزندم [[کتاب]] [[داستان]] بخرم');
      expect(await firstSnippet(core, 'میخواهم')).toContain(`«[[می${ZWNJ}خواهم]] برای`);
      expect(await firstSnippet(core, 'الانسانیه')).toContain('المساعدات [[الإنسانيـــة]] لا تصل');
      expect(await firstSnippet(core, 'ازمه')).toBe('الأمم المتحدة تحذّر من [[أزمة]] غذاء في السودان');
    } finally {
      await core.close();
    }
  });
});

// Arabic writes the article and the particles joined to the word (الحكومة, والمنظمات, بالشاحنات,
// للصحفيين) and its endings too (حكومته, الشركات): each is found by the word as a person types it.
const transport = item({
  title: 'الحكومة تعلن خطة جديدة للنقل العام',
  feedText: 'قالت الحكومة إن المنظمات الدولية والشركات المحلية ستشارك في المشروع. وأضاف الوزير للصحفيين أن الحافلات '
    + 'الجديدة ستصل بالشاحنات إلى المدن الكبرى، وأن حكومته ستدعم المشروع. وقال رجال الدين إنهم يرحبون بالخطة.',
  dir: 'rtl',
});
// Persian, whose words the Arabic affixes would cut wrongly: والدین (parents) is no دین (religion),
// بالاتر (higher) no لاتر.
const parents = item({
  title: 'آموزش کودکان در خانه',
  feedText: 'پدر و مادر یا والدین کودکان باید به آموزش آنها توجه کنند. سطح آموزش در شهرها بالاتر از روستاها است.',
  dir: 'rtl',
});

async function expectFoundByStem(core: Core): Promise<void> {
  for (const query of ['حكومة', 'الحكومات', 'منظمة', 'منظمات', 'شركة', 'الشركه', 'صحفي', 'الصحفيون', 'شاحنة', 'الخطة', 'قال', 'دين']) {
    expect(await found(core, query), query).toEqual([transport.id]);
  }
  // Typed as far as a person has got (search as you type): the stem's start.
  expect(await found(core, 'المنظ')).toEqual([transport.id]);
  // Persian text is not cut: its words are found as written, and never by an Arabic word's stem.
  expect(await found(core, 'والدین')).toEqual([parents.id]);
  expect(await found(core, 'بالاتر')).toEqual([parents.id]);
  for (const query of ['لاتر', 'کودک آباد', 'الکودکان']) expect(await found(core, query), query).toEqual([]);
}

describe('searching Arabic words without the particles and endings the text joins to them', () => {
  it('finds the article by the word as typed, and marks the word as the text writes it', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      core.storage.articles.upsertFeedItems(core.storage.feeds.add(feed), [transport, parents], NOW);
      await expectFoundByStem(core);
      expect(await firstSnippet(core, 'حكومة')).toContain('قالت [[الحكومة]] إن');
      expect(await firstSnippet(core, 'شاحنة')).toContain('ستصل [[بالشاحنات]] إلى');
      expect(await firstSnippet(core, 'منظمة')).toContain('إن [[المنظمات]] الدولية');
    } finally {
      await core.close();
    }
  });

  it('finds them so in a library stored before stems were indexed, once its articles are indexed again (migration 22)', async () => {
    const core = new Core({ dataDir: libraryOfSchema18([transport, parents]), workers: 1, welcome: false });
    try {
      // The search has the writer thread write the grams of the articles waiting first.
      await expectFoundByStem(core);
    } finally {
      await core.close();
    }
  });
});

describe('a library stored before Arabic-script words were folded (schema 18)', () => {
  it('finds the words as written while its articles wait for their grams, and every spelling after', async () => {
    const core = new Core({ dataDir: libraryOfSchema18(ALL), workers: 1, welcome: false });
    try {
      // Before their turn (a search that does not index first): the word as the text writes it.
      const asQueued = (query: string) => searchArticles(core.storage.db, query).map((hit) => hit.id);
      expect(asQueued('کتاب')).toEqual([books.id]);
      expect(asQueued('السودان')).toEqual([sudan.id]);
      // The search the app makes has the writer thread write them first.
      await expectFound(core);
      expect(core.storage.db.value<number>('SELECT count(*) FROM grams_queue')).toBe(0);
    } finally {
      await core.close();
    }
  });
});

/** A data folder at schema 18, its rows written by hand as that version wrote them (no grams for these words). */
function libraryOfSchema18(items: readonly IncomingItem[]): string {
  const dir = tempDir();
  const old = new Sqlite(path.join(dir, DATABASE_FILE));
  for (const migration of MIGRATIONS.slice(0, 18)) old.exec(migration);
  old.exec('PRAGMA user_version = 18');
  const feedId = new FeedsRepo(old).add(feed);
  for (const stored of items) {
    old.run(
      `INSERT INTO articles (id, feed_id, unique_id, url, title, author, published_at, has_date, first_seen_at, snippet, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      [stored.id, feedId, stored.uniqueId, stored.url, stored.title, stored.author, stored.publishedAt ?? NOW, NOW, stored.snippet, stored.fingerprint],
    );
    old.run('INSERT INTO article_status (article_id) VALUES (?)', [stored.id]);
    old.run('INSERT INTO article_content (article_id, html, text, source, dir, saved_at) VALUES (?, ?, ?, ?, ?, ?)', [
      stored.id, stored.feedHtml, stored.feedText, 'feed', stored.dir, NOW,
    ]);
  }
  old.close();
  return dir;
}
