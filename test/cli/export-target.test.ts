// `paperboy export FILE` into a place that cannot take the file: the terminal names what is
// missing. A new file is never "no such file"; the folder it was to go in is what does not exist.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('paperboy export FILE', () => {
  it('says the folder does not exist when the file is to go into a missing folder', async () => {
    const data = tempDir();
    const missing = path.join(tempDir(), 'no-such-folder');
    const run = await paperboy('export', path.join(missing, 'subscriptions.opml'), '--data', data);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`the folder ${missing} does not exist`);
    expect(run.stderr).not.toContain('no such file');
    expect(existsSync(missing)).toBe(false);
  });

  it('says a folder named as the file is a folder', async () => {
    const data = tempDir();
    const folder = path.join(tempDir(), 'Exports');
    mkdirSync(folder);
    const run = await paperboy('export', folder, '--data', data);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${folder} is a folder`);
  });
});
