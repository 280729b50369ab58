// A disk that fills up during a sync, for real: a tiny tmpfs (test/support/tiny-disk.ts) under
// the image cache, then under the whole data folder (where SQLite runs out of room too). The
// sync says so clearly, nothing stored is harmed, no half-written file stays, and once space is
// freed the next sync completes everything.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES_FOLDER } from '../../electron/core';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { NewsSite } from '../support/news-site';
import { paperboy, type Run } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';
import { TinyDisk } from '../support/tiny-disk';
import { checkDataFolder, personalState, withDatabase } from './support/folder-check';

const FEEDS = 12;
const ITEMS = 10;
const IMAGES_PER_ARTICLE = 2;
/** Room for about a hundred cached images (tmpfs gives each file a 4 KB page): the first feed's
 *  twenty fit, the whole site's 240 do not. */
const TINY_KB = 512;
const ROOMY_KB = 64 * 1024;

let site: NewsSite;
const disks: TinyDisk[] = [];
beforeAll(async () => {
  site = await NewsSite.start({ feeds: FEEDS, itemsPerFeed: ITEMS, imagesPerArticle: IMAGES_PER_ARTICLE });
});
afterAll(async () => {
  await site.stop();
  for (const disk of disks.splice(0)) disk.unmount();
  removeTempDirs();
});

function mountTiny(dir: string, sizeKb: number): TinyDisk {
  mkdirSync(dir, { recursive: true });
  const disk = TinyDisk.mount(dir, sizeKb);
  disks.push(disk);
  return disk;
}

function subscribeToAll(dataDir: string): Promise<Run> {
  const opml = path.join(tempDir(), 'feeds.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body>${site.feedUrls().map((url) => `<outline type="rss" xmlUrl="${url}"/>`).join('')}</body></opml>`);
  return paperboy('import', opml, '--data', dataDir);
}

/** The first feed synced while there is room, and one of its articles read: what must survive. */
async function storedBeforeTheDiskFills(dataDir: string): Promise<string> {
  expect((await paperboy('sync', '--feed', site.feedUrl(0), '--data', dataDir)).code).toBe(0);
  const report = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
  expect(report).toMatchObject({ complete: ITEMS, pending: 0, imageFiles: ITEMS * IMAGES_PER_ARTICLE });
  const id = withDatabase(dataDir, (db) => db.value<string>("SELECT id FROM articles WHERE fulltext_state = 'done' LIMIT 1"))!;
  const read = await paperboy('call', 'setRead', JSON.stringify([[id], true]), '--data', dataDir);
  expect(read.stderr).toBe('');
  expect(read.code).toBe(0);
  return id;
}

async function getArticle(dataDir: string, id: string): Promise<{ html: string; read: boolean; fullTextState: string; fullTextError: string | null }> {
  const run = await paperboy('call', 'getArticle', JSON.stringify([id]), '--data', dataDir);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

/** Every line the CLI wrote to stderr is one of its own messages (no stack trace, no crash). */
function expectOnlyMessages(run: Run): void {
  for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^(warning|failed): /);
}

describe('disk full while caching images', () => {
  it('the image cache on a full disk: a clear warning, affected articles stay pending and say why, the next sync with room completes', async () => {
    const dataDir = tempDir();
    const imagesDir = path.join(dataDir, IMAGES_FOLDER);
    const disk = mountTiny(imagesDir, TINY_KB);
    expect((await subscribeToAll(dataDir)).code).toBe(0);
    const earlier = await storedBeforeTheDiskFills(dataDir);
    const earlierArticle = await getArticle(dataDir, earlier);

    const full = await paperboy('sync', '--data', dataDir);
    const message = `disk full: no space left for images in ${imagesDir}`;
    console.log(`sync on a full disk: exit ${full.code}; ${full.stdout.trim()}; stderr: ${JSON.stringify(full.stderr)}`);
    expect(full.code).toBe(0); // the feeds themselves synced
    expect(full.stderr).toBe(`warning: ${message}\n`);
    const report = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
    expect(report.tempFiles).toEqual([]);
    expect(report.pending).toBeGreaterThan(0);
    expect(report.articles).toBe(FEEDS * ITEMS);
    const notes = withDatabase(dataDir, (db) => db.all<{ note: string | null }>("SELECT fulltext_error AS note FROM articles WHERE fulltext_state = 'pending'"));
    expect(new Set(notes.map((row) => row.note))).toEqual(new Set([message]));
    const pendingId = withDatabase(dataDir, (db) => db.value<string>("SELECT id FROM articles WHERE fulltext_state = 'pending' LIMIT 1"))!;
    expect(await getArticle(dataDir, pendingId)).toMatchObject({ fullTextState: 'pending', fullTextError: message });
    expect(await getArticle(dataDir, earlier)).toEqual(earlierArticle);

    disk.resize(ROOMY_KB);
    const after = await paperboy('sync', '--data', dataDir);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    const done = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
    expect(done).toMatchObject({ articles: FEEDS * ITEMS, pending: 0, imageFiles: FEEDS * ITEMS * IMAGES_PER_ARTICLE, tempFiles: [] });
    expect(await getArticle(dataDir, earlier)).toEqual(earlierArticle);
  }, 180_000);

  it('the whole data folder on a full disk: the database is unharmed, the output says the disk is full, the next sync completes', async () => {
    const dataDir = tempDir();
    const disk = mountTiny(dataDir, TINY_KB * 4);
    expect((await subscribeToAll(dataDir)).code).toBe(0);
    const earlier = await storedBeforeTheDiskFills(dataDir);
    const earlierArticle = await getArticle(dataDir, earlier);
    const before = personalState(dataDir);

    const full = await paperboy('sync', '--data', dataDir);
    console.log(`sync with the data folder on a full disk: exit ${full.code}; ${full.stdout.trim()}; stderr: ${JSON.stringify(full.stderr)}`);
    expect(`${full.stdout}${full.stderr}`).toMatch(/disk full/);
    expectOnlyMessages(full);
    const report = checkDataFolder(dataDir, IMAGES_PER_ARTICLE);
    expect(report.tempFiles).toEqual([]);
    expect(report.complete).toBeLessThan(FEEDS * ITEMS);
    expect(personalState(dataDir)).toEqual(before);
    expect(await getArticle(dataDir, earlier)).toEqual(earlierArticle);

    disk.resize(ROOMY_KB);
    const after = await paperboy('sync', '--data', dataDir);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(checkDataFolder(dataDir, IMAGES_PER_ARTICLE)).toMatchObject({ articles: FEEDS * ITEMS, pending: 0, tempFiles: [] });
    expect(await getArticle(dataDir, earlier)).toEqual(earlierArticle);
  }, 180_000);
});

describe('SQLite on a full disk', () => {
  it('a transaction that does not fit rolls back whole with a clear error, and the next one commits once there is room', () => {
    const dir = tempDir();
    const disk = mountTiny(dir, 256);
    const db = new Sqlite(path.join(dir, 'full.db'));
    try {
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE notes (body TEXT NOT NULL)');
      db.run("INSERT INTO notes VALUES ('kept')");
      const tooBig = () => db.transaction(() => {
        for (let n = 0; n < 100; n++) db.run('INSERT INTO notes VALUES (?)', ['x'.repeat(8000)]);
      });
      expect(tooBig).toThrow(`disk full: no space left for the database in ${dir}`);
      expect(db.all('SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
      expect(db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      disk.resize(ROOMY_KB);
      tooBig();
      expect(db.value('SELECT count(*) FROM notes')).toBe(101);
    } finally {
      db.close();
    }
  });
});
