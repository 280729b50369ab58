import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:8123';
const PAGE_URL = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;
const seedPage = fixtureText('seed/article.html', ORIGIN);
const feedSummary = '<p>Yesterday, NATO Secretary General Jens Stoltenberg said that “main differences” with Moscow still exist.</p>';
const longFeed = `<p>${'The full story as the feed carries it, paragraph after paragraph of it. '.repeat(80)}</p><img src="/feed-photo.jpg">`;

describe('prepareArticle', () => {
  it('uses the page when it holds the article, sanitized, with its images listed', () => {
    const prepared = prepareArticle({ pageHtml: seedPage, pageUrl: PAGE_URL, feedHtml: feedSummary, feedItemUrl: PAGE_URL });
    expect(prepared.source).toBe('page');
    expect(prepared.extractionNote).toBeNull();
    expect(prepared.text).toContain('they are just normal training practices.');
    expect(prepared.text).not.toContain('Leave a Reply');
    expect(prepared.html).not.toMatch(/<script|class=|<DIV/);
    expect(prepared.imageUrls).toEqual([
      `${ORIGIN}/wp-content/uploads/2022/01/nato-brussels.png`,
      `${ORIGIN}/wp-content/uploads/2022/01/grushko-geneva-1024x683.jpg`,
    ]);
    expect(prepared.leadImageUrl).toBe(`${ORIGIN}/wp-content/uploads/2022/01/nato-brussels.png`);
    expect(prepared.lang).toBe('en-US');
    expect(prepared.dir).toBe('ltr');
  });

  it('falls back to the feed, with a note, when extraction fails', () => {
    const prepared = prepareArticle({
      pageHtml: fixtureText('articles/navigation-only.html'),
      pageUrl: 'https://ledger.example/news/1',
      feedHtml: '<p>The feed has the <a href="/story">story</a>.</p><img src="/photo.jpg">',
      feedItemUrl: 'https://ledger.example/news/1',
    });
    expect(prepared.source).toBe('feed');
    // The page is the shell of a script-rendered site ("You need to enable JavaScript"): the note says so.
    expect(prepared.extractionNote).toBe("the page shows its text only with JavaScript; showing the feed's content");
    expect(prepared.text).toBe('The feed has the story.');
    expect(prepared.html).toContain('href="https://ledger.example/story"');
    expect(prepared.imageUrls).toEqual(['https://ledger.example/photo.jpg']);
  });

  it("prefers the feed's content when the page yields clearly less", () => {
    const prepared = prepareArticle({ pageHtml: seedPage, pageUrl: PAGE_URL, feedHtml: longFeed, feedItemUrl: PAGE_URL });
    expect(prepared.source).toBe('feed');
    expect(prepared.extractionNote).toBe("the page's text was shorter than the feed's; showing the feed's content");
    expect(prepared.text).toContain('The full story as the feed carries it');
    expect(prepared.imageUrls).toEqual([`${ORIGIN}/feed-photo.jpg`]);
    // What the page said about itself still holds.
    expect(prepared.lang).toBe('en-US');
    expect(prepared.leadImageUrl).toBe(`${ORIGIN}/wp-content/uploads/2022/01/nato-brussels.png`);
  });

  describe('a cookie consent page served in place of the article', () => {
    const wall = (body: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Before you continue</title></head><body>${body}</body></html>`;
    const partners = wall(`<div class="consent-page"><h1>We value your privacy</h1>
      <p>We and our 613 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised advertising and content, advertising and content measurement, audience research and services development.</p>
      <p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our 613 partners' processing as described above, or access more detailed information and change your preferences before consenting or to refuse consenting.</p>
      <form method="post" action="/consent"><button name="agree" value="yes">Accept all</button><button name="agree" value="no">Reject all</button><a href="/consent/manage">Manage options</a></form></div>`);
    const familyOfBrands = wall(`<div class="con-wizard"><h2>News is part of the Example family of brands.</h2>
      <p>When you use our sites and apps, we use cookies to provide our sites and apps to you, authenticate users, apply security measures, and prevent spam and abuse, and measure your use of our sites and apps.</p>
      <p>If you click 'Accept all', we and our partners, including 238 who are part of the IAB Transparency &amp; Consent Framework, will also store and/or access information on a device and use precise geolocation data and other personal data such as IP address and browsing and search data.</p>
      <form method="post" class="consent-form"><button class="btn accept-all" name="agree" value="agree">Accept all</button><button class="btn reject-all" name="reject" value="reject">Reject all</button></form></div>`);

    it.each([['on the article\'s address', partners], ["on a consent host the article's address redirects to", familyOfBrands]])('is not taken for the article: %s', (_where, pageHtml) => {
      const prepared = prepareArticle({ pageHtml, pageUrl: PAGE_URL, feedHtml: feedSummary, feedItemUrl: PAGE_URL });
      expect(prepared.source).toBe('feed');
      expect(prepared.text).toContain('Jens Stoltenberg');
      expect(prepared.extractionNote).toBe("the site showed a cookie consent page instead of the article; showing the feed's content");
    });

    it('leaves an article about consent and cookies to be read', () => {
      const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i}: regulators said the new rules on cookie consent would make sites ask before sharing data with advertising partners, and that a button to accept all must sit beside one to reject all, as large and as easy to find.</p>`).join('');
      const pageHtml = wall(`<article><h1>Regulators tighten cookie rules</h1>${paragraphs}</article>`);
      const prepared = prepareArticle({ pageHtml, pageUrl: PAGE_URL, feedHtml: feedSummary, feedItemUrl: PAGE_URL });
      expect(prepared.source).toBe('page');
      expect(prepared.extractionNote).toBeNull();
    });
  });

  it("keeps the feed's content, without a note, when full text is off", () => {
    const prepared = prepareArticle({ pageHtml: null, pageUrl: null, feedHtml: longFeed, feedItemUrl: 'https://blog.example/p/1' });
    expect(prepared.source).toBe('feed');
    expect(prepared.extractionNote).toBeNull();
    expect(prepared.imageUrls).toEqual(['https://blog.example/feed-photo.jpg']);
    expect(prepared.leadImageUrl).toBeNull();
  });

  it("is 'none' when neither the page nor the feed has anything", () => {
    expect(prepareArticle({ pageHtml: null, pageUrl: null, feedHtml: null, feedItemUrl: null })).toEqual({
      html: '', text: '', source: 'none', lang: null, dir: 'ltr', imageUrls: [], leadImageUrl: null, extractionNote: null, linkedFile: null, laterPages: null, author: null,
    });
    const failed = prepareArticle({ pageHtml: '<html><body><nav><a href="/">Home</a></nav></body></html>', pageUrl: 'https://x.example/', feedHtml: '  <p> </p>', feedItemUrl: null });
    expect(failed.source).toBe('none');
    expect(failed.extractionNote).toBe('page extraction failed and the feed has no content');
  });

  it('detects right-to-left text in feed content, and keeps Arabic from the page as rtl', () => {
    const feedOnly = prepareArticle({ pageHtml: null, pageUrl: null, feedHtml: '<p>وتضم المكتبة أكثر من أربعين ألف كتاب باللغتين العربية والفرنسية</p>', feedItemUrl: null });
    expect(feedOnly.dir).toBe('rtl');
    const page = prepareArticle({ pageHtml: fixtureText('articles/arabic.html'), pageUrl: 'https://madina.example/culture/library/', feedHtml: null, feedItemUrl: null });
    expect(page.source).toBe('page');
    expect(page.dir).toBe('rtl');
    expect(page.lang).toBe('ar');
  });

  it('makes a hostile page safe and keeps its text', () => {
    const prepared = prepareArticle({ pageHtml: fixtureText('articles/hostile.html'), pageUrl: 'https://news.example/harbour', feedHtml: null, feedItemUrl: null });
    expect(prepared.source).toBe('page');
    expect(prepared.html).not.toMatch(/<script|<iframe|<form|<style|<svg|<base|<meta|\son\w+=|javascript:|data:|style=/i);
    expect(prepared.text).toContain('Opposition members asked for an independent review');
    expect(prepared.text).toContain('The mayor thanked the harbour workers');
  });

  it('keeps CJK and Cyrillic text intact end to end', () => {
    const japanese = prepareArticle({ pageHtml: fixtureText('articles/japanese.html'), pageUrl: 'https://yamaai.example/news/rail', feedHtml: null, feedItemUrl: null });
    expect(japanese.text).toContain('沿線の自治体は観光客の回復に期待を寄せており、秋の紅葉シーズンに合わせて臨時列車の運行も検討している。');
    const russian = prepareArticle({ pageHtml: fixtureText('articles/russian.html'), pageUrl: 'https://gorod.example/city/park', feedHtml: null, feedItemUrl: null });
    expect(russian.text).toContain('Летом на набережной планируют проводить концерты и ярмарки выходного дня, а зимой — залить каток у старой лодочной станции.');
  });
});
