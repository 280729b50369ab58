// Items whose only text is in an extension element: YouTube channel feeds (media:group's
// media:description), podcasts (itunes:summary, itunes:author), photo and video feeds (their one
// media:content's media:description). Read through the sync's path
// (ingestFeed), the article shows that text with its line breaks, and its bare addresses as links.
import { describe, expect, it } from 'vitest';
import { sanitizeFeedItem } from '../../electron/core/articles';
import { parseFeed } from '../../electron/core/feeds';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

const YOUTUBE_URL = 'https://www.youtube.com/feeds/videos.xml?channel_id=UCq3Jk5bWoodWorkshop01';
const PODCAST_URL = 'https://feeds.gardenhour.example.org/show.xml';

/** The article as the reader shows it: the feed's body, sanitized against its base. */
async function articles(fixture: string, feedUrl: string) {
  const feed = await ingestFeed(fixtureText(`feeds/${fixture}`), feedUrl, 1);
  return feed.items.map((item) => ({ ...item, html: item.feedBase ? sanitizeFeedItem(item.feedHtml, item.feedBase) : '' }));
}

describe('a YouTube channel feed', () => {
  it('shows the video description as the article, line breaks and links kept', async () => {
    const [video] = await articles('youtube-channel.xml', YOUTUBE_URL);
    expect(video?.snippet).toMatch(/^Two days, one shed\. Everything from the footings/);
    expect(video?.feedText).toContain('3:15 Footings & sole plates');
    expect(video?.html).toContain('Two days, one shed. Everything from the footings to the last roof sheet.<br />Chapters:<br />0:00 Intro<br />');
    // The sentence's full stop stays out of the address; the escaped '&' of a query string stays in it.
    expect(video?.html).toMatch(/Plans and cut list: <a href="https:\/\/northernwoodshop\.example\.com\/plans\/shed-8x6"[^>]*>https:\/\/northernwoodshop\.example\.com\/plans\/shed-8x6<\/a>\./);
    expect(video?.html).toMatch(/<a href="https:\/\/northernwoodshop\.example\.com\/tools\?ref=yt&amp;v=Qw8rT2nLk0s"/);
  });

  it('keeps the rest of the entry as it was, and leaves a video without a description bodiless', async () => {
    const feed = await parseFeed(fixtureText('feeds/youtube-channel.xml'), YOUTUBE_URL);
    expect(feed.items.map((i) => [i.title, i.author, i.imageUrl, i.contentHtml])).toEqual([
      ['Building a timber-frame shed & roofing it in a weekend', 'Northern Woodshop', 'https://i2.ytimg.com/vi/Qw8rT2nLk0s/hqdefault.jpg', null],
      ['Shop tour 2024', 'Northern Woodshop', 'https://i3.ytimg.com/vi/Lm3xV9pHa2c/hqdefault.jpg', null],
    ]);
    expect(feed.items[1]?.summaryHtml).toBeNull();
  });
});

