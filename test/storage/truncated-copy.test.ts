// A database cut short, as an interrupted copy or backup leaves it: the file ends on a page
// boundary, but its header still counts the pages the whole file had. SQLite refuses every read
// of such a file (the header says more pages than there are), so the salvage used to read
// nothing: the drafts, subscriptions and stars were gone from the app, though the file was kept.
// Now what is there is read. The folder is a copy (another file than the one this process wrote,
// as after a real copy: SQLite in the writing process would still see the whole file).
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Storage, type NewDraft } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { openOrRecover, recoveryNotice } from '../../electron/core/storage/recovery';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { pageSize } from '../support/damage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const NOW = Date.UTC(2026, 10, 28);
const STAMP = new Date(2026, 10, 28, 9, 5, 7);
const MOVED = `${DATABASE_FILE}.corrupt-20261128-090507`;
const ARTICLES = 200;
const DRAFT = 'The talks were frank, but three hours is not a dialogue.';

afterEach(removeTempDirs);

/** A data folder as the app leaves it: a folder, two feeds, articles with long bodies (one read
 *  and starred), a comment draft; closed, so the database is one file. */
function library(): { dir: string; starredTitle: string } {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const folder = storage.feeds.ensureFolder('World', null, NOW).folder;
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/world.xml', title: 'World', siteUrl: null, description: null, folderId: folder.id });
  storage.feeds.add({ url: 'http://127.0.0.1/local.xml', title: 'Local', siteUrl: null, description: null, folderId: null });
  const items = Array.from({ length: ARTICLES }, () => item({ feedHtml: `<p>${'Long body. '.repeat(300)}</p>` }));
  storage.db.transaction(() => items.forEach((one) => storage.articles.upsertFeedItems(feedId, [one], NOW)));
  const starred = items[3]!;
  storage.articles.setStarred(starred.id, true, NOW);
  storage.articles.setRead([starred.id], true, NOW);
  const draft: NewDraft = { articleId: starred.id, articleTitle: starred.title, articleUrl: starred.url, feedTitle: 'World', replyTo: null, body: DRAFT, name: 'Jo', email: 'jo@example.org', website: '' };
  storage.drafts.create(draft, NOW);
  storage.close();
  return { dir, starredTitle: starred.title };
}

/** A copy of the folder's database that stopped after `keep` of its bytes. */
function interruptedCopy(from: string, keep: (file: string) => number): { dir: string; bytes: Buffer } {
  const dir = tempDir();
  const file = path.join(dir, DATABASE_FILE);
  copyFileSync(path.join(from, DATABASE_FILE), file);
  truncateSync(file, keep(file));
  return { dir, bytes: readFileSync(file) };
}

/** A share of the file, on a page boundary. */
const share = (part: number) => (file: string) => Math.floor((statSync(file).size * part) / pageSize(file)) * pageSize(file);

/** Up to the last page of the list of tables (sqlite_schema), which holds the newest migrations'
 *  entries: the file ends inside the list itself. */
function beforeTheLastSchemaPage(file: string): number {
  const db = new Sqlite(file, { readonly: true });
  const last = db.value<number>("SELECT max(pageno) FROM dbstat WHERE name = 'sqlite_schema'")!;
  db.close();
  return (last - 1) * pageSize(file);
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What a cut leaves: the person's own small tables sit in the file's first pages; the articles'
 *  pages run to its end, so a deeper cut takes more of them (and the star's row with them). */
const CUTS = [
  { name: '88% of it', keep: share(0.88), articlesAtLeast: ARTICLES / 2, starKept: true },
  { name: '46% of it', keep: share(0.46), articlesAtLeast: 1, starKept: false },
  { name: 'inside the list of tables', keep: beforeTheLastSchemaPage, articlesAtLeast: 0, starKept: false },
];

describe('a database cut short by an interrupted copy', () => {
  for (const { name, keep, articlesAtLeast, starKept } of CUTS) {
    it(`(${name}): set aside unchanged; the drafts, subscriptions, folder${starKept ? ', articles with their marks' : ''} come back`, () => {
      const { dir: original, starredTitle } = library();
      const { dir, bytes } = interruptedCopy(original, keep);

      const { db, recovery } = openOrRecover(dir, { now: STAMP });
      try {
        expect(recovery?.reason).toMatch(/^the file is cut short/);
        expect(digest(readFileSync(path.join(dir, MOVED)))).toBe(digest(bytes));
        expect(recovery).toMatchObject({ draftsRecovered: 1, feedsRecovered: 2, foldersRecovered: 1, starredRecovered: starKept ? 1 : 0, incomplete: true });
        expect(recovery!.articlesRecovered).toBeGreaterThanOrEqual(articlesAtLeast);
        expect(recoveryNotice(recovery!).message).toContain('Recovered from it: 1 comment draft, 2 subscriptions, 1 folder.');

        expect(db.all('SELECT body FROM drafts')).toEqual([{ body: DRAFT }]);
        expect(db.all('SELECT f.url, d.name AS folder FROM feeds f LEFT JOIN folders d ON d.id = f.folder_id ORDER BY f.url')).toEqual([
          { url: 'http://127.0.0.1/local.xml', folder: null },
          { url: 'http://127.0.0.1/world.xml', folder: 'World' },
        ]);
        const marked = db.all('SELECT a.title, s.read, s.starred FROM articles a JOIN article_status s ON s.article_id = a.id WHERE s.starred = 1 OR s.read = 1');
        expect(marked).toEqual(starKept ? [{ title: starredTitle, read: 1, starred: 1 }] : []);
      } finally {
        db.close();
      }
    });
  }
});
