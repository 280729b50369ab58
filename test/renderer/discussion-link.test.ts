// Where a link in an article's text goes in its own discussion: what the person reaches by
// "as Ana wrote", "12 Responses" and "Leave a Reply" without the site.
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/types';
import { discussionPlace } from '../../renderer/src/lib/discussion-link';

const POST = 'https://blog.example.org/2026/11/harbour-plans/';

function comment(n: number, page = POST): Comment {
  return { id: `c${n}`, articleId: 'a1', parentId: null, inReplyTo: null, author: `Reader ${n}`, authorUrl: null, publishedAt: n, html: '', url: `${page}#comment-${n}` };
}

const comments = [comment(1001), comment(1002, `${POST}comment-page-2/`)];
const article = { url: POST, commentsUrl: `${POST}#respond` };

describe('a link in the article to its own discussion', () => {
  it('goes to a stored comment, on whichever comment page the site had it', () => {
    expect(discussionPlace(`${POST}#comment-1001`, article, comments)).toEqual({ kind: 'comment', comment: comments[0] });
    expect(discussionPlace(`${POST}#comment-1002`, article, comments)).toEqual({ kind: 'comment', comment: comments[1] });
    expect(discussionPlace(`${POST}comment-page-2/#comment-1002`, article, comments)).toEqual({ kind: 'comment', comment: comments[1] });
  });

  it('goes to the thread for #comments and to the reply form for #respond', () => {
    expect(discussionPlace(`${POST}#comments`, article, comments)).toEqual({ kind: 'thread' });
    expect(discussionPlace(`${POST}#respond`, article, comments)).toEqual({ kind: 'reply-form' });
    expect(discussionPlace(`${POST}#reply-title`, article, comments)).toEqual({ kind: 'reply-form' });
  });

  it("knows the article's page by any of its addresses: the feed's link, its comments link, its comments'", () => {
    const moved = 'https://blog.example.org/?p=412';
    expect(discussionPlace(`${POST}#comments`, { url: moved, commentsUrl: null }, comments)).toEqual({ kind: 'thread' });
    expect(discussionPlace(`${POST}#respond`, { url: moved, commentsUrl: `${POST}#comments` }, [])).toEqual({ kind: 'reply-form' });
    expect(discussionPlace(`${POST}#respond`, { url: moved, commentsUrl: null }, [])).toBeNull();
  });

  it("leaves to the site another page's comments, a comment not stored, and any other place", () => {
    expect(discussionPlace('https://blog.example.org/2026/10/ferry-times/#comments', article, comments)).toBeNull();
    expect(discussionPlace('https://blog.example.org/2026/10/ferry-times/#comment-1001', article, comments)).toBeNull();
    expect(discussionPlace(`${POST}#comment-999`, article, comments)).toBeNull();
    expect(discussionPlace(`${POST}#timetable`, article, comments)).toBeNull();
    expect(discussionPlace(POST, article, comments)).toBeNull();
  });
});
