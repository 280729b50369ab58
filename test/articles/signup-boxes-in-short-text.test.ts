// A newsletter sign-up form a theme puts in the text of a story shorter than a sign-up box's
// limit (a brief of a few lines, a live blog's update): the removal of the box climbed from the
// form to the widest block of less text than that, which was the story's own text, and took it
// with the box. Corpus pages, each with such a form, through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, similarity } from '../support/corpus-pages';

const pages = new Map(corpusPages().map((page) => [page.name, page]));

const NAMED_BOX =
  '<div class="newsletter-box"><h3>Get our morning briefing</h3><p>The day\'s main stories in your inbox before breakfast.</p><form><input type="email" placeholder="Email"><button>Sign up</button></form></div>';
const BARE_FORM = '<form class="inline-form"><label>Your email</label><input type="email"><button>Subscribe</button></form>';
const TITLED_BOX =
  '<div class="callout"><h3>Get our morning briefing</h3><p>The day\'s main stories in your inbox before breakfast.</p><form><input type="email"><button>Sign up</button></form><p>You can unsubscribe at any time.</p></div>';

/** The page with `box` after its first paragraph whose text opens `opening`. */
function withBoxAfter(name: string, opening: string, box: string): string {
  const html = pages.get(name)!.html;
  const at = html.indexOf(opening);
  const end = html.indexOf('</p>', at) + '</p>'.length;
  expect(at).toBeGreaterThan(0);
  return html.slice(0, end) + box + html.slice(end);
}

function stored(name: string, html: string) {
  const page = pages.get(name)!;
  return prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
}

describe('a sign-up form in the text of a short story', () => {
  const cases: [string, string, string, string][] = [
    ['a box named as one, after a one-line notice', 'short-notice-cycling', 'The bike is closed', NAMED_BOX],
    ['a bare form, between the paragraphs of a short story', 'typo3-faehre', 'Ab dem 1. April fährt die Fä', BARE_FORM],
    ['a box that opens with its title, in a teaser', 'paywall-teaser', 'The owners of the Grand Hotel', TITLED_BOX],
  ];
  it.each(cases)('%s (%s): the story is kept, the box left out', (_shape, name, opening, box) => {
    const page = pages.get(name)!;
    const article = stored(name, withBoxAfter(name, opening, box));
    const lines = page.expected.trim().split('\n');
    expect(article.source).toBe('page');
    expect(article.text).toContain(lines[0]!.slice(0, 40));
    expect(article.text).toContain(lines.at(-1)!.slice(0, 40));
    expect(article.text).not.toMatch(/morning briefing|main stories in your inbox|Your email|unsubscribe/);
    expect(similarity(article.text, page.expected)).toBeGreaterThanOrEqual(similarity(stored(name, page.html).text, page.expected) - 0.005);
  });
});
