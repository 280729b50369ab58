// Bing News's RSS and Google Alerts' Atom link each item through the search engine's
// click-through address, whose tracking values (Bing's tid, Google's usg) change at every fetch;
// Bing gives the same link as the guid. Every refresh brought every item back as a new article,
// and the sync fetched each page through the redirector. The item's link is the publisher's
// address carried in url=, and only those redirectors are unwrapped. Real server on loopback, a
// real data folder.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { articleIdOf, parseFeed } from '../../electron/core/feeds';
import { fixtureText } from '../support/fixtures';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from '../storage/items';

const FERRY = 'https://www.coastalherald.example/news/2024/03/05/island-ferry-returns-after-refit';
const TIMETABLE = 'https://islandsweekly.example.co.uk/council-approves-winter-timetable-2024';
const BING_FEED = 'https://www.bing.com/news/search?q=harbour+ferry&format=rss';

let site: TestServer;
let core: Core | null = null;

beforeAll(async () => {
  site = await TestServer.start();
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

/** The Bing feed as a later fetch serves it: the same stories, new tracking values. */
function refetchedBing(): string {
  return fixtureText('feeds/bing-news.xml').replaceAll('65E6F1A8C3B94D0F8E2A7C51D9B04E36', '65E7A2C09F1B4E77B3D8E6A4C2F15B90');
}

describe("a search engine's click-through links", () => {
  it("are read as the publisher's address in Bing News RSS, link and guid alike", async () => {
    const feed = await parseFeed(fixtureText('feeds/bing-news.xml'), BING_FEED);
    expect(feed.items.map((item) => item.link)).toEqual([`${FERRY}?ref=rss`, TIMETABLE]);
    expect(feed.items.map((item) => item.guid)).toEqual([`${FERRY}?ref=rss`, TIMETABLE]);
  });

  it("are read as the publisher's address in Google Alerts' Atom", async () => {
    const feed = await parseFeed(fixtureText('feeds/google-alerts.xml'), 'https://www.google.com/alerts/feeds/04719348211876029315/9186633528347702214');
    expect(feed.items.map((item) => item.link)).toEqual([FERRY, TIMETABLE]);
  });

  it('are read the same way in JSON Feed and RSS-in-JSON', async () => {
    const wrapped = `https://www.google.com/url?rct=j&sa=t&url=${encodeURIComponent(FERRY)}&ct=ga&cd=CAIyGmQ1&usg=AOvVaw2Kq8xZ`;
    const jsonFeed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'Alerts: harbour ferry', home_page_url: 'https://alerts-bridge.example/',
      items: [{ id: 'alert-11874093617624512093', url: wrapped, title: 'Island ferry returns', content_text: 'The MV Skerry Lass is back.' }],
    });
    expect((await parseFeed(jsonFeed, 'https://alerts-bridge.example/feed.json')).items[0]?.link).toBe(FERRY);
    const rssInJson = JSON.stringify({ rss: { channel: { title: 'Harbour news', link: 'https://alerts-bridge.example/', item: { title: 'Island ferry returns', link: wrapped } } } });
    expect((await parseFeed(rssInJson, 'https://alerts-bridge.example/rss.json')).items[0]?.link).toBe(FERRY);
  });

  it('are left alone on any other host or path, or when url= is not an absolute web address', async () => {
    const links = [
      `https://share.example.com/redirect?url=${encodeURIComponent(FERRY)}`,
      `https://www.google.com/search?q=ferry&url=${encodeURIComponent(FERRY)}`,
      `https://www.google.com.attacker.example/url?url=${encodeURIComponent(FERRY)}`,
      `https://news.bing.com/news/apiclick.aspx?url=${encodeURIComponent(FERRY)}`,
      'https://www.google.com/url?rct=j&sa=t&url=%2Fnews%2Flocal&ct=ga',
      'http://www.bing.com/news/apiclick.aspx?ref=FexRss&url=javascript%3aalert(1)&mkt=en-us',
    ];
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Links</title><link>https://links.example/</link>${links
      .map((link, i) => `<item><title>Story ${i}</title><link>${link.replaceAll('&', '&amp;')}</link></item>`)
      .join('')}</channel></rss>`;
    expect((await parseFeed(rss, 'https://links.example/feed')).items.map((item) => item.link)).toEqual(links);
  });

  it('keep a Bing News feed to one article per story across fetches, stored with the publisher\'s address', async () => {
    site.serve('/news/search', { body: fixtureText('feeds/bing-news.xml'), type: 'application/rss+xml; charset=utf-8' });
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    const feedId = (await core.api.addFeed(site.url('/news/search'))).feed.id;
    await core.api.sync({ feedsOnly: true });

    site.serve('/news/search', { body: refetchedBing(), type: 'application/rss+xml; charset=utf-8' });
    expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ newArticles: 0, updatedArticles: 0 });
    const { articles, total } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 });
    expect(articles.map((a) => a.url)).toEqual([`${FERRY}?ref=rss`, TIMETABLE]);
    expect(total).toBe(2);
  });

  it('find the articles stored with the click-through link before, keeping their read state', async () => {
    site.serve('/news/search', { body: fixtureText('feeds/bing-news.xml').replace(/<item>[\s\S]*<\/item>/, ''), type: 'application/rss+xml; charset=utf-8' });
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    const feedId = (await core.api.addFeed(site.url('/news/search'))).feed.id;
    // The stories as earlier versions stored them: the whole Bing link as address and identity.
    const wrapper = (url: string) => `http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=65E5D0B7A2C84E1F9D3B6A40C8E93F21&url=${encodeURIComponent(url)}&c=4381729405561127803&mkt=en-us`;
    const stored = [
      { url: `${FERRY}?ref=rss`, title: 'Island ferry returns to the harbour after two-month refit', publishedAt: Date.parse('2024-03-05T08:12:00Z') },
      { url: TIMETABLE, title: 'Council approves new timetable for winter sailings', publishedAt: Date.parse('2024-03-04T17:45:00Z') },
    ].map(({ url, title, publishedAt }) => item({ id: articleIdOf(feedId, wrapper(url)), uniqueId: wrapper(url), url: wrapper(url), title, publishedAt }));
    core.storage.articles.upsertFeedItems(feedId, stored);
    await core.api.setRead([stored[0]!.id], true);

    site.serve('/news/search', { body: refetchedBing(), type: 'application/rss+xml; charset=utf-8' });
    expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ newArticles: 0 });
    const { articles, total } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 });
    expect(total).toBe(2);
    expect(articles.map((a) => [a.id, a.url, a.read])).toEqual([[stored[0]!.id, `${FERRY}?ref=rss`, true], [stored[1]!.id, TIMETABLE, false]]);
  });
});

describe('Bing News', () => {
  it("gives a story the picture it names in its own element (News:Image), and none to a story without one", async () => {
    const feed = await parseFeed(fixtureText('feeds/bing-news.xml'), BING_FEED);
    expect(feed.items.map((item) => item.imageUrl)).toEqual(['http://www.bing.com/th?id=OVFT.q3bXk0pW7Zr1mYcGvN2aJS&pid=News', null]);
  });
});
