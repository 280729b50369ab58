// Control characters in a feed's or a page's text (a backspace pasted from Word, an old CMS's
// 0x1F field separator): no text means them, and the reader showed them as empty boxes, the
// article list's snippet too, and search indexed words with them inside. They are dropped
// wherever text is made; a vertical tab or form feed is whitespace and becomes a space.
import { describe, expect, it } from 'vitest';
import { plainTextOfSanitized, sanitizeArticleHtml, sanitizeFeedItem } from '../../electron/core/articles';
import { ingestFeed } from '../../electron/core/workers/tasks';

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>https://valley.example.org/</link>
<item><title>Council\u0008 approves the\u001f bridge</title><link>https://valley.example.org/news/bridge</link>
<description>&lt;p&gt;The vote was\u0008 seven to two.\u000bWork starts in May.&lt;/p&gt;&lt;p&gt;Tolls: \u0001none\u007f.&lt;/p&gt;</description></item>
</channel></rss>`;

describe('control characters', () => {
  it("are dropped from a feed item's title, snippet, searched text and shown body", async () => {
    const [item] = (await ingestFeed(FEED, 'https://valley.example.org/feed/', 1)).items;
    expect(item?.title).toBe('Council approves the bridge');
    expect(item?.snippet).toBe('The vote was seven to two. Work starts in May. Tolls: none.');
    expect(item?.feedText).toBe('The vote was seven to two. Work starts in May.\nTolls: none.');
    const shown = sanitizeFeedItem(item!.feedHtml!, item!.feedBase!);
    expect(shown).toBe('<p>The vote was seven to two. Work starts in May.</p><p>Tolls: none.</p>');
  });

  it("are dropped from a page's copy, its attributes (a picture's description) and its text", () => {
    const copy = sanitizeArticleHtml('<article><h2>Bridge\u0002 vote</h2><p>Seven\u0008 to two.</p><img src="/a.jpg" alt="The old\u0008 bridge"></article>', 'https://valley.example.org/news/bridge');
    expect(copy).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f]/);
    expect(copy).toContain('<h2>Bridge vote</h2><p>Seven to two.</p><img src="https://valley.example.org/a.jpg" alt="The old bridge" />');
    expect(plainTextOfSanitized(copy)).toBe('Bridge vote\nSeven to two.');
  });
});

describe('a spacer paragraph of zero-width characters (a page builder\'s gap between paragraphs)', () => {
  it('keeps its gap in the copy but is no line of the text, nor of the snippet', () => {
    const copy = sanitizeArticleHtml('<article><p>Seven to two.</p><p><span>\u200b</span></p><p>Work starts in May.</p></article>', 'https://valley.example.org/news/bridge');
    expect(plainTextOfSanitized(copy)).toBe('Seven to two.\nWork starts in May.');
  });
});
