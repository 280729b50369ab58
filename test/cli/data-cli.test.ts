// The CLI's side of crash safety, as a person runs it: a damaged database is reported on stderr
// (and the command still works), `export-data` and `restore-data` move all data through one file.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { damageMiddle } from '../support/damage';
import { runBundles } from '../support/bundle';
import { cliScript, paperboy, runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const call = async (data: string, method: string, args: unknown[] = []) => {
  const run = await paperboy('call', method, JSON.stringify(args), '--data', data);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as unknown;
};

describe('paperboy CLI and the whole data folder', () => {
  it('export-data then restore-data into another folder brings back folders, drafts and settings', async () => {
    const data = tempDir();
    await call(data, 'createFolder', ['Kept']);
    const articles = (await call(data, 'listArticles', [{ filter: { kind: 'all' } }])) as { articles: { id: string }[] };
    await call(data, 'saveDraft', [{ articleId: articles.articles[0]!.id, body: 'Carried over in the backup.' }]);
    await call(data, 'updateSettings', [{ keepDays: 12 }]);
    const file = path.join(tempDir(), 'all.paperboy-backup');
    const exported = await paperboy('export-data', file, '--data', data);
    expect(exported.code).toBe(0);
    // The welcome feed comes with every folder: not one the person subscribed to.
    expect(exported.stdout).toMatch(/^Exported 0 feeds, \d+ articles, 1 draft, \d+ images, settings to .*all\.paperboy-backup\.\n$/);

    const other = tempDir();
    await call(other, 'createFolder', ['Replaced']);
    const restored = await paperboy('restore-data', file, '--data', other);
    expect(restored.code).toBe(0);
    // The same count as the export said: the welcome feed is no subscription in a restore either.
    expect(restored.stdout).toMatch(/Restored 0 feeds, .* 1 draft, .* into /);
    expect(restored.stdout).toMatch(/The database it replaced is kept at .*paperboy\.db\.before-restore-\d{8}-\d{6}\./);
    expect(await call(other, 'listFolders')).toEqual([expect.objectContaining({ name: 'Kept' })]);
    expect(await call(other, 'getDrafts')).toEqual([expect.objectContaining({ body: 'Carried over in the backup.' })]);
    expect(await call(other, 'getSettings')).toMatchObject({ keepDays: 12 });
  });

  it('export-data from the bundle (as `npx paperboy` and the packaged app run it): the export worker loads from dist/', async () => {
    const dist = runBundles();
    const data = tempDir();
    await call(data, 'createFolder', ['Bundled']);
    const file = path.join(tempDir(), 'bundled.paperboy-backup');
    const exported = await runProgram(process.execPath, [cliScript(dist), 'export-data', file, '--data', data]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^Exported 0 feeds, .* to .*bundled\.paperboy-backup\.\n$/);
    const other = tempDir();
    expect((await paperboy('restore-data', file, '--data', other)).code).toBe(0);
    expect(await call(other, 'listFolders')).toEqual([expect.objectContaining({ name: 'Bundled' })]);
  }, 120_000);

  it('restore-data refuses a file that is not a backup, says why, and changes nothing', async () => {
    const data = tempDir();
    await call(data, 'createFolder', ['Mine']);
    const before = readdirSync(data).sort();
    const run = await paperboy('restore-data', path.join(data, DATABASE_FILE), '--data', data);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^paperboy: .*paperboy\.db is an SQLite database but not a Paperboy backup\n$/);
    expect(readdirSync(data).sort()).toEqual(before);
    expect(await call(data, 'listFolders')).toEqual([expect.objectContaining({ name: 'Mine' })]);
  });

  it('a damaged database: stderr says where the old file went and what was recovered, and the command runs', async () => {
    const data = tempDir();
    await call(data, 'saveDraft', [{ articleId: ((await call(data, 'listArticles', [{ filter: { kind: 'all' } }])) as { articles: { id: string }[] }).articles[0]!.id, body: 'Saved before the damage.' }]);
    // Enough pages that junk in the middle misses the drafts (written first).
    const big = path.join(tempDir(), 'many.opml');
    const outlines = Array.from({ length: 3000 }, (_, i) => `<outline type="rss" text="Feed ${i} ${'x'.repeat(200)}" xmlUrl="http://127.0.0.1:9/${i}.xml"/>`).join('');
    writeFileSync(big, `<?xml version="1.0"?><opml version="2.0"><body>${outlines}</body></opml>`);
    expect((await paperboy('import', big, '--data', data)).code).toBe(0);
    damageMiddle(path.join(data, DATABASE_FILE), 4);
    const run = await paperboy('call', 'getDrafts', '--data', data);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^paperboy: Paperboy started with a new database\. The database was damaged \(.+\), so Paperboy set it aside/);
    expect(run.stderr).toContain(`kept, unchanged, at ${path.join(data, `${DATABASE_FILE}.corrupt-`)}`);
    expect(run.stderr).toMatch(/Recovered from it: 1 comment draft, [\d,]+ subscriptions, 0 folders/);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ body: 'Saved before the damage.' })]);
    expect(readdirSync(data).some((name) => name.startsWith(`${DATABASE_FILE}.corrupt-`))).toBe(true);
    // Told once: the next run opens the new database quietly.
    const next = await paperboy('call', 'listFolders', '--data', data);
    expect(next.stderr).toBe('');
    expect(existsSync(path.join(data, DATABASE_FILE))).toBe(true);
  });
});
