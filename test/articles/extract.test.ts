import { describe, expect, it } from 'vitest';
import { extractArticle, htmlToPlainText, sanitizeArticleHtml } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:8123';
const PAGE_URL = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;
const seedPage = fixtureText('seed/article.html', ORIGIN);

/** The article's own paragraphs, read from the fixture's entry-content. */
function seedParagraphs(): string[] {
  const body = /<div class="entry-content">([\s\S]*?)<\/div>\s*<footer/.exec(seedPage)![1]!;
  return [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]!);
}

describe('extractArticle on the seed WordPress page', () => {
  const article = extractArticle(seedPage, PAGE_URL)!;
  const clean = sanitizeArticleHtml(article.html, PAGE_URL);
  const text = htmlToPlainText(clean);

  it('finds the title, byline, site name and language', () => {
    expect(article.title).toBe('NATO is in security dialogue with Russia, despite the main differences');
    expect(article.byline).toBe('Editorial Staff');
    expect(article.siteName).toBe('World Brief');
    expect(article.lang).toBe('en-US');
  });

  it('keeps every paragraph of the article', () => {
    const paragraphs = seedParagraphs();
    expect(paragraphs).toHaveLength(11);
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    expect(article.textLength).toBeGreaterThan(3000);
  });

  it('leaves out the menu, sidebar, footer, share buttons, ad and comment section', () => {
    for (const chrome of [
      'About the newsroom', 'Recent Posts', 'Sidebar newsletter promo', 'Footer about text', 'All rights reserved',
      'Share this', 'Click to share', 'Advertisement', 'Leave a Reply', 'Your email address will not be published',
      'No comments yet', 'Post Comment', 'Save my name', 'Oil prices climb',
    ]) {
      expect(text).not.toContain(chrome);
    }
    expect(article.html).not.toMatch(/<form|<input|<textarea|<script|ads\.example\.net/i);
  });

  it('makes image URLs absolute, the lazy-loaded one included', () => {
    expect(article.leadImageUrl).toBe(`${ORIGIN}/wp-content/uploads/2022/01/nato-brussels.png`);
    expect(article.html).toContain(`src="${ORIGIN}/wp-content/uploads/2022/01/grushko-geneva-1024x683.jpg"`);
    expect(article.html).not.toMatch(/src="\/|data:image|data-src/);
  });

  it('puts the lead image the theme shows above the text at the top, with its caption', () => {
    const lead = `<figure><img src="${ORIGIN}/wp-content/uploads/2022/01/nato-brussels.png" alt="NATO headquarters in Brussels" />`;
    expect(clean).toContain(`${lead}<figcaption>The NATO-Russia Council met at the alliance’s headquarters in Brussels.</figcaption></figure>`);
    expect(clean.indexOf(lead)).toBeLessThan(clean.indexOf('Yesterday, NATO Secretary General'));
    expect(clean.split('nato-brussels.png')).toHaveLength(2);
  });
});

describe('extractArticle picks the image file the reader shows', () => {
  // A WordPress 6 block-editor image as it is served: src is the "large" 1024, srcset the sizes
  // WordPress made, up to the 2,560-pixel "-scaled" original; a thumbnail floated beside the text.
  const upload = (name: string) => `https://harbour.example/wp-content/uploads/2026/11/${name}`;
  const sizes = (stem: string) => [['1024x683', 1024], ['300x200', 300], ['768x512', 768], ['1536x1024', 1536], ['2048x1365', 2048]]
    .map(([size, width]) => `${upload(`${stem}-${size}.jpg`)} ${width}w`).concat(`${upload(`${stem}-scaled.jpg`)} 2560w`).join(', ');
  const paragraph = '<p>The harbour board met on Tuesday to agree the dredging plan, after a winter in which two ferries ran aground at low tide and the fishing fleet lost a week of landings.</p>';
  const page = `<!doctype html><html lang="en"><head><title>Dredging agreed – Harbour News</title></head><body>
<main><article class="post"><h1 class="entry-title">Dredging agreed</h1><div class="entry-content">
${paragraph}
<figure class="wp-block-image size-large"><img fetchpriority="high" decoding="async" width="1024" height="683" src="${upload('dredger-1024x683.jpg')}" alt="The dredger at the quay" class="wp-image-812" srcset="${sizes('dredger')}" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption>The dredger at the quay.</figcaption></figure>
${paragraph.repeat(3)}
<figure class="wp-block-image alignright size-medium"><img decoding="async" width="300" height="200" src="${upload('chart-300x200.jpg')}" alt="Depth at low tide" srcset="${sizes('chart')}" sizes="(max-width: 300px) 100vw, 300px" /></figure>
${paragraph.repeat(3)}
</div></article></main></body></html>`;
  const article = extractArticle(page, 'https://harbour.example/2026/11/dredging-agreed/')!;

  it('takes the srcset file sharp on a 2x screen, not the small src nor the 2,560-pixel original', () => {
    expect(article.html).toContain(`src="${upload('dredger-1536x1024.jpg')}"`);
    expect(article.html).not.toMatch(/dredger-(?:1024x683|2048x1365|scaled)\.jpg/);
  });

  it('takes a file twice as wide as a thumbnail is shown', () => {
    expect(article.html).toContain(`src="${upload('chart-768x512.jpg')}"`);
  });
});

describe('extractArticle and the headings of the article', () => {
  // Readability drops the first heading that repeats the title; a section heading whose one word
  // the title also uses ("Tables" under "…tables, code, math and embeds") is no repeat (patched).
  // WordPress themes put the title in <header class="entry-header">, which Readability drops
  // whole, so the first heading it meets inside the text is a section's.
  const title = 'Everything a blog post can hold: tables, code, math and embeds';
  const paragraph = '<p>This post walks through the shapes a technical blog post takes, one section at a time, with a sentence or two about each so the reader knows what to expect next.</p>';
  const page = `<!doctype html><html lang="en"><head><title>${title} – Dev Notes</title></head><body>
<main><article class="post"><header class="entry-header"><h1 class="entry-title">${title}</h1></header><div class="entry-content">${paragraph.repeat(2)}
<h2>Tables</h2>${paragraph}<h2>Code</h2><pre><code>const answer = await fetchTheAnswer();</code></pre>${paragraph}
<h2>Math</h2>${paragraph}</div></article></main></body></html>`;
  const article = extractArticle(page, 'https://dev.example/2026/11/shapes/')!;

  it('keeps a one-word section heading that the title happens to use', () => {
    expect(article.html).toMatch(/<h2>Tables<\/h2>/);
    expect(article.html).toMatch(/<h2>Code<\/h2>/);
    expect(article.html).toMatch(/<h2>Math<\/h2>/);
  });

  it('still leaves out the heading that repeats the title', () => {
    expect(article.html).not.toContain('<h1');
    expect(article.html.split('Everything a blog post')).toHaveLength(1);
  });
});

describe('extractArticle in other scripts', () => {
  it('detects a right-to-left Arabic article and keeps its text', () => {
    const article = extractArticle(fixtureText('articles/arabic.html'), 'https://madina.example/culture/library/')!;
    expect(article.dir).toBe('rtl');
    expect(article.lang).toBe('ar');
    expect(article.title).toBe('افتتاح مكتبة عامة جديدة في وسط المدينة');
    expect(article.html).toContain('وتضم المكتبة أكثر من أربعين ألف كتاب');
    // The og:image is already in the text: not added twice.
    expect(article.html.split('library-hall.jpg')).toHaveLength(2);
    expect(article.html).toContain('src="https://madina.example/media/2023/05/library-hall.jpg"');
  });

  it('keeps Japanese text intact', () => {
    const article = extractArticle(fixtureText('articles/japanese.html'), 'https://yamaai.example/news/rail')!;
    expect(article.lang).toBe('ja');
    expect(article.title).toBe('台風で不通の地方鉄道、三か月ぶりに全線で運転再開');
    expect(article.html).toContain('「バスでの代行輸送は時間がかかって大変だった。また電車で通えるのがうれしい」');
  });

  it('keeps Russian text intact, and takes the lead image from twitter:image', () => {
    const article = extractArticle(fixtureText('articles/russian.html'), 'https://gorod.example/city/park')!;
    expect(article.lang).toBe('ru');
    expect(article.byline).toBe('Ирина Соколова');
    expect(article.html).toContain('«Мы старались сохранить старые деревья и исторический облик набережной», — рассказала');
    expect(article.leadImageUrl).toBe('https://img.example.ru/2023/06/naberezhnaya.webp');
  });
});

describe('extractArticle on pages without an article', () => {
  it('returns null for a navigation-only page', () => {
    expect(extractArticle(fixtureText('articles/navigation-only.html'), 'https://ledger.example/news/1')).toBeNull();
  });

  it('returns null, without throwing, for garbage', () => {
    for (const garbage of ['', 'not html at all', '<html>', '<'.repeat(100_000), `${'<div>'.repeat(20_000)}deep`, '\u0000\uFFFF<p>\uD800']) {
      expect(extractArticle(garbage, 'https://example.org/')).toBeNull();
    }
  });

  it('gives up at once on a page nested deeper than browsers nest (Readability would take minutes)', () => {
    const article = '<article>' + '<p>Plenty of plain words in a paragraph of text. </p>'.repeat(12) + '</article>';
    expect(extractArticle(`<html><body>${'<div>'.repeat(100)}${article}</body></html>`, 'https://example.org/')).not.toBeNull();
    // Without the depth limit this call alone outlasts the test timeout.
    expect(extractArticle(`<html><body>${'<div>'.repeat(30_000)}${article}</body></html>`, 'https://example.org/')).toBeNull();
  });

  it('does not trust a page URL or base that is not a web URL', () => {
    const page = `<html><head><base href="javascript:alert(1)//"></head><body><article>${'<p>Plenty of plain words in a paragraph of text. </p>'.repeat(12)}<img src="a.png"><a href="/x">x</a></article></body></html>`;
    const article = extractArticle(page, 'https://example.org/dir/page')!;
    expect(article.html).toContain('src="https://example.org/dir/a.png"');
    expect(article.html).toContain('href="https://example.org/x"');
    expect(article.html).not.toContain('javascript:');
  });

  it('adds no lead image the page does not show, and matches one shown in another size', () => {
    const text = '<p>Plenty of plain words in a paragraph of text. </p>'.repeat(12);
    const card = `<html><head><meta property="og:image" content="https://example.org/social-card.png"></head><body><article>${text}</article></body></html>`;
    const notShown = extractArticle(card, 'https://example.org/post')!;
    expect(notShown.html).not.toContain('social-card');
    expect(notShown.leadImageUrl).toBe('https://example.org/social-card.png');
    const sized = `<html><head><meta property="og:image" content="/up/hero.jpg"></head><body><div class="hero"><img src="/up/hero-1024x576.jpg?v=2" alt="Hero"></div><article>${text}</article></body></html>`;
    const shown = extractArticle(sized, 'https://example.org/post')!;
    expect(sanitizeArticleHtml(shown.html, 'https://example.org/post')).toMatch(
      /^<div><figure><img src="https:\/\/example.org\/up\/hero-1024x576.jpg\?v=2" alt="Hero" \/><\/figure><article><p>Plenty/,
    );
    expect(shown.leadImageUrl).toBe('https://example.org/up/hero-1024x576.jpg?v=2');
  });

  it('honours a <base> that is a web URL', () => {
    const page = `<html><head><base href="https://cdn.example.net/site/"></head><body><article>${'<p>Plenty of plain words in a paragraph of text. </p>'.repeat(12)}<img src="a.png"></article></body></html>`;
    expect(extractArticle(page, 'https://example.org/dir/page')!.html).toContain('src="https://cdn.example.net/site/a.png"');
  });
});
