// `paperboy restore-data` says what becomes of the drafts the backup brings back unsent: they may
// have been sent since it was made, so each is looked for on its site before it is posted.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const call = async (data: string, method: string, args: unknown[] = []) => {
  const run = await paperboy('call', method, JSON.stringify(args), '--data', data);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as unknown;
};

describe('paperboy restore-data and unsent drafts', () => {
  it('says the unsent drafts it brings back are looked for on their sites before they are posted', async () => {
    const data = tempDir();
    const articles = (await call(data, 'listArticles', [{ filter: { kind: 'all' } }])) as { articles: { id: string }[] };
    for (const body of ['One, maybe sent since.', 'Two, maybe sent since.']) await call(data, 'saveDraft', [{ articleId: articles.articles[0]!.id, body }]);
    const file = path.join(tempDir(), 'all.paperboy-backup');
    expect((await paperboy('export-data', file, '--data', data)).code).toBe(0);

    const restored = await paperboy('restore-data', file, '--data', data);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(
      '2 drafts were not sent when the backup was made and may have been sent since: Paperboy looks for each on its site before posting it.',
    );
    const drafts = (await call(data, 'getDrafts')) as { state: string; message: string | null }[];
    expect(drafts.map((d) => [d.state, d.message])).toEqual([
      ['draft', expect.stringMatching(/^Restored from a backup/)],
      ['draft', expect.stringMatching(/^Restored from a backup/)],
    ]);
  });
});
