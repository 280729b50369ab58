// `paperboy import` and `paperboy export` with real files, as a person moving from another reader
// meets them: exports in Latin-1, windows-1252 and UTF-16 (older readers' and Windows tools'),
// importing the same file twice, and an export written to a file. What is asserted is what the
// terminal prints, the exit status, and the names and folders the subscription list then shows.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** An export of the kind older readers write, with accented folder and feed names. */
function legacyOpml(declaration: string): string {
  return `${declaration}<opml version="1.0"><head><title>Abonnements</title></head><body>
<outline text="Actualités françaises" title="Actualités françaises">
<outline text="“Le Café” – Déjà Vu €" title="“Le Café” – Déjà Vu €" type="rss" xmlUrl="http://127.0.0.1:9/cafe/feed/" htmlUrl="http://127.0.0.1:9/cafe/"/>
<outline text="Crème brûlée" title="Crème brûlée" type="rss" xmlUrl="http://127.0.0.1:9/creme/feed/"/>
</outline></body></opml>
`;
}

/** The subscription list as the sidebar shows it: each feed's name under its folder's. */
async function sidebar(data: string): Promise<string[]> {
  const folders = JSON.parse((await paperboy('call', 'listFolders', '--data', data)).stdout) as { id: number; name: string }[];
  const feeds = JSON.parse((await paperboy('call', 'listFeeds', '--data', data)).stdout) as { title: string; folderId: number | null; builtin: boolean }[];
  return feeds.filter((feed) => !feed.builtin).map((feed) => `${folders.find((f) => f.id === feed.folderId)?.name ?? '(top)'} / ${feed.title}`);
}

describe('paperboy import of files not in UTF-8', () => {
  it.each([
    ['Latin-1, declared as ISO-8859-1 (read as windows-1252, as browsers do)', () => iconv.encode(legacyOpml('<?xml version="1.0" encoding="ISO-8859-1"?>\n'), 'windows-1252')],
    ['windows-1252, declared', () => iconv.encode(legacyOpml('<?xml version="1.0" encoding="windows-1252"?>\n'), 'windows-1252')],
    ['windows-1252, undeclared', () => iconv.encode(legacyOpml(''), 'windows-1252')],
    ['UTF-16 with a byte order mark', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(legacyOpml('<?xml version="1.0" encoding="UTF-16"?>\n'), 'utf-16le')])],
  ])('reads %s with its names and folders intact', async (_case, bytes) => {
    const dir = tempDir();
    const file = path.join(dir, 'subscriptions.opml');
    writeFileSync(file, bytes());
    const data = path.join(dir, 'data');
    const run = await paperboy('import', file, '--data', data);
    expect(run.stdout).toBe('Imported 2 feeds in 1 new folder.\n');
    expect(run.code).toBe(0);
    expect(await sidebar(data)).toEqual(['Actualités françaises / Crème brûlée', 'Actualités françaises / “Le Café” – Déjà Vu €']);
  });
});

describe('paperboy import of a file imported before', () => {
  it('counts the entries already subscribed in one line and succeeds', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'subscriptions.opml');
    const outlines = Array.from({ length: 300 }, (_, i) => `<outline type="rss" text="Feed ${i}" xmlUrl="http://127.0.0.1:9/${i}/feed/"/>`);
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body>${outlines.join('\n')}</body></opml>`);
    const data = path.join(dir, 'data');
    expect((await paperboy('import', file, '--data', data)).stdout).toBe('Imported 300 feeds.\n');
    const again = await paperboy('import', file, '--data', data);
    expect(again.stdout).toBe('Imported 0 feeds; skipped 300.\n  300 already subscribed\n');
    expect(again.code).toBe(0);
  });

  it('still names the entries that could not be imported, and fails when nothing was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'subscriptions.opml');
    const data = path.join(dir, 'data');
    writeFileSync(file, '<opml version="2.0"><body><outline type="rss" text="Kept" xmlUrl="http://127.0.0.1:9/feed/"/></body></opml>');
    await paperboy('import', file, '--data', data);
    writeFileSync(file, '<opml version="2.0"><body><outline type="rss" text="Kept" xmlUrl="http://127.0.0.1:9/feed/"/><outline type="rss" text="Hole" xmlUrl="gopher://hole.example.com/1/feed"/></body></opml>');
    const run = await paperboy('import', file, '--data', data);
    expect(run.stdout).toBe('Imported 0 feeds; skipped 2.\n  1 already subscribed\n  skipped gopher://hole.example.com/1/feed: not an http(s) address (gopher:)\n');
    expect(run.code).toBe(1);
  });
});

describe('paperboy export FILE', () => {
  it('writes the subscriptions to the file, and the file imports elsewhere as they were', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'in.opml');
    writeFileSync(source, iconv.encode(legacyOpml('<?xml version="1.0" encoding="windows-1252"?>\n'), 'windows-1252'));
    const data = path.join(dir, 'data');
    await paperboy('import', source, '--data', data);
    const exported = path.join(dir, 'out.opml');
    const run = await paperboy('export', exported, '--data', data);
    expect(run.stdout).toBe(`Exported 2 feeds to ${exported}.\n`);
    expect(run.code).toBe(0);
    expect(readFileSync(exported, 'utf8')).toContain('xmlUrl="http://127.0.0.1:9/creme/feed/"');
    const other = path.join(dir, 'other');
    await paperboy('import', exported, '--data', other);
    expect(await sidebar(other)).toEqual(await sidebar(data));
  });

  it('refuses a second file with the usage', async () => {
    const dir = tempDir();
    const run = await paperboy('export', path.join(dir, 'a.opml'), path.join(dir, 'b.opml'), '--data', path.join(dir, 'data'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^paperboy: export takes at most one FILE\n\nUsage: paperboy <command>/);
  });
});

describe('paperboy import of feeds renamed in another reader', () => {
  it('shows each under the name that reader showed (text), not the feed title beside it', async () => {
    const data = path.join(tempDir(), 'data');
    await paperboy('import', path.join('test', 'fixtures', 'opml', 'renamed-in-reader.opml'), '--data', data);
    expect((await sidebar(data)).sort()).toEqual(['(top) / Soup (Dad)', 'Type & Design / Grid Notes', "Type & Design / Marta's type blog"]);
  });
});
