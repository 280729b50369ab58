// Feeds as some publishers really serve them, each a shape a strict reading refused or misread:
// synced end to end (real server on 127.0.0.1, real core, real SQLite file) and judged by what
// the person sees, the articles stored or the reason shown.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureText } from '../support/fixtures';
import { HostileSync } from '../support/hostile-sync';
import { removeTempDirs } from '../support/temp';

let h: HostileSync;
beforeEach(async () => {
  h = await HostileSync.start();
});
afterEach(async () => {
  await h.stop();
  removeTempDirs();
});

/** Serves `body` at `path` as `type`, subscribes, syncs, and gives back the feed's id. */
async function synced(path: string, body: string | Buffer, type: string): Promise<number> {
  h.server.serve(path, { body, type });
  const feedId = await h.subscribe(path);
  await h.sync();
  return feedId;
}

const SEETAL_TITLES = [
  'Gemeinderat genehmigt Kredit für die Schulhaus-Sanierung in Hochdorf',
  'Baldeggersee: Fischer melden den besten Felchenfang seit Jahren',
  'Hitzkirch: Café «Zur Mühle» schliesst nach 41 Jahren',
  'Fasnacht: Guuggenmusigen ziehen positive Bilanz',
  'Velo-Schnellroute Luzern–Hochdorf: Kanton legt Pläne auf',
];

describe('a UTF-8 feed its server labels UTF-16', () => {
  it.each(['application/rss+xml; charset=UTF-16', 'text/xml; charset=utf-16le', 'application/xml;charset=utf-16be'])('is read as the UTF-8 it declares under %s', async (type) => {
    const feedId = await synced('/seetal.xml', fixtureText('feeds/utf8-labelled-utf16.xml'), type);
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null });
    const feed = (await h.core.api.listFeeds()).find((f) => f.id === feedId);
    expect(feed?.title).toBe('Seetaler Bote – Nachrichten aus dem Seetal');
    expect((await h.titles(feedId)).sort()).toEqual([...SEETAL_TITLES].sort());
  });

  it('is still read as UTF-16 when it is UTF-16, with its byte order mark', async () => {
    const utf16 = fixtureText('feeds/utf8-labelled-utf16.xml').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const feedId = await synced('/seetal-16.xml', iconv.encode(utf16, 'utf-16le', { addBOM: true }), 'application/rss+xml; charset=UTF-16');
    expect(await h.reported(feedId)).toMatchObject({ status: 'ok', error: null });
    expect((await h.titles(feedId)).sort()).toEqual([...SEETAL_TITLES].sort());
  });
});
