// A data folder that cannot be written, for real: a full tiny tmpfs, and one remounted
// read-only. SQLite cannot even make its -shm file there, so the database used not to open at
// all ("disk I/O error", "unable to open database file"): nothing could be read. Now it opens
// read-only: everything stored reads as before, a write says what is wrong and where, and a
// notice says why nothing new is saved.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { item } from '../storage/items';
import { removeTempDirs, tempDir } from '../support/temp';
import { TinyDisk } from '../support/tiny-disk';

const disks: TinyDisk[] = [];
const cores: PaperboyCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});
afterAll(() => {
  for (const disk of disks.splice(0)) disk.unmount();
  removeTempDirs();
});

/**
 * A data folder at rest (one file: Storage.close empties the WAL) with a feed, three articles
 * (one read) and a draft, copied onto its own 2 MB disk: no connection of this process has the
 * copy open, so SQLite must make its -shm file anew, as the app does at its next start.
 */
function folderOnTinyDisk(): { dir: string; disk: TinyDisk; ids: string[] } {
  const made = tempDir();
  const storage = Storage.open(made);
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1:9/world.xml', title: 'World', siteUrl: null, description: null, folderId: null });
  const items = [item({ title: 'Talks in Geneva' }), item({ title: 'Rain in Lagos' }), item({ title: 'Markets calm' })];
  storage.articles.upsertFeedItems(feedId, items, Date.now());
  storage.articles.setRead([items[0]!.id], true);
  storage.drafts.create({ articleId: items[0]!.id, articleTitle: 'Talks in Geneva', articleUrl: null, feedTitle: 'World', replyTo: null, body: 'My reply, written before the disk filled.', name: 'Jo', email: '', website: '' });
  storage.close();
  const dir = path.join(tempDir(), 'Paperboy');
  mkdirSync(dir);
  const disk = TinyDisk.mount(dir, 2048);
  disks.push(disk);
  copyFileSync(path.join(made, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  return { dir, disk, ids: items.map((i) => i.id) };
}

function fill(dir: string): void {
  try {
    writeFileSync(path.join(dir, 'filler'), Buffer.alloc(4 * 1024 * 1024));
  } catch {
    // ENOSPC: the disk is now full, which is the point
  }
}

function open(dir: string): PaperboyCore {
  const core = openCore({ dataDir: dir, workers: 1, welcome: false });
  cores.push(core);
  return core;
}

async function expectReadable(core: PaperboyCore, ids: string[]): Promise<void> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  expect(articles.map((a) => a.title).sort()).toEqual(['Markets calm', 'Rain in Lagos', 'Talks in Geneva']);
  expect(await core.api.getArticle(ids[0]!)).toMatchObject({ title: 'Talks in Geneva', read: true });
  expect((await core.api.getDrafts()).map((d) => d.body)).toEqual(['My reply, written before the disk filled.']);
  expect((await core.api.search('Geneva')).map((hit) => hit.id)).toEqual([ids[0]]);
}

describe('a data folder that cannot be written', () => {
  it('on a full disk: opens read-only, everything reads, a write says "disk full" with the folder, and a notice says why', async () => {
    const { dir, ids } = folderOnTinyDisk();
    fill(dir);
    const core = open(dir);
    await expectReadable(core, ids);
    await expect(core.api.setStarred(ids[1]!, true)).rejects.toThrow(`disk full: no space left for the database in ${dir}`);
    expect(await core.api.getNotices()).toEqual([
      expect.objectContaining({ title: 'Paperboy opened your data read-only', message: expect.stringContaining(`disk full: no space left for the database in ${dir}. Everything stored can be read`) }),
    ]);
  });

  it('on a read-only disk: the same, and the write says the folder is read-only', async () => {
    const { dir, disk, ids } = folderOnTinyDisk();
    disk.readOnly();
    const core = open(dir);
    await expectReadable(core, ids);
    await expect(core.api.setStarred(ids[1]!, true)).rejects.toThrow(`read-only: Paperboy cannot write to ${dir} (the folder or its disk is read-only)`);
    expect((await core.api.getNotices()).map((n) => n.title)).toEqual(['Paperboy opened your data read-only']);
  });
});
