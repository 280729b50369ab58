// What the stored article loses of a real page, class by class (issue 10, "Article pages"): each
// table row is a page in the shape publishers serve and what a reader must find in the stored copy.
// The pages go through prepareArticle, the sync's own path (extract, sanitize, list the images).
import { describe, expect, it } from 'vitest';
import { prepareArticle, type PreparedArticle } from '../../electron/core/articles';

const SITE = 'https://harbour-gazette.example';
const PAGE_URL = `${SITE}/2024/03/11/the-story/`;

/** The article in a site's page; `footer: false` for the small personal sites whose pages are
 *  little more than the post (on a short page Readability would take a longer footer instead). */
function stored(body: string, { footer = true } = {}): PreparedArticle {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The story - Harbour Gazette</title></head>
<body><div id="page" class="site"><header class="site-header"><a href="/">Harbour Gazette</a><nav class="primary-menu"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">${body}</main></div></div>
${footer ? '<footer class="site-footer"><p>© 2024 Harbour Gazette. All rights reserved.</p></footer>' : ''}</div></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const paragraphs = (count: number, topic: string) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}: the harbour board met on Tuesday and agreed to keep the old crane, which dockers have used since 1961, in working order for visitors and for the small boats that still unload there.</p>`).join('\n');

describe('short real pages are kept, not refused for their length', () => {
  it.each([
    ['a photo post with a one-line caption', `<article><h1>Sunrise</h1><figure><img src="/uploads/sunrise.jpg" alt="The harbour at dawn"><figcaption>Sunrise, 6:12.</figcaption></figure></article>`, 'Sunrise, 6:12.'],
    ['a two-line notice', `<article><h1>Office closed</h1><div class="entry-content"><p>Closed on Monday.</p></div></article>`, 'Closed on Monday.'],
    ['a Japanese notice', `<article><h1>お知らせ</h1><div class="entry-content"><p>本日は休業します。</p></div></article>`, '本日は休業します。'],
    ['a link post', `<article><h1>Worth reading</h1><div class="entry-content"><p>Read <a href="https://other.example/report">the full report</a>.</p></div></article>`, 'Read the full report.'],
  ])('%s', (_name, body, text) => {
    const article = stored(body, { footer: false });
    expect(article.source).toBe('page');
    expect(words(article.text)).toContain(text);
    // Readability falls back to the whole body of a short page: the site's menu is no part of it.
    expect(article.text).not.toContain('Sport');
  });

  it('still refuses a script-rendered shell with nothing in it', () => {
    expect(stored('<div id="root"><div class="spinner"></div></div><script>render()</script>', { footer: false }).source).toBe('none');
  });
});

describe('tables of contents and in-page navigation are kept', () => {
  // Readability weighs an in-page (#) link at a third of a link: made absolute first, these
  // blocks looked like link farms and went.
  const sections = `<h2 id="history">History</h2>${paragraphs(2, 'history')}<h2 id="repairs">Repairs</h2>${paragraphs(2, 'repairs')}<h2 id="visiting">Visiting</h2>${paragraphs(1, 'visits')}`;
  it.each([
    ['a table of contents with its introduction', `<div class="toc"><p>On this page you will find the history of the crane, its repairs and how to visit it:</p>
      <ul><li><a href="#history">History</a></li><li><a href="#repairs">Repairs</a></li><li><a href="#visiting">Visiting</a></li></ul></div>`,
    ['On this page you will find the history of the crane', 'History Repairs Visiting']],
    ['a line of jump links', '<div class="jump-links"><span>Jump to:</span> <span><a href="#repairs">the repairs</a></span> · <span><a href="#visiting">visiting the quay</a></span></div>',
    ['Jump to: the repairs · visiting the quay']],
  ])('%s', (_name, navigation, kept) => {
    const article = stored(`<article><h1>The crane</h1><div class="entry-content">${navigation}${sections}</div></article>`);
    for (const text of kept) expect(words(article.text)).toContain(text);
    // Stored, they point at the page itself.
    expect(article.html).toContain(`href="${PAGE_URL}#repairs"`);
  });
});

describe('images Readability keeps by their class stay', () => {
  it.each([
    ['Wikipedia math formulas (hidden from screen readers, shown to the eye)', Array.from({ length: 6 }, (_, i) =>
      `<p>The load on arm ${i} is <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math><mi>F</mi></math></span><img src="https://wikimedia.example/api/rest_v1/media/math/render/png/f${i}" class="mwe-math-fallback-image-inline mw-invert" aria-hidden="true" alt="{\\displaystyle F_{${i}}=m\\cdot g}"></span> where m is the mass of the load and g is the acceleration of gravity at the quay.</p>`).join(''), 6],
  ])('%s', (_name, formulas, count) => {
    const article = stored(`<div id="content" class="mw-body"><h1>Crane (machine)</h1><div id="bodyContent" class="mw-body-content">${paragraphs(3, 'cranes')}${formulas}</div></div>`);
    expect(article.imageUrls.filter((url) => url.includes('/math/render/'))).toHaveLength(count);
  });
});

describe('every lazily loaded image is found, and only real image URLs are kept', () => {
  const body = (image: string) => `<article><h1>The crane</h1><div class="entry-content">${paragraphs(2, 'the crane')}${image}${paragraphs(2, 'the quay')}</div></article>`;
  it.each([
    ['a placeholder followed by its <noscript> fallback',
      '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazyload" alt="The crane"><noscript><img src="/uploads/crane.jpg" alt="The crane"></noscript><figcaption>The crane in 1961.</figcaption></figure>',
      [`${SITE}/uploads/crane.jpg`]],
    ['a <noscript> fallback with no placeholder before it (the script inserts the image)',
      '<figure><div class="lazy-container" data-ratio="0.66"></div><noscript><img src="/uploads/quay.jpg" alt="The quay"></noscript><figcaption>The quay.</figcaption></figure>',
      [`${SITE}/uploads/quay.jpg`]],
    ['a placeholder GIF file in src, the real image in data-lazy-srcset',
      '<p><img src="/wp-content/plugins/lazy/blank.gif" data-lazy-srcset="/uploads/dock-480.jpg 480w, /uploads/dock-1200.jpg 1200w" alt="The dock"></p>',
      [`${SITE}/uploads/dock-1200.jpg`]],
    ['a whole srcset written into data-src',
      '<p><img data-src="/uploads/boats-600.jpg 600w, /uploads/boats-1800.jpg 1800w" alt="Boats"></p>',
      [`${SITE}/uploads/boats-1800.jpg`]],
    ['a <picture> whose only real source is a lazy <source data-srcset>',
      '<picture><source type="image/webp" data-srcset="/uploads/net.webp 1x, /uploads/net@2x.webp 2x"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Nets"></picture>',
      [`${SITE}/uploads/net@2x.webp`]],
    ['src="#" with the image in srcset',
      '<p><img src="#" srcset="/uploads/gull-800.jpg 800w, /uploads/gull-400.jpg 400w" alt="A gull"></p>',
      [`${SITE}/uploads/gull-800.jpg`]],
    ['a tracking pixel in <noscript> is no picture of the article',
      '<noscript><img height="1" width="1" style="display:none" src="https://tracker.example/tr?id=42&ev=PageView"></noscript>',
      []],
  ])('%s', (_name, image, urls) => {
    const article = stored(body(image));
    expect(article.imageUrls).toEqual(urls);
    expect(article.html).not.toMatch(/data:image|blank\.gif|%20\d+w|src="https:\/\/harbour-gazette\.example\/2024\/03\/11\/the-story\/#"/);
  });
});

describe('theme chrome after the article is left out', () => {
  it.each([
    ['Twenty Twenty-One post navigation', `<article class="post type-post"><header class="entry-header"><h1 class="entry-title">The crane</h1></header>
      <div class="entry-content">${paragraphs(4, 'the crane')}</div>
      <footer class="entry-footer default-max-width"><div class="posted-by"><span class="posted-on">Published <time class="entry-date published updated" datetime="2024-03-11T09:00:00+00:00">March 11, 2024</time></span></div></footer></article>
      <nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/2024/03/10/tides/" rel="prev"><p class="meta-nav">Previous post</p><p class="post-title">Spring tides</p></a></div><div class="nav-next"><a href="/2024/03/12/ferry/" rel="next"><p class="meta-nav">Next post</p><p class="post-title">Ferry timetable</p></a></div></div></nav>`],
    ['Twenty Twenty-Three post navigation links', `<div class="entry-content wp-block-post-content">${paragraphs(4, 'the crane')}</div>
      <nav class="wp-block-group is-layout-flex" aria-label="Post navigation"><div class="post-navigation-link-previous wp-block-post-navigation-link"><span class="wp-block-post-navigation-link__arrow-previous">←</span><a href="/2024/03/10/tides/" rel="prev">Spring tides</a></div><div class="post-navigation-link-next wp-block-post-navigation-link"><a href="/2024/03/12/ferry/" rel="next">Ferry timetable</a></div></nav>`],
    ['a news site\'s most-read list beside the one <article>', `<article class="story"><header class="story-header"><h1 class="headline">The crane</h1></header>
      <div class="story-body">${paragraphs(4, 'the crane')}</div></article>
      <section class="most-read"><h2>Most read</h2><ol>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/story/${n}">Previous post number ${n} in the list</a></li>`).join('')}</ol></section>`],
    // Sites built with a script framework carry their state as JSON in the body, often many times
    // the article's length: it is no prose, and must not hide that the <article> holds the page's
    // prose (a short article is where it counts: Readability falls back to the whole body).
    ['a short story beside its most-read list and the site\'s state in an inline script', `<article class="story"><header class="story-header"><h1 class="headline">The crane</h1></header>
      <div class="story-body">${paragraphs(1, 'the crane')}</div></article>
      <div class="rail"><section class="most-read"><h2>Most read</h2><p>The stories our readers opened most today, updated every hour from our newsroom in the harbour.</p><ol>${[1, 2, 3, 4, 5].map((n) => `<li><a href="/story/${n}">Previous post number ${n} in the list</a></li>`).join('')}</ol></section></div>
      <script id="__APP_STATE__" type="application/json">${JSON.stringify({ menu: Array.from({ length: 200 }, (_, n) => ({ label: `Section ${n}`, href: `/section/${n}/` })) })}</script>`],
  ])('%s', (_name, body) => {
    const article = stored(body);
    expect(article.text).toContain(body.includes('Paragraph 4') ? 'Paragraph 4 about the crane' : 'Paragraph 1 about the crane');
    expect(article.text).not.toContain('Most read');
    for (const chrome of ['Post navigation', 'Previous post', 'Next post', 'Spring tides', 'Ferry timetable']) expect(article.text).not.toContain(chrome);
  });
});

describe("Wikipedia's section headings stay", () => {
  it('a heading with its [edit] link beside it', () => {
    const heading = (title: string) =>
      `<div class="mw-heading mw-heading2"><h2 id="${title}">${title}</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Crane&amp;action=edit&amp;section=1" title="Edit section: ${title}"><span>edit</span></a><span class="mw-editsection-bracket">]</span></span></div>`;
    const article = stored(`<div id="bodyContent" class="vector-body"><div class="mw-parser-output">${paragraphs(2, 'cranes')}${heading('History')}${paragraphs(2, 'history')}${heading('Design')}${paragraphs(2, 'design')}</div></div>`);
    expect(article.text).toMatch(/\nHistory\n[\s\S]*\nDesign\n/);
    expect(article.text).not.toContain('edit');
  });
});
