// `--no-images` (a sync with images: false) fetches no image at all, as `paperboy sync --help`
// says: not even those of stored articles whose files the image folder lost, which a full sync
// fetches again. Real loopback site, real image folder removed from disk.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES_FOLDER, openCore, type PaperboyCore } from '../../electron/core';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const ARTICLES = 4;
const PNG = makePng(8, 8, [90, 60, 200]);

let site: TestServer;
let core: PaperboyCore | null = null;

beforeAll(async () => {
  site = await TestServer.start();
  const items = Array.from({ length: ARTICLES }, (_, i) => `<item><title>Market day ${i}</title><guid>market-${i}</guid>
    <description><![CDATA[<p>Stalls return to the square on Saturday, the first time since the works began.</p><img src="${site.url(`/photos/${i}.png`)}" alt="">]]></description></item>`);
  site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Town square</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
  site.fallback((req, res) => {
    if (req.url?.startsWith('/photos/')) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else res.writeHead(404).end();
  });
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

const photosAsked = (from: number): number => site.requests.slice(from).filter((r) => r.path.startsWith('/photos/')).length;

describe('a sync without images', () => {
  it('fetches none, not even the images a lost image folder took; a full sync brings those back', async () => {
    const dataDir = tempDir();
    core = openCore({ dataDir, workers: 1, welcome: false });
    await core.api.addFeed(site.url('/feed.xml'));
    expect((await core.api.sync({ fullText: false })).imagesFetched).toBe(ARTICLES);
    rmSync(path.join(dataDir, IMAGES_FOLDER), { recursive: true, force: true });

    const before = site.requests.length;
    await core.api.sync({ fullText: false, images: false });
    expect(photosAsked(before)).toBe(0);

    const full = await core.api.sync({ fullText: false });
    expect(full.imagesFetched).toBe(ARTICLES);
  });
});
