// A generator that gives every item the same guid (the site's address) but each its own link.
// Taken at its word, the guid made every story one article: the first fetch kept one story, and
// each new story overwrote the last. The links tell the stories apart. Real server on loopback.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { parseFeed } from '../../electron/core/feeds';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const story = (origin: string, slug: string, title: string, date: string) =>
  `<item><title>${title}</title><link>${origin}/news/${slug}.html</link><guid>${origin}/</guid><pubDate>${date}</pubDate><description>${title}.</description></item>`;
const feed = (origin: string, items: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Parish News</title><link>${origin}/</link><description>News from the parish</description><generator>SiteBuilder 3.2</generator>${items.join('')}</channel></rss>`;

let site: TestServer;
let core: PaperboyCore | null = null;

beforeAll(async () => {
  site = await TestServer.start();
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

it('keeps each story of a feed whose items all share one guid, and a new story adds to them', async () => {
  const fete = story(site.origin, 'fete', 'Summer fete moves to the green', 'Tue, 14 May 2024 09:00:00 +0000');
  const bells = story(site.origin, 'bells', 'Church bells restored', 'Mon, 13 May 2024 09:00:00 +0000');
  const library = story(site.origin, 'library', 'Library opens on Sundays', 'Wed, 15 May 2024 09:00:00 +0000');
  site.serve('/news.rss', { body: feed(site.origin, [fete, bells]), type: 'application/rss+xml' });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  const feedId = (await core.api.addFeed(site.url('/news.rss'))).feed.id;
  await core.api.sync({ feedsOnly: true });
  site.serve('/news.rss', { body: feed(site.origin, [library, fete, bells]), type: 'application/rss+xml' });
  expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ newArticles: 1, updatedArticles: 0 });
  const titles = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 10 })).articles.map((a) => a.title);
  expect(titles).toEqual(['Library opens on Sundays', 'Summer fete moves to the green', 'Church bells restored']);
});

it('still keeps one of an item repeated with its guid and link (a sticky post)', async () => {
  const origin = 'https://parish.example.org';
  const sticky = `<item><title>Parish office hours</title><link>${origin}/office.html</link><guid>${origin}/</guid></item>`;
  const parsed = await parseFeed(feed(origin, [sticky, story(origin, 'fete', 'Summer fete', 'Tue, 14 May 2024 09:00:00 +0000'), sticky]), `${origin}/news.rss`);
  expect(parsed.items.map((i) => i.title)).toEqual(['Parish office hours', 'Summer fete']);
});
