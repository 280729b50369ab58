// An item whose only address is a permalink guid written as a path (hand-rolled CMSs, static-site
// templates that print `{{ post.url }}` without the site): it had no link, so the reader offered
// no page to open and the sync fetched none. It is resolved as a browser resolves a relative link.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const FEED = 'https://harbourlog.example.org/feed.xml';
const rss = (guid: string, channelLink = '<link>https://harbourlog.example.org/</link>') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Log</title>${channelLink}<description>Notes</description>` +
  `<item><title>Ice on the slipway</title>${guid}<pubDate>Mon, 07 Dec 2026 07:00:00 GMT</pubDate><description>Mind the ramp.</description></item></channel></rss>`;

async function linkOf(xml: string): Promise<string | null | undefined> {
  return (await parseFeed(xml, FEED)).items[0]?.link;
}

describe('a relative permalink guid without a <link>', () => {
  it('is the page at that path on the site', async () => {
    expect(await linkOf(rss('<guid isPermaLink="true">/2026/12/ice-on-the-slipway</guid>'))).toBe('https://harbourlog.example.org/2026/12/ice-on-the-slipway');
  });

  it('is read as a path from the root when isPermaLink is left to its default', async () => {
    expect(await linkOf(rss('<guid>/2026/12/ice-on-the-slipway</guid>'))).toBe('https://harbourlog.example.org/2026/12/ice-on-the-slipway');
  });

  it("resolves against the feed's own address when the channel names no site", async () => {
    expect(await linkOf(rss('<guid isPermaLink="true">posts/ice-on-the-slipway.html</guid>', ''))).toBe('https://harbourlog.example.org/posts/ice-on-the-slipway.html');
  });

  it.each([
    ['a bare number with the default isPermaLink', '<guid>48213</guid>'],
    ['a path the feed says is no permalink', '<guid isPermaLink="false">/2026/12/ice-on-the-slipway</guid>'],
  ])('gives no page for %s', async (_case, guid) => {
    expect(await linkOf(rss(guid))).toBeNull();
  });
});
