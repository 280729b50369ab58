// Posts without a title (Micro.blog, Mastodon, Bluesky, Tumblr) are listed under a title made from
// their text. A cut at 80 characters ran on past the first sentence and stopped inside the next
// ("…back on the canal. Three this…"): the title is the first sentence when it is short enough,
// else the opening cut at a word with an ellipsis.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

/** A Mastodon account's RSS: statuses have no <title>, their HTML in <description>. */
const mastodon = (html: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Harbour Watch</title>
    <description>Public posts from @harbourwatch@social.example</description>
    <link>https://social.example/@harbourwatch</link>
    <item>
      <guid isPermaLink="true">https://social.example/@harbourwatch/113600000000000001</guid>
      <link>https://social.example/@harbourwatch/113600000000000001</link>
      <pubDate>Mon, 07 Dec 2026 07:12:40 +0000</pubDate>
      <description>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</description>
    </item>
  </channel>
</rss>`;

async function titleOf(html: string): Promise<string | undefined> {
  return (await parseFeed(mastodon(html), 'https://social.example/@harbourwatch.rss')).items[0]?.title;
}

describe('the title of an untitled post', () => {
  it('is its first sentence when that is short enough', async () => {
    expect(await titleOf('<p>Monsoon’s long gone and the kingfishers are back on the canal. Three this morning.</p>')).toBe('Monsoon’s long gone and the kingfishers are back on the canal.');
  });

  it('ends at a question or an exclamation, and at a CJK full stop', async () => {
    expect(await titleOf('<p>Why does the 07:40 ferry always leave late? Nobody at the terminal knows, and the timetable still says 07:40.</p>')).toBe('Why does the 07:40 ferry always leave late?');
    expect(await titleOf('<p>今日は港でカモメを見ました。明日も行きます。</p>')).toBe('今日は港でカモメを見ました。');
  });

  it('does not end at an abbreviation, a version number or an address', async () => {
    expect(await titleOf('<p>Met Dr. Okafor at the ferry. She says the crossing is off until Friday.</p>')).toBe('Met Dr. Okafor at the ferry.');
    expect(await titleOf('<p>Shipped v2.1 of tidetable.example.org today. It reads the new format.</p>')).toBe('Shipped v2.1 of tidetable.example.org today.');
  });

  it('is its opening cut at a word, with an ellipsis, when the first sentence is too long', async () => {
    const title = await titleOf('<p>The harbour master says the ferries will stay in port until the gusts drop below fifty knots, which the forecast puts at Wednesday evening at the earliest. More then.</p>');
    expect(title).toBe('The harbour master says the ferries will stay in port until the gusts drop…');
  });

  it('is the whole text when it is short', async () => {
    expect(await titleOf('<p>Fog again</p>')).toBe('Fog again');
  });
});
