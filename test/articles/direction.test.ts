// An article's direction comes from what the page says: its dir, else its language (unless its
// letters overwhelmingly say the other: a label the site left wrong), and only when it says
// neither from counting its letters. An English story quoting long passages of Arabic and Hebrew
// reads left to right, its quotes right to left by their own dir.
import { describe, expect, it } from 'vitest';
import { languageDirection, prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://desk.example/world/mixed/';
const ARABIC = 'وقال المتحدث باسم الوزارة إن المحادثات كانت بناءة لكن لم يتم التوصل إلى اتفاق بشأن المسائل الرئيسية المتعلقة بالتمويل والرقابة في الاجتماع';
const ENGLISH = 'The committee met again on Tuesday to discuss the budget, and members said the talks were constructive.';

function page(htmlAttributes: string): string {
  return `<!doctype html><html${htmlAttributes}><head><meta charset="utf-8"><title>Mixed scripts in one story</title></head>
<body><main><article><h1>Mixed scripts: English, العربية, עברית in one story</h1>
<p>In Dubai, the sign read <span lang="ar">مرحبا بكم في دبي</span> while a Hebrew headline said <q lang="he">שלום עולם</q>.</p>
<p dir="rtl">${ARABIC}</p><p dir="rtl">${ARABIC}</p>
<p>Back to English: ${ENGLISH}</p></article></main></body></html>`;
}

const prepared = (htmlAttributes: string) => prepareArticle({ pageHtml: page(htmlAttributes), pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });

describe('the direction of an article page', () => {
  it('is its language\'s when it has no dir: an English story with long Arabic quotes reads left to right', () => {
    const article = prepared(' lang="en"');
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    // The quotes keep their own direction.
    expect(article.html).toContain(`<p dir="rtl">${ARABIC}</p>`);
  });

  it('is right to left for a page in a right-to-left language, whatever its letters', () => {
    expect(prepared(' lang="fa-IR"').dir).toBe('rtl');
    expect(prepared(' lang="ur"').dir).toBe('rtl');
  });

  it('is the letters\' when they overwhelmingly contradict the language the site left on its pages', () => {
    // An Arabic news site on WordPress's default en-US.
    const arabic = `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>خبر</title></head><body><article><h1>افتتاح مكتبة عامة</h1>${`<p>${ARABIC}</p>`.repeat(4)}</article></body></html>`;
    expect(prepareArticle({ pageHtml: arabic, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).dir).toBe('rtl');
    // An English section of an Arabic site still marked ar.
    const english = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>News</title></head><body><article><h1>Budget talks</h1>${`<p>${ENGLISH}</p>`.repeat(4)}</article></body></html>`;
    expect(prepareArticle({ pageHtml: english, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).dir).toBe('ltr');
  });

  it('is the page\'s own dir before its language', () => {
    expect(prepared(' lang="en" dir="rtl"').dir).toBe('rtl');
  });

  it('is counted from the letters only when the page names neither (these are mostly Arabic)', () => {
    expect(prepared('').dir).toBe('rtl');
    expect(prepared(' lang="und"').dir).toBe('rtl');
  });
});

describe('languageDirection', () => {
  it('knows the languages written right to left, by their primary subtag or their script', () => {
    for (const lang of ['ar', 'ar-EG', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ku-Arab', 'az-Arab', 'pa-Arab', 'he_IL']) {
      expect(languageDirection(lang), lang).toBe('rtl');
    }
  });

  it('takes any other language for left to right, and a tag naming none for no answer', () => {
    for (const lang of ['en', 'en-US', 'ja', 'zh-Hant-TW', 'ko', 'ru', 'ku', 'ug-Latn', 'uz-Cyrl']) expect(languageDirection(lang), lang).toBe('ltr');
    for (const lang of [null, '', 'und', 'mul', 'zxx', 'x-klingon', '12']) expect(languageDirection(lang), String(lang)).toBeNull();
  });
});
