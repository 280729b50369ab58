// Comments written with the '--' XML forbids inside one: a hand-written feed's banners
// ("<!-- ---- Latest items ---- -->"), a note such as "<!-- added by hand -- Jo -->", a comment
// closed with "--->". sax refused the whole feed ("Malformed comment").
// libxml2 in recover mode (NetNewsWire's parser) and feedparser read on past them, and so does
// Paperboy: a comment is never shown, so its text is dropped.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const URL = 'https://parish.example.org/news.xml';

function feed(comment: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>Parish News</title>
  <link>https://parish.example.org/</link>
  ${comment}
  <item><title>Harvest supper -- Saturday</title><link>https://parish.example.org/harvest</link><description><![CDATA[<p>Tickets at the door <!-- no -- comment here --> or from Jo.</p>]]></description></item>
  <item><title>Bell ringing practice</title><link>https://parish.example.org/bells</link></item>
</channel>
</rss>`;
}

describe('a feed with -- inside a comment', () => {
  it.each([
    ['a banner', '<!-- ------------ Latest items ------------ -->'],
    ['a note', '<!-- updated by hand -- Jo, 12 May -->'],
    ['three dashes', '<!--- items below --->'],
  ])('keeps its items: %s', async (_name, comment) => {
    const parsed = await parseFeed(feed(comment), URL);
    expect(parsed.items.map((item) => item.title)).toEqual(['Harvest supper -- Saturday', 'Bell ringing practice']);
    // Text in CDATA that looks like a comment is the item's, as written.
    expect(parsed.items[0]?.summaryHtml).toContain('<!-- no -- comment here -->');
  });

  it('still refuses a comment that never ends', async () => {
    await expect(parseFeed(feed('<!-- never closed'), URL)).rejects.toThrow(/^malformed XML/);
  });
});
