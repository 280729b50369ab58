// A forum topic's replies (Discourse's view without JavaScript, each reply a schema.org Comment,
// or before 3.2 a DiscussionForumPosting numbered after the first) are the article's comments: extraction leaves them out of the article's text, so the page's
// thread reader keeps them, in order, with their authors and dates, for the reader's comment
// section offline. A long topic's later pages (?page=N, 20 posts each) are read as WordPress's
// comment pages are, within the same budget per sync, the newest page checked at each; a page the
// forum fails to serve costs nothing stored.
import { afterEach, describe, expect, it } from 'vitest';
import { THREAD_MAX_PAGES } from '../../electron/core/comments/comment-refresh';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { DiscourseTopic, POSTS_PER_PAGE, type ForumReply } from './support/discourse-topic';

const REPLIES: ForumReply[] = [
  {
    author: 'ria_k', at: Date.UTC(2024, 2, 2, 11, 40, 3), likes: 1,
    paragraphs: ['Same here on a single gauge in a river mouth, but ours reads about 2 cm high. Ours is brackish at high water.'],
  },
  {
    author: 'tjensen', at: Date.UTC(2024, 2, 3, 8, 2, 19), likes: 9,
    paragraphs: [
      'It is the density. 2.4 changed the default water density from 1025 to 1000 kg/m³ when the setup wizard is skipped.',
      'Settings, Sensor, Water density: put it back to 1025 and the offset goes. A fix is in 2.4.1.',
    ],
  },
  {
    author: 'mhollis', at: Date.UTC(2024, 2, 3, 9, 31, 44),
    paragraphs: ['That was it, thank you. Both gauges back within a centimetre at this morning’s high water.'],
  },
];

let topic: DiscourseTopic;
let core: Core;

afterEach(async () => {
  await core?.close();
  await topic?.stop();
  removeTempDirs();
});

async function subscribe(): Promise<string> {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.UTC(2024, 2, 4) });
  await core.api.addFeed(topic.feedUrl);
  await core.api.sync();
  return (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
}

describe('a forum topic’s replies', () => {
  it('show as the article’s comments, in order, with their authors, dates and texts; the topic’s own post stays the article', async () => {
    topic = await DiscourseTopic.start(REPLIES);
    const articleId = await subscribe();

    const comments = await core.api.listComments(articleId);
    expect(comments.map((comment) => [comment.author, comment.publishedAt, comment.parentId])).toEqual(REPLIES.map((reply) => [reply.author, reply.at, null]));
    expect(comments[1]!.html).toBe(
      '<p>It is the density. 2.4 changed the default water density from 1025 to 1000 kg/m³ when the setup wizard is skipped.</p>\n'
      + '        <p>Settings, Sensor, Water density: put it back to 1025 and the offset goes. A fix is in 2.4.1.</p>',
    );
    expect(comments[0]!.authorUrl).toBe(topic.server.url('/u/ria_k'));
    // The like counter beside a reply is not its text.
    expect(comments.some((comment) => comment.html.includes('Like'))).toBe(false);

    const article = await core.api.getArticle(articleId);
    expect(article?.commentCount).toBe(3);
    expect(article?.contentSource).toBe('page');
    expect(article?.html).toContain('The offset grows with depth');
    expect(article?.html).not.toContain('It is the density');
    // Replies there are posted by the forum's members: not a WordPress post with comments closed.
    expect(article?.commentForm).toEqual({ kind: 'forum' });
  });

  it('are read again at the next sync: a new reply is added after the others', async () => {
    topic = await DiscourseTopic.start(REPLIES.slice(0, 2));
    const articleId = await subscribe();
    expect((await core.api.listComments(articleId)).map((comment) => comment.author)).toEqual(['ria_k', 'tjensen']);

    topic.replies.push(REPLIES[2]!);
    await core.api.sync();
    expect((await core.api.listComments(articleId)).map((comment) => comment.author)).toEqual(['ria_k', 'tjensen', 'mhollis']);
  });
});

/** `count` replies by different members, an hour apart, each saying its own number. */
function manyReplies(count: number): ForumReply[] {
  return Array.from({ length: count }, (_, index) => ({
    author: `member${index + 1}`,
    at: Date.UTC(2024, 2, 2, 10) + index * 3_600_000,
    paragraphs: [`Reply number ${index + 1}: the same offset here, about ${(index % 5) + 1} cm at springs.`],
  }));
}

/** The stored comments' authors, in the order the reader shows them. */
async function storedAuthors(articleId: string): Promise<string[]> {
  return (await core.api.listComments(articleId)).map((comment) => comment.author ?? '');
}

/** The topic's pages one sync asked for. */
async function syncAskingPages(): Promise<number[]> {
  const before = topic.pagesAsked().length;
  await core.api.sync();
  return topic.pagesAsked().slice(before);
}

