// A page's schema.org Comments read as its thread (schema-comments.ts): a Discourse topic's
// replies, each once, by its number; a topic paged over ?page=N names its other pages as its
// comment pages, whose replies are numbered under the topic's own address, and no later page of
// an article; a WordPress theme that marks its comments for schema.org too is read by
// WordPress's markup alone.
import { describe, expect, it } from 'vitest';
import { prepareArticle, readCommentPage } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const TOPIC = 'https://forum.openwater-community.example/t/tide-gauge-reads-4-cm-high-after-firmware-2-4/4821';

describe('a page’s schema.org Comments', () => {
  it('are a Discourse topic’s replies, numbered as the forum numbers its posts, the opening post left to the article', () => {
    const page = readCommentPage(fixtureText('corpus/pages/discourse-topic.html'), TOPIC);
    expect(page.comments.map((comment) => [comment.uniqueId, comment.author, comment.publishedAt])).toEqual([
      [`${TOPIC}#comment-2`, 'ria_k', Date.parse('2024-03-02T11:40:03Z')],
      [`${TOPIC}#comment-3`, 'tjensen', Date.parse('2024-03-03T08:02:19Z')],
      [`${TOPIC}#comment-4`, 'mhollis', Date.parse('2024-03-03T09:31:44Z')],
    ]);
    // The reply's text holds the post it quotes, as the forum shows it.
    expect(page.comments[1]!.html).toContain('<blockquote><p>That smells like a density or gain setting rather than a zero offset.</p></blockquote>');
    expect(page.partial).toBe(false);
  });

  it('of a topic with more posts than one page shows link its next page, the thread’s next comment page', () => {
    const page = readCommentPage(pagedTopic(1), TOPIC);
    expect(page.comments).toHaveLength(3);
    expect(page.pages).toEqual([`${TOPIC}?page=2`]);
    expect(page.partial).toBe(false);
  });

  it('on a later page of the topic are numbered under the topic’s own address, and link its pages before and after but page 1', () => {
    const page = readCommentPage(pagedTopic(2), `${TOPIC}?page=2`);
    expect(page.comments.map((comment) => comment.uniqueId)).toEqual([`${TOPIC}#comment-2`, `${TOPIC}#comment-3`, `${TOPIC}#comment-4`]);
    expect(page.pages).toEqual([`${TOPIC}?page=3`]);
    expect(readCommentPage(pagedTopic(3), `${TOPIC}?page=3`).pages).toEqual([`${TOPIC}?page=2`, `${TOPIC}?page=4`]);
  });

  it('of a paged topic are no later pages of its article: the copy is the opening post, without the pager', () => {
    const article = prepareArticle({ pageHtml: pagedTopic(1), pageUrl: TOPIC, feedHtml: null, feedItemUrl: TOPIC });
    expect(article.laterPages).toBeNull();
    expect(article.text).toContain('Has anyone else updated yet?');
    expect(article.text).not.toMatch(/next page|That was it, thank you/);
  });

  it('of a topic that marks no Comment leave its pages to the article: its replies are read nowhere else', () => {
    const unmarked = pagedTopic(1).replaceAll(`itemprop='comment' itemscope itemtype='http://schema.org/Comment'`, '');
    expect(prepareArticle({ pageHtml: unmarked, pageUrl: TOPIC, feedHtml: null, feedItemUrl: TOPIC }).laterPages?.urls).toEqual([`${TOPIC}?page=2`]);
  });

  it('on a WordPress theme that marks its comments for schema.org too are read once, by their WordPress numbers', () => {
    const post = 'https://devnotes.example/connection-pool-leak/';
    const html = fixtureText('corpus/pages/wp-generatepress-pool.html');
    const numbers = [...html.matchAll(/<li id="comment-(\d+)"/g)].map((match) => `${post}#comment-${match[1]}`);
    const page = readCommentPage(html, post);
    expect(page.comments.map((comment) => comment.uniqueId)).toEqual(numbers);
  });
});

/** The corpus topic as page `page` of a longer one: Discourse's rel="prev" and "next" in the head
 *  and its navigation below the posts (page 1 is the topic's own address). */
function pagedTopic(page: number): string {
  const prev = page === 2 ? TOPIC : `${TOPIC}?page=${page - 1}`;
  const next = `${TOPIC}?page=${page + 1}`;
  const links = `${page > 1 ? `<link rel="prev" href="${prev}">\n    ` : ''}<link rel="next" href="${next}">\n  </head>`;
  const navigation = `<div role='navigation' itemscope itemtype='http://schema.org/SiteNavigationElement' class="topic-body crawler-post">
        ${page > 1 ? `<span itemprop='name'><a rel="prev" itemprop="url" href="${prev}">← previous page</a></span>` : ''}
        <span itemprop='name'><b><a rel="next" itemprop="url" href="${next}">next page →</a></b></span>
      </div>

      <div id="related-topics"`;
  return fixtureText('corpus/pages/discourse-topic.html').replace('</head>', links).replace('<div id="related-topics"', navigation);
}
