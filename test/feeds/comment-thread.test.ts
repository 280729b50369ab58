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
