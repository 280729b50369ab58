import { describe, expect, it } from 'vitest';
import { placeInThread } from '../../electron/core/feeds/comment-thread';
import { ingestComments } from '../../electron/core/workers/tasks';
import { parseFeed } from '../../electron/core/feeds/parse';
import type { ParsedItem } from '../../electron/core/feeds/parsed';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://blog.example';
const POST = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;

async function items(name: string): Promise<readonly ParsedItem[]> {
  return (await parseFeed(fixtureText(`comments/${name}`, ORIGIN), `${POST}feed/`)).items;
}

describe('placeInThread', () => {
  it("reads a WordPress reply's lead link, on another comment page too, as its parent's guid", async () => {
    const [reply, withLink, topLevel] = await items('wordpress-comments.xml');
    expect(placeInThread(reply!).parentUniqueId).toBe(`${ORIGIN}/?p=123#comment-12`);
    // A comment that opens with a link elsewhere answers nobody.
    expect(placeInThread(withLink!).parentUniqueId).toBeNull();
    expect(placeInThread(topLevel!).parentUniqueId).toBeNull();
  });

  it('takes Atom thr:in-reply-to as it is, and reads the author address', async () => {
    const [reply, first] = await items('atom-comments.xml');
    expect(placeInThread(reply!).parentUniqueId).toBe('tag:notebook.example.org,2024:old-mill/c1');
    // The article's own id: the caller finds no such comment and shows it at the top level.
    expect(placeInThread(first!).parentUniqueId).toBe('tag:notebook.example.org,2024:old-mill');
    expect(first!.authorUrl).toBe('https://priya.example.com/');
  });

  it('does not guess when the guid is not WordPress-shaped or the link is to another post', async () => {
    const [reply] = await items('wordpress-comments.xml');
    expect(placeInThread({ ...reply!, guid: 'urn:uuid:5d1c' }).parentUniqueId).toBeNull();
    const elsewhere = reply!.contentHtml!.replace('/2022/01/13/nato-is-in-security-dialogue-with-russia/#comment-12', '/2021/05/other-post/#comment-12');
    expect(placeInThread({ ...reply!, contentHtml: elsewhere }).parentUniqueId).toBeNull();
    const later = `<p>Great summary.</p>\n<p>In reply to <a href="${POST}#comment-12">Ana Ruiz</a>.</p>`;
    expect(placeInThread({ ...reply!, contentHtml: later }).parentUniqueId).toBeNull();
  });
});

describe('a reply read from a comment feed', () => {
  it("keeps only its own words: the reader shows it under its parent, so WordPress's 'In reply to' lead would say it twice", async () => {
    const [reply, withLink, topLevel] = await ingestComments(fixtureText('comments/wordpress-comments.xml', ORIGIN), `${POST}feed/`, 'article-1');
    expect(reply!.parentUniqueId).toBe(`${ORIGIN}/?p=123#comment-12`);
    expect(reply!.text).toBe('Fair point, but the talks in Geneva were only the start.');
    // Kept apart, for when the comment it names is not stored (older than the feed's newest).
    expect(reply!.replyLead).toBe('In reply to Ana Ruiz.');
    expect([withLink!.replyLead, topLevel!.replyLead]).toEqual([null, null]);
    // A comment that opens with a link answers nobody, and keeps it.
    expect(withLink!.text).toMatch(/^See the official statement for the full text\./);
    expect(topLevel!.text).toBe('Three hours of talks and no agreement: that says it all.');
  });
});

const ALLOTMENT = 'https://riverside-allotments.example/2024/03/10/seed-swap-saturday/';

/** WordPress's Atom comment feed (feed/atom/): a reply says whom it answers twice, in
 *  thr:in-reply-to and in the "In reply to" lead of its content. */
