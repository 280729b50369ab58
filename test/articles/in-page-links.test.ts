// Footnotes and other links within an article stay in the article, offline: the element a link
// points at keeps its id (prefixed, so no article can clobber the reader's own names), other ids
// go, and a link whose target the article lost goes to the web page as before, or, with no web
// page to go to, is no link; so is a bare "#".
import { describe, expect, it } from 'vitest';
import { prepareArticle, sanitizeArticleHtml, sanitizeFeedItem } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const POST = 'https://courier.example/2026/11/28/night-buses-return/';

// WordPress's footnotes block (6.3 and later), as a post's content carries it in the feed and the page.
const WORDPRESS_FOOTNOTES =
  '<p>The N4 last ran in May 2025.<sup data-fn="6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90" class="fn"><a href="#6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90" id="6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90-link">1</a></sup> ' +
  'Riders petitioned twice.<sup data-fn="b8d3e0f1-3c2a-4e6b-9a7d-5f4c3b2a1e0d" class="fn"><a href="#b8d3e0f1-3c2a-4e6b-9a7d-5f4c3b2a1e0d" id="b8d3e0f1-3c2a-4e6b-9a7d-5f4c3b2a1e0d-link">2</a></sup></p>\n' +
  '<ol class="wp-block-footnotes">' +
  '<li id="6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90">The route was cut with four others when the depot closed. <a href="#6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90-link" aria-label="Jump to footnote reference 1">↩︎</a></li>' +
  '<li id="b8d3e0f1-3c2a-4e6b-9a7d-5f4c3b2a1e0d">In June 2025 and again in January. <a href="#b8d3e0f1-3c2a-4e6b-9a7d-5f4c3b2a1e0d-link" aria-label="Jump to footnote reference 2">↩︎</a></li>' +
  '</ol>';

// Markdown footnotes as kramdown and Hugo write them (ids with a colon), in a feed item.
const MARKDOWN_FOOTNOTES =
  '<p>The timetable changes in March.<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>' +
  '<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Subject to the county’s review. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>';

