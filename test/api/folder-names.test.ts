// Folders as the person keeps them: an empty folder survives an OPML round trip into another
// data folder, and two folders side by side never read the same (the sidebar could not tell
// them apart, and a round trip merged them). Over the real core, SQLite on disk and the OPML parser.
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

/** The folder tree as the sidebar shows it: each folder's path. */
async function folderTree(core: Core): Promise<string[]> {
  const folders = await core.api.listFolders();
  const pathOf = (id: number | null): string => {
    const folder = folders.find((f) => f.id === id);
    return folder ? [pathOf(folder.parentId), folder.name].filter(Boolean).join(' / ') : '';
  };
  return folders.map((folder) => pathOf(folder.id)).sort();
}

const opml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Mine</title></head><body>${body}</body></opml>`;

describe('empty folders in OPML', () => {
  it('come back in another data folder after export and import, nested ones too', async () => {
    const first = openCore();
    const news = await first.api.createFolder('News');
    await first.api.createFolder('Blogs');
    await first.api.createFolder('Europe', news.id);

    const second = openCore();
    const result = await second.api.importOpml(await first.api.exportOpml());
    expect(await folderTree(second)).toEqual(['Blogs', 'News', 'News / Europe']);
    expect(result).toMatchObject({ added: 0, foldersCreated: 3, skipped: [] });
  });

  it('are not made twice: a folder of that name already there (as read) is the one', async () => {
    const core = openCore();
    await core.api.createFolder('Blogs');
    const result = await core.api.importOpml(opml('<outline text=" blogs " title=" blogs "/><outline text="Podcasts"/>'));
    expect(await folderTree(core)).toEqual(['Blogs', 'Podcasts']);
    expect(result.foldersCreated).toBe(1);
  });

  it('an entry that looks like a feed without its address is still skipped, not made a folder', async () => {
    const core = openCore();
    const result = await core.api.importOpml(opml('<outline type="rss" text="Lost feed" htmlUrl="https://example.org/"/>'));
    expect(await folderTree(core)).toEqual([]);
    expect(result.skipped).toEqual([{ url: null, title: 'Lost feed', reason: 'no feed address (xmlUrl)' }]);
  });
});

describe('two folders side by side', () => {
  it('cannot be created with the same name, whatever the case or spaces around it', async () => {
    const core = openCore();
    await core.api.createFolder('Tech');
    await expect(core.api.createFolder('tech ')).rejects.toThrow('There is already a folder named "Tech" at the top level; choose another name.');
    expect(await folderTree(core)).toEqual(['Tech']);
  });

  it('cannot be renamed to a sibling name; a folder elsewhere, or its own name in another case, is fine', async () => {
    const core = openCore();
    const tech = await core.api.createFolder('Tech');
    const news = await core.api.createFolder('News');
    const inNews = await core.api.createFolder('Tech', news.id);
    await expect(core.api.renameFolder(news.id, 'TECH')).rejects.toThrow('There is already a folder named "Tech" at the top level; choose another name.');
    const world = await core.api.createFolder('World', news.id);
    await expect(core.api.renameFolder(world.id, 'tech')).rejects.toThrow('There is already a folder named "Tech" in "News"; choose another name.');
    expect(await core.api.renameFolder(tech.id, 'TECH')).toMatchObject({ name: 'TECH' });
    expect(await core.api.renameFolder(inNews.id, 'Gadgets')).toMatchObject({ name: 'Gadgets' });
    expect(await folderTree(core)).toEqual(['News', 'News / Gadgets', 'News / World', 'TECH']);
  });

  it('is refused over the wire with the refusal code the hosts show', async () => {
    const core = openCore();
    await core.call('createFolder', ['Tech']);
    await expect(core.call('createFolder', ['TECH'])).rejects.toMatchObject({ code: 'refused' });
  });
});
