// The data folder as a person names it: an empty XDG_CONFIG_HOME is unset (as the XDG spec and
// Electron have it), not the current folder; `--data=~/x` and PAPERBOY_DATA_DIR=~/x are under the
// home folder (no shell expanded that ~), not a folder named ~; a file where the folder should
// be is said in words, not as a raw ENOTDIR. And export-data counts the feeds the person
// subscribed to, as export does, not the welcome feed every folder has.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy, ROOT, runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const CLI = path.join(ROOT, 'electron', 'cli', 'main.ts');

/** `paperboy ARGS` run from `cwd` with HOME and other variables as given (and no PAPERBOY_DATA_DIR unless given). */
function paperboyIn(cwd: string, variables: Record<string, string>, ...args: string[]) {
  const assignments = Object.entries(variables).map(([name, value]) => `${name}=${value}`);
  return runProgram('env', ['-C', cwd, '-u', 'PAPERBOY_DATA_DIR', ...assignments, process.execPath, '--import', TSX, CLI, ...args]);
}

describe('where the data folder is', () => {
  it('an empty XDG_CONFIG_HOME counts as unset: ~/.config/Paperboy, not ./Paperboy', async () => {
    const home = tempDir();
    const cwd = tempDir();
    const run = await paperboyIn(cwd, { HOME: home, XDG_CONFIG_HOME: '' }, 'call', 'listFolders');
    expect(run.stderr).toBe('');
    expect(existsSync(path.join(home, '.config', 'Paperboy', 'paperboy.db'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a leading ~/ in --data=… and PAPERBOY_DATA_DIR is the home folder, as a shell would expand it', async () => {
    const home = tempDir();
    const cwd = tempDir();
    expect((await paperboyIn(cwd, { HOME: home }, 'call', 'listFolders', '--data=~/from-option')).code).toBe(0);
    expect((await paperboyIn(cwd, { HOME: home, PAPERBOY_DATA_DIR: '~/from-variable' }, 'call', 'listFolders')).code).toBe(0);
    expect(existsSync(path.join(home, 'from-option', 'paperboy.db'))).toBe(true);
    expect(existsSync(path.join(home, 'from-variable', 'paperboy.db'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an empty --data is refused, and nothing (no open/ folder) is left in the current folder', async () => {
    const cwd = tempDir();
    const run = await paperboyIn(cwd, { HOME: tempDir() }, 'call', 'listFolders', '--data', '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^paperboy: --data needs a folder/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a file where the folder, or one of the folders above it, should be: said in words', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    writeFileSync(file, 'not a folder');
    const itself = await paperboy('call', 'listFolders', '--data', file);
    expect(itself.code).toBe(1);
    expect(itself.stderr).toBe(`paperboy: cannot use the data folder ${file}: it is a file, not a folder\n`);
    const inside = await paperboy('call', 'listFolders', '--data', path.join(file, 'Paperboy'));
    expect(inside.code).toBe(1);
    expect(inside.stderr).toBe(`paperboy: cannot use the data folder ${path.join(file, 'Paperboy')}: ${file} is a file, not a folder\n`);
  });
});

describe('export-data', () => {
  it('counts the feeds subscribed to, as export does', async () => {
    const data = tempDir();
    const opml = path.join(tempDir(), 'two.opml');
    writeFileSync(opml, '<opml version="2.0"><body><outline type="rss" text="A" xmlUrl="http://127.0.0.1:9/a/feed/"/><outline type="rss" text="B" xmlUrl="http://127.0.0.1:9/b/feed/"/></body></opml>');
    await paperboy('import', opml, '--data', data);
    const exported = await paperboy('export', path.join(tempDir(), 'subscriptions.opml'), '--data', data);
    expect(exported.stdout).toMatch(/^Exported 2 feeds to /);
    const backup = await paperboy('export-data', path.join(tempDir(), 'all.paperboy-backup'), '--data', data);
    expect(backup.stdout).toMatch(/^Exported 2 feeds, /);
  });
});