describe('links within an article', () => {
  it("keep a WordPress footnote and its way back in the article, each id prefixed", () => {
    const html = sanitizeArticleHtml(WORDPRESS_FOOTNOTES, POST);
    expect(html).toContain('<a href="#pb-6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90" rel="noopener noreferrer" id="pb-6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90-link">1</a>');
    expect(html).toContain('<li id="pb-6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90">The route was cut');
    expect(html).toContain('<a href="#pb-b8d3e0f1-3c2a-4e6b-9a7d-5f4c3b2a1e0d-link" rel="noopener noreferrer">↩︎</a>');
    expect(html).not.toContain(POST);
  });

  it('keep Markdown footnotes, whose ids hold a colon', () => {
    const html = sanitizeFeedItem(MARKDOWN_FOOTNOTES, POST);
    expect(html).toContain('<sup id="pb-fnref:1"><a href="#pb-fn:1" rel="noopener noreferrer">1</a></sup>');
    expect(html).toContain('<li id="pb-fn:1"><p>Subject to the county’s review. <a href="#pb-fnref:1" rel="noopener noreferrer">↩</a>');
  });

  it("read a link written with the article's own address as a link within it", () => {
    const html = sanitizeArticleHtml(`<p>See <a href="${POST}#timetable">the timetable</a>.</p><h3 id="timetable">Timetable</h3>`, POST);
    expect(html).toBe('<p>See <a href="#pb-timetable" rel="noopener noreferrer">the timetable</a>.</p><h3 id="pb-timetable">Timetable</h3>');
  });

  it('send a link whose target is not in the article to the web page, and one to another page there too', () => {
    const html = sanitizeArticleHtml(
      '<p><a href="#comments">3 comments</a> · <a href="https://courier.example/timetables/#n4">the N4 timetable</a></p>',
      POST,
    );
    expect(html).toBe(
      `<p><a href="${POST}#comments" rel="noopener noreferrer">3 comments</a> · ` +
        '<a href="https://courier.example/timetables/#n4" rel="noopener noreferrer">the N4 timetable</a></p>',
    );
  });

  it('make a bare "#" (a script\'s "Share" on the web) no link, its words kept', () => {
    expect(sanitizeArticleHtml('<p><a href="#" class="share">Share</a> · <a href=" # ">Show more</a></p>', POST)).toBe('<p>Share · Show more</p>');
  });

  it('keep "Back to top" ("#top", any case) as a link to the article\'s top, with or without a web page', () => {
    const back = '<p>Tables for each quay follow.</p><p class="back-to-top"><a href="#top">Back to top ↑</a></p><p><a href="#TOP">Top</a></p>';
    const top = '<p>Tables for each quay follow.</p><p><a href="#pb-top" rel="noopener noreferrer">Back to top ↑</a></p><p><a href="#pb-top" rel="noopener noreferrer">Top</a></p>';
    expect(sanitizeArticleHtml(back, POST)).toBe(top);
    expect(sanitizeArticleHtml(back, '')).toBe(top);
    expect(sanitizeArticleHtml(`<p>See <a href="${POST}#top">the top</a>.</p>`, POST)).toBe('<p>See <a href="#pb-top" rel="noopener noreferrer">the top</a>.</p>');
    // An element of the article named "top" is where its links go, as in a browser.
    expect(sanitizeArticleHtml('<h2 id="top">Tides</h2><p><a href="#top">Back to top</a></p>', POST)).toBe('<h2 id="pb-top">Tides</h2><p><a href="#pb-top" rel="noopener noreferrer">Back to top</a></p>');
  });

  it('make a link whose target is not in a copy with no web page no link, its words kept', () => {
    const html = sanitizeArticleHtml('<p><a href="#comments">3 comments</a> · <a href="#n4"><b>N4</b> times</a> · <a href="#n5">N5</a></p><h3 id="n5">N5</h3>', '');
    expect(html).toBe('<p>3 comments · <b>N4</b> times · <a href="#pb-n5" rel="noopener noreferrer">N5</a></p><h3 id="pb-n5">N5</h3>');
  });

  it("take an old page's named anchors as places, and drop those no link names", () => {
    const html = sanitizeArticleHtml(
      '<p><a href="#section-2">2. Frame Format</a></p><a name="section-2"></a><h2>2. Frame Format</h2><h3><a name="fields" id="header-fields">Header Fields</a></h3><p><a name="unused">Kept as text</a></p>',
      '',
    );
    expect(html).toBe(
      '<p><a href="#pb-section-2" rel="noopener noreferrer">2. Frame Format</a></p><span id="pb-section-2"></span><h2>2. Frame Format</h2>' +
        '<h3><span>Header Fields</span></h3><p><span>Kept as text</span></p>',
    );
  });

  it('keep only the ids a link names, never one that could take a name of the reader', () => {
    const html = sanitizeArticleHtml(
      '<p><a href="#location">1</a> <a href="#two words">2</a></p><p id="location">Here.</p><p id="two words">There.</p><h2 id="site-header">Courier</h2><div id="">Empty.</div>',
      POST,
    );
    expect(html).toBe(
      `<p><a href="#pb-location" rel="noopener noreferrer">1</a> <a href="${POST}#two%20words" rel="noopener noreferrer">2</a></p>` +
        '<p id="pb-location">Here.</p><p>There.</p><h2>Courier</h2><div>Empty.</div>',
    );
  });

  it('give the same HTML when sanitized again, a lost target included', () => {
    const html = sanitizeArticleHtml(`${WORDPRESS_FOOTNOTES}<p><a href="#respond">Reply</a></p>`, POST);
    expect(sanitizeArticleHtml(html, POST)).toBe(html);
    const withoutBase = sanitizeArticleHtml(`${WORDPRESS_FOOTNOTES}<p><a href="#respond">Reply</a> <a href="#">Share</a> <a href="#s2">2</a></p><h2><a name="s2">Two</a></h2>`, '');
    expect(sanitizeArticleHtml(withoutBase, '')).toBe(withoutBase);
    expect(sanitizeArticleHtml(MARKDOWN_FOOTNOTES, POST)).toBe(sanitizeArticleHtml(sanitizeArticleHtml(MARKDOWN_FOOTNOTES, POST), POST));
  });

  it("survive the page's extraction: footnotes in, the comment form's links out to the web", () => {
    const page = fixtureText('articles/block-theme-post.html').replace('<p>The county reviews it in March.</p>', `<p>The county reviews it in March.</p>${WORDPRESS_FOOTNOTES}`);
    const prepared = prepareArticle({ pageHtml: page, pageUrl: POST, feedHtml: '<p>Night buses are back.</p>', feedItemUrl: POST });
    expect(prepared.source).toBe('page');
    expect(prepared.html).toContain('<a href="#pb-6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90" rel="noopener noreferrer" id="pb-6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90-link">1</a>');
    expect(prepared.html).toContain('<li id="pb-6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90">');
    expect(prepared.text).toContain('The route was cut with four others when the depot closed.');
  });
});
