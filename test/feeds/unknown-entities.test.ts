// An entity sax does not know (a typo such as &nbps;, or an HTML5 name such as &check;) reads as
// the text written, as browsers and feedparser show it, instead of refusing the whole feed. XML
// errors that mean the document is really broken, and entities a DOCTYPE declares as files or out of
// other entities, still refuse it; one it declares as plain text reads as that text.
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

describe('what a DOCTYPE declares, and references to characters XML forbids', () => {
  it('reads an entity the DOCTYPE declares as plain text, as an HTML character or a name', async () => {
    // What old CMS templates put before a feed so that HTML's names parse: the feed was refused.
    const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [\n  <!ENTITY nbsp "&#160;">\n  <!ENTITY mdash "&#8212;">\n  <!ENTITY parish "St Mary\'s">\n]>';
    const declared = await parseFeed(newsletter('<title>&parish;&nbsp;&mdash; choir practice</title><link>https://parish.example.org/news/choir?from=&parish;</link>', prolog), URL);
    expect(declared.items.map((item) => [item.title, item.link])).toEqual([
      ['Summer fete – volunteers wanted', 'https://parish.example.org/news/fete'],
      ['St Mary\'s — choir practice', 'https://parish.example.org/news/choir?from=St%20Mary%27s'],
    ]);
  });

  it('leaves out a reference to a character XML forbids, and joins a surrogate pair written as two', async () => {
    // One such reference refused the whole feed: a word processor's vertical tab, a NUL, an emoji
    // escaped one UTF-16 unit at a time, a half of one alone.
    const feed = await parseFeed(
      newsletter('<title>Bell &#0;ringing&#11; rota &#55357;&#56596;</title><link>https://parish.example.org/news/bells</link><description>Ringers&#xD800; wanted&#x1F;.</description>'),
      URL,
    );
    expect([feed.items[1]?.title, feed.items[1]?.summaryHtml]).toEqual(['Bell ringing rota 🔔', 'Ringers wanted.']);
  });
});

describe('XML that is really broken still refuses the feed', () => {
  it.each([
    // Between the item's elements, not in a text that may hold HTML (html-habits.ts reads those as text).
    ['a close tag that closes nothing', newsletter('<title>Bell ringing</title></b><link>https://parish.example.org/news/bells</link>'), /^malformed XML: Unexpected close tag \(line \d+, column \d+\)$/],
    [
      'an entity its DOCTYPE declares as a file (XXE)',
      newsletter('<title>&parish; notices &nbps;</title>', '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY parish SYSTEM "file:///etc/hostname">]>'),
      /^malformed XML: uses an entity declared in its DOCTYPE, which Paperboy does not expand \(line \d+, column \d+\)$/,
    ],
    [
      'an entity its DOCTYPE declares with other entities in it (billion laughs)',
      newsletter('<title>&lol2; notices</title>', '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;">]>'),
      /^malformed XML: uses an entity declared in its DOCTYPE, which Paperboy does not expand \(line \d+, column \d+\)$/,
    ],
  ])('%s', async (_case, xml, message) => {
    const error = await parseFeed(xml, URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toMatch(message);
  });
});
