// A linked .txt whose server labels it UTF-16 while its bytes are UTF-8 (a per-type default set once
// for a Windows export, and every file of the folder served under it) reads as its words. Read as
// labelled, each pair of letters was one CJK character ("敒敬獡⁥潮整..."). A file that really is
// UTF-16, with its BOM or without, still reads as UTF-16. Real loopback server, sync and storage.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import type { Article } from '../../shared/types';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const NOTES = [
  'Release notes — Tidewater 4.2 (7 December 2026)',
  '',
  '* The tide table now shows Zürich, Malmö and Saint-Étienne in their own spelling.',
  '* Times are written 06:12–18:40 with an en dash, as the harbour office prints them.',
  '* Japanese place names (横浜, 神戸) are no longer cut at the column edge.',
  '',
  'Thanks to Zoë Brontë and 田中 for the reports.',
  '',
].join('\r\n');

const FILES = {
  utf8UnderUtf16: { path: '/downloads/release-notes-4.2.txt', body: Buffer.from(NOTES, 'utf8') },
  utf16WithBom: { path: '/downloads/release-notes-4.1.txt', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTES, 'utf16le')]) },
  utf16WithoutBom: { path: '/downloads/release-notes-4.0.txt', body: Buffer.from(NOTES, 'utf16le') },
} as const;
type File = keyof typeof FILES;

let site: TestServer;
let core: PaperboyCore;
let feedId: number;

beforeAll(async () => {
  site = await TestServer.start('127.0.44.2');
  for (const { path, body } of Object.values(FILES)) site.serve(path, { body, type: 'text/plain; charset=utf-16' });
  const items = Object.entries(FILES).map(([name, { path }]) =>
    `<item><title>${name}</title><link>${site.url(path)}</link><guid>${name}</guid><description>Release notes.</description></item>`);
  site.serve('/feed.xml', { body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tidewater releases</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml; charset=UTF-8' });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  feedId = (await core.api.addFeed(site.url('/feed.xml'))).feed.id;
  await core.api.sync({ fullText: true, images: false });
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

async function article(file: File): Promise<Article> {
  const listed = (await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles.find((a) => a.title === file)!;
  return (await core.api.getArticle(listed.id))!;
}

it('reads a UTF-8 text file its server labels UTF-16 as the words it holds', async () => {
  const notes = await article('utf8UnderUtf16');
  expect(notes).toMatchObject({ fullTextState: 'done', linkedFile: 'text' });
  expect(notes.html).toContain('Release notes — Tidewater 4.2');
  expect(notes.html).toContain('Zürich, Malmö and Saint-Étienne');
  expect(notes.html).toContain('(横浜, 神戸)');
});

it('still reads a text file that is UTF-16, with its byte order mark or without, as UTF-16', async () => {
  for (const file of ['utf16WithBom', 'utf16WithoutBom'] as const) {
    const notes = await article(file);
    expect(notes).toMatchObject({ fullTextState: 'done', linkedFile: 'text' });
    expect(notes.html).toContain('Thanks to Zoë Brontë and 田中 for the reports.');
  }
});
