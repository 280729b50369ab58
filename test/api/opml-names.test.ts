// Moving subscriptions between readers with OPML, as the person sees the result: the names and
// folders of the list after import and after the first sync, and what an export carries. Over the
// real core (SQLite on disk), parser and client, with the feeds on a loopback site.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
const cores: Core[] = [];

beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await server.stop();
  removeTempDirs();
});

function openCore(welcome = false): Core {
  const core = new Core({ dataDir: tempDir(), workers: 1, welcome });
  cores.push(core);
  return core;
}

/** A WordPress feed calling itself `title`. */
function publish(path: string, title: string): void {
  server.serve(path, {
    type: 'application/rss+xml; charset=UTF-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${server.url('/')}</link><description>Notes</description>
<item><title>Hello world!</title><link>${server.url('/2024/05/hello-world/')}</link><guid isPermaLink="false">${server.url('/?p=1')}</guid><pubDate>Mon, 20 May 2024 09:30:00 +0000</pubDate></item>
</channel></rss>`,
  });
}

/** The subscription list as the sidebar shows it: each feed's name under its folder's. */
async function sidebar(core: Core): Promise<string[]> {
  const folders = await core.api.listFolders();
  const folderName = (id: number | null) => folders.find((folder) => folder.id === id)?.name ?? '(top)';
  return (await core.api.listFeeds()).map((feed) => `${folderName(feed.folderId)} / ${feed.title}`);
}

const outline = (attributes: string) => `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="Tech" title="Tech">${attributes}</outline>
</body></opml>`;

describe('names given in another reader', () => {
  it('keeps a feed renamed there through the first sync', async () => {
    publish('/feed/', 'Café Dev Blog');
    const core = openCore();
    await core.api.importOpml(outline(`<outline type="rss" text="Alice's coding notes" xmlUrl="${server.url('/feed/')}"/>`));
    expect(await sidebar(core)).toEqual(["Tech / Alice's coding notes"]);
    await core.api.sync({ fullText: false, images: false });
    expect(await sidebar(core)).toEqual(["Tech / Alice's coding notes"]);
  });

  it("lets a feed imported under its own name show the name it takes later", async () => {
    publish('/feed/', 'Café Dev Blog');
    const core = openCore();
    await core.api.importOpml(outline(`<outline type="rss" text="Café Dev Blog" xmlUrl="${server.url('/feed/')}"/>`));
    await core.api.sync({ fullText: false, images: false });
    publish('/feed/', 'Café Dev Blog (now weekly)');
    await core.api.sync({ fullText: false, images: false });
    expect(await sidebar(core)).toEqual(['Tech / Café Dev Blog (now weekly)']);
  });

  it('survives export and import into another data folder, and its first sync', async () => {
    publish('/feed/', 'Café Dev Blog');
    publish('/other/feed/', 'Road Notes');
    const first = openCore();
    await first.api.addFeed(server.url('/feed/'));
    await first.api.addFeed(server.url('/other/feed/'));
    const [renamed] = (await first.api.listFeeds()).filter((feed) => feed.url === server.url('/feed/'));
    const folder = await first.api.createFolder('Tech', null);
    await first.api.updateFeed(renamed!.id, { title: 'Morning coffee', folderId: folder.id });

    const second = openCore();
    await second.api.importOpml(await first.api.exportOpml());
    await second.api.sync({ fullText: false, images: false });
    expect(await sidebar(second)).toEqual(['Tech / Morning coffee', '(top) / Road Notes']);
    // And back again, unchanged.
    const third = openCore();
    await third.api.importOpml(await second.api.exportOpml());
    await third.api.sync({ fullText: false, images: false });
    expect(await sidebar(third)).toEqual(await sidebar(second));
  });

  it("takes a feed listed under its own address (how an export names a feed never synced) for one without a name: it shows the feed's title after the first sync", async () => {
    publish('/feed/', 'Café Dev Blog');
    // `newsboat -e` writes title="" for a feed it has not fetched yet.
    const first = openCore();
    await first.api.importOpml(`<?xml version="1.0"?><opml version="1.0"><head><title>newsboat - Exported Feeds</title></head><body>
<outline type="rss" xmlUrl="${server.url('/feed/')}" htmlUrl="" title=""/></body></opml>`);
    const second = openCore();
    await second.api.importOpml(await first.api.exportOpml());
    await second.api.sync({ fullText: false, images: false });
    expect(await sidebar(second)).toEqual(['(top) / Café Dev Blog']);
  });

  it('reads the name from text when title is empty', async () => {
    const core = openCore();
    const opml = `<opml version="2.0"><body><outline title="" text="Tech"><outline type="rss" title="" text="Café Dev Blog" xmlUrl="${server.url('/feed/')}"/></outline></body></opml>`;
    await core.api.importOpml(opml);
    expect(await sidebar(core)).toEqual(['Tech / Café Dev Blog']);
  });
});

describe('export', () => {
  it("leaves out the welcome feed, which is the app's, not a subscription", async () => {
    publish('/feed/', 'Café Dev Blog');
    const core = openCore(true);
    await core.api.addFeed(server.url('/feed/'));
    expect((await core.api.listFeeds()).some((feed) => feed.builtin)).toBe(true);
    const opml = await core.api.exportOpml();
    expect(opml).toContain(`xmlUrl="${server.url('/feed/')}"`);
    expect(opml).not.toContain('paperboy.invalid');
  });
});
