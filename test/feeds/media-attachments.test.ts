// What Media RSS attaches to an item. Mastodon lists a post's pictures, video and sound only as
// media:content: every picture shows in the article after its text (with its alt text) and is
// kept for offline reading, sound and video are attachments, and a post that is only a picture
// is named by its alt text. The lead image is the story's own picture: the largest media:content
// (Flickr's photo, not its 75-pixel thumbnail), never an author's avatar (GitHub's releases) nor
// an icon attached as an enclosure (Yahoo! JAPAN's 133-byte camera icon).
// Real servers on loopback for the sync.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { parseFeed } from '../../electron/core/feeds';
import { fixtureText } from '../support/fixtures';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const ORIGIN = 'https://harbour.example.social';
const mastodon = () => parseFeed(fixtureText('feeds/mastodon-media.xml', ORIGIN), `${ORIGIN}/@ines.rss`);
const attachment = (path: string) => `${ORIGIN}/system/media_attachments/files/${path}`;

describe('a Mastodon account feed', () => {
  it('shows every picture of a post after its text, each with its alt text', async () => {
    const [photos] = (await mastodon()).items;
    expect(photos?.summaryHtml).toBe(
      [
        `<p>Four frames from this morning&#39;s walk along the north quay <a href="${ORIGIN}/tags/photography" class="mention hashtag" rel="tag">#<span>photography</span></a></p>`,
        `<p><img src="${attachment('112/440/581/000/000/001/original/a1.png')}" alt="Fishing boats tied up at the north quay at dawn"></p>`,
        `<p><img src="${attachment('112/440/581/000/000/002/original/a2.png')}" alt="A gull on a bollard"></p>`,
        `<p><img src="${attachment('112/440/581/000/000/003/original/a3.png')}" alt="Nets drying on the harbour wall"></p>`,
        `<p><img src="${attachment('112/440/581/000/000/004/original/a4.png')}" alt=""></p>`,
      ].join('\n'),
    );
    expect(photos?.imageUrl).toBe(attachment('112/440/581/000/000/001/original/a1.png'));
    expect(photos?.title).toBe("Four frames from this morning's walk along the north quay #photography");
  });

  it('names a post that is only a picture by its alt text', async () => {
    const picture = (await mastodon()).items[1];
    expect(picture?.title).toBe('The lighthouse in fog, its lamp just visible');
    expect(picture?.summaryHtml).toContain('alt="The lighthouse in fog, its lamp just visible"');
  });

  it('keeps sound and video as attachments', async () => {
    const [, , sound, video] = (await mastodon()).items;
    expect(sound?.enclosures).toEqual([{ url: attachment('112/439/977/000/000/006/original/c1.mp3'), type: 'audio/mpeg', length: 823112 }]);
    expect(video?.enclosures).toEqual([{ url: attachment('112/439/521/000/000/007/original/d1.mp4'), type: 'video/mp4', length: 2291750 }]);
    // Sound and video are no pictures: the post stays as the feed wrote it.
    expect(video?.summaryHtml).toBe('<p>Waves over the breakwater, ten seconds of it</p>');
  });
});

describe('a Mastodon post with a custom emoji, and one with a GIF', () => {
  const post = (description: string, media: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Inés</title><link>${ORIGIN}/@ines</link>
<item><guid isPermaLink="true">${ORIGIN}/@ines/112440581000000101</guid><link>${ORIGIN}/@ines/112440581000000101</link><pubDate>Tue, 05 Mar 2024 09:12:44 +0000</pubDate>
<description>${description}</description>${media}</item></channel></rss>`;
  const emoji = '&lt;p&gt;Low tide at last &lt;img rel="emoji" draggable="false" width="16" height="16" class="emojione custom-emoji" alt=":blobcat:" title=":blobcat:" src="https://harbour.example.social/system/custom_emojis/images/000/000/001/static/blobcat.png"&gt;&lt;/p&gt;';

  it('still shows the photos a post with a custom emoji in its text attaches', async () => {
    const media = ['e1', 'e2'].map((name) => `<media:content url="${attachment(`${name}.jpeg`)}" type="image/jpeg" fileSize="20000" medium="image"><media:rating scheme="urn:simple">nonadult</media:rating><media:description type="plain">Photo ${name}</media:description></media:content>`).join('');
    const [item] = (await parseFeed(post(emoji, media), `${ORIGIN}/@ines.rss`)).items;
    expect(item?.summaryHtml).toContain(`<p><img src="${attachment('e1.jpeg')}" alt="Photo e1"></p>`);
    expect(item?.summaryHtml).toContain(`<p><img src="${attachment('e2.jpeg')}" alt="Photo e2"></p>`);
  });

  it('keeps a GIF Mastodon made a video as a video, though it says "image"', async () => {
    const media = `<media:content url="${attachment('0f1e2d.mp4')}" type="video/mp4" fileSize="1183220" medium="image"><media:description type="plain">A cat on a boat</media:description></media:content>`;
    const [item] = (await parseFeed(post('&lt;p&gt;Crew member&lt;/p&gt;', media), `${ORIGIN}/@ines.rss`)).items;
    expect(item?.enclosures).toEqual([{ url: attachment('0f1e2d.mp4'), type: 'video/mp4', length: 1183220 }]);
    expect(item?.imageUrl).toBeNull();
    expect(item?.summaryHtml).not.toContain('<img');
  });
});

describe('a news item with one media:content picture', () => {
  it('leaves it as the lead image, the body as written', async () => {
    const rss = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Coast News</title><item><title>Harbour wall repaired</title><link>https://news.example.org/wall</link><description>The wall reopens on Monday.</description><media:content url="https://news.example.org/img/wall.jpg?width=140" medium="image" width="140"><media:description>The repaired wall</media:description></media:content><media:content url="https://news.example.org/img/wall.jpg?width=460" medium="image" width="460"><media:description>The repaired wall</media:description></media:content></item></channel></rss>`;
    const [item] = (await parseFeed(rss, 'https://news.example.org/rss')).items;
    expect(item).toMatchObject({ summaryHtml: 'The wall reopens on Monday.', imageUrl: 'https://news.example.org/img/wall.jpg?width=460' });
  });
});