describe('a forum topic longer than one page', () => {
  it('shows all of its 300 replies, in order and once each, read over its pages within the budget of a sync', async () => {
    topic = await DiscourseTopic.start(manyReplies(300));
    expect(topic.pageCount).toBe(16);
    const asked = topic.pagesAsked().length;
    const articleId = await subscribe();
    const firstSync = topic.pagesAsked().slice(asked);
    // Page after page, as each links the next, as far as a sync reads.
    expect(firstSync.filter((page) => page > 1)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await storedAuthors(articleId)).toEqual(topic.replies.slice(0, 10 * POSTS_PER_PAGE - 1).map((reply) => reply.author));
    // The reader is told the thread goes on, and is read on at the next sync.
    const readOn = async () => (await core.api.getArticle(articleId))?.moreCommentsLater;
    expect(await readOn()).toBe(true);

    // The next sync reads on from the pages left.
    const secondSync = await syncAskingPages();
    expect(secondSync.length).toBeLessThanOrEqual(THREAD_MAX_PAGES);
    expect(secondSync).toEqual(expect.arrayContaining([11, 12, 13, 14, 15, 16]));
    const comments = await core.api.listComments(articleId);
    expect(comments.map((comment) => comment.author)).toEqual(topic.replies.map((reply) => reply.author));
    expect(new Set(comments.map((comment) => comment.id)).size).toBe(300);
    expect(comments[299]!.html).toContain('Reply number 300:');
    expect((await core.api.getArticle(articleId))?.commentCount).toBe(300);
    expect(await readOn()).toBe(false);
    // The navigation between pages is not the article's text.
    expect((await core.api.getArticle(articleId))?.html).not.toContain('next page');
  });

  it('says why its rest is still not stored when a page left keeps failing, and stops once it is read', async () => {
    topic = await DiscourseTopic.start(manyReplies(300));
    topic.failingPages.add(12);
    const articleId = await subscribe();
    const article = async () => (await core.api.getArticle(articleId))!;
    // The first sync stops at its budget: pages are left, and nothing failed.
    expect(await article()).toMatchObject({ moreCommentsLater: true, commentsReadError: null });

    // Page 12 fails at every later sync: the pages left stay, and the reader is told what failed.
    const failing = `The comment page ${topic.server.url(topic.pagePath(12))} could not be read: HTTP 500 Internal Server Error`;
    for (let sync = 0; sync < 2; sync++) {
      expect(await syncAskingPages()).toContain(12);
      expect(await article()).toMatchObject({ moreCommentsLater: true, commentsReadError: failing });
    }

    topic.failingPages.clear();
    expect(await syncAskingPages()).toContain(12);
    expect(await storedAuthors(articleId)).toEqual(topic.replies.map((reply) => reply.author));
    expect(await article()).toMatchObject({ moreCommentsLater: false, commentsReadError: null });
  });

  it('in the view Discourse wrote before 3.2 (every post a posting of its own, none a Comment): every reply of every page, the opening post the article alone', async () => {
    topic = await DiscourseTopic.start(manyReplies(45), 'postings');
    const articleId = await subscribe();
    const comments = await core.api.listComments(articleId);
    expect(comments.map((comment) => [comment.author, comment.publishedAt, comment.parentId])).toEqual(topic.replies.map((reply) => [reply.author, reply.at, null]));
    const article = (await core.api.getArticle(articleId))!;
    expect(article.html).toContain('The offset grows with depth');
    // Its later pages are its replies', not more of its opening post.
    expect(article.html).not.toContain('Reply number');
    expect(article.commentForm).toEqual({ kind: 'forum' });
  });

  it('shows a reply added on its last page at the next sync, though its first page did not change, reading that page alone', async () => {
    topic = await DiscourseTopic.start(manyReplies(45));
    const articleId = await subscribe();
    expect(await storedAuthors(articleId)).toHaveLength(45);
    // Read whole in one sync, though its later pages link back to its first.
    expect((await core.api.getArticle(articleId))?.moreCommentsLater).toBe(false);

    topic.replies.push(...manyReplies(46).slice(45));
    expect(await syncAskingPages()).toEqual([1, 3]);
    expect(await storedAuthors(articleId)).toEqual(topic.replies.map((reply) => reply.author));
  });

  it('keeps what it read when a page fails (500) midway, takes nothing away, and reads that page again at the next sync', async () => {
    topic = await DiscourseTopic.start(manyReplies(90));
    const articleId = await subscribe();
    expect(await storedAuthors(articleId)).toHaveLength(90);

    // A moderator removes a reply on page 2, one on page 1 is liked (the first page changed: the
    // topic is read again), five replies are added on the last page, and page 3 fails.
    topic.replies[30] = { ...topic.replies[30]!, deleted: true };
    topic.replies[2] = { ...topic.replies[2]!, likes: 4 };
    topic.replies.push(...manyReplies(95).slice(90));
    topic.failingPages.add(3);
    expect(await syncAskingPages()).toContain(3);
    // Partial: the new replies are there, and nothing stored is taken away.
    expect(await storedAuthors(articleId)).toEqual(manyReplies(95).map((reply) => reply.author));
    const lastError = () => core.storage.db.value('SELECT last_error FROM comment_feeds WHERE article_id = ?', [articleId]);
    expect(lastError()).toBe(`The comment page ${topic.server.url(topic.pagePath(3))} could not be read: HTTP 500 Internal Server Error`);

    // The forum serves it again: the topic is read whole, and the removed reply goes.
    topic.failingPages.clear();
    expect(await syncAskingPages()).toContain(3);
    expect(await storedAuthors(articleId)).toEqual(topic.shown().map(({ reply }) => reply.author));
    expect(lastError()).toBeNull();
  });
});
