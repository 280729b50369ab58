// Extraction's DOM is built without the site's chrome (page-document.ts): the masthead, menus
// and footer outside any sectioning element, which extraction would remove first. Everything
// else must be the very DOM a whole parse gives, or the article a reader gets would change.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureCommentForm, discoverCommentThread, prepareArticle } from '../../electron/core/articles';
import { parseArticlePage, parsePage } from '../../electron/core/articles/page-document';
import { prepare } from '../../electron/core/workers/tasks';
import { fixturePath, fixtureText } from '../support/fixtures';

const ORIGIN = 'http://127.0.0.1:1';
const PAGE_URL = `${ORIGIN}/2026/11/03/harbour-ferry/`;

// The rule, as selectors: a landmark whose parent is in no sectioning element is the site's.
const LANDMARKS = 'header, footer, nav, [role="banner"], [role="contentinfo"], [role="navigation"]';
const SECTIONING = 'article, main, section, aside, blockquote, figure, [role="main"], .entry-content, .post-content, .article-body';

/** The whole page's DOM with the site's landmarks removed afterwards, serialized. */
function wholeLessChrome(html: string): string {
  const document = parsePage(html);
  for (const landmark of Array.from(document.querySelectorAll(LANDMARKS))) {
    if (landmark.isConnected && !landmark.parentElement?.closest(SECTIONING)) landmark.remove();
  }
  return serialized(document);
}

function serialized(document: Document): string {
  return `${String(document.doctype)}|${document.toString()}`;
}

const TRICKY: Record<string, string> = {
  'nested landmarks and an article header':
    '<!doctype html><html lang="en"><head><title>T</title></head><body class="home"><header id="top"><nav><ul><li><a href="/">Home</a><li><a href="/news/">News</a></ul></nav></header><main><article><header class="entry-header"><h1>Ferry</h1></header><p>Text &amp; more&nbsp;text.</p><footer class="entry-footer">Tags</footer></article></main><footer><p>© Gazette</p></footer></body></html>',
  'roles, and landmarks in sectioning classes':
    '<body><div role="navigation" class="menu"><a href="/a">A</a></div><div class="entry-content"><nav class="toc"><a href="#one">One</a></nav><h2 id="one">One</h2><p>Body</p></div><div role="banner">Masthead</div><div role="main"><footer>Article footer</footer></div><blockquote><p>Quote</p><footer>— Someone</footer></blockquote></body>',
  'unclosed and stray tags inside a menu':
    '<body><div id="page"><nav><ul><li>One<li>Two<p>Para</div><p>After the menu</p><footer><span>Foot</footer></span><p>Last</p></body>',
  'svg icons in and out of the chrome, comments, attributes in order':
    '<body><!-- top --><header><svg viewBox="0 0 1 1"><path d="M0 0"/><nav>not html</nav></svg></header><p data-b="2" data-a="1" class="lead" id="x">Lead <svg width="10"><circle r="1"/></svg> after</p><!-- end --></body>',
  'a landmark left open to the end': '<body><p>Before</p><nav><ul><li><a href="/x">X</a>',
  'text beside a left-out landmark': '<body><div>one<nav>menu</nav>two<header>h</header>three</div></body>',
};

describe("extraction's DOM of a page, without the site's chrome", () => {
  it.each(Object.entries(TRICKY))('is the whole DOM less the chrome: %s', (_name, html) => {
    const page = parseArticlePage(html);
    expect(serialized(page.document)).toBe(wholeLessChrome(html));
    expect(page.leftOutCommentForm).toBe(false);
  });

  it('is the whole DOM less the chrome on every article page of the fixtures', () => {
    const pages = [
      ...['seed/article.html', 'articles/block-theme-post.html', 'articles/navigation-only.html', 'articles/hostile.html', 'articles/arabic.html'],
      ...readdirSync(fixturePath('corpus/pages')).filter((name) => name.endsWith('.html')).map((name) => `corpus/pages/${name}`),
    ];
    let leftOut = 0;
    for (const name of pages) {
      const html = fixtureText(name, ORIGIN);
      const page = parseArticlePage(html);
      expect(serialized(page.document), name).toBe(wholeLessChrome(html));
      leftOut += parsePage(html).querySelectorAll('*').length - page.document.querySelectorAll('*').length;
    }
    // The rule has something to leave out on real layouts (else the comparison above proves nothing).
    expect(leftOut).toBeGreaterThan(pages.length * 10);
  });

  it('leaves out every element of the chrome', () => {
    const html = TRICKY['nested landmarks and an article header']!;
    const document = parseArticlePage(html).document;
    expect(document.querySelector('body > header, body > footer, nav')).toBeNull();
    expect(document.querySelector('article header h1')?.textContent).toBe('Ferry');
    expect(document.querySelector('article footer')?.textContent).toBe('Tags');
    expect(document.body.textContent).not.toContain('© Gazette');
  });
});

describe('a WordPress comment form inside the chrome', () => {
  // A theme that puts the reply form in the site's footer: the form must still be found, so the
  // shared DOM is then the whole page's.
  const seed = fixtureText('seed/article.html', ORIGIN);
  const form = seed.match(/<form[^>]*id="commentform"[\s\S]*?<\/form>/)![0];
  const pageHtml = seed.replace(form, '').replace('</body>', `<footer class="site-footer"><div id="respond">${form}</div></footer></body>`);

  it('is told apart', () => {
    expect(parseArticlePage(pageHtml).leftOutCommentForm).toBe(true);
    expect(parseArticlePage(seed).leftOutCommentForm).toBe(false);
  });

  it('is still captured for replies, and the article is the one each reader finds alone', () => {
    const feedHtml = '<p>The feed’s short summary.</p>';
    const prepared = prepare({ pageHtml, pageUrl: PAGE_URL, feedHtml, feedItemUrl: PAGE_URL });
    expect(prepared.commentForm).toMatchObject({ kind: 'wordpress', hiddenFields: expect.arrayContaining([['comment_post_ID', expect.any(String)]]) });
    expect(prepared.source).toBe('page');
    const input = { pageHtml, pageUrl: PAGE_URL, feedHtml, feedItemUrl: PAGE_URL };
    expect(prepared).toEqual({ ...prepareArticle(input), commentForm: captureCommentForm(pageHtml, PAGE_URL), commentThread: discoverCommentThread(pageHtml, PAGE_URL) });
  });
});
