// Each command accepts its own options and arguments, and refuses anything else in plain words
// with exit status 2, before the data folder is made: `sync http://…/feed/` (a forgotten --feed)
// synced every feed and exited 0, and `add --no-images URL` or `export --feed x` went unremarked.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** Runs a command that must be refused; the data folder it names must not be made. */
async function refused(...args: string[]) {
  const data = path.join(tempDir(), 'never-created');
  const run = await paperboy(...args, '--data', data);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(existsSync(data)).toBe(false);
  return run.stderr;
}

describe('paperboy refuses what a command does not take', () => {
  it('a URL after sync: says what was probably meant', async () => {
    expect(await refused('sync', 'http://127.0.0.1:9/feed/')).toMatch(/^paperboy: sync takes no URL of its own: did you mean --feed http:\/\/127\.0\.0\.1:9\/feed\/\?\n\nUsage: /);
  });

  it("another command's option", async () => {
    expect(await refused('add', '--no-images', 'http://127.0.0.1:9/feed/')).toMatch(/^paperboy: --no-images is an option of sync, not of add\n/);
    expect(await refused('export', '--feed', 'x')).toMatch(/^paperboy: --feed is an option of sync, not of export\n/);
  });

  it('a mistyped option, in words (not Node\'s advice about positionals)', async () => {
    const said = await refused('sync', '--no-image');
    expect(said).toMatch(/^paperboy: sync has no option --no-image: did you mean --no-images\?\n/);
    expect(said.split('\n')[0]).not.toMatch(/positional|'/);
  });

  it('an option without its value, and a value given to a switch', async () => {
    expect(await refused('sync', '--feed')).toMatch(/^paperboy: --feed needs the URL of a subscription: --feed URL\n/);
    expect(await refused('sync', '--no-images=yes')).toMatch(/^paperboy: --no-images takes no value \(got --no-images=yes\)\n/);
  });

  it('call with a method the API does not have: the nearest names, or all of them', async () => {
    expect(await refused('call', 'listFeed')).toBe('paperboy: call: there is no API method listFeed; did you mean listFeeds?\n');
    const all = await refused('call', 'frobnicate');
    expect(all).toMatch(/^paperboy: call: there is no API method frobnicate; the methods are: addFeed, removeFeed, listFeeds, .*dismissNotice\n$/);
  });
});

describe('an empty --data', () => {
  it('is refused as naming no folder, and nothing is made in the current folder', async () => {
    const run = await paperboy('call', 'listFolders', '--data', '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^paperboy: --data needs a folder: --data DIR \(it was given an empty one\)\n/);
  });
});
