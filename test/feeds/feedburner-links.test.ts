// Feeds proxied through FeedBurner give each item's link as a feedproxy.google.com redirect, and
// the item's own address in feedburner:origLink. Google's redirector no longer sends anyone on, so
// the article's page could not be fetched for offline reading, and "Open in browser" led nowhere.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const ORIGINAL = 'https://gardenpath.example.com/2024/03/05/starting-tomatoes-indoors-week-2/';
const PROXY = 'http://feedproxy.google.com/~r/GardenPathJournal/~3/Xy7AbC9dEfG/';

describe("a FeedBurner feed's items link to the site's own pages", () => {
  it('in RSS (a WordPress feed through FeedBurner)', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" version="2.0">
<channel><title>Garden Path Journal</title><link>https://gardenpath.example.com</link>
<atom10:link xmlns:atom10="http://www.w3.org/2005/Atom" rel="self" type="application/rss+xml" href="http://feeds.feedburner.com/GardenPathJournal" />
<item><title>Starting tomatoes indoors, week 2</title><link>${PROXY}</link>
<pubDate>Tue, 05 Mar 2024 07:30:00 +0000</pubDate><guid isPermaLink="false">https://gardenpath.example.com/?p=4181</guid>
<description><![CDATA[<p>The seedlings are up.</p>]]></description>
<feedburner:origLink>${ORIGINAL}</feedburner:origLink></item></channel></rss>`;
    const [item] = (await parseFeed(rss, 'http://feeds.feedburner.com/GardenPathJournal')).items;
    expect(item?.link).toBe(ORIGINAL);
  });

  it('in Atom (a Blogger feed through FeedBurner)', async () => {
    const atom = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><id>tag:blogger.com,1999:blog-1</id><title type='text'>Garden Path Journal</title>
<entry><id>tag:blogger.com,1999:blog-1.post-2</id><published>2024-03-05T07:30:00.000Z</published><updated>2024-03-05T07:30:00.000Z</updated>
<title type='text'>Starting tomatoes indoors, week 2</title><content type='html'>&lt;p&gt;The seedlings are up.&lt;/p&gt;</content>
<link rel='alternate' type='text/html' href='${PROXY}' title='Starting tomatoes indoors, week 2'/>
<feedburner:origLink>${ORIGINAL}</feedburner:origLink></entry></feed>`;
    const [item] = (await parseFeed(atom, 'http://feeds.feedburner.com/GardenPathJournal')).items;
    expect(item?.link).toBe(ORIGINAL);
  });
});
