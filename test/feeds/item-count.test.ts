// A feed's items are counted before it is parsed (item-limit.ts), to refuse a document of hundreds
// of thousands of items before they cost memory (the newest are kept). The count must see what the
// parser will: an <item> quoted in a CDATA section or a comment is text. A developers' forum's
// archive, whose posts quote feed markup in code blocks, was refused as "too many items" for items it did not have.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const URL = 'https://forum.example.org/c/syndication.rss';

/** A Discourse-like category feed whose every post quotes a feed's markup in a code block. */
function forumArchive(posts: number): string {
  const items: string[] = [];
  for (let i = 1; i <= posts; i++) {
    const quoted = `<pre><code>&lt;channel&gt;\n<item>\n  <title>Episode ${i}</title>\n  <enclosure url="https://cdn.example.org/${i}.mp3"/>\n</item>\n<entry><title>Atom too</title></entry>\n&lt;/channel&gt;</code></pre>`;
    items.push(`  <item>
    <title>Why does my feed item ${i} show no enclosure?</title>
    <dc:creator><![CDATA[@user${i % 97}]]></dc:creator>
    <description><![CDATA[<p>My generator writes this:</p>${quoted}<p>What is wrong?</p>]]></description>
    <!-- <item> kept for the old app: https://forum.example.org/t/${i} -->
    <link>https://forum.example.org/t/topic-${i}/${i}</link>
    <pubDate>Mon, 07 Dec 2026 08:${String(i % 60).padStart(2, '0')}:00 +0000</pubDate>
    <guid isPermaLink="false">forum.example.org-topic-${i}</guid>
  </item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Syndication - Dev Forum</title>
    <link>https://forum.example.org/c/syndication</link>
    <description>Topics about feeds</description>
${items.join('\n')}
  </channel>
</rss>
`;
}

describe('counting a feed\'s items before reading it', () => {
  it('reads an archive whose posts quote <item> and <entry> in CDATA and comments, with all its items', async () => {
    // 7,000 posts, each quoting two <item> and one <entry>: 28,000 start tags in the text.
    const feed = await parseFeed(forumArchive(7_000), URL);
    expect(feed.items).toHaveLength(7_000);
    expect(feed.items[0]?.title).toBe('Why does my feed item 1 show no enclosure?');
  }, 60_000);

  it('reads no more than the limit of a feed with more real items, CDATA between them, and counts those left out', async () => {
    const feed = await parseFeed(forumArchive(20_001), URL);
    expect(feed.items).toHaveLength(20_000);
    expect(feed.itemsLeftOut).toBe(1);
    // All dated (minute i % 60 of one hour): left out is the oldest, of the topics at minute 0 the last listed.
    expect(feed.items.map((item) => item.title)).not.toContain('Why does my feed item 19980 show no enclosure?');
    expect(feed.items[0]?.title).toBe('Why does my feed item 1 show no enclosure?');
  }, 60_000);

  it('counts no items inside a CDATA section left open to the end', async () => {
    const cut = forumArchive(3).replace('<p>What is wrong?</p>]]>', '<p>What is wrong?</p>');
    // The parser reads the rest as that section's text, mends it or names the fault: never "too many items".
    await parseFeed(cut, URL).then(
      (feed) => expect(feed.items.length).toBeLessThanOrEqual(3),
      (error: unknown) => expect(String(error)).not.toMatch(/too many items/),
    );
  });
});
