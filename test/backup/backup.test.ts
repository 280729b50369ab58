// Export and restore of all data as one file, with real data: feeds synced from a loopback news
// site (articles with their images), read and starred marks, drafts, settings. Restored into a
// fresh folder and over a folder with other data; damaged and foreign files refused with the
// data folder left byte for byte as it was; a full disk leaves no half backup.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, checkBackup, IMAGES_TABLE, META_TABLE } from '../../electron/core/backup/format';
import { openCore, restoreDataFolder, type PaperboyCore } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { damageMiddle } from '../support/damage';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { TinyDisk } from '../support/tiny-disk';

let site: NewsSite;
let source: string;
let backup: string;
const disks: TinyDisk[] = [];

/** What a person would check after a restore: everything they had, as they left it. */
async function snapshot(core: PaperboyCore) {
  const page = await core.api.listArticles({ filter: { kind: 'all' }, limit: 500 });
  const first = await core.api.getArticle(page.articles.find((a) => a.title.startsWith('Story 0 of feed 0'))!.id);
  const info = await core.api.storageInfo();
  return {
    feeds: (await core.api.listFeeds()).map((f) => `${f.title} <${f.url}>`).sort(),
    folders: (await core.api.listFolders()).map((f) => f.name),
    articles: page.articles.map((a) => `${a.title} read=${a.read} starred=${a.starred}`).sort(),
    firstHtml: first!.html,
    drafts: (await core.api.getDrafts()).map((d) => `${d.body} (${d.articleTitle})`),
    settings: await core.api.getSettings(),
    images: { count: info.imageCount, bytes: info.imageBytes },
  };
}

