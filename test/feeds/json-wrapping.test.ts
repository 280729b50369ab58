// What is left of a JSON Feed's wrapping decides nothing by itself: the JSON inside is read as any
// feed's, a cut one is named as cut, and JSON that is no feed is named as such (json-wrapping.ts).
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const URL = 'https://notes.example.org/feed.json';

function jsonFeed(items: readonly { id: string; title: string; content_html: string }[]): string {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Notes', home_page_url: 'https://notes.example.org/', items }, null, 2);
}

describe('a JSON Feed with something around it', () => {
  it('ends where its own closing brace is, not at a brace or a quote inside its text', async () => {
    const json = jsonFeed([
      { id: '1', title: 'Templates: {{ page.title }} and } alone', content_html: '<pre>if (x) { return "}" + \'{\'; }\\n</pre>' },
      { id: '2', title: 'A quote \\" and a backslash \\\\', content_html: '<p>}]});</p>' },
    ]);
    const feed = await parseFeed(`${json}\n<!-- page cached at 07:41 {"hits": 3} -->`, URL);
    expect(feed.items.map((item) => item.title)).toEqual(['Templates: {{ page.title }} and } alone', 'A quote \\" and a backslash \\\\']);
    expect(feed.items[1]?.contentHtml).toBe('<p>}]});</p>');
  });

  it('reads a JSONP feed cut short as any JSON Feed cut short, and says one with no whole item is malformed JSON, not that it is neither XML nor JSON', async () => {
    const json = jsonFeed([{ id: '1', title: 'One', content_html: '<p>One</p>' }, { id: '2', title: 'Two', content_html: '<p>Two</p>' }]);
    const cut = await parseFeed(`callback(${json}`.slice(0, -40), URL);
    expect([cut.items.map((item) => item.title), cut.cutShort]).toEqual([['One'], true]);
    await expect(parseFeed(`callback(${json}`.slice(0, json.indexOf('<p>One')), URL)).rejects.toThrow(/^malformed JSON Feed: /);
  });

  it('says a JSONP answer that holds no feed is JSON without a JSON Feed version', async () => {
    await expect(parseFeed('/**/jQuery3710({"status":"error","message":"Invalid API key"});', URL)).rejects.toThrow('not a feed: JSON without a jsonfeed.org version');
  });

  it('leaves text that only looks like a call alone', async () => {
    await expect(parseFeed('Error(500): the feed could not be generated', URL)).rejects.toThrow('not a feed: got text that is neither XML nor JSON');
  });
});