describe('a news item whose media:content says neither medium nor type', () => {
  it("takes it as the picture by the size it declares, though its address names no file (Yahoo's); not a sized video", async () => {
    const item = (title: string, media: string) => `<item><title>${title}</title><link>https://news.example.org/${title.length}</link><description>The wall reopens on Monday.</description>${media}</item>`;
    const rss = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Coast News</title>
${item('Harbour wall repaired', '<media:content height="533" url="https://img.example-cdn.org/en/coast_news_512/4b1c2d3e4f5a6b7c8d9e0f" width="800"/><media:credit role="publishing company"></media:credit>')}
${item('Harbour wall repaired, the film', '<media:content height="720" url="https://video.example-cdn.org/coast/wall-film.mp4" width="1280"/>')}
</channel></rss>`;
    const [picture, film] = (await parseFeed(rss, 'https://news.example.org/rss')).items;
    expect(picture?.imageUrl).toBe('https://img.example-cdn.org/en/coast_news_512/4b1c2d3e4f5a6b7c8d9e0f');
    expect(film?.imageUrl).toBeNull();
  });
});

describe('the lead image', () => {
  it("is not Yahoo! JAPAN's camera icon, a 133-byte enclosure every story with photos carries; a real picture's enclosure still is", async () => {
    const rss = `<?xml version='1.0' encoding='UTF-8'?>
<rss version="2.0"><channel><title>Yahoo!ニュース・トピックス - 主要</title><link>https://news.yahoo.co.jp/</link><description>最新の見出し</description><language>ja</language>
<item><title>北陸新幹線 大雪で一部運転見合わせ</title><link>https://news.yahoo.co.jp/pickup/6512345?source=rss</link><pubDate>Sun, 06 Dec 2026 19:21:47 +0900</pubDate><enclosure length="133" url="https://s.yimg.jp/images/icon/photo.gif" type="image/gif"></enclosure><guid isPermaLink="false">yahoo/news/topics/6512345</guid></item>
<item><title>年末ジャンボ 売り場に行列</title><link>https://news.yahoo.co.jp/pickup/6512340?source=rss</link><pubDate>Sun, 06 Dec 2026 18:02:10 +0900</pubDate><enclosure length="48211" url="https://news-pctr.c.yimg.jp/t/news-topics/images/tpc/2026/12/06/jumbo.jpg" type="image/jpeg"></enclosure><guid isPermaLink="false">yahoo/news/topics/6512340</guid></item>
<item><title>サイズ不明の写真</title><link>https://news.yahoo.co.jp/pickup/6512339?source=rss</link><enclosure length="1" url="https://news-pctr.c.yimg.jp/t/news-topics/images/tpc/2026/12/06/unknown.jpg" type="image/jpeg"></enclosure><guid isPermaLink="false">yahoo/news/topics/6512339</guid></item>
</channel></rss>`;
    const [withIcon, withPhoto, unknownSize] = (await parseFeed(rss, 'https://news.yahoo.co.jp/rss/topics/top-picks.xml')).items;
    expect(withIcon?.imageUrl).toBeNull();
    expect(withPhoto?.imageUrl).toBe('https://news-pctr.c.yimg.jp/t/news-topics/images/tpc/2026/12/06/jumbo.jpg');
    // 1, like 0, is what a generator writes when it does not know the size.
    expect(unknownSize?.imageUrl).toBe('https://news-pctr.c.yimg.jp/t/news-topics/images/tpc/2026/12/06/unknown.jpg');
  });

  it("is Flickr's photo, not its 75-pixel thumbnail", async () => {
    const rss = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:flickr="urn:flickr:user">
<channel><title>Uploads from harbourlight</title><link>https://www.flickr.com/photos/harbourlight/</link><description></description>
<item>
<title>North quay at dawn</title><link>https://www.flickr.com/photos/harbourlight/53712345678/</link>
<description> &lt;p&gt;&lt;a href=&quot;https://www.flickr.com/people/harbourlight/&quot;&gt;harbourlight&lt;/a&gt; posted a photo:&lt;/p&gt; &lt;p&gt;&lt;a href=&quot;https://www.flickr.com/photos/harbourlight/53712345678/&quot; title=&quot;North quay at dawn&quot;&gt;&lt;img src=&quot;https://live.staticflickr.com/65535/53712345678_3c1d2e4f5a_m.jpg&quot; width=&quot;240&quot; height=&quot;160&quot; alt=&quot;North quay at dawn&quot; /&gt;&lt;/a&gt;&lt;/p&gt; </description>
<pubDate>Tue, 14 May 2024 02:10:33 -0700</pubDate>
<author flickr:profile="https://www.flickr.com/people/harbourlight/">nobody@flickr.com ("harbourlight")</author>
<guid isPermaLink="false">tag:flickr.com,2004:/photo/53712345678</guid>
<media:content url="https://live.staticflickr.com/65535/53712345678_3c1d2e4f5a_b.jpg" type="image/jpeg" height="683" width="1024"/>
<media:title>North quay at dawn</media:title>
<media:thumbnail url="https://live.staticflickr.com/65535/53712345678_3c1d2e4f5a_s.jpg" height="75" width="75"/>
<media:credit role="photographer">harbourlight</media:credit>
</item></channel></rss>`;
    const [photo] = (await parseFeed(rss, 'https://www.flickr.com/services/feeds/photos_public.gne?id=1')).items;
    expect(photo?.imageUrl).toBe('https://live.staticflickr.com/65535/53712345678_3c1d2e4f5a_b.jpg');
  });

  it("is not the release author's avatar on GitHub", async () => {
    const atom = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
  <id>tag:github.com,2008:https://github.com/harbourtools/tidecalc/releases</id>
  <link type="text/html" rel="alternate" href="https://github.com/harbourtools/tidecalc/releases"/>
  <link type="application/atom+xml" rel="self" href="https://github.com/harbourtools/tidecalc/releases.atom"/>
  <title>Release notes from tidecalc</title>
  <updated>2024-05-14T09:12:44Z</updated>
  <entry>
    <id>tag:github.com,2008:Repository/731234567/v2.1.0</id>
    <updated>2024-05-14T09:12:44Z</updated>
    <link rel="alternate" type="text/html" href="https://github.com/harbourtools/tidecalc/releases/tag/v2.1.0"/>
    <title>v2.1.0</title>
    <content type="html">&lt;h2&gt;What&amp;#39;s Changed&lt;/h2&gt;
&lt;ul&gt;
&lt;li&gt;Neap tide tables by &lt;a class=&quot;user-mention notranslate&quot; href=&quot;https://github.com/ines&quot;&gt;@ines&lt;/a&gt;&lt;/li&gt;
&lt;/ul&gt;</content>
    <author>
      <name>ines</name>
    </author>
    <media:thumbnail height="30" width="30" url="https://avatars.githubusercontent.com/u/4123456?s=60&amp;v=4"/>
  </entry>
</feed>`;
    const [release] = (await parseFeed(atom, 'https://github.com/harbourtools/tidecalc/releases.atom')).items;
    expect(release?.imageUrl).toBeNull();
  });
});

describe('syncing a Mastodon account', () => {
  let site: TestServer;
  let core: PaperboyCore | null = null;

  beforeAll(async () => {
    site = await TestServer.start();
    site.serve('/@ines.rss', { body: fixtureText('feeds/mastodon-media.xml', site.origin), type: 'application/rss+xml; charset=utf-8' });
    site.fallback((req, res) => {
      // Each picture its own bytes: the cache keeps files by their content.
      const name = /\/original\/([a-z]\d)\.png$/.exec(req.url ?? '')?.[1];
      if (name === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(4, 4, [name.charCodeAt(0), Number(name[1]) * 40, 90]));
    });
  });
  afterAll(() => site.stop());
  afterEach(async () => {
    await core?.close();
    core = null;
    removeTempDirs();
  });

  it('keeps every picture of a post for offline reading', async () => {
    core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    const feedId = (await core.api.addFeed(site.url('/@ines.rss'))).feed.id;
    await core.api.sync();
    const [photos] = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 1 })).articles;
    const html = (await core.api.getArticle(photos!.id))!.html;
    expect(html.match(/<img src="paperboy-cache:\/\/[0-9a-f]{64}"/g)).toHaveLength(4);
    expect(html).toContain('alt="A gull on a bollard"');
    for (const n of [1, 2, 3, 4]) expect(site.requestsFor(`/system/media_attachments/files/112/440/581/000/000/00${n}/original/a${n}.png`)).toHaveLength(1);
  });
});
