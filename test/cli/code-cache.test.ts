// `npx paperboy` runs the CLI bundle through a V8 code cache (bin/paperboy.cjs): the first command
// writes it to the user's cache folder and the next ones start from it. What a person would
// notice if it went wrong: a command that answers differently from the cache, or an updated
// Paperboy that still runs the old code. V8 accepts a cache for any source of the same length, so
// the test rebuilds the bundle with its usage text changed, at the same length, and asks for it.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundles } from '../support/bundle';
import { cliScript, runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

let dist: string;
let cacheHome: string;

beforeAll(() => {
  dist = buildBundles();
  cacheHome = tempDir('paperboy-cache-');
}, 180_000);
afterAll(() => removeTempDirs());

function paperboy(...args: string[]) {
  return runProgram(process.execPath, [cliScript(dist), ...args], { ...process.env, XDG_CACHE_HOME: cacheHome });
}

const cacheFiles = () => (existsSync(path.join(cacheHome, 'paperboy')) ? readdirSync(path.join(cacheHome, 'paperboy')) : []);

describe('the CLI code cache', () => {
  it('is written by the first command, read by the next, and never runs a rebuilt bundle\'s old code', async () => {
    const data = tempDir();
    const first = await paperboy('--data', data, 'call', 'listFolders');
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual([]);
    expect(cacheFiles()).toHaveLength(1);
    const cache = path.join(cacheHome, 'paperboy', cacheFiles()[0]!);
    const written = statSync(cache).mtimeMs;

    // Read, not written again: a cache V8 refused would be replaced.
    await paperboy('--data', data, 'call', 'createFolder', '["Morning"]');
    const second = await paperboy('--data', data, 'call', 'listFolders');
    expect(JSON.parse(second.stdout)).toEqual([expect.objectContaining({ name: 'Morning' })]);
    expect(statSync(cache).mtimeMs).toBe(written);

    // An update: the same bundle but its usage text, of the same length. That text is made by the
    // bundle's top-level code, which is what the cache holds compiled.
    const bundle = path.join(dist, 'cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    expect((await paperboy('--help')).stdout).toMatch(/^Usage: paperboy/);
    writeFileSync(bundle, source.replace('Usage: paperboy', 'USAGE: paperboy'));
    expect(statSync(bundle).size).toBe(Buffer.byteLength(source));
    expect((await paperboy('--help')).stdout).toMatch(/^USAGE: paperboy/);
    // The old bundle's cache is gone; the new one's took its place.
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).not.toBe(path.basename(cache));
  }, 120_000);

  it('runs without a cache where the cache folder cannot be written', async () => {
    const blocked = path.join(tempDir(), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const run = await runProgram(process.execPath, [cliScript(dist), '--data', tempDir(), 'call', 'listFolders'], { ...process.env, XDG_CACHE_HOME: blocked });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  }, 60_000);
});
