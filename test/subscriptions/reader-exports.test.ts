// Importing the OPML file another reader exported, as a person leaving it does: each file in the
// shape its reader writes (Feedly's and Inoreader's feed in each of its folders, NetNewsWire's
// OPML 1.1 with JSON Feeds, Thunderbird's nested folders and fz: attributes, Miniflux's outlines
// without a type, NewsBlur's folders in folders on one line, The Old Reader's feed kept over http
// and over https, Outlook's windows-1252 bytes without a declaration). The file's bytes are
// decoded as the CLI and the app decode them (xmlFileText) and imported through the API; what is
// asserted is the subscription list, with each feed's folder path, and what the import skipped.
import { describe, expect, it } from 'vitest';
import { Parser } from 'xml2js';
import { Core } from '../../electron/core/core';
import { xmlFileText } from '../../electron/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import { fixtureBytes } from '../support/fixtures';
import { tempDir } from '../support/temp';

let core: Core;
serverAndCorePerTest((_server, c) => {
  core = c;
});

async function importFile(name: string) {
  return core.api.importOpml(xmlFileText(fixtureBytes(`opml/${name}`)));
}

/** Each subscription as the sidebar shows it: its folder path, its name and its address. */
async function subscriptions(of: Core = core): Promise<string[]> {
  const folders = new Map((await of.api.listFolders()).map((folder) => [folder.id, folder]));
  const pathOf = (id: number | null): string[] => {
    const folder = id === null ? undefined : folders.get(id);
    return folder ? [...pathOf(folder.parentId), folder.name] : [];
  };
  return (await of.api.listFeeds()).map((feed) => [...pathOf(feed.folderId), `${feed.title} <${feed.url}>`].join(' / ')).sort();
}

