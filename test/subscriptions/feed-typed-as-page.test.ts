// A feed its server types as a page (text/html, no charset: an old Bitrix or PHP site whose
// rss.php never set its own Content-Type) is read by its XML declaration at Add feed as at every
// sync. Add feed read it as a page, looked for a <meta> charset, found none, and took the
// windows-1251 bytes for windows-1252: the feed and its articles were listed as "Íîâîñòè", and
// stayed so, since the sync keeps what the add stored while the bytes stay the same. Over the real
// core, HTTP client and SQLite, against a loopback server sending the bytes such a site sends. A
// PHP warning, blank lines or a stray BOM printed before the feed change none of that.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.44.1');

function cityNewsFeed(origin: string): Buffer {
  const xml = `<?xml version="1.0" encoding="windows-1251"?>
<?xml-stylesheet type="text/xsl" href="/bitrix/templates/rss.xsl"?>
<!-- rss.php, 0.041 s -->
<rss version="2.0">
<channel>
<title>Новости Твери</title>
<link>${origin}/</link>
<description>Городские новости: транспорт, погода, культура</description>
<lastBuildDate>Mon, 07 Dec 2026 09:40:00 +0300</lastBuildDate>
<item>
<title>Трамвайное движение на Советской улице откроют в январе</title>
<link>${origin}/news/2026/12/07/tramvai/</link>
<guid>${origin}/news/2026/12/07/tramvai/</guid>
<description><![CDATA[<p>Подрядчик закончил укладку рельсов; пробные рейсы начнутся после Нового года.</p>]]></description>
<pubDate>Mon, 07 Dec 2026 09:12:00 +0300</pubDate>
</item>
</channel>
</rss>
`;
  return iconv.encode(xml, 'windows-1251');
}

/** An RSS 0.91 feed as Netscape's template wrote it, DOCTYPE and all, from a Greek site still in windows-1253. */
function islandNewsFeed(origin: string): Buffer {
  const xml = `<?xml version="1.0" encoding="windows-1253"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>Ειδήσεις της Νάξου</title>
<link>${origin}/</link>
<description>Τα νέα του νησιού</description>
<language>el</language>
<item>
<title>Νέα δρομολόγια πλοίων για τον χειμώνα</title>
<link>${origin}/news.php?id=2231</link>
<description>Από τη Δευτέρα το πλοίο αναχωρεί στις 07:30.</description>
</item>
</channel>
</rss>
`;
  return iconv.encode(xml, 'windows-1253');
}

/** What PHP prints before a feed with display_errors on (html_errors too, its default under a web server), then the BOM of an include saved with one. */
function warnedFeed(origin: string): Buffer {
  const warning =
    '<br />\n<b>Warning</b>:  Undefined array key "HTTP_ACCEPT_LANGUAGE" in <b>/var/www/tver/includes/lang.php</b> on line <b>14</b><br />\n\n';
  return Buffer.concat([Buffer.from(warning, 'latin1'), Buffer.from([0xef, 0xbb, 0xbf]), cityNewsFeed(origin)]);
}

describe('a feed its server types as text/html', () => {
  it('is read by its XML declaration when a PHP warning and a stray BOM come before it', async () => {
    server.serve('/rss.php', { body: warnedFeed(server.origin), type: 'text/html' });
    const added = await core.api.addFeed(server.url('/rss.php'));
    expect(added.feed.title).toBe('Новости Твери');
    const summary = await core.api.sync({ fullText: false, images: false, feedsOnly: true });
    expect(summary.feedsFailed).toBe(0);
    const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: added.feed.id } });
    expect(articles.map((a) => a.title)).toEqual(['Трамвайное движение на Советской улице откроют в январе']);
  });


  it('is listed in its own alphabet at Add feed, and the sync keeps it so', async () => {
    server.serve('/rss.php', { body: cityNewsFeed(server.origin), type: 'text/html' });
    const added = await core.api.addFeed(server.url('/rss.php'));
    expect(added.feed.title).toBe('Новости Твери');
    const listed = async () => (await core.api.listArticles({ filter: { kind: 'feed', feedId: added.feed.id } })).articles.map((a) => a.title);
    expect(await listed()).toEqual(['Трамвайное движение на Советской улице откроют в январе']);

    const summary = await core.api.sync({ fullText: false, images: false, feedsOnly: true });
    expect(summary.feedsFailed).toBe(0);
    expect((await core.api.listFeeds())[0]?.title).toBe('Новости Твери');
    expect(await listed()).toEqual(['Трамвайное движение на Советской улице откроют в январе']);
  });

  it('is read by its XML declaration behind an RSS 0.91 DOCTYPE', async () => {
    server.serve('/rss.php', { body: islandNewsFeed(server.origin), type: 'text/html' });
    const added = await core.api.addFeed(server.url('/rss.php'));
    expect(added.feed.title).toBe('Ειδήσεις της Νάξου');
    const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: added.feed.id } });
    expect(articles.map((a) => a.title)).toEqual(['Νέα δρομολόγια πλοίων για τον χειμώνα']);
  });
});
