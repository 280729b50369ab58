// CDATA inside CDATA, as templates and posts write it: a field wrapped twice showed its markers
// in the headline, and a post quoting a CDATA section refused the whole feed.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const FEED_URL = 'https://observatory.example.edu/news/rss.xml';

function feed(channelTitle: string, firstItem: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${channelTitle}</title>
<link>https://observatory.example.edu/</link>
${firstItem}
<item>
<title><![CDATA[Open night on the 14th]]></title>
<link>https://observatory.example.edu/news/open-night</link>
<description><![CDATA[<p>Bring warm clothes.</p>]]></description>
</item>
</channel>
</rss>`;
}

describe('CDATA nested in CDATA', () => {
  it('a template that wraps fields already wrapped shows the headline and text without markers', async () => {
    const xml = feed('<![CDATA[<![CDATA[Hillside Observatory News]]>]]>', `<item>
<title><![CDATA[<![CDATA[New mirror for the 60 cm telescope]]>]]></title>
<link>https://observatory.example.edu/news/mirror</link>
<description><![CDATA[<![CDATA[<p>The <b>re-coated</b> mirror arrived on Tuesday.</p>]]>]]></description>
</item>`);
    const parsed = await parseFeed(xml, FEED_URL);
    expect(parsed.title).toBe('Hillside Observatory News');
    expect(parsed.items.map((item) => [item.title, item.summaryHtml])).toEqual([
      ['New mirror for the 60 cm telescope', '<p>The <b>re-coated</b> mirror arrived on Tuesday.</p>'],
      ['Open night on the 14th', '<p>Bring warm clothes.</p>'],
    ]);
  });

  it('a post quoting a CDATA section in its HTML keeps the feed, and the post its text', async () => {
    const xml = feed('Hillside Observatory News', `<item>
<title>Our telescope log as XML</title>
<link>https://observatory.example.edu/news/log-format</link>
<description><![CDATA[<p>Each note is kept as <code><![CDATA[seeing 2/5, thin cirrus]]></code> in the log file.</p>]]></description>
</item>`);
    const parsed = await parseFeed(xml, FEED_URL);
    expect(parsed.items.map((item) => [item.title, item.link])).toEqual([
      ['Our telescope log as XML', 'https://observatory.example.edu/news/log-format'],
      ['Open night on the 14th', 'https://observatory.example.edu/news/open-night'],
    ]);
    expect(parsed.items[0]?.summaryHtml).toBe('<p>Each note is kept as <code>seeing 2/5, thin cirrus</code> in the log file.</p>');
  });
});
