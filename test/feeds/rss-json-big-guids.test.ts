// RSS converted to JSON whose converter writes numeric guids as bare numbers, past 2^53 (a
// micro-blog's status ids): JSON.parse rounds neighbouring guids to one number, and the posts
// without a link were then dropped as copies of the first. Every post is kept, under the guid
// its feed wrote, as JSON Feed ids are (json-big-ids.test.ts).
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
}, '127.0.37.3');

const GUIDS = ['1790123456789012481', '1790123456789012482', '1790123456789012483', '1790123456789012497'];
const POSTS = ['Good morning, harbour.', 'The 8:10 ferry is late again.', 'Fog lifting over the islands.', 'Back on land: 1790123456789012481 steps today.'];

// As an XML-to-JSON converter writes it: a guid as a bare number, or under "#text" with its attribute.
const statusFeed = `{"rss": {"@version": "2.0", "channel": {
  "title": "Ana's status updates",
  "link": "https://social.example/@ana",
  "item": [
${GUIDS.map((guid, i) => {
  const guidValue = i % 2 === 0 ? guid : `{"@isPermaLink": "false", "#text": ${guid}}`;
  return `    {"guid": ${guidValue}, "description": "<p>${POSTS[i]}</p>", "pubDate": "Fri, 05 Dec 2025 0${i + 1}:00:00 +0000"}`;
}).join(',\n')}
  ]
}}}`;

describe('RSS in JSON with guids past 2^53', () => {
  it('reads each guid exactly as written', async () => {
    const feed = await parseFeed(statusFeed, 'https://social.example/@ana/feed.json');
    expect(feed.items.map((item) => item.guid)).toEqual(GUIDS);
    expect(feed.items.map((item) => item.summaryHtml)).toEqual(POSTS.map((post) => `<p>${post}</p>`));
  });

  it('keeps every post after a sync, each its own article', async () => {
    server.serve('/@ana/feed.json', { body: statusFeed, type: 'application/json' });
    await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" xmlUrl="${server.url('/@ana/feed.json')}"/></body></opml>`);
    await core.api.sync({ feedsOnly: true });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' }, limit: 50 });
    expect(articles).toHaveLength(POSTS.length);
    const texts = await Promise.all(articles.map(async (a) => (await core.api.getArticle(a.id))!.html));
    for (const post of POSTS) expect(texts.filter((html) => html.includes(post))).toHaveLength(1);
  });
});
