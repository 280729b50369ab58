// German and Dutch sites mark where a long compound may break with a soft hyphen (&shy;, U+00AD),
// in headlines and text alike, and some CMSes leave zero-width spaces in words. A page shows the
// word whole; stored with the hints, search for "Bundesliga" found nothing and the snippet carried
// them. A feed as such a site serves it, through the sync's own parse, into a real data folder.
import { afterAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { removeTempDirs, tempDir } from '../support/temp';

const SHY = '\u00ad';
const feedXml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Nordkurier Sport</title><link>https://sport.nordkurier.example/</link><description>Sport aus der Region</description>
<item>
<title>Bundes&#173;liga-Auf${SHY}steiger feiert den ersten Heim&#173;sieg</title>
<link>https://sport.nordkurier.example/fussball/heimsieg-1.4821</link>
<guid isPermaLink="false">nk-1-4821</guid>
<pubDate>Sat, 14 Sep 2024 17:45:00 +0200</pubDate>
<description><![CDATA[<p>Vor 28.000 Zu${SHY}schauern gewann der Auf${SHY}steiger gegen den Tabellen\u200bführer. Der Landes${SHY}fußball${SHY}verband lobte die Organisation.</p>]]></description>
</item>
</channel></rss>`;

afterAll(removeTempDirs);

describe('a soft hyphen or zero-width space inside a word', () => {
  it('is no part of the stored headline, text or snippet, and search finds the whole word', async () => {
    const { items } = await ingestFeed(feedXml, 'https://sport.nordkurier.example/feed/', 1);
    const [story] = items;
    expect(story!.title).toBe('Bundesliga-Aufsteiger feiert den ersten Heimsieg');
    expect(story!.snippet).toContain('Vor 28.000 Zuschauern gewann der Aufsteiger gegen den Tabellenführer.');
    expect(story!.feedText).toContain('Der Landesfußballverband lobte die Organisation.');

    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    try {
      const feed = core.storage.feeds.add({ url: 'https://sport.nordkurier.example/feed/', title: 'Nordkurier Sport', siteUrl: null, description: null, folderId: null });
      core.storage.articles.upsertFeedItems(feed, items, Date.UTC(2024, 8, 15));
      for (const query of ['Bundesliga', 'Heimsieg', 'Zuschauern', 'Tabellenführer', 'Landesfußballverband']) {
        expect((await core.api.search(query)).map((hit) => hit.id), query).toEqual([story!.id]);
      }
    } finally {
      await core.close();
    }
  });
});
