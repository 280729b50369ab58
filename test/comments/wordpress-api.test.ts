// Finding a WordPress post's REST comments on its page, and reading one page of them: the
// addresses with and without pretty permalinks, and comments identified as the comment feed does.
import { describe, expect, it } from 'vitest';
import { discoverCommentApi } from '../../electron/core/articles';
import { parseWordPressComments } from '../../electron/core/feeds';

const PLAIN = `<head><link rel="https://api.w.org/" href="http://127.0.0.1:8089/index.php?rest_route=/" />
<link rel="alternate" type="application/json" href="http://127.0.0.1:8089/index.php?rest_route=/wp/v2/posts/4" /></head>`;
const PRETTY = `<head><link rel='https://api.w.org/' href='http://127.0.0.1:8089/wp-json/' />
<link rel='shortlink' href='http://127.0.0.1:8089/?p=9' /></head>`;

describe('the REST address of a post’s comments', () => {
  it('is found from the API link and the post’s id, with and without pretty permalinks', () => {
    expect(discoverCommentApi(PLAIN, 'http://127.0.0.1:8089/?p=4')).toBe(
      'http://127.0.0.1:8089/index.php?rest_route=%2Fwp%2Fv2%2Fcomments&post=4&per_page=100&page=1',
    );
    expect(discoverCommentApi(PRETTY, 'http://127.0.0.1:8089/2026/12/03/a-post/')).toBe(
      'http://127.0.0.1:8089/wp-json/wp/v2/comments?post=9&per_page=100&page=1',
    );
  });

  it('is not guessed: no API link, or no post id, gives none', () => {
    expect(discoverCommentApi('<head><link rel="shortlink" href="/?p=4"></head>', 'http://127.0.0.1/?p=4')).toBeNull();
    expect(discoverCommentApi('<head><link rel="https://api.w.org/" href="/wp-json/"></head>', 'http://127.0.0.1/about/')).toBeNull();
  });
});

describe('a page of REST comments', () => {
  it('keeps the comment feed’s identity (POST#comment-ID), the parent, and the date as UTC', () => {
    const page = JSON.stringify([
      { id: 54, parent: 52, author_name: 'Reader 53', author_url: '', date_gmt: '2026-12-02T08:44:04', content: { rendered: '<p>Yes.</p>' }, link: 'http://127.0.0.1:8089/?p=4#comment-54' },
      { id: 'not a comment' },
      { id: 52, parent: 0, author_name: '', date_gmt: 'garbage', content: { rendered: '<p>First.</p>' }, link: 'http://127.0.0.1:8089/?p=4#comment-52' },
    ]);
    expect(parseWordPressComments(page, 'http://127.0.0.1:8089/index.php?rest_route=/wp/v2/comments')).toEqual([
      {
        uniqueId: 'http://127.0.0.1:8089/?p=4#comment-54', parentUniqueId: 'http://127.0.0.1:8089/?p=4#comment-52', author: 'Reader 53',
        authorUrl: null, publishedAt: Date.UTC(2026, 11, 2, 8, 44, 4), html: '<p>Yes.</p>', link: 'http://127.0.0.1:8089/?p=4#comment-54',
      },
      {
        uniqueId: 'http://127.0.0.1:8089/?p=4#comment-52', parentUniqueId: null, author: null,
        authorUrl: null, publishedAt: null, html: '<p>First.</p>', link: 'http://127.0.0.1:8089/?p=4#comment-52',
      },
    ]);
    expect(() => parseWordPressComments('{"code":"rest_disabled"}', 'http://127.0.0.1/')).toThrow('something other than a list of comments');
  });
});