describe("other readers' exports", () => {
  it('Feedly: a feed in two folders is subscribed once, in the first; &amp; in names and addresses is read', async () => {
    const result = await importFile('feedly.opml');
    expect(await subscriptions()).toEqual([
      'Design / Grid & Gutter <https://gridandgutter.example/rss?format=xml&section=all>',
      'Design / Type Notes <https://typenotes.example/feed/>',
      'Must read / Harbour Town Council <http://www.harbourtown.example/news/rss.aspx>',
    ]);
    expect(result.skipped).toEqual([{ url: 'https://typenotes.example/feed/', title: 'Type Notes', reason: 'also listed in folder "Must read": kept in folder "Design"' }]);
  });

  it("Inoreader: its own attributes are left aside, and its web-feed stream is a feed like the rest", async () => {
    const result = await importFile('inoreader.opml');
    expect(await subscriptions()).toEqual([
      'Science / Lichen Weekly <https://lichenweekly.example/feed.xml>',
      'Science / Tide Tables Blog <https://tidetables.example/blog/index.xml>',
      'Web feeds / Harbour Town: planning notices <https://www.inoreader.com/stream/user/1005512345/tag/Harbour>',
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('NetNewsWire: OPML 1.1, a JSON Feed, a folder beside a feed at the top level', async () => {
    await importFile('netnewswire.opml');
    expect(await subscriptions()).toEqual([
      'Lichen Weekly <https://lichenweekly.example/feed.xml>',
      'Podcasts / Field Recordings <https://fieldrecordings.example/feed.json>',
      'Podcasts / Slow Radio Hour <https://feeds.slowradio.example/hour.rss>',
    ]);
  });

  it("Thunderbird: folders two deep are kept as they are", async () => {
    const result = await importFile('thunderbird.opml');
    expect(await subscriptions()).toEqual([
      'Local / Council / Harbour Town Council <https://www.harbourtown.example/news/rss.aspx>',
      'Local / Ferry & Tides / Tide Tables Blog <https://tidetables.example/blog/index.xml>',
    ]);
    expect(result.foldersCreated).toBe(3);
  });

  it('Miniflux: outlines without type="rss" are feeds by their xmlUrl', async () => {
    await importFile('miniflux.opml');
    expect(await subscriptions()).toEqual([
      'All / Night Trains <https://nighttrains.example/atom.xml>',
      'All / Type Notes <https://typenotes.example/feed/>',
      'Cooking / Sourdough Diary <https://sourdough.example/index.xml>',
    ]);
  });

  it('NewsBlur: folders in folders, all on one line', async () => {
    await importFile('newsblur.opml');
    expect(await subscriptions()).toEqual([
      'Hobbies / Bread / Sourdough Diary <https://sourdough.example/index.xml>',
      'Hobbies / Woodwork / Marsh Workshop <https://marsh-workshop.example/feed/>',
      'Hobbies / Woodwork / Spoons <https://spoons.example/rss>',
      'Lichen Weekly <https://lichenweekly.example/feed.xml>',
    ]);
  });

  it('The Old Reader: a feed listed over http and again over https with a slash is subscribed once, over https; a site without a feed is named', async () => {
    const result = await importFile('the-old-reader.opml');
    expect(await subscriptions()).toEqual(['Spoons <https://spoons.example/rss>', 'Travel / Night Trains <https://nighttrains.example/atom.xml/>']);
    expect(result.skipped).toEqual([
      { url: 'https://nighttrains.example/atom.xml/', title: 'Night Trains (new address)', reason: 'listed twice in folder "Travel": subscribed once' },
      { url: null, title: 'A site without a feed', reason: 'no feed address (xmlUrl)' },
    ]);
    // The empty folder is the person's, made to be filled later.
    expect((await core.api.listFolders()).map((folder) => folder.name).sort()).toEqual(['Saved pages', 'Travel']);
  });

  it("Outlook: windows-1252 bytes without a declaration keep their accents and quotes", async () => {
    await importFile('outlook.opml');
    expect(await subscriptions()).toEqual([
      'Café “Le Port” – menu du jour <https://cafeleport.example/menu/feed>',
      'Naïve Art Gallery <http://naiveart.example/rss.xml>',
    ]);
  });
});

describe('an export made after a site moved to https', () => {
  it('is already subscribed to the feed followed over http, with or without a trailing slash', async () => {
    await core.api.importOpml('<opml version="1.0"><body><outline type="rss" text="Night Trains" xmlUrl="http://nighttrains.example/atom.xml"/></body></opml>');
    const result = await importFile('the-old-reader.opml');
    // Both of its outlines: the one over http, and the one over https with a slash.
    expect(result.skipped.filter((skip) => skip.reason === 'already subscribed').map((skip) => skip.title)).toEqual(['Night Trains (new address)', 'Night Trains']);
    expect((await subscriptions()).filter((line) => line.includes('Night Trains'))).toEqual(['Night Trains <http://nighttrains.example/atom.xml>']);
  });
});

describe('a long export', () => {
  it('imports a thousand feeds in 21 folders two levels deep, and skips the repeats and the sites without a feed', async () => {
    const sections = Array.from({ length: 7 }, (_, i) => `Section ${i + 1}`);
    const outlines = sections.map((section, s) => {
      const inner = ['News', 'Blogs'].map((kind, k) => {
        const feeds = Array.from({ length: 70 }, (_, f) => {
          const n = s * 140 + k * 70 + f;
          // Every hundredth is a site with no feed address; every fiftieth feed is listed again at the end, over http with a slash.
          if (n % 100 === 99) return `<outline text="Site ${n}" title="Site ${n}" htmlUrl="https://site${n}.example/"/>`;
          return `<outline type="rss" text="Feed ${n}" title="Feed ${n}" xmlUrl="https://feeds${n}.example/rss.xml" htmlUrl="https://feeds${n}.example/"/>`;
        });
        return `<outline text="${kind}" title="${kind}">${feeds.join('')}</outline>`;
      });
      return `<outline text="${section}" title="${section}">${inner.join('')}</outline>`;
    });
    const repeats = Array.from({ length: 20 }, (_, i) => `<outline type="rss" text="Again ${i}" xmlUrl="http://feeds${i * 50}.example/rss.xml/"/>`);
    const text = `<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><head><title>Everything</title></head><body>${outlines.join('')}${repeats.join('')}</body></opml>`;
    expect((text.match(/<outline /g) ?? []).length).toBe(980 + 21 + 20);
    const result = await core.api.importOpml(text);
    expect(result.added).toBe(971);
    expect(result.foldersCreated).toBe(21);
    expect(result.skipped.filter((skip) => skip.reason === 'no feed address (xmlUrl)')).toHaveLength(9);
    expect(result.skipped.filter((skip) => skip.reason.startsWith('also listed at the top level'))).toHaveLength(20);
  });
});

describe('our export of what was imported', () => {
  it('imports into another data folder as the same feeds in the same folders, empty ones too', async () => {
    for (const name of ['thunderbird.opml', 'newsblur.opml', 'the-old-reader.opml', 'outlook.opml']) await importFile(name);
    const exported = await core.api.exportOpml();
    // What other readers need of OPML 2.0: well-formed XML (a strict parser), a text on every
    // outline, and type="rss" with an xmlUrl on each feed's.
    await expect(new Parser({ strict: true }).parseStringPromise(exported)).resolves.toBeTruthy();
    const outlines = [...exported.matchAll(/<outline\b[^>]*>/g)].map(([tag]) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value])));
    expect(exported).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(outlines.length).toBeGreaterThan(10);
    expect(outlines.filter((outline) => !outline.text)).toEqual([]);
    expect(outlines.filter((outline) => outline.xmlUrl !== undefined && outline.type !== 'rss')).toEqual([]);
    const elsewhere = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      const result = await elsewhere.api.importOpml(exported);
      expect(result.skipped).toEqual([]);
      expect(await subscriptions(elsewhere)).toEqual(await subscriptions());
      expect((await elsewhere.api.listFolders()).map((folder) => folder.name).sort()).toEqual((await core.api.listFolders()).map((folder) => folder.name).sort());
    } finally {
      await elsewhere.close();
    }
  });
});
