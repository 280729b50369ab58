// What some generators write into every item, read as the reader should show it: the list's line
// under a headline without the generator's closing words (Hacker News' "Comments", Yoast's "The
// post ... appeared first on ...", Medium's "... was originally published in ...", the Guardian's
// "Continue reading...", Reddit's "submitted by", Slashdot's, Discourse's, phpBB's), no WordPress.com author Gravatar as a post's picture, Flickr's
// author without its quotes, NPR's counter pixel and FeedBurner's share buttons never fetched, a
// JSON Feed served under a server's default Latin-1 charset read as the UTF-8 it is.
import { describe, expect, it } from 'vitest';
import { sanitizeFeedItem } from '../../electron/core/articles';
import { parseFeed } from '../../electron/core/feeds';
import { decodeText } from '../../electron/core/http/charset';
import { ingestFeed } from '../../electron/core/workers/tasks';

const FEED_URL = 'https://feeds.example.org/rss';
const rss = (items: string, namespaces = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"${namespaces}><channel><title>Feed</title><link>https://site.example.org/</link>${items}</channel></rss>`;
const item = (title: string, description: string, extra = '') =>
  `<item><title>${title}</title><link>https://site.example.org/${encodeURIComponent(title)}</link>${extra}<description><![CDATA[${description}]]></description></item>`;

async function snippets(xml: string): Promise<string[]> {
  return (await ingestFeed(xml, FEED_URL, 1)).items.map((row) => row.snippet);
}

describe("the list's snippet goes without the generator's closing words", () => {
  it.each([
    ['Hacker News: a link to the discussion, and nothing else', '<a href="https://news.ycombinator.com/item?id=39601234">Comments</a>', ''],
    ['Lobsters: the text, then the link to the discussion', '<p>Feel free to share what you are working on this week.</p><p><a href="https://lobste.rs/s/q8xk2m">Comments</a></p>', 'Feel free to share what you are working on this week.'],
    ['Yoast: "The post ... appeared first on ..."', '<p>The council voted 34 to 27 for the trial. […]</p><p>The post <a href="https://site.example.org/trial">Council backs car-free trial</a> appeared first on <a href="https://site.example.org">Harbour Gazette</a>.</p>', 'The council voted 34 to 27 for the trial.…'],
    ['Yoast in German', '<p>Mit 34 zu 27 Stimmen hat der Stadtrat den Versuch beschlossen. […]</p><p>Der Beitrag <a href="https://site.example.org/v">Stadtrat beschließt Versuch</a> erschien zuerst auf <a href="https://site.example.org">Stadtblatt</a>.</p>', 'Mit 34 zu 27 Stimmen hat der Stadtrat den Versuch beschlossen.…'],
    ['WordPress.com: "Continue reading <title> →"', 'Egg boxes on every windowsill again. We’ll see. <a href="https://allotment.example/chitting/" class="more-link">Continue reading <span class="screen-reader-text">Chitting</span> <span class="meta-nav">&rarr;</span></a>', 'Egg boxes on every windowsill again. We’ll see.'],
    ['Medium: "<title> was originally published in <publication> on Medium..."', '<p>Notes from a week with the harbour’s tide gauge.</p><img src="https://medium.com/_/stat?event=post.clientViewed&amp;referrerSource=full_rss&amp;postId=91ac0e2d5b7f" width="1" height="1" alt=""><hr><p><a href="https://medium.com/harbour-works/tide-91ac0e2d5b7f">What a tide gauge hears</a> was originally published in <a href="https://medium.com/harbour-works">Harbour Works</a> on Medium, where people are continuing the conversation by highlighting and responding to this story.</p>', 'Notes from a week with the harbour’s tide gauge.'],
    ['Slashdot', 'An anonymous reader quotes a report: the foundation published its policy on Monday.<p><a href="https://tech.slashdot.org/story/1">Read more of this story</a> at Slashdot.</p>', 'An anonymous reader quotes a report: the foundation published its policy on Monday.'],
    ['Discourse', '<p>Post a photo of your setup.</p><p><small>27 posts - 19 participants</small></p><p><a href="https://forum.example/t/8790">Read full topic</a></p>', 'Post a photo of your setup.'],
    ['The Guardian: "Continue reading..." after a short summary', '<p>Live updates as the storm reaches the north-west coast.</p> <a href="https://www.theguardian.example/uk-news/live/2024/mar/11/storm">Continue reading...</a>', 'Live updates as the storm reaches the north-west coast.'],
    ['Reddit: "submitted by /u/name [link] [comments]"', '<!-- SC_OFF --><div class="md"><p>Has anyone ridden the new ferry route yet?</p></div><!-- SC_ON --> &#32; submitted by &#32; <a href="https://www.reddit.example/user/tidewalker"> /u/tidewalker </a> <br/> <span><a href="https://www.reddit.example/r/ferries/comments/1b2c3d/">[link]</a></span> &#32; <span><a href="https://www.reddit.example/r/ferries/comments/1b2c3d/">[comments]</a></span>', 'Has anyone ridden the new ferry route yet?'],
    ['Reddit: a link post, whose only text is the footer', '&#32; submitted by &#32; <a href="https://www.reddit.example/user/tidewalker"> /u/tidewalker </a> <br/> <span><a href="https://news.example/ferry">[link]</a></span> &#32; <span><a href="https://www.reddit.example/r/ferries/comments/1b2c3e/">[comments]</a></span>', ''],
    ['phpBB', 'Bring inks to swap!<p>Statistics: Posted by <a href="https://forum.example/u/2">admin</a> — Fri Mar 01, 2024 9:00 am — Replies 5 — Views 210</p><hr />', 'Bring inks to swap!'],
  ])('%s', async (_name, description, snippet) => {
    expect(await snippets(rss(item('A story of the day', description)))).toEqual([snippet]);
  });

  it('keeps a text that only mentions such words in a sentence of its own', async () => {
    const text = 'Readers asked us to read more books aloud, so we will. The post office on Bridge Street appeared first on the list of closures.';
    expect(await snippets(rss(item('A story of the day', `<p>${text}</p>`)))).toEqual([text]);
    const opening = 'View online or in person: the archive opens its reading room on Mondays.';
    expect(await snippets(rss(item('A story of the day', `<p>${opening}</p>`)))).toEqual([opening]);
  });

  it("goes without an email newsletter's opening line, a link to its copy on the web", async () => {
    const email = '<table><tr><td><a href="https://us5.campaign-archive.com/?u=4f1c&amp;id=9e8d">View this email in your browser</a></td></tr><tr><td><h1>The pontoon opens on the 15th</h1><p>Berths can be booked from Monday.</p></td></tr></table>';
    expect(await snippets(rss(item('June news', email)))).toEqual(['The pontoon opens on the 15th Berths can be booked from Monday.']);
  });
});

describe('what else generators write into every item', () => {
  it("takes no WordPress.com author Gravatar for the post's picture, nor adds it to the body", async () => {
    const gravatar = '<media:content url="https://0.gravatar.com/avatar/2f1c8a?s=96&amp;d=identicon&amp;r=G" medium="image"><media:title type="html">margaretplot</media:title></media:content>';
    const photo = (name: string) => `<media:content url="https://allotment.files.wordpress.com/2024/03/${name}.jpg" medium="image"><media:title type="html">${name}</media:title></media:content>`;
    const feed = await parseFeed(rss(item('No picture', '<p>Minus four overnight.</p>', gravatar) + item('Two pictures', 'The seed swap haul.', gravatar + photo('haul') + photo('packets')), ' xmlns:media="http://search.yahoo.com/mrss/"'), FEED_URL);
    expect(feed.items.map((i) => i.imageUrl)).toEqual([null, 'https://allotment.files.wordpress.com/2024/03/haul.jpg']);
    expect(feed.items[1]?.summaryHtml).not.toContain('gravatar');
    expect(feed.items[1]?.summaryHtml).toContain('packets.jpg');
  });

  it("takes an RSS 1.0 listing's enc:enclosure picture (Craigslist's)", async () => {
    const rdf = `<?xml version="1.0" encoding="UTF-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:enc="http://purl.oclc.org/net/rss_2.0/enc#">
<channel rdf:about="https://city.listings.example/search/bia?format=rss"><title>bicycles</title><link>https://city.listings.example/search/bia</link><items><rdf:Seq><rdf:li rdf:resource="https://city.listings.example/bik/d/touring-bike/7712.html"/></rdf:Seq></items></channel>
<item rdf:about="https://city.listings.example/bik/d/touring-bike/7712.html"><title>Touring bike, 56 cm - $450</title><link>https://city.listings.example/bik/d/touring-bike/7712.html</link><description>Steel frame, new tyres.</description><enc:enclosure resource="https://images.listings.example/00S0S_3Kx8y7_600x450.jpg" type="image/jpeg"/></item></rdf:RDF>`;
    const feed = await parseFeed(rdf, 'https://city.listings.example/search/bia?format=rss');
    expect(feed.items[0]?.imageUrl).toBe('https://images.listings.example/00S0S_3Kx8y7_600x450.jpg');
  });

  it('names an author without the "By" a byline put in the field; "by the desk" and a name that starts so stay', async () => {
    const namespaces = ' xmlns:dc="http://purl.org/dc/elements/1.1/"';
    const feed = await parseFeed(rss(['By Luz Camarena', 'by the transport desk', 'Byron Hale'].map((name, i) => item(`Story ${i}`, 'Text.', `<dc:creator>${name}</dc:creator>`)).join(''), namespaces), FEED_URL);
    expect(feed.items.map((entry) => entry.author)).toEqual(['Luz Camarena', 'by the transport desk', 'Byron Hale']);
  });

  it("names a Flickr photo's author without the quotes around the name", async () => {
    const feed = await parseFeed(rss(item('Ferry', '<p>From the deck.</p>', '<author>nobody@flickr.com ("Jamie Doe")</author>')), FEED_URL);
    expect(feed.items[0]?.author).toBe('Jamie Doe');
  });

  it("never keeps NPR's counter pixel, which every sync would report as a view", () => {
    const html = sanitizeFeedItem('<p>Prices are following.</p><img src="https://media.npr.example/include/images/tracking/npr-rss-pixel.png?story=1235900011" />', 'https://www.npr.example/2024/03/04/eggs');
    expect(html).toBe('<p>Prices are following.</p>');
  });

  it("never keeps FeedBurner's share buttons (FeedFlare) nor its counter under an item", () => {
    const flare = '<div class="feedflare"><a href="http://feeds.feedburner.com/~ff/riverside_top?a=AbCdEf:GhIj:yIl2AUoC8zA"><img src="http://feeds.feedburner.com/~ff/riverside_top?d=yIl2AUoC8zA" border="0"></img></a> <a href="http://feeds.feedburner.com/~ff/riverside_top?a=KlMn:7Q72WNTAKBA"><img src="http://feeds.feedburner.com/~ff/riverside_top?i=KlMn:7Q72WNTAKBA" border="0"></img></a></div><img src="http://feeds.feedburner.com/~r/riverside_top/~4/AbCdEf" height="1" width="1" alt=""/>';
    const html = sanitizeFeedItem(`<p>The plow cleared the pass by noon.</p>${flare}`, 'https://www.riverside.example/2024/03/11/plow/');
    expect(html).toBe('<p>The plow cleared the pass by noon.</p>');
  });

  it("never keeps an audience counter's image nor a layout's spacer, sized or not", () => {
    const html = sanitizeFeedItem('<p>Prices are following.</p><noscript><img src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=9911&amp;cj=1"></noscript><table><tr><td><img src="/img/spacer.gif" width="20" height="1" alt=""></td><td>Note.</td></tr></table>', 'https://www.npr.example/2024/03/04/eggs');
    expect(html).not.toMatch(/scorecardresearch|spacer/);
  });

  it("never keeps the Russian web's audience counters (Yandex.Metrica, LiveInternet, Top.Mail.Ru), hidden only by their style", () => {
    const counters = '<noscript><div><img src="https://mc.yandex.ru/watch/48213377" style="position:absolute; left:-9999px;" alt="" /></div></noscript>'
      + '<a href="https://www.liveinternet.ru/click"><img src="https://counter.yadro.ru/hit?t44.6;r;s1920*1080*24;u;0.4" alt="" title="LiveInternet" border="0" width="31" height="31"></a>'
      + '<noscript><div><img src="https://top-fwz1.mail.ru/counter?id=3311902;js=na" style="position:absolute;left:-9999px;" alt="Top.Mail.Ru" /></div></noscript>';
    const html = sanitizeFeedItem(`<p>Паром вернётся на линию в пятницу.</p>${counters}`, 'https://vestnik.example/news/parom/');
    expect(html).not.toMatch(/yandex|yadro|mail\.ru|<img/);
    expect(html).toContain('Паром вернётся на линию в пятницу.');
  });

  it('reads a JSON Feed as UTF-8 under a server default of ISO-8859-1', async () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Crème de la Code', items: [{ id: '1', url: 'https://code.example/zurich', title: 'Zürich meetup: “Rust für Einsteiger”', content_text: 'Am 14. März im Café.' }] });
    for (const contentType of ['text/plain; charset=ISO-8859-1', 'application/json; charset=iso-8859-1']) {
      const feed = await parseFeed(decodeText(Buffer.from(json, 'utf8'), contentType, contentType.includes('json') ? 'json' : 'xml'), 'https://code.example/feed.json');
      expect([feed.title, feed.items[0]?.title]).toEqual(['Crème de la Code', 'Zürich meetup: “Rust für Einsteiger”']);
    }
  });
});
