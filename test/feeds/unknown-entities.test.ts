// An entity sax does not know (a typo such as &nbps;, or an HTML5 name such as &check;) reads as
// the text written, as browsers and feedparser show it, instead of refusing the whole feed. XML
// errors that mean the document is really broken, and entities a DOCTYPE declares, still refuse it.
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../electron/core/feeds';

const URL = 'https://parish.example.org/news/feed';

/** A hand-made parish newsletter feed, as a small site's CMS template writes it. */
function newsletter(secondItem: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${prolog}
<rss version="2.0">
<channel>
<title>St Mary&rsquo;s Parish News</title>
<link>https://parish.example.org/news</link>
<description>Notices and events</description>
<item>
<title>Summer fete &ndash; volunteers wanted</title>
<link>https://parish.example.org/news/fete</link>
<pubDate>Mon, 03 Jun 2024 09:00:00 +0100</pubDate>
</item>
<item>
${secondItem}
<pubDate>Sun, 02 Jun 2024 09:00:00 +0100</pubDate>
</item>
</channel>
</rss>`;
}

describe('an entity sax does not know', () => {
  it('reads as the text written, and the rest of the feed reads as before', async () => {
    const feed = await parseFeed(newsletter('<title>Choir&nbps;practice moved to Thursday</title><link>https://parish.example.org/news/choir</link>'), URL);
    expect(feed.title).toBe('St Mary’s Parish News');
    expect(feed.items.map((item) => item.title)).toEqual(['Summer fete – volunteers wanted', 'Choir&nbps;practice moved to Thursday']);
  });

  it('reads in a description written as inline HTML, and in a link', async () => {
    const feed = await parseFeed(
      newsletter('<title>Rota</title><link>https://parish.example.org/news/rota?week=23&amp;print=1&nbps;</link><description><p>Flowers&nbps;rota <b>updated</b></p></description>'),
      URL,
    );
    // The summary is HTML: the literal '&' is escaped, so the page shows "Flowers&nbps;rota".
    expect([feed.items[1]?.summaryHtml, feed.items[1]?.link]).toEqual(['<p>Flowers&amp;nbps;rota <b>updated</b></p>', 'https://parish.example.org/news/rota?week=23&print=1&nbps;']);
  });

  it('lets an HTML5 name in a title read as the character it names', async () => {
    // sax knows HTML 4's names only; the title is read as HTML (text.ts titleText), where &check; is ✓.
    const feed = await parseFeed(newsletter('<title>Roof appeal target reached &check;</title><link>https://parish.example.org/news/roof</link>'), URL);
    expect(feed.items[1]?.title).toBe('Roof appeal target reached ✓');
  });

  it('is read alongside a bare ampersand', async () => {
    const feed = await parseFeed(newsletter('<title>Tea & cake&nbps;after mass</title><link>https://parish.example.org/news/tea?a=1&b=2</link>'), URL);
    expect([feed.items[1]?.title, feed.items[1]?.link]).toEqual(['Tea & cake&nbps;after mass', 'https://parish.example.org/news/tea?a=1&b=2']);
  });
});

describe('XML that is really broken still refuses the feed', () => {
  it.each([
    ['a character reference to a character XML forbids', newsletter('<title>Bell &#0; ringing</title><link>https://parish.example.org/news/bells</link>'), /^malformed XML: Invalid character entity \(line \d+, column \d+\)$/],
    // Between the item's elements, not in a text that may hold HTML (html-habits.ts reads those as text).
    ['a close tag that closes nothing', newsletter('<title>Bell ringing</title></b><link>https://parish.example.org/news/bells</link>'), /^malformed XML: Unexpected close tag \(line \d+, column \d+\)$/],
    [
      'an entity its DOCTYPE declares',
      newsletter('<title>&parish; notices &nbps;</title>', '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY parish "St Mary">]>'),
      /^malformed XML: uses an entity declared in its DOCTYPE, which Paperboy does not expand \(line \d+, column \d+\)$/,
    ],
  ])('%s', async (_case, xml, message) => {
    const error = await parseFeed(xml, URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toMatch(message);
  });
});
