// A MediaWiki article as a self-hosted wiki serves it (the corpus page mediawiki-vector-ferry:
// MediaWiki 1.39, the legacy Vector skin): the prose, its infobox, figure, table and references
// kept; the wiki's own interface around and inside it left out. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages } from '../support/corpus-pages';

describe('a MediaWiki article', () => {
  const page = corpusPages().find((candidate) => candidate.name === 'mediawiki-vector-ferry')!;
  const article = prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });

  it('opens with its infobox and first paragraph, without the hatnote pointing to another page of the wiki', () => {
    expect(page.html).toContain('<div role="note" class="hatnote navigation-not-searchable">This article is about the river crossing.');
    expect(article.source).toBe('page');
    expect(article.text).not.toContain('This article is about');
    expect(article.text).not.toContain('For the public house');
    expect(article.text).toMatch(/^Hollins Ferry\s+The Hollins landing at low water, 2021\s+Waterway River Wyre/);
  });

  it("keeps the article's figure, table, reference marks and references", () => {
    expect(article.text).toContain('The ferry house and its bell post, about 1905');
    expect(article.text).toContain('2024 £2.00 £1.00 £1.00');
    expect(article.text).toContain('was paid in corn.[3]');
    expect(article.text).toContain('^ Cardwell, Henry. Ferry book, 1880–1927.');
  });

  it("leaves out the wiki's edit links, navbox, categories and \"Retrieved from\"", () => {
    for (const chrome of ['edit source', 'Jump to navigation', 'From Wyrebank Heritage Wiki', 'Crossings of the River Wyre', 'Categories', 'Retrieved from', 'Not logged in', 'This page was last edited']) {
      expect(article.text).not.toContain(chrome);
    }
  });
});
