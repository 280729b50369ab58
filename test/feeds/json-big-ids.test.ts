// A JSON Feed whose generator writes snowflake ids as bare numbers, past 2^53: JSON.parse rounds
// neighbouring ids to one number, and status updates without a url were then dropped as copies
// of the first. Every post is kept, under the id its feed wrote.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { parseFeed } from '../../electron/core/feeds';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;
serverAndCorePerTest((made, opened) => {
  server = made;
  core = opened;
}, '127.0.35.2');

const IDS = ['1790123456789012481', '1790123456789012482', '1790123456789012483', '1790123456789012497'];
const POSTS = ['Good morning, harbour.', 'The 8:10 ferry is late again.', 'Fog lifting over the islands.', 'Back on land: 1790123456789012481 steps today.'];

// Written as Mastodon bridges and micro-blog exporters write it: ids unquoted, no url per post.
const statusFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Ana's status updates",
  "home_page_url": "https://social.example/@ana",
  "items": [
${IDS.map(
  (id, i) => `    {
      "id": ${id},
      "content_text": "${POSTS[i]}",
      "date_published": "2025-12-05T0${i + 1}:00:00Z",
      "attachments": [{ "url": "https://social.example/media/${id}.jpg", "mime_type": "image/jpeg", "size_in_bytes": 48213 }]
    }`,
).join(',\n')}
  ]
}`;

describe('a JSON Feed with ids past 2^53', () => {
  it('reads each id exactly as written', async () => {
    const feed = await parseFeed(statusFeed, 'https://social.example/@ana/feed.json');
    expect(feed.items.map((item) => item.guid)).toEqual(IDS);
    expect(feed.items[3]!.contentHtml).toContain(POSTS[3]);
    expect(feed.items[0]!.enclosures).toEqual([{ url: 'https://social.example/media/1790123456789012481.jpg', type: 'image/jpeg', length: 48213 }]);
  });

  it('keeps every post after a sync, each its own article', async () => {
    server.serve('/@ana/feed.json', { body: statusFeed, type: 'application/feed+json' });
    await core.api.addFeed(server.url('/@ana/feed.json'));
    await core.api.sync({ feedsOnly: true });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' }, limit: 50 });
    expect(articles).toHaveLength(POSTS.length);
    const texts = await Promise.all(articles.map(async (a) => (await core.api.getArticle(a.id))!.html));
    for (const post of POSTS) expect(texts.filter((html) => html.includes(post))).toHaveLength(1);
  });
});
