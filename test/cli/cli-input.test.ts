// The CLI refuses what it cannot use before it touches anything: a wrong file is named and
// measured, not read into memory; an unknown command or option gets the usage and creates no
// data folder; file errors read as sentences, never as a raw ENOENT.
import { existsSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('paperboy CLI input', () => {
  it('refuses a 200 MB file given to import by its size, through the same limit as the app', async () => {
    const dir = tempDir();
    const huge = path.join(dir, 'backup.tar');
    writeFileSync(huge, '');
    // A sparse file: 200 MB on paper, nothing on disk.
    truncateSync(huge, 200 * 1024 * 1024);
    const run = await paperboy('import', huge, '--data', path.join(dir, 'data'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`paperboy: ${huge} is 200 MB; an OPML file of subscriptions is at most 20 MB. Is this the right file?\n`);
  });

  it('names a missing file or a folder in words', async () => {
    const dir = tempDir();
    const missing = await paperboy('import', path.join(dir, 'nope.opml'), '--data', path.join(dir, 'data'));
    expect(missing.stderr).toBe(`paperboy: cannot read ${path.join(dir, 'nope.opml')}: there is no such file\n`);
    mkdirSync(path.join(dir, 'folder.opml'));
    const folder = await paperboy('import', path.join(dir, 'folder.opml'), '--data', path.join(dir, 'data'));
    expect(folder.stderr).toBe(`paperboy: cannot read ${path.join(dir, 'folder.opml')}: it is a folder, not a file\n`);
  });

  it('refuses an unknown command with the usage, without creating the data folder', async () => {
    const data = path.join(tempDir(), 'never-created');
    const run = await paperboy('synk', '--data', data);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^paperboy: unknown command: synk\n\nUsage: paperboy <command>/);
    expect(existsSync(data)).toBe(false);
  });

  it('refuses an unknown option with the usage', async () => {
    const data = path.join(tempDir(), 'never-created');
    const run = await paperboy('sync', '--no-fulltxt', '--data', data);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^paperboy: sync has no option --no-fulltxt: did you mean --no-fulltext\?\n\nUsage: paperboy <command>/);
    expect(existsSync(data)).toBe(false);
  });
});
