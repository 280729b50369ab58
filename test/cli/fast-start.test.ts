// A read command starts with only what it needs. `paperboy call listFeeds` from the bundle (as
// `npx paperboy` runs it) loads none of the HTML and XML parsers, the sanitizer or conf: they
// load where first used, so a sync from the same bundle still parses, sanitizes and stores, in
// the main process and in the parse worker. Which packages a process and its threads loaded is
// read from Node's module cache at each one's exit, through a preloaded script; no times are
// asserted. zod is in the bundle itself (scripts/bundle.mjs): from node_modules it was some 70 ES
// modules resolved and linked at every start, so no process may load it from there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundles } from '../support/bundle';
import { NewsSite } from '../support/news-site';
import { cliScript, runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

const HEAVY = ['sanitize-html', 'linkedom', 'rss-parser', 'xml2js', '@mozilla/readability', 'htmlparser2', 'conf', 'ajv', 'zod', 'iconv-lite'];

let site: NewsSite;
let dist: string;
let recorder: string;

beforeAll(async () => {
  site = await NewsSite.start({ feeds: 1, itemsPerFeed: 3 });
  dist = runBundles();
  const folder = tempDir();
  recorder = path.join(folder, 'record-packages.mjs');
  // CommonJS packages are read from require's cache at exit; ES modules, which that cache does not
  // hold, from a resolve hook as each is resolved (written straight to stderr: the hook runs in a
  // thread of its own).
  const packageOf = `(file) => {
  const parts = file.split('/node_modules/').pop().split('/');
  return parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0];
}`;
  writeFileSync(
    path.join(folder, 'record-hooks.mjs'),
    `import { writeSync } from 'node:fs';
const packageOf = ${packageOf};
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.includes('/node_modules/')) writeSync(2, 'PACKAGES ' + JSON.stringify([packageOf(result.url)]) + '\\n');
  return result;
}
`,
  );
  writeFileSync(
    recorder,
    `import { createRequire, register } from 'node:module';
register('./record-hooks.mjs', import.meta.url);
const packageOf = ${packageOf};
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const names = Object.keys(cache).filter((file) => file.includes('/node_modules/')).map(packageOf);
  process.stderr.write('PACKAGES ' + JSON.stringify([...new Set(names)]) + '\\n');
});
`,
  );
}, 120_000);
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

/** The bundled CLI with the recorder; returns its output and the packages it loaded. */
async function bundled(data: string, ...args: string[]) {
  const run = await runProgram(process.execPath, ['--import', recorder, cliScript(dist), '--data', data, ...args]);
  // One line per thread that exits: the process and each of its workers (parse, writer).
  const lines = [...run.stderr.matchAll(/^PACKAGES (.*)$/gm)].map((match) => JSON.parse(match[1]!) as string[]);
  return { ...run, packages: [...new Set(lines.flat())], stderr: run.stderr.replace(/^PACKAGES .*\n/gm, '') };
}

describe('paperboy from the bundle', () => {
  it('lists feeds with their counts without loading a parser, the sanitizer, the charset decoder or conf, and no process loads zod from node_modules; a sync from the same bundle still parses and stores', async () => {
    const data = tempDir();
    const added = await bundled(data, 'add', site.feedUrl(0));
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Subscribed to');
    const synced = await bundled(data, 'sync', '--no-fulltext');
    expect(synced.stderr).toBe('');
    expect(synced.code).toBe(0);
    // The first start installs the welcome feed, whose text the sanitizer makes: the recorder sees it.
    expect(added.packages).toContain('sanitize-html');
    expect([...added.packages, ...synced.packages]).not.toContain('zod');

    const listed = await bundled(data, 'call', 'listFeeds');
    expect(listed.stderr).toBe('');
    const feeds = JSON.parse(listed.stdout) as { url: string; unreadCount: number; articleCount: number }[];
    expect(feeds.find((feed) => feed.url === site.feedUrl(0))).toMatchObject({ unreadCount: 3, articleCount: 3 });
    expect(listed.packages).toContain('libsql');
    expect(listed.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  }, 120_000);

  it("compiles only the zod it uses: a bad argument is still refused in English words, and no other language's messages are in the bundle", async () => {
    const refused = await bundled(tempDir(), 'call', 'syncLog', '["x"]');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('paperboy: invalid arguments for syncLog: 0: Invalid input: expected number, received string\n');
    // esbuild marks each bundled module with its path; `import { z }` brought in all 60 locales.
    const locales = [...readFileSync(path.join(dist, 'cli.cjs'), 'utf8').matchAll(/^\/\/ .*node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm)].map((match) => match[1]);
    expect(locales).toEqual(['en']);
  }, 60_000);

  it('leaves the image cache alone until a command uses images: listFeeds does not tidy it, the next sync does', async () => {
    const data = tempDir();
    expect((await bundled(data, 'add', site.feedUrl(0))).code).toBe(0);
    // A write a crashed process left half-done: process id 4194305 is above Linux's largest.
    const hash = 'ab'.repeat(32);
    const abandoned = path.join(data, 'images', 'ab', `${hash}.4194305.0123456789ab.tmp`);
    mkdirSync(path.dirname(abandoned), { recursive: true });
    writeFileSync(abandoned, 'half an image');

    const listed = await bundled(data, 'call', 'listFeeds');
    expect(listed.code).toBe(0);
    expect(existsSync(abandoned)).toBe(true);

    const synced = await bundled(data, 'sync', '--no-fulltext');
    expect(synced.code).toBe(0);
    expect(existsSync(abandoned)).toBe(false);
  }, 60_000);
});
