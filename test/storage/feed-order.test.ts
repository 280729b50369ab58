// The list keeps a feed's own order for items that share one time: undated ones (RSS 0.91, small
// sites, scrapers), which take the time they were first seen, and arXiv's, all dated with the
// day's announcement. Lists sort by time and then by id, a hash: a ten-item undated feed was
// listed 1,5,6,9,3,2,8,10,7,4. Items come through the sync's path (ingestFeed) into a real
// SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

const UNDATED_URL = 'https://parish.example.org/news.rss';
const ARXIV_URL = 'http://rss.arxiv.org/rss/physics.ao-ph';
const NOW = Date.UTC(2026, 10, 28, 9);

/** An RSS 0.91 feed as hand-made sites write it: newest first, no dates. */
function undatedFeed(numbers: readonly number[]): string {
  const items = numbers.map((n) => `<item><title>Notice ${n}</title><link>https://parish.example.org/notices/${n}.html</link><description>Notice number ${n}.</description></item>`);
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Parish Notices</title><link>https://parish.example.org/</link><description>Notices</description><language>en-gb</language>${items.join('\n')}</channel></rss>`;
}

let storage: Storage;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  feedId = storage.feeds.add({ url: UNDATED_URL, title: 'Feed', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

async function sync(text: string, url: string, now: number) {
  return storage.articles.upsertFeedItems(feedId, (await ingestFeed(text, url, feedId)).items, now);
}
const listed = () => storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 50 }).articles.map((a) => a.title);

describe('the order of items that share one time', () => {
  it("lists an undated feed in the feed's order", async () => {
    await sync(undatedFeed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), UNDATED_URL, NOW);
    expect(listed()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Notice ${n}`));
  });

  it('lists a later sync’s new items above, and leaves the stored ones where they were', async () => {
    await sync(undatedFeed([3, 4, 5, 6]), UNDATED_URL, NOW);
    const later = await sync(undatedFeed([1, 2, 3, 4, 5, 6]), UNDATED_URL, NOW + 60_000);
    expect(later).toMatchObject({ updatedIds: [], unchanged: 4 });
    expect(listed()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Notice ${n}`));
  });

  it("lists arXiv's papers, all dated alike, in the listing's order, and keeps it when one is edited", async () => {
    const listing = fixtureText('feeds/arxiv-listing.xml');
    await sync(listing, ARXIV_URL, NOW);
    const order = ['Tidal mixing fronts in a shallow shelf sea', 'Sea fog forecasts from coastal buoys', 'Storm surge in narrow estuaries', 'Wave setup on reef flats', 'Ice melt and coastal salinity'];
    expect(listed()).toEqual(order);
    const replaced = await sync(listing.replace('Narrow estuaries amplify surge.', 'Narrow estuaries amplify surge (revised).'), ARXIV_URL, NOW + 60_000);
    expect(replaced.updatedIds).toHaveLength(1);
    expect(listed()).toEqual(order);
    // The papers still show the day's date.
    const [first] = storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 1 }).articles;
    expect(new Date(first!.publishedAt).toISOString()).toBe('2024-05-14T04:00:00.000Z');
  });
});