describe('a podcast with iTunes elements only', () => {
  it('shows itunes:summary as the episode text, plain or HTML', async () => {
    const [plain, html] = await articles('podcast-itunes.xml', PODCAST_URL);
    expect(plain?.html).toContain('Priya explains why beer traps fail.<br />Listener questions start at 21:30.');
    expect(plain?.html).toMatch(/Show notes: <a href="https:\/\/gardenhour\.example\.org\/48"/);
    // Written as HTML (in CDATA), it is read as HTML, not shown as tags.
    expect(html?.snippet).toBe('Chitting, or not? Notes');
    expect(html?.html).toMatch(/<a href="https:\/\/gardenhour\.example\.org\/47"[^>]*>Notes<\/a>/);
  });

  it("names the episode's itunes:author, else the channel's", async () => {
    const feed = await parseFeed(fixtureText('feeds/podcast-itunes.xml'), PODCAST_URL);
    expect(feed.items.map((i) => i.author)).toEqual(['Maggie Thorne & Dr. Priya Nair', 'Maggie Thorne']);
  });

  it("shows the show's cover for an episode without art of its own, and never for a news item", async () => {
    const feed = await parseFeed(fixtureText('feeds/podcast-itunes.xml'), PODCAST_URL);
    expect(feed.items.map((i) => i.imageUrl)).toEqual(['https://gardenhour.example.org/art/cover-3000.jpg', 'https://gardenhour.example.org/art/cover-3000.jpg']);
    const ownArt = fixtureText('feeds/podcast-itunes.xml').replace('<itunes:episode>48', '<itunes:image href="/art/ep48.jpg"/><itunes:episode>48');
    expect((await parseFeed(ownArt, PODCAST_URL)).items[0]?.imageUrl).toBe('https://gardenhour.example.org/art/ep48.jpg');
    // A news site's channel logo is no picture of each story, even with a PDF attached.
    const news = fixtureText('feeds/podcast-itunes.xml').replaceAll('type="audio/mpeg"', 'type="application/pdf"');
    expect((await parseFeed(news, PODCAST_URL)).items.map((i) => i.imageUrl)).toEqual([null, null]);
  });

  it('does not let the channel itunes:author override an episode author from dc:creator or <author>', async () => {
    const xml = fixtureText('feeds/podcast-itunes.xml')
      .replace('xmlns:atom=', 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom=')
      .replace('<guid isPermaLink="false">ghr-6f1c2a90-47</guid>', '<guid isPermaLink="false">ghr-6f1c2a90-47</guid><dc:creator>Tom Ash</dc:creator>');
    expect((await parseFeed(xml, PODCAST_URL)).items[1]?.author).toBe('Tom Ash');
  });
});

describe('extension text beside the item’s own', () => {
  const rss = (inner: string) =>
    `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>N</title><item><title>T</title><link>https://news.example.org/1</link>${inner}</item></channel></rss>`;

  it.each([
    ['a description', '<description>The story.</description><itunes:summary>Other text</itunes:summary>', 'The story.', null],
    ['content:encoded', '<content:encoded>&lt;p&gt;Full story.&lt;/p&gt;</content:encoded><itunes:summary>Other text</itunes:summary>', null, '<p>Full story.</p>'],
    // A picture's caption in its media:content is the text only of an item with none of its own.
    ['a description beside a picture caption', '<description>The story.</description><media:content url="https://news.example.org/p.jpg" medium="image"><media:description>Photo: the harbour</media:description></media:content>', 'The story.', null],
  ])('keeps %s as the text', async (_case, inner, summaryHtml, contentHtml) => {
    const item = (await parseFeed(rss(inner), 'https://news.example.org/feed')).items[0];
    expect([item?.summaryHtml, item?.contentHtml]).toEqual([summaryHtml, contentHtml]);
  });

  it('reads media:description type="html" as HTML', async () => {
    const item = (await parseFeed(rss('<media:description type="html">&lt;p&gt;A &lt;b&gt;bold&lt;/b&gt; clip&lt;/p&gt;</media:description>'), 'https://news.example.org/feed')).items[0];
    expect(item?.summaryHtml).toBe('<p>A <b>bold</b> clip</p>');
  });
});

describe('a photo and video feed whose items have text only in their one media:content', () => {
  const DESK_URL = 'https://photos.northshorepress.example/feeds/pictures-of-the-day.rss';

  it("shows the photo's caption and the clip's description as the article", async () => {
    const [photo, clip] = await articles('photo-and-video-mrss.xml', DESK_URL);
    expect(photo?.snippet).toBe(
      "The Skerrow Point lifeboat is launched down the slipway during a night exercise with the coastguard helicopter, the first since the station's new boat arrived in January.",
    );
    expect(photo?.html).toContain('The Skerrow Point lifeboat is launched down the slipway');
    expect(clip?.html).toMatch(/Harbour master Iain Rennie explains why the last Sunday sailing goes from November\.<br \/>Full timetable: <a href="https:\/\/islandferries\.example\/winter-2024"/);
  });

  it('never adds a caption to text the item has, nor one that only repeats its title', async () => {
    const feed = await parseFeed(fixtureText('feeds/photo-and-video-mrss.xml'), DESK_URL);
    const [, , described, captionedByTitle] = feed.items;
    expect(described?.summaryHtml).toBe('Waves broke over the sea wall at high tide on Sunday afternoon, closing the esplanade for three hours.');
    expect(captionedByTitle?.summaryHtml).toBeNull();
    expect(feed.items.map((item) => item.title)).toEqual([
      'Lifeboat launch at Skerrow Point', 'Harbour master on the new ferry timetable', 'Storm surge floods the esplanade', 'Gulls over the breakwater',
    ]);
  });

  it('reads the one media:content of an Atom entry the same way', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>Northshore Press Photo Desk</title><id>tag:northshorepress.example,2024:photos</id><updated>2024-03-05T06:58:00Z</updated>
<entry><id>tag:northshorepress.example,2024:photo-0412</id><title>Lifeboat launch at Skerrow Point</title><updated>2024-03-05T06:58:00Z</updated>
<link href="https://photos.northshorepress.example/2024/03/05/lifeboat-launch-skerrow-point"/>
<media:content url="https://cdn.northshorepress.example/photos/2024/03/05/0412-lifeboat-2048.jpg" medium="image" width="2048" height="1365"><media:description type="html">&lt;p&gt;The lifeboat is launched during a &lt;em&gt;night&lt;/em&gt; exercise.&lt;/p&gt;</media:description></media:content></entry></feed>`;
    const [entry] = (await parseFeed(atom, 'https://photos.northshorepress.example/feeds/atom')).items;
    expect(entry?.summaryHtml).toBe('<p>The lifeboat is launched during a <em>night</em> exercise.</p>');
  });
});

describe('an item titled only in an extension element', () => {
  it('takes its media:title (beside it or in its media:group) or its itunes:title, not words of its description', async () => {
    const feed = await parseFeed(
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Harbour Films</title><link>https://films.harbour.example.org/</link>
<item><link>https://films.harbour.example.org/v/3101</link><guid isPermaLink="false">v3101</guid>
  <media:group><media:title>Night ferry to the islands</media:title><media:description>Twelve hours aboard the last boat of the season.</media:description>
  <media:content url="https://cdn.harbour.example.org/v/3101.mp4" type="video/mp4" medium="video"><media:title>3101.mp4</media:title></media:content></media:group></item>
<item><link>https://films.harbour.example.org/v/3102</link><media:title type="html">Storm &lt;em&gt;watch&lt;/em&gt; &amp;amp; rescue</media:title>
  <media:description>From the lifeboat station.</media:description></item>
<item><link>https://films.harbour.example.org/p/88</link><itunes:title>Episode 88: the harbour master</itunes:title><itunes:summary>An hour with the harbour master.</itunes:summary></item>
<item><link>https://films.harbour.example.org/v/3103</link><media:content url="https://cdn.harbour.example.org/v/3103.mp4" medium="video"><media:title>3103.mp4</media:title></media:content><description>Gulls over the breakwater at dawn.</description></item>
</channel></rss>`,
      'https://films.harbour.example.org/feed/',
    );
    expect(feed.items.map((item) => item.title)).toEqual([
      'Night ferry to the islands',
      'Storm watch & rescue',
      'Episode 88: the harbour master',
      // A video file's own title is its file name: the item is titled by its text's first words, as before.
      'Gulls over the breakwater at dawn.',
    ]);
  });
});
