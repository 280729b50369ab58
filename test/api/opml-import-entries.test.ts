// Importing other readers' OPML exports as they come: bookmarks and included lists beside the
// feeds, a feed filed in two folders (Feedly and Inoreader export it once per folder), feed://
// addresses, a file cut off mid-way. What the person sees: the subscription list, the folders, and
// the skipped entries' reasons. Over the real core with SQLite on disk; no network is touched.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  removeTempDirs();
});

function openCore(): Core {
  const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
  cores.push(core);
  return core;
}

const opml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>Exported</title></head>\n  <body>\n${body}\n  </body>\n</opml>\n`;

/** The subscription list as the sidebar shows it: each feed's address under its folder's name. */
async function sidebar(core: Core): Promise<string[]> {
  const folders = await core.api.listFolders();
  const folderName = (id: number | null) => folders.find((folder) => folder.id === id)?.name ?? '(top)';
  const feeds = (await core.api.listFeeds()).map((feed) => `${folderName(feed.folderId)}: ${feed.url}`);
  const empty = folders.filter((folder) => !feeds.some((line) => line.startsWith(`${folder.name}:`))).map((folder) => `${folder.name}: (empty)`);
  return [...feeds, ...empty].sort();
}

describe('bookmarks and included lists in an export', () => {
  it('are skipped with their address and why, not made into empty folders', async () => {
    const core = openCore();
    const result = await core.api.importOpml(opml(`    <outline text="Bookmarks">
      <outline type="link" text="Paperboy homepage" url="https://paperboy.example/"/>
      <outline type="include" text="Friends' blogroll" url="https://example.org/blogroll.opml"/>
      <outline type="rss" text="A blog" xmlUrl="https://blog.example/rss"/>
    </outline>`));
    expect(result.skipped).toEqual([
      { url: 'https://paperboy.example/', title: 'Paperboy homepage', reason: 'a link to a web page, not a feed' },
      { url: 'https://example.org/blogroll.opml', title: "Friends' blogroll", reason: 'an included OPML file, not a feed' },
    ]);
    expect(await sidebar(core)).toEqual(['Bookmarks: https://blog.example/rss']);
  });
});

describe('a feed listed in two folders', () => {
  const feedly = opml(`    <outline text="Tech" title="Tech">
      <outline type="rss" text="Daring Fireball" title="Daring Fireball" xmlUrl="https://daringfireball.net/feeds/main" htmlUrl="https://daringfireball.net/"/>
    </outline>
    <outline text="Apple" title="Apple">
      <outline type="rss" text="Daring Fireball" title="Daring Fireball" xmlUrl="https://daringfireball.net/feeds/main" htmlUrl="https://daringfireball.net/"/>
      <outline type="rss" text="Six Colors" title="Six Colors" xmlUrl="https://sixcolors.com/feed/" htmlUrl="https://sixcolors.com"/>
    </outline>`);

  it('is subscribed in its first folder, and the second listing says so', async () => {
    const core = openCore();
    const result = await core.api.importOpml(feedly);
    expect(result.added).toBe(2);
    expect(result.skipped).toEqual([
      { url: 'https://daringfireball.net/feeds/main', title: 'Daring Fireball', reason: 'also listed in folder "Apple": kept in folder "Tech"' },
    ]);
    expect(await sidebar(core)).toEqual(['Apple: https://sixcolors.com/feed/', 'Tech: https://daringfireball.net/feeds/main']);
  });

  it('is only "already subscribed" when imported again', async () => {
    const core = openCore();
    await core.api.importOpml(feedly);
    const again = await core.api.importOpml(feedly);
    expect(again.skipped.map((skip) => skip.reason)).toEqual(['already subscribed', 'already subscribed', 'already subscribed']);
  });
});

describe('a feed:// address', () => {
  it('is imported as add takes it', async () => {
    const core = openCore();
    const result = await core.api.importOpml(opml(`    <outline type="rss" text="Old link" xmlUrl="feed://feedscheme.example/rss.xml"/>
    <outline type="rss" text="Older link" xmlUrl="feed:https://other.example/atom.xml"/>`));
    expect(result.skipped).toEqual([]);
    expect(await sidebar(core)).toEqual(['(top): https://feedscheme.example/rss.xml', '(top): https://other.example/atom.xml']);
  });
});

describe('a file cut off mid-way', () => {
  const cut = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Cut</title></head><body>
<outline text="Tech"><outline type="rss" text="One" xmlUrl="https://one.example/rss"/>
<outline type="rss" text="Two" xmlUrl="https://two.example/rss"/>
<outline type="rss" text="Thr`;

  it('imports its complete entries and says the file ended early', async () => {
    const core = openCore();
    const result = await core.api.importOpml(cut);
    expect(result.added).toBe(2);
    expect(result.skipped).toEqual([
      { url: null, title: 'the rest of the file', reason: 'the file ends early, at line 5: the complete entries before it were imported' },
    ]);
    expect(await sidebar(core)).toEqual(['Tech: https://one.example/rss', 'Tech: https://two.example/rss']);
  });

  it('cut right after a tag, still says so', async () => {
    const core = openCore();
    const result = await core.api.importOpml(cut.slice(0, cut.lastIndexOf('\n')));
    expect(result.added).toBe(2);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['the file ends early, at line 4: the complete entries before it were imported']);
  });

  it('is still no OPML file when it is not one', async () => {
    const core = openCore();
    await expect(core.api.importOpml('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed')).rejects.toThrow('Not an OPML file');
  });
});
