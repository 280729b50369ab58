// Long CDATA sections are taken out before rss-parser reads a feed and put back in its tree
// (electron/core/feeds/lifted-cdata.ts): what an item says must come out exactly as written, in
// every shape CDATA takes in real feeds, and a broken feed must be reported as it was written.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { liftCdata } from '../../electron/core/feeds/lifted-cdata';

const URL = 'https://harbour.example/feed';
const story = (n: number) =>
  `<figure><img src="/img/${n}.jpg" alt="The quay at dawn"></figure>\r\n<p>The <b>ferry</b> to the north quay leaves at 06:40 from Monday, ` +
  `the port said; fares stay at £3 &amp; a return costs £5.</p>\n<p>Tides permitting [[maps]] and arrays a[b[0]] are shown.</p>`;
const rss = (items: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour</title>` +
  `<link>https://harbour.example/</link>${items}</channel></rss>`;
const item = (n: number, inner: string) => `<item><title>Story ${n}</title><guid>s${n}</guid>${inner}</item>`;

describe('long CDATA sections', () => {
  it("come back in a feed whose extension element nests 20,000 deep, the items beside it read", async () => {
    // Valid XML: a generator's own namespace, nested as deep as it likes. The walk that puts the
    // sections back ran out of stack on it, and the whole feed failed as "malformed XML".
    const deep = `<x:meta xmlns:x="urn:example:meta">${'<x:d>'.repeat(20_000)}core${'</x:d>'.repeat(20_000)}</x:meta>`;
    const feed = await parseFeed(
      rss(item(1, `<content:encoded><![CDATA[${story(1)}]]></content:encoded>${deep}`) + item(2, `<content:encoded><![CDATA[${story(2)}]]></content:encoded>`)),
      URL,
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Story 1', 'Story 2']);
    expect(feed.items[1]!.contentHtml).toContain('The <b>ferry</b> to the north quay');
  });

  it('are lifted out of the text rss-parser reads, and only the long ones', () => {
    const xml = rss(item(1, `<description><![CDATA[Short]]></description><content:encoded><![CDATA[${story(1)}]]></content:encoded>`));
    const lifted = liftCdata(xml)!;
    expect(lifted.xml).not.toContain('ferry');
    expect(lifted.xml).toContain('<![CDATA[Short]]>');
    expect(liftCdata(rss(item(1, '<description><![CDATA[Short]]></description>')))).toBeNull();
  });

  it('come back exactly: split at "]]>", beside text and entities, with CR LF, brackets and prefixes', async () => {
    const split = story(2).replace('[[maps]]', '[[maps]]]]><![CDATA[> and ]]]]><![CDATA[>');
    const feed = await parseFeed(
      rss(
        item(1, `<content:encoded><![CDATA[${story(1)}]]></content:encoded>`) +
          item(2, `<content:encoded><![CDATA[${split}]]></content:encoded>`) +
          item(3, `<description>Fish &amp; chips: <![CDATA[${story(3)}]]> &lt;and&gt; <![CDATA[${story(4)}]]>&#169;</description>`),
      ).replace(/<(\/?)(rss|channel|item|title|link|guid)\b/g, '<$1r:$2').replace('<r:rss ', '<r:rss xmlns:r="http://backend.userland.com/rss2" '),
      URL,
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Story 1', 'Story 2', 'Story 3']);
    expect(feed.items[0]!.contentHtml).toBe(story(1));
    expect(feed.items[1]!.contentHtml).toBe(story(2).replace('[[maps]]', '[[maps]]> and ]]>'));
    expect(feed.items[2]!.summaryHtml).toBe(`Fish & chips: ${story(3)} <and> ${story(4)}©`);
  });

  it('come back exactly in Atom content and summaries', async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title><id>urn:h</id>' +
        `<entry><id>e1</id><title>Ferries</title><summary type="html"><![CDATA[${story(5)}]]></summary><content type="html"><![CDATA[${story(6)}]]></content></entry></feed>`,
      URL,
    );
    expect(feed.items[0]!.contentHtml).toBe(story(6));
    expect(feed.items[0]!.summaryHtml).toBe(story(5));
  });

  it('are read as written when "<![CDATA[" stands in a comment or a processing instruction', async () => {
    const feed = await parseFeed(
      rss(
        `<!-- generator note: <![CDATA[ -->${item(1, `<content:encoded><![CDATA[${story(1)}]]></content:encoded>`)}` +
          `<?render <![CDATA[ ?>${item(2, `<description>${'A long description without CDATA, '.repeat(6)}</description><content:encoded><![CDATA[${story(2)}]]></content:encoded>`)}`,
      ),
      URL,
    );
    expect(feed.items.map((i) => i.contentHtml)).toEqual([story(1), story(2)]);
  });

  it('are read as written when "<![CDATA[" stands in an attribute value', async () => {
    // Lifted from there to the next "]]>", the description would vanish into the attribute.
    const text = 'The ferry to the north quay leaves at 06:40 from Monday, the port said. '.repeat(3).trim();
    const feed = await parseFeed(rss(item(1, `<category label="<![CDATA["/><description>${text}</description>]]>" domain="x"/>`)), URL);
    expect(feed.items[0]!.summaryHtml).toBe(text);
  });

  it('are read as written in a document holding the placeholder marks', async () => {
    // Control characters XML 1.0 forbids, which the parser reads all the same when they are raw
    // (a broken export); as references it refuses the document.
    const feed = await parseFeed(rss(item(1, `<description>Marks \x0142\x02 stay.</description><content:encoded><![CDATA[${story(7)}]]></content:encoded>`)), URL);
    expect(feed.items[0]!.summaryHtml).toBe('Marks \x0142\x02 stay.');
    expect(feed.items[0]!.contentHtml).toBe(story(7));
  });

  it('leave a broken feed reported where it breaks in the text as served', async () => {
    // Four lines of CDATA before the stray end tag: the placeholder has none.
    const broken = rss(item(1, `<content:encoded><![CDATA[${story(1)}\n${story(2)}]]></content:encoded>\n</guid>`));
    await expect(parseFeed(broken, URL)).rejects.toThrow('malformed XML: Unexpected close tag (line 7, column 7)');
  });
});
