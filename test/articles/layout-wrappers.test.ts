// A theme's layout block around the whole page, named for what it lays out beside the story: a
// <div id="page-wrap" class="wrapper header-sticky">, a <div class="container sidebar-right"> for a
// story with its sidebar. Readability removes a block named "header", "menu" or "sidebar" (that is
// not also named "content", "article" or "main") before it reads, with the story inside; it then read
// the page again with menus, rails and footers, or kept only a piece of the story. Corpus pages,
// each in such a wrapper, through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, similarity } from '../support/corpus-pages';

const pages = new Map(corpusPages().map((page) => [page.name, page]));

function storedIn(name: string, opening: string) {
  const page = pages.get(name)!;
  const html = page.html.replace(/<body([^>]*)>/i, `<body$1>${opening}`).replace(/<\/body>/i, `${'</div>'.repeat(opening.split('<div').length - 1)}</body>`);
  return prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
}

describe('a story inside a layout block named for the header, menu or sidebar it lays out', () => {
  const cases: [string, string][] = [
    ['tumblr-orchard', '<div id="page-wrap" class="wrapper header-sticky">'],
    ['ru-koi8', '<div id="page-wrap" class="wrapper header-sticky">'],
    ['recipe-soup', '<div class="site menu-closed"><div class="inner">'],
    // Beaver Builder writes one story as several text modules: no one block of paragraphs holds it.
    ['beaver-bike', '<div class="container sidebar-right">'],
  ];
  it.each(cases)('%s in %s is read as without it: the whole story, and not the site around it', (name, opening) => {
    const page = pages.get(name)!;
    const article = storedIn(name, opening);
    const lines = page.expected.trim().split('\n');
    expect(article.source).toBe('page');
    expect(article.text).toContain(lines[0]!.slice(0, 60));
    expect(article.text).toContain(lines.at(-1)!.slice(0, 60));
    // Menus, rails and footers read as text cost as lost paragraphs do: the same score as the page
    // has without the wrapper.
    const unwrapped = prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
    expect(similarity(article.text, page.expected)).toBeGreaterThanOrEqual(similarity(unwrapped.text, page.expected) - 0.005);
  });
});
