// A feed shown as text in an HTML page's <pre>: what a CMS's debug or error template prints (the
// feed through htmlspecialchars) or a script that wraps its output in <pre> to read it in a
// browser. A page that is the <pre> alone is read as the feed inside; any other page stays no feed.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { fixtureText } from '../support/fixtures';

const URL = 'https://valleycc.example.org/feed.php';
const TITLES = ['Spring sportive: entries open & new 60-mile route', 'Tuesday chain gang moves to the ring road', 'AGM minutes and the new committee'];

describe('a page that shows a feed as text and nothing else', () => {
  it.each([
    ['escaped, as htmlspecialchars prints it', fixtureText('feeds/feed-escaped-in-pre.html')],
    ['as it is, markup and CDATA and all', fixtureText('feeds/feed-raw-in-pre.html')],
    ['escaped, in a <pre><code> with no page around it', `<pre><code>${fixtureText('feeds/feed-escaped-in-pre.html').split('<pre>')[1]!.split('</pre>')[0]}</code></pre>`],
  ])('is read as the feed inside: %s', async (_how, page) => {
    const feed = await parseFeed(page, URL);
    expect(feed.title).toBe('Valley Cycling Club News');
    expect(feed.items.map((item) => [item.title, item.link])).toEqual(TITLES.map((title, i) => [title, `https://valleycc.example.org/news/${['spring-sportive-entries-open', 'chain-gang-ring-road', 'agm-2024'][i]}`]));
    // The post's own <pre> is its text, not the end of the page's.
    expect(feed.items[0]?.contentHtml).toContain('Entry is £28 for members, £34 for everyone else, and includes a bacon roll at the finish.</p>\n<pre>Start: 08:00 (100 miles)');
  });

  it('says so when the feed it shows cannot be read', async () => {
    const page = fixtureText('feeds/feed-escaped-in-pre.html');
    const cut = page.slice(0, page.indexOf('Spring sportive: entries open'));
    await expect(parseFeed(cut, URL)).rejects.toThrow(/^not a feed: got an HTML page that shows a feed as text, which could not be read \(malformed XML: Unclosed root tag \(line \d+, column \d+\)\)$/);
  });
});

describe('a page that quotes a feed among other things', () => {
  it('is no feed, and says it shows a feed as text', async () => {
    const page = fixtureText('feeds/feed-escaped-in-pre.html').replace('<body>', '<body>\n<h1>Writing your first RSS feed</h1>\n<p>Here is a whole feed with three items. Save it as feed.xml:</p>');
    await expect(parseFeed(page, URL)).rejects.toThrow(/^not a feed: got an HTML page that shows a feed as text among other things$/);
  });

  it('names the feed such a page links, as for any page', async () => {
    const page = fixtureText('feeds/feed-raw-in-pre.html').replace('<html>', '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>').replace('<body>', '<body><p>A sample feed:</p>');
    await expect(parseFeed(page, URL)).rejects.toThrow('not a feed: got an HTML page that shows a feed as text among other things, which links the feed https://valleycc.example.org/rss.xml: subscribe to that address instead');
  });
});