/** Every file of a folder and the hash of its bytes. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

let expected: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  site = await NewsSite.start({ feeds: 2, itemsPerFeed: 4 });
  source = tempDir('paperboy-backup-source-');
  const core = openCore({ dataDir: source, workers: 1 });
  try {
    const folder = await core.api.createFolder('World');
    await core.api.addFeed(site.feedUrl(0), folder.id);
    await core.api.addFeed(site.feedUrl(1));
    const summary = await core.api.sync();
    expect(summary.feedsFailed).toBe(0);
    const page = await core.api.listArticles({ filter: { kind: 'all' } });
    const [a, b] = page.articles.filter((article) => !article.title.includes('Paperboy'));
    await core.api.setRead([a!.id], true);
    await core.api.setStarred(b!.id, true);
    await core.api.saveDraft({ articleId: a!.id, body: 'My reply, kept in the backup.', name: 'Jo' });
    await core.api.updateSettings({ keepDays: 30, theme: 'dark' });
    expected = await snapshot(core);
    expect(expected.images.count).toBeGreaterThan(10);
    expect(expected.firstHtml).toMatch(/src="paperboy-cache:/);
    backup = path.join(tempDir('paperboy-backup-file-'), 'all.paperboy-backup');
    // While the core is open, as in the app: VACUUM INTO reads a consistent snapshot.
    const info = await core.exportData(backup);
    // The two subscribed to; the welcome feed every folder has is not counted.
    expect(info).toMatchObject({ feeds: 2, drafts: 1, images: expected.images.count, settings: true });
  } finally {
    await core.close();
  }
}, 120_000);

afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});
afterAll(async () => {
  await site?.stop();
  removeTempDirs();
});

describe('export and restore of all data', () => {
  it('the backup is one SQLite file that checks out: integrity_check, format and version recorded', () => {
    expect(readdirSync(path.dirname(backup))).toEqual(['all.paperboy-backup']);
    const db = new Sqlite(backup, { readonly: true });
    expect(db.value('PRAGMA integrity_check')).toBe('ok');
    expect(db.value(`SELECT value FROM ${META_TABLE} WHERE key = 'format'`)).toBe('paperboy-backup');
    db.close();
  });

  it('restored into a fresh folder: the same feeds, articles with their images, read and starred marks, drafts and settings', async () => {
    const fresh = path.join(tempDir('paperboy-backup-fresh-'), 'data');
    const result = restoreDataFolder(fresh, backup);
    expect(result.previousDatabase).toBeNull();
    const core = openCore({ dataDir: fresh, workers: 1 });
    try {
      expect(await snapshot(core)).toEqual(expected);
      expect(await core.api.getNotices()).toEqual([]);
    } finally {
      await core.close();
    }
    // The image files themselves, byte for byte.
    const images = (dir: string) => Object.fromEntries(Object.entries(files(path.join(dir, 'images'))).filter(([name]) => !name.endsWith('.tmp')));
    expect(images(fresh)).toEqual(images(source));
  });

  it('restored over a folder with other data: the backup wins, the replaced database and settings are kept aside', async () => {
    const other = tempDir('paperboy-backup-other-');
    const core = openCore({ dataDir: other, workers: 1 });
    await core.api.createFolder('Other folder');
    await core.api.updateSettings({ keepDays: 7 });
    await core.close();

    const result = restoreDataFolder(other, backup);
    expect(result.previousDatabase).toMatch(/paperboy\.db\.before-restore-\d{8}-\d{6}$/);
    expect(result.previousSettings).toMatch(/config\.json\.before-restore-\d{8}-\d{6}$/);
    const restored = openCore({ dataDir: other, workers: 1 });
    try {
      expect(await snapshot(restored)).toEqual(expected);
    } finally {
      await restored.close();
    }
    const old = new Sqlite(result.previousDatabase!, { readonly: true });
    expect(old.value('SELECT name FROM folders')).toBe('Other folder');
    old.close();
    expect(JSON.parse(readFileSync(result.previousSettings!, 'utf8'))).toMatchObject({ keepDays: 7 });
  });

  describe('a file that is not a whole backup is refused, and nothing in the data folder changes', () => {
    const copyOfBackup = (change: (db: Sqlite) => void): string => {
      const file = path.join(tempDir('paperboy-backup-bad-'), 'bad.paperboy-backup');
      writeFileSync(file, readFileSync(backup));
      const db = new Sqlite(file);
      change(db);
      db.close();
      return file;
    };
    const cases: [string, () => string, RegExp][] = [
      ['a text file', () => {
        const file = path.join(tempDir('paperboy-backup-bad-'), 'notes.txt');
        writeFileSync(file, 'shopping list: bread, milk\n'.repeat(100));
        return file;
      }, /is not a Paperboy backup: the file is not an SQLite database/],
      ['a missing file', () => path.join(tempDir('paperboy-backup-bad-'), 'nowhere.paperboy-backup'), /nowhere\.paperboy-backup does not exist$/],
      ['a Paperboy database that is not a backup', () => path.join(source, DATABASE_FILE), /is an SQLite database but not a Paperboy backup/],
      ['an image whose bytes do not match its name', () => copyOfBackup((db) => db.run(`UPDATE ${IMAGES_TABLE} SET bytes = zeroblob(100) WHERE rowid = 3`)), /damaged: the image [0-9a-f]{12}… does not match/],
      ['a backup from a newer Paperboy', () => copyOfBackup((db) => db.run(`UPDATE ${META_TABLE} SET value = '2' WHERE key = 'format_version'`)), /made by a newer Paperboy/],
      ['junk over pages in the middle', () => {
        const file = copyOfBackup(() => undefined);
        damageMiddle(file, 4);
        return file;
      }, /damaged/],
    ];
    it.each(cases)('%s', async (_name, make, message) => {
      const dir = tempDir('paperboy-backup-kept-');
      const core = openCore({ dataDir: dir, workers: 1 });
      await core.api.createFolder('Mine');
      await core.close();
      const before = files(dir);
      const file = make();
      expect(() => restoreDataFolder(dir, file)).toThrow(BackupError);
      expect(() => restoreDataFolder(dir, file)).toThrow(message);
      expect(files(dir)).toEqual(before);
    });
  });

  it('a disk too small for the backup: a clear error, no partial file, the data folder still works', async () => {
    const dir = tempDir('paperboy-backup-tiny-');
    mkdirSync(path.join(dir, 'disk'));
    disks.push(TinyDisk.mount(path.join(dir, 'disk'), 256));
    const core = openCore({ dataDir: source, workers: 1 });
    try {
      await expect(core.exportData(path.join(dir, 'disk', 'all.paperboy-backup'))).rejects.toThrow(`disk full: no space left for the backup in ${path.join(dir, 'disk')}`);
      expect(readdirSync(path.join(dir, 'disk'))).toEqual([]);
      expect((await snapshot(core)).drafts).toEqual(expected.drafts);
    } finally {
      await core.close();
    }
  });

  it('checkBackup describes a good backup without changing it', () => {
    // The person's two subscriptions, as the export said them: the welcome feed is not one.
    const before = readFileSync(backup);
    expect(checkBackup(backup)).toMatchObject({ feeds: 2, drafts: 1, settings: true, schemaVersion: expect.any(Number) });
    expect(readFileSync(backup).equals(before)).toBe(true);
  });
});
