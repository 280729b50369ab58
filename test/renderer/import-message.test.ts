// The app's line after Import OPML, from what the real core reports for an export full of
// oddities: each reason once, with how many entries and the names of a few, never the same
// reason three times without a name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { importMessage } from '../../renderer/src/hooks/use-opml-file';
import { removeTempDirs, tempDir } from '../support/temp';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  removeTempDirs();
});

const ODDITIES = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Oddities</title></head><body>
  <outline text="Site only" htmlUrl="https://siteonly.example/"/>
  <outline type="rss" text="No URL at all"/>
  <outline type="atom" text="Atom without address"/>
  <outline type="rss" text="Another site" htmlUrl="https://another.example/"/>
  <outline type="rss" text="No scheme" xmlUrl="noscheme.example/feed"/>
  <outline type="rss" text="Relative" xmlUrl="/feed.xml"/>
  <outline type="rss" text="Good" xmlUrl="https://good.example/rss"/>
</body></opml>`;

describe('the message after an import', () => {
  it('groups the skipped entries by reason and names a few of each', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    cores.push(core);
    const result = await core.api.importOpml(ODDITIES);
    expect(importMessage(result)).toBe(
      'Added 1 feed; 6 entries skipped. Site only, No URL at all, Atom without address and 1 other: no feed address (xmlUrl); ' +
        'No scheme and Relative: not a valid address. Sync to fetch them.',
    );
  });

  it('says the file lists no feeds, and asks for no sync, when it had none or only ones subscribed already', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    cores.push(core);
    const empty = readFileSync(path.join('test', 'fixtures', 'opml', 'new-account.opml'), 'utf8');
    expect(importMessage(await core.api.importOpml(empty))).toBe('The file lists no feeds; 1 folder created.');
    const podcasts = readFileSync(path.join('test', 'fixtures', 'opml', 'apple-podcasts.opml'), 'utf8');
    await core.api.importOpml(podcasts);
    expect(importMessage(await core.api.importOpml(podcasts))).toBe('Added 0 feeds; 3 entries skipped. Night Trains, Moss & Lichen and Garden Radio: already subscribed.');
  });

  it('says only what was added when nothing was skipped', () => {
    expect(importMessage({ added: 3, skipped: [], foldersCreated: 1 })).toBe('Added 3 feeds. Sync to fetch them.');
  });

  it('names at most four reasons', () => {
    const skipped = ['a', 'b', 'c', 'd', 'e', 'f'].map((reason) => ({ url: `https://${reason}.example/`, title: null, reason }));
    expect(importMessage({ added: 0, skipped, foldersCreated: 0 })).toBe(
      'Added 0 feeds; 6 entries skipped. https://a.example/: a; https://b.example/: b; https://c.example/: c; https://d.example/: d; and 2 other reasons.',
    );
  });
});