const wordpressAtom = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB" xmlns:thr="http://purl.org/syndication/thread/1.0">
	<title type="text">Comments on: Seed swap on Saturday</title>
	<updated>2024-03-11T12:30:00Z</updated>
	<link rel="alternate" type="text/html" href="${ALLOTMENT}" />
	<id>${ALLOTMENT}feed/atom/</id>
	<generator uri="https://wordpress.org/" version="6.4.3">WordPress</generator>
	<entry>
		<title>By: Kofi Mensah</title>
		<link rel="alternate" href="${ALLOTMENT}#comment-702" type="text/html" />
		<author><name>Kofi Mensah</name><uri>https://tomatoes.example/</uri></author>
		<id>https://riverside-allotments.example/?p=377#comment-702</id>
		<updated>2024-03-11T12:30:00Z</updated>
		<published>2024-03-11T12:30:00Z</published>
		<content type="html" xml:base="${ALLOTMENT}#comment-702"><![CDATA[<p>In reply to <a href="${ALLOTMENT}#comment-701">Maud Pellow</a>.</p>
<p>Three kinds, all saved from last summer.</p>
]]></content>
		<thr:in-reply-to ref="https://riverside-allotments.example/?p=377#comment-701" href="${ALLOTMENT}#comment-701" type="text/html" />
	</entry>
	<entry>
		<title>By: Maud Pellow</title>
		<link rel="alternate" href="${ALLOTMENT}#comment-701" type="text/html" />
		<author><name>Maud Pellow</name></author>
		<id>https://riverside-allotments.example/?p=377#comment-701</id>
		<updated>2024-03-11T11:15:00Z</updated>
		<published>2024-03-11T11:15:00Z</published>
		<content type="html" xml:base="${ALLOTMENT}#comment-701"><![CDATA[<p><a href="${ALLOTMENT}#comment-650">Last year’s list</a> is still up.</p>
<p>Any tomato seeds this year?</p>
]]></content>
		<thr:in-reply-to ref="https://riverside-allotments.example/?p=377" href="${ALLOTMENT}" type="text/html" />
	</entry>
</feed>`;

describe('a reply read from an Atom comment feed', () => {
  it("keeps only its own words when WordPress's lead names the comment thr:in-reply-to names", async () => {
    const [reply, first] = await ingestComments(wordpressAtom, `${ALLOTMENT}feed/atom/`, 'article-1');
    expect(reply!.parentUniqueId).toBe('https://riverside-allotments.example/?p=377#comment-701');
    expect(reply!.text).toBe('Three kinds, all saved from last summer.');
    expect(reply!.replyLead).toBe('In reply to Maud Pellow.');
    // A top-level comment that opens with a link to another comment keeps it: thr:in-reply-to names the post.
    expect(first!.text).toBe('Last year’s list is still up.\nAny tomato seeds this year?');
    expect(first!.replyLead).toBeNull();
  });
});

describe('a reply read from an RSS comment feed with thr:in-reply-to', () => {
  it('is placed under the comment it names, as in an Atom feed', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:thr="http://purl.org/syndication/thread/1.0">
<channel>
	<title>Comments on: Seed swap on Saturday</title>
	<link>${ALLOTMENT}</link>
	<description>News from the plots</description>
	<item>
		<title>By: Kofi Mensah</title>
		<link>${ALLOTMENT}#comment-702</link>
		<dc:creator><![CDATA[Kofi Mensah]]></dc:creator>
		<pubDate>Mon, 11 Mar 2024 12:30:00 +0000</pubDate>
		<guid isPermaLink="false">https://riverside-allotments.example/?p=377#comment-702</guid>
		<thr:in-reply-to ref="https://riverside-allotments.example/?p=377#comment-701" href="${ALLOTMENT}#comment-701" type="text/html" />
		<content:encoded><![CDATA[<p>Three kinds, all saved from last summer.</p>]]></content:encoded>
	</item>
</channel>
</rss>`;
    const [reply] = await ingestComments(rss, `${ALLOTMENT}feed/`, 'article-1');
    expect(reply!.parentUniqueId).toBe('https://riverside-allotments.example/?p=377#comment-701');
    expect(reply!.text).toBe('Three kinds, all saved from last summer.');
  });
});
