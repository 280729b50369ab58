// A table of contents is kept, wherever the page sets it: in a disclosure just before the text (Hugo
// PaperMod's <div class="toc"><details>), in a titled box just before it (Hashnode's), or inside the
// text as a navigation landmark (Kadence's block): its entries lead to the sections of the stored
// copy. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const URL = 'https://notes.example/posts/sqlite-index-slow-writes/';
const paragraph = (topic: string, n: number) => `<p>Paragraph ${n} about ${topic}: the service logs about four hundred writes a second to SQLite, and every one of them has to find its place in the index before the transaction can commit and the next write can start.</p>`;

function stored(toc: string): ReturnType<typeof prepareArticle> {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Why my SQLite writes got slower | Notes</title></head><body>
<header class="header"><nav class="nav"><a href="/">Notes</a></nav></header>
<main class="main"><article class="post-single"><header class="post-header"><h1 class="post-title">Why my SQLite writes got slower</h1></header>
${toc}<div class="post-content">${paragraph('the symptom', 1)}<h2 id="the-symptom">The symptom</h2>${paragraph('the symptom', 2)}${paragraph('the symptom', 3)}<h2 id="random-keys">Random keys</h2>${paragraph('random keys', 1)}${paragraph('random keys', 2)}<h2 id="the-fix">The fix</h2>${paragraph('the fix', 1)}</div>
</article></main></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: URL, feedHtml: null, feedItemUrl: URL });
}

const PAPERMOD_TOC = '<div class="toc"><details open><summary accesskey="c" title="(Alt + C)"><span class="details">Table of Contents</span></summary><div class="inner"><ul><li><a href="#the-symptom" aria-label="The symptom">The symptom</a></li><li><a href="#random-keys" aria-label="Random keys">Random keys</a></li><li><a href="#the-fix" aria-label="The fix">The fix</a></li></ul></div></details></div>';

describe('a table of contents in a disclosure beside the text', () => {
  it('is kept at the head of the text, its entries leading to the sections', () => {
    const article = stored(PAPERMOD_TOC);
    expect(article.text.replace(/\s+/g, ' ')).toContain('Table of Contents The symptom Random keys The fix');
    expect(article.text.indexOf('Table of Contents')).toBeLessThan(article.text.indexOf('Paragraph 1 about the symptom'));
    expect(article.html).toContain('href="#pb-random-keys"');
  });

  it('is not one when its links lead elsewhere: a disclosure of other stories stays out', () => {
    const others = '<div class="more"><details open><summary>More posts</summary><ul><li><a href="/posts/wal-mode/">WAL mode</a></li><li><a href="/posts/vacuum/">Vacuum</a></li></ul></details></div>';
    expect(stored(others).text).not.toContain('More posts');
  });
});

describe('a table of contents as a titled list', () => {
  const entries = '<li><a href="#the-symptom">The symptom</a></li><li><a href="#random-keys">Random keys</a></li><li><a href="#the-fix">The fix</a></li>';
  const flat = (article: ReturnType<typeof prepareArticle>) => article.text.replace(/\s+/g, ' ');

  it("is kept at the head of the text when it stands just before it (Hashnode's box, all utility classes)", () => {
    const article = stored(`<div class="mb-10 w-full rounded-lg border p-5"><h2 class="mb-3 text-lg font-semibold">Table of contents</h2><ul>${entries}</ul></div>`);
    expect(flat(article)).toContain('Table of contents The symptom Random keys The fix Paragraph 1 about the symptom');
    expect(article.html).toContain('href="#pb-random-keys"');
  });

  it("is kept where it stands inside the text, though the page calls it navigation (Kadence's block)", () => {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Why my SQLite writes got slower | Notes</title></head><body>
<main class="main"><article class="post"><h1 class="entry-title">Why my SQLite writes got slower</h1><div class="entry-content">${paragraph('the symptom', 1)}
<nav class="wp-block-kadence-tableofcontents kb-table-of-content-nav kb-table-of-content-id_8a1" role="navigation" aria-label="Table of Contents"><div class="kb-table-of-content-wrap"><div class="kb-table-of-contents-title-wrap kb-toggle-icon-style-arrow"><span class="kb-table-of-contents-title">Table of Contents</span></div><ul class="kb-table-of-content-list kb-table-of-content-list-columns-1">${entries}</ul></div></nav>
<h2 id="the-symptom">The symptom</h2>${paragraph('the symptom', 2)}<h2 id="random-keys">Random keys</h2>${paragraph('random keys', 1)}<h2 id="the-fix">The fix</h2>${paragraph('the fix', 1)}</div></article></main></body></html>`;
    const article = prepareArticle({ pageHtml: html, pageUrl: URL, feedHtml: null, feedItemUrl: URL });
    expect(flat(article)).toContain('Paragraph 1 about the symptom: the service logs about four hundred writes a second to SQLite, and every one of them has to find its place in the index before the transaction can commit and the next write can start. Table of Contents The symptom Random keys The fix The symptom');
  });

  it("is not one in an <aside> (a live blog's key events) nor when a link leads elsewhere (the site's menu)", () => {
    expect(stored(`<aside class="key-events"><h2>Key events</h2><ul>${entries}</ul></aside>`).text).not.toContain('Key events');
    expect(stored(`<div class="menu-box"><h2>Sections</h2><ul>${entries}<li><a href="/archive/">Archive</a></li></ul></div>`).text).not.toContain('Sections');
  });
});
