// A WordPress page nested far past the 512 levels any browser builds (markup-limits.ts), with its
// comment form after the nesting. The article's DOM builder stops at level 513, but the comment
// form was then read from a whole parse of the page (linkedom's parser, which cannot stop half-way
// and works in the square of the nesting): 100,000 nested divs held a parse worker for 15 s, and
// 300,000 unclosed <font>s for the 30 s after which the sync gives up on the page. Now the page
// is refused before it is built, costing about what a normal page does.
import { describe, expect, it } from 'vitest';
import { prepare } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'https://dispatch.example';
const PAGE_URL = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;
const FEED_HTML = '<p>Yesterday, NATO Secretary General Jens Stoltenberg said that main differences with Moscow still exist.</p>';

/** The seed post's page (a WordPress theme, its comment form included) with `nesting` at the top of its body. */
function pageWith(nesting: string): string {
  return fixtureText('seed/article.html', ORIGIN).replace(/<body[^>]*>/, (body) => body + nesting);
}

const prepared = (pageHtml: string) => prepare({ pageHtml, pageUrl: PAGE_URL, feedHtml: FEED_HTML, feedItemUrl: PAGE_URL });

describe('a page nested past the limit', () => {
  it('the same page without the nesting: extracted, its comment form read', () => {
    const page = prepared(pageWith(''));
    expect(page.source).not.toBe('feed');
    expect(page.commentForm?.kind).toBe('wordpress');
  });

  for (const [name, nesting] of [
    ['100,000 nested divs', `${'<div>'.repeat(100_000)}<p>Deep.</p>${'</div>'.repeat(100_000)}`],
    ["300,000 <font>s never closed", '<font>'.repeat(300_000)],
  ] as const) {
    it(`${name}: refused at once; the feed's text shows, saying why`, () => {
      const page = prepared(pageWith(nesting));
      expect(page.source).toBe('feed');
      expect(page.text).toContain('Jens Stoltenberg said that main differences');
      expect(page.extractionNote).toBe("the page was not extracted: its elements nest more than 512 deep; showing the feed's content");
      // Not read from a page too costly to build, as the comment pages of such a page are not.
      expect(page.commentForm).toBeNull();
    });
  }
});
