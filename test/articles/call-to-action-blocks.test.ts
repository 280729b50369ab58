// A company blog's calls to action between a post's paragraphs (HubSpot's, the corpus page
// hubspot-cold-chain: an old script banner and a new embed, each a picture linked to the company's
// offer) are the site's ad, not the post's pictures. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages } from '../support/corpus-pages';

describe("a HubSpot blog post's calls to action", () => {
  const page = corpusPages().find((candidate) => candidate.name === 'hubspot-cold-chain')!;
  const article = prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });

  it('are left out, banners and links, with the paragraphs around them kept', () => {
    expect(page.html).toContain('<span class="hs-cta-wrapper"');
    expect(page.html).toContain('<div class="hs-cta-embed');
    expect(article.source).toBe('page');
    expect(article.imageUrls).toEqual([]);
    expect(article.html).not.toContain('hubspot.com');
    expect(article.text).toContain('the first sign of a failing compressor or a door seal that has started to go.\n2. Walk the site at the worst time of day');
    expect(article.text).toContain('if it pulls out easily, the seal is gone.\n5. Write down what you will do when it goes wrong');
  });
});
