// A page's schema.org Comments read as its thread (schema-comments.ts): a Discourse topic's
// replies, each once, by its number; a topic paged over ?page=N is a partial thread; a WordPress
// theme that marks its comments for schema.org too is read by WordPress's markup alone.
import { describe, expect, it } from 'vitest';
import { readCommentPage } from '../../electron/core/articles';
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

  it('of a topic with more posts than one page shows are a part of its thread: what later pages hold is not taken away', () => {
    const html = fixtureText('corpus/pages/discourse-topic.html').replace('</head>', `<link rel="next" href="${TOPIC}?page=2">\n</head>`);
    const page = readCommentPage(html, TOPIC);
    expect(page.comments).toHaveLength(3);
    expect(page.partial).toBe(true);
  });

  it('on a WordPress theme that marks its comments for schema.org too are read once, by their WordPress numbers', () => {
    const post = 'https://devnotes.example/connection-pool-leak/';
    const html = fixtureText('corpus/pages/wp-generatepress-pool.html');
    const numbers = [...html.matchAll(/<li id="comment-(\d+)"/g)].map((match) => `${post}#comment-${match[1]}`);
    const page = readCommentPage(html, post);
    expect(page.comments.map((comment) => comment.uniqueId)).toEqual(numbers);
  });
});
