// `paperboy import` of the subscription lists podcast apps export, as a person moving their
// podcasts over meets them: Overcast's export with each podcast's episodes nested in its outline,
// and Apple Podcasts' itpc:// and pcast:// addresses. What is asserted is what the terminal prints
// and the folders and feeds the subscription list then shows, in a real data folder.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const fixture = (name: string) => path.join('test', 'fixtures', 'opml', name);

/** The subscription list as the sidebar shows it: every folder by its path, each feed under its folder's. */
async function sidebar(data: string): Promise<string[]> {
  const folders = JSON.parse((await paperboy('call', 'listFolders', '--data', data)).stdout) as { id: number; name: string; parentId: number | null }[];
  const feeds = JSON.parse((await paperboy('call', 'listFeeds', '--data', data)).stdout) as { title: string; url: string; folderId: number | null; builtin: boolean }[];
  const pathOf = (id: number | null): string => {
    const folder = folders.find((f) => f.id === id);
    return folder ? `${pathOf(folder.parentId)}${folder.name}/` : '/';
  };
  return [
    ...folders.map((folder) => pathOf(folder.id)),
    ...feeds.filter((feed) => !feed.builtin).map((feed) => `${pathOf(feed.folderId)}${feed.title} <${feed.url}>`),
  ].sort();
}

describe("Overcast's export, episodes nested in each podcast", () => {
  it('imports the podcasts, makes no folder of an episode or a playlist, and names the playlist skipped', async () => {
    const data = path.join(tempDir(), 'data');
    const run = await paperboy('import', fixture('overcast-extended.opml'), '--data', data);
    expect(run.stdout).toBe('Imported 2 feeds in 1 new folder; skipped 1.\n  skipped Morning Walk: a "podcast-playlist" entry, not a feed\n');
    expect(run.code).toBe(0);
    expect(await sidebar(data)).toEqual([
      '/feeds/',
      '/feeds/Slow Radio <https://slowradio.example.fm/feed>',
      '/feeds/The Tidal Hour <https://tidalhour.example.fm/podcast.rss>',
    ]);
  });
});

describe("Apple's podcast links, itpc:// and pcast://", () => {
  it('are imported as the https addresses they stand for, as feed:// is', async () => {
    const data = path.join(tempDir(), 'data');
    const run = await paperboy('import', fixture('apple-podcasts.opml'), '--data', data);
    expect(run.stdout).toBe('Imported 3 feeds in 1 new folder.\n');
    expect(await sidebar(data)).toEqual([
      '/Subscriptions/',
      '/Subscriptions/Garden Radio <https://gardenradio.example.fm/podcast>',
      '/Subscriptions/Moss & Lichen <https://mosslichen.example.org/feed.xml>',
      '/Subscriptions/Night Trains <https://nighttrains.example.fm/rss>',
    ]);
  });
});

describe('an OPML 1.0 list giving each feed as url=', () => {
  it('imports the feeds from url=, and names a link without a type skipped rather than making it a folder', async () => {
    const data = path.join(tempDir(), 'data');
    const run = await paperboy('import', fixture('opml1-podcast-directory.opml'), '--data', data);
    expect(run.stdout).toBe('Imported 2 feeds in 1 new folder; skipped 1.\n  skipped http://radio.example.org/: a link to a web page, not a feed\n');
    expect(await sidebar(data)).toEqual([
      '/Shows/',
      '/Shows/Choir Practice <http://radio.example.org/shows/choir/rss.xml>',
      '/Shows/Fishing Report <http://radio.example.org/shows/fishing/rss.xml>',
    ]);
  });
});
