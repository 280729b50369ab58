// Search finds words the index's tokenizer cannot split out: a Chinese, Japanese or Korean word
// inside a sentence (those scripts put no spaces between words, or attach particles to them, so
// the index holds each run of text as one token), and `C++`, of which the index keeps only "c".
import { afterEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const NOW = Date.UTC(2026, 10, 2);
const feed = { url: 'http://127.0.0.1/world.xml', title: 'World Desk', siteUrl: null, description: null, folderId: null };

/** The snippet with its marks written as [[ ]], as the list shows them. */
function shown(highlight: string | undefined): string {
  return (highlight ?? '').replace(/\uE000/g, '[[').replace(/\uE001/g, ']]');
}

function openWith(...items: ReturnType<typeof item>[]): Storage {
  const storage = Storage.open(tempDir());
  const feedId = storage.feeds.add(feed);
  storage.articles.upsertFeedItems(feedId, items, NOW);
  return storage;
}

describe('searching Chinese, Japanese and Korean', () => {
  const tokyo = item({
    title: '東京都、新たな対策を発表',
    feedText: '東京都は二十日、新しい気候変動対策を発表しました。小池知事は記者会見で「全力を尽くす」と述べた。',
  });
  const bank = item({
    title: '中国人民银行宣布降准',
    feedText: '中国人民银行周二宣布下调存款准备金率0.5个百分点，以支持实体经济发展。',
  });
  const budget = item({ title: '市議会は来年度予算を可決した', feedText: '新しい橋は来年春に開通する予定だ。' });
  const seoul = item({ title: '서울시, 새 교통 정책 발표', feedText: '오세훈 시장은 대중교통 요금을 동결하겠다고 말했다.' });
  const english = item({ title: 'Council passes the budget', feedText: 'The new bridge opens next spring.' });

  it('finds a word inside a sentence and marks that word, not the whole run of text', () => {
    const storage = openWith(tokyo, bank, budget, seoul, english);
    const [climate, ...others] = storage.search('気候変動');
    expect(climate?.id).toBe(tokyo.id);
    expect(others).toEqual([]);
    expect(shown(climate?.highlight)).toContain('新しい[[気候変動]]対策');
    expect(shown(storage.search('記者会見')[0]?.highlight)).toContain('小池知事は[[記者会見]]で');

    expect(storage.search('准备金').map((hit) => hit.id)).toEqual([bank.id]);
    expect(shown(storage.search('经济')[0]?.highlight)).toContain('实体[[经济]]发展');
    expect(storage.countSearch('银行')).toBe(1);
    storage.close();
  });

  it('marks a word only the title has in the title', () => {
    const storage = openWith(tokyo, budget, english);
    const hits = storage.search('予算');
    expect(hits.map((hit) => hit.id)).toEqual([budget.id]);
    expect(shown(hits[0]?.highlight)).toBe('市議会は来年度[[予算]]を可決した');
    storage.close();
  });

  it('finds Korean words without their particles, and one character', () => {
    const storage = openWith(tokyo, seoul, english);
    const hits = storage.search('요금 동결');
    expect(hits.map((hit) => hit.id)).toEqual([seoul.id]);
    expect(shown(hits[0]?.highlight)).toContain('대중교통 [[요금]]을 [[동결]]하겠다고');
    expect(storage.search('都').map((hit) => hit.id)).toEqual([tokyo.id]);
    storage.close();
  });

  it('combines such a word with words of other languages, each of which must match', () => {
    const storage = openWith(tokyo, bank, item({ title: 'Tokyo notes', feedText: '東京都の気候変動 and the river.' }));
    expect(storage.search('気候変動 river').map((hit) => hit.title)).toEqual(['Tokyo notes']);
    expect(storage.countSearch('気候変動 river')).toBe(1);
    expect(storage.search('気候変動 bridge')).toEqual([]);
    storage.close();
  });
});

describe('searching C++, C# and F#', () => {
  it('looks for the language, not every word beginning with its letter', () => {
    const cpp = item({ title: 'Release notes', feedText: 'Developers writing C++ said the new compiler was stable.', publishedAt: NOW - 3_600_000 });
    const vitamin = item({ title: 'Winter health', feedText: 'Vitamin C is found in citrus fruit.', publishedAt: NOW });
    const chicago = item({ title: 'Chicago council', feedText: 'The city council met on Tuesday.', publishedAt: NOW });
    const storage = openWith(cpp, vitamin, chicago);

    // "C" alone still searches as one types.
    expect(storage.countSearch('c')).toBe(3);
    // The index holds "c" for both C++ and vitamin C: the article that says C++ comes first.
    const hits = storage.search('C++');
    expect(hits.map((hit) => hit.id)).toEqual([cpp.id, vitamin.id]);
    expect(shown(hits[0]?.highlight)).toContain('writing [[C]]++ said');
    expect(storage.countSearch('C++')).toBe(2);
    expect(storage.search('c# compiler').map((hit) => hit.id)).toEqual([cpp.id]);
    expect(storage.search('F#')).toEqual([]);
    storage.close();
  });
});

describe('searching Turkish and Russian as people type them', () => {
  // The index folds I to i but keeps ı apart, and keeps ё apart from е: the query tries both.
  const festival = item({ title: 'Işık festivali başladı', feedText: 'Ziyaretçiler DİYARBAKIR ve Iğdır’dan geldi; ışık gösterisi gece sürdü.' });
  const scientists = item({ title: 'Учёные предупредили о засухе', author: 'Пётр Семёнов', feedText: 'Урожай может пострадать.' });
  const english = item({ title: 'Initial findings', feedText: 'The inspection is still in progress.' });

  it('finds ı and i, and ё and е, whichever the text and the query use', () => {
    const storage = openWith(festival, scientists, english);
    for (const query of ['IŞIK', 'ışık', 'Işık', 'diyarbakır', 'DİYARBAKIR', 'ığdır']) {
      expect(storage.search(query).map((hit) => hit.id), query).toEqual([festival.id]);
    }
    expect(shown(storage.search('IŞIK')[0]?.highlight)).toContain('[[ışık]] gösterisi');
    for (const query of ['Ученые', 'учёные', 'Семенов', 'семёнов']) {
      expect(storage.search(query).map((hit) => hit.id), query).toEqual([scientists.id]);
    }
    expect(storage.countSearch('ученые засухе')).toBe(1);
    // Words without those letters are searched as before.
    expect(storage.search('initial inspection').map((hit) => hit.id)).toEqual([english.id]);
    storage.close();
  });
});
