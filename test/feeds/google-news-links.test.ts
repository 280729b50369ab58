// Google News's RSS links every story as news.google.com/rss/articles/<id>?oc=5, a page that sends
// a browser on with a script. The offline copy was made of that page (or, with no way to reach
// Google, never made), and "Open in browser" went by way of Google. Ids issued before mid-2024
// carry the publisher's address (base64url of a small protobuf message); newer ones carry a token
// only Google can resolve, and those links stay as they are. Real server on loopback, a real data
// folder.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { articleIdOf, parseFeed } from '../../electron/core/feeds';
import { serverAndCorePerTest } from '../support/core-per-test';
import { fixtureText } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { item } from '../storage/items';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

const BIKE_LANES = 'https://www.riversideledger.example/local/2024/03/05/council-approves-protected-bike-lanes-on-harbour-road/';
// Longer than 127 bytes: its length takes two bytes of the message.
const FARES = 'https://www.coastalherald.example/news/transport/harbour-ferry-fares-to-rise-by-8-percent-from-april-operator-confirms-4419827?utm_source=googlenews&utm_medium=rss';
const GOOGLE_ARTICLE = /^https:\/\/news\.google\.com\/rss\/articles\/CBMi[\w-]+\?oc=5$/;

/** A protobuf length-delimited field: its tag (number and wire type 2), length and UTF-8 bytes. */
function field(number: number, text: string): number[] {
  const varint = (n: number) => {
    const bytes: number[] = [];
    for (; n >= 0x80; n = Math.floor(n / 0x80)) bytes.push((n & 0x7f) | 0x80);
    return [...bytes, n];
  };
  const bytes = Buffer.from(text, 'utf8');
  return [...varint(number * 8 + 2), ...varint(bytes.length), ...bytes];
}

/** An article link as Google News wrote them until mid-2024: field 1 = 19, the address in field 4, an empty field 26. */
function googleNewsLink(address: string): string {
  const id = Buffer.from([0x08, 0x13, ...field(4, address), ...field(26, '')]).toString('base64url');
  return `https://news.google.com/rss/articles/${id}?oc=5`;
}

/** A Google News search feed of the stories, each linked and identified as Google News does. */
function googleNewsFeed(stories: readonly { title: string; link: string }[]): string {
  const items = stories.map(({ title, link }) => {
    const id = /articles\/([\w-]+)/.exec(link)![1];
    return `<item><title>${title} - The Riverside Ledger</title><link>${link}</link><guid isPermaLink="false">${id}</guid><pubDate>Tue, 05 Mar 2024 16:45:00 GMT</pubDate>` +
      `<description>&lt;a href="${link}" target="_blank"&gt;${title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;The Riverside Ledger&lt;/font&gt;</description><source url="${server.url('/')}">The Riverside Ledger</source></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator><title>"bike lanes" - Google News</title><link>https://news.google.com/search?q=bike+lanes&amp;hl=en-GB&amp;gl=GB&amp;ceid=GB:en</link><language>en-GB</language><description>Google News</description>${items.join('')}</channel></rss>`;
}

const STORY_PAGE = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Council approves protected bike lanes on Harbour Road | The Riverside Ledger</title></head>
<body><header><a href="/">The Riverside Ledger</a><nav><a href="/local/">Local</a> <a href="/sport/">Sport</a></nav></header>
<main><article><h1>Council approves protected bike lanes on Harbour Road</h1><p class="byline">By Hannah Okafor, local democracy reporter</p>
<p>Councillors voted nine to four on Tuesday evening to build kerb-separated cycle lanes along the full length of Harbour Road, ending a consultation that ran for most of last year.</p>
<p>Work on the northern section, between the ferry terminal and the market square, is due to start in September. The southern section waits on a decision about the loading bays used by fishmongers on the quay.</p>
<p>Traders on the road had asked for a trial first. The council's transport lead said the design kept every existing bus stop and that deliveries would move to the side streets before ten in the morning.</p></article></main>
<footer><p>© The Riverside Ledger</p></footer></body></html>`;

describe("Google News's article links", () => {
  it("are read as the publisher's address when the id carries it, and left as Google's when it carries a token", async () => {
    const feed = await parseFeed(fixtureText('feeds/google-news.xml'), 'https://news.google.com/rss/search?q=harbour&hl=en-GB&gl=GB&ceid=GB:en');
    const [bikeLanes, fares, lighthouse] = feed.items;
    expect([bikeLanes!.link, fares!.link]).toEqual([BIKE_LANES, FARES]);
    expect(lighthouse!.link).toMatch(GOOGLE_ARTICLE);
    // The guid is the bare id: the story's identity stays what it was.
    expect(bikeLanes!.guid).toMatch(/^CBMi[\w-]+$/);
  });

  it("give the offline copy the publisher's page, and open there", async () => {
    server.serve('/local/2024/03/05/council-approves-protected-bike-lanes-on-harbour-road/', { body: STORY_PAGE, type: 'text/html; charset=utf-8' });
    const publisherLink = server.url('/local/2024/03/05/council-approves-protected-bike-lanes-on-harbour-road/');
    server.serve('/rss/search', { body: googleNewsFeed([{ title: 'Council approves protected bike lanes on Harbour Road', link: googleNewsLink(publisherLink) }]), type: 'application/xml; charset=utf-8' });
    const feedId = (await core.api.addFeed(server.url('/rss/search'))).feed.id;
    await core.api.sync({ images: false });

    const [listed] = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 })).articles;
    expect(listed!.url).toBe(publisherLink);
    const article = (await core.api.getArticle(listed!.id))!;
    expect(article.contentSource).toBe('page');
    expect(article.html).toContain('Councillors voted nine to four on Tuesday evening');
  });

  it("find the articles stored with Google's link before, keeping their read state", async () => {
    server.serve('/rss/search', { body: googleNewsFeed([]), type: 'application/xml; charset=utf-8' });
    const feedId = (await core.api.addFeed(server.url('/rss/search'))).feed.id;
    const title = 'Council approves protected bike lanes on Harbour Road';
    const link = googleNewsLink(BIKE_LANES);
    const guid = /articles\/([\w-]+)/.exec(link)![1]!;
    const stored = item({ id: articleIdOf(feedId, guid), uniqueId: guid, url: link, title: `${title} - The Riverside Ledger`, publishedAt: Date.parse('2024-03-05T16:45:00Z') });
    core.storage.articles.upsertFeedItems(feedId, [stored]);
    await core.api.setRead([stored.id], true);

    server.serve('/rss/search', { body: googleNewsFeed([{ title, link }]), type: 'application/xml; charset=utf-8' });
    expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ newArticles: 0 });
    const { articles, total } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 });
    expect(total).toBe(1);
    expect(articles.map((a) => [a.id, a.url, a.read])).toEqual([[stored.id, BIKE_LANES, true]]);
  });
});
