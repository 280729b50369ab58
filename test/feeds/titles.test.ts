// Titles as readers see them: text unless they really are markup, and never a vehicle for
// terminal escapes, bidi spoofing or a heading as tall as a building.
import { describe, expect, it } from 'vitest';
import { parseFeed, parseOpml } from '../../electron/core/feeds';

const URL = 'https://titles.example.org/feed';
const rss = (title: string) => `<rss version="2.0"><channel><title>Channel</title><item><title>${title}</title><link>https://titles.example.org/1</link></item></channel></rss>`;
const itemTitle = async (xml: string) => (await parseFeed(xml, URL)).items[0]?.title;

describe('titles are text unless they are markup', () => {
  it.each([
    ['escaped angle brackets of code', 'Understanding std::vector&lt;int&gt;', 'Understanding std::vector<int>'],
    ['a CDATA comparison', '<![CDATA[Why x<y and a<b matter]]>', 'Why x<y and a<b matter'],
    ['an escaped generic type', 'Map&lt;String, List&lt;T&gt;&gt; in Java', 'Map<String, List<T>> in Java'],
    ['double-escaped ampersand', 'AT&amp;amp;T earnings', 'AT&T earnings'],
    ['a numeric entity', 'It&amp;#8217;s here', 'It’s here'],
    ['escaped real markup', '&lt;b&gt;Breaking:&lt;/b&gt; rates rise', 'Breaking: rates rise'],
    ['CDATA markup with a link', '<![CDATA[<em>New</em> release <a href="/x">notes</a>]]>', 'New release notes'],
    ['unescaped inline markup keeps its children', 'Hello <b>bold</b> world <i>again</i>', 'Hello bold world again'],
    ['an unknown tag-like word', '&lt;blink&gt; is dead, long live &lt;marquee&gt;', '<blink> is dead, long live <marquee>'],
  ])('%s', async (_case, title, expected) => {
    expect(await itemTitle(rss(title))).toBe(expected);
  });

  it('reads an Atom type="html" title the same way', async () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>x</id><title type="html">Using std::vector&amp;lt;int&amp;gt; safely</title></entry></feed>';
    expect(await itemTitle(atom)).toBe('Using std::vector<int> safely');
  });
});

describe('titles are safe to show and print', () => {
  it.each([
    ['ESC sequences', 'Breaking\u001b[2J\u001b]0;pwned\u0007 news', 'Breaking[2J]0;pwned news'],
    ['a right-to-left override posing as another name', '\u202Eswen CBB\u202C', 'swen CBB'],
    ['isolates and embeddings', 'a\u2066b\u2067c\u2068d\u2069e\u202Af\u202Bg\u202Dh', 'abcdefgh'],
  ])('strips %s', async (_case, title, expected) => {
    const feed = await parseFeed(rss(title).replace('<title>Channel</title>', `<title>${title}</title>`), URL);
    expect(feed.items[0]?.title).toBe(expected);
    expect(feed.title).toBe(expected);
  });

  it('prints C1 controls as the windows-1252 characters they stand for: none reaches a terminal', async () => {
    // U+009B is the 8-bit CSI a terminal reads an escape sequence from; a publisher meant '›'.
    const title = 'Price\u0085list \u009bupdate\u0081';
    const feed = await parseFeed(rss(title).replace('<title>Channel</title>', `<title>${title}</title>`), URL);
    expect(feed.items[0]?.title).toBe('Price…list ›update');
    expect(feed.title).toBe('Price…list ›update');
  });

  it('names a feed whose title is nothing but controls after its site', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>\u202E\u001b</title><link>https://controls.example.org/</link></channel></rss>', URL);
    expect(feed.title).toBe('controls.example.org');
  });

  it('keeps Arabic and Hebrew text, and their ordinary marks', async () => {
    expect(await itemTitle(rss('أخبار اليوم \u200Fשלום'))).toBe('أخبار اليوم \u200Fשלום');
  });

  it('caps a 100,000-character title at 1,000 characters with an ellipsis', async () => {
    const title = await itemTitle(rss('word '.repeat(20_000)));
    expect(title!.length).toBeLessThanOrEqual(1001);
    expect(title!.endsWith('…')).toBe(true);
  });

  it('cleans OPML titles too, which `paperboy import` prints', () => {
    const { entries, problems } = parseOpml(
      '<opml version="2.0"><body><outline text="Evil\u001b[31m red" xmlUrl="https://a.example/feed"/><outline text="\u202Eswen" type="rss"/></body></opml>',
    );
    expect(entries[0]?.title).toBe('Evil[31m red');
    expect(problems[0]?.title).toBe('swen');
  });

  it('cleans the address of a skipped OPML entry, which `paperboy import` prints', () => {
    const { problems } = parseOpml('<opml version="2.0"><body><outline text="Bad" xmlUrl="not a url\u001b[2J\u001b[31m"/></body></opml>');
    expect(problems).toEqual([{ url: 'not a url[2J[31m', title: 'Bad', reason: 'not a valid address' }]);
  });
});
