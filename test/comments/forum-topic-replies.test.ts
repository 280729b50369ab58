// A forum topic's replies (Discourse's view without JavaScript, each reply a schema.org Comment)
// are the article's comments: extraction leaves them out of the article's text, so the page's
// thread reader keeps them, in order, with their authors and dates, for the reader's comment
// section offline.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { DiscourseTopic, type ForumReply } from './support/discourse-topic';

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
