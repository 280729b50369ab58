// A page as its server sends it hidden, for a script to show: a consent plugin renders the page's
// wrapper aria-hidden="true" behind its dialog, an anti-flicker snippet writes a wrapper with
// display:none or <body style="visibility:hidden"> until its experiment has run, a theme sets
// `hidden` on the page until its fonts are in, a site that opens its stories as a dialog over its
// front page renders the page in one. Readability removes what is hidden before it reads:
// every page read so kept nothing. Corpus pages, each hidden so, through prepareArticle, the sync's
// own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, similarity } from '../support/corpus-pages';

const pages = new Map(corpusPages().map((page) => [page.name, page]));

function stored(name: string, html: string) {
  return prepareArticle({ pageHtml: html, pageUrl: pages.get(name)!.url, feedHtml: null, feedItemUrl: pages.get(name)!.url });
}

function wrapped(name: string, opening: string): string {
  return pages.get(name)!.html.replace(/<body([^>]*)>/i, `<body$1>${opening}`).replace(/<\/body>/i, '</div></body>');
}

describe('a story in a page its server sent hidden, for a script to show', () => {
  const cases: [string, string][] = [
    ['tumblr-orchard', wrapped('tumblr-orchard', '<div id="page" aria-hidden="true">')],
    ['wp-classic-bread', wrapped('wp-classic-bread', '<div class="site-wrap" style="display: none">')],
    ['guardian-rivers', wrapped('guardian-rivers', '<div id="app" hidden>')],
    ['ghost-museum', pages.get('ghost-museum')!.html.replace(/<body([^>]*)>/i, '<body$1 style="visibility:hidden">')],
    // Blogger writes a post's paragraphs as lines of one <div> between <br>s, no <p> among them.
    ['blogger-allotment', wrapped('blogger-allotment', '<div id="outer-wrapper" aria-hidden="true">')],
    // A site that opens its stories over the front page, as a dialog, renders a story's own
    // address so; Readability removes a modal dialog as it removes what is hidden.
    ['ghost-climate', wrapped('ghost-climate', '<div class="story-overlay" role="dialog" aria-modal="true">')],
    // A notice of two lines, shorter than any article Readability looks for.
    ['short-notice-cycling', wrapped('short-notice-cycling', '<div class="page-wrap" aria-hidden="true">')],
  ];
  it.each(cases)('%s is read as shown: the whole story', (name, html) => {
    const page = pages.get(name)!;
    const article = stored(name, html);
    const lines = page.expected.trim().split('\n');
    expect(article.source).toBe('page');
    expect(article.text).toContain(lines[0]!.slice(0, 60));
    expect(article.text).toContain(lines.at(-1)!.slice(0, 60));
    expect(similarity(article.text, page.expected)).toBeGreaterThanOrEqual(similarity(stored(name, page.html).text, page.expected) - 0.005);
  });

  it('leaves a hidden box in the story hidden: a share menu is not the story', () => {
    const page = pages.get('wp-classic-bread')!;
    const html = page.html.replace(/<\/p>/i, '</p><div class="share-menu" aria-hidden="true"><p>Share this on the network of your choice, or copy the link to this page.</p></div>');
    expect(stored('wp-classic-bread', html).text).not.toContain('network of your choice');
  });
});
