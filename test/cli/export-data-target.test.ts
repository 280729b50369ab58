// `paperboy export-data FILE` over a file that is already there: only an earlier Paperboy backup
// is replaced (people export again to the same name); anything else (notes, another program's
// database, a system file named by mistake) is refused with a sentence, and left byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBackup } from '../../electron/core/backup/format';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const call = async (data: string, method: string, args: unknown[] = []) => {
  const run = await paperboy('call', method, JSON.stringify(args), '--data', data);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as unknown;
};

describe('paperboy export-data FILE, FILE already there', () => {
  it('refuses to write over a file that is not a Paperboy backup, says so, and leaves it as it was', async () => {
    const data = tempDir();
    const notes = path.join(tempDir(), 'x.txt');
    writeFileSync(notes, 'notes\n');
    const run = await paperboy('export-data', notes, '--data', data);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`paperboy: ${notes} already exists and is not a Paperboy backup, so it was not replaced: choose another name. Nothing was written.\n`);
    expect(run.stdout).toBe('');
    expect(readFileSync(notes, 'utf8')).toBe('notes\n');
  });

  it('replaces an earlier backup of the same name with the data as it is now', async () => {
    const data = tempDir();
    const file = path.join(tempDir(), 'paperboy-backup.db');
    expect((await paperboy('export-data', file, '--data', data)).code).toBe(0);
    expect(checkBackup(file).drafts).toBe(0);
    const articles = (await call(data, 'listArticles', [{ filter: { kind: 'all' } }])) as { articles: { id: string }[] };
    await call(data, 'saveDraft', [{ articleId: articles.articles[0]!.id, body: 'Written after the first export.' }]);
    const again = await paperboy('export-data', file, '--data', data);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^Exported 0 feeds, \d+ articles, 1 draft, .* to .*paperboy-backup\.db\.\n$/);
    expect(checkBackup(file).drafts).toBe(1);
  });
});
