// A link whose query string the site escaped twice (`?id=7&amp;amp;lang=en` in the XML: the CMS
// escaped it for HTML, the feed's template once more). Read after the XML's one decode it asked
// for a parameter named "amp;lang", and the sync saved whatever page the site gave for that.
import { describe, expect, it } from 'vitest';
import { comparableLink } from '../../electron/core/feeds/item-link';
import { parseFeed } from '../../electron/core/feeds';

const FEED = 'https://portal.example.org/feed';

async function firstLink(body: string): Promise<string | null | undefined> {
  return (await parseFeed(body, FEED)).items[0]?.link;
}

const rss = (link: string) => `<rss version="2.0"><channel><title>Portal</title><item><title>Council budget</title><link>${link}</link></item></channel></rss>`;

describe('a query string escaped twice', () => {
  it('asks for the page a browser would open, in RSS', async () => {
    expect(await firstLink(rss('https://portal.example.org/index.php?option=com_content&amp;amp;view=article&amp;amp;id=88'))).toBe(
      'https://portal.example.org/index.php?option=com_content&view=article&id=88',
    );
  });

  it('asks for the page a browser would open, in Atom', async () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>Portal</title><entry><id>tag:portal,2026:88</id><title>Budget</title><link href="https://portal.example.org/news.php?id=88&amp;amp;lang=el"/><updated>2026-12-07T08:00:00Z</updated></entry></feed>';
    expect(await firstLink(atom)).toBe('https://portal.example.org/news.php?id=88&lang=el');
  });

  it('leaves a link escaped once, and an ampersand entity in a path or fragment, as written', async () => {
    expect(await firstLink(rss('https://portal.example.org/?id=7&amp;lang=en'))).toBe('https://portal.example.org/?id=7&lang=en');
    expect(await firstLink(rss('https://portal.example.org/r&amp;amp;d/notes?x=1#a&amp;amp;b'))).toBe('https://portal.example.org/r&amp;d/notes?x=1#a&amp;b');
  });

  it('names the same article as one stored from the link escaped twice', () => {
    expect(comparableLink('https://portal.example.org/?id=7&lang=en')).toBe(comparableLink('https://portal.example.org/?id=7&amp;lang=en'));
  });
});
