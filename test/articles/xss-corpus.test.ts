// The hostile-content corpus through every path that stores HTML: a feed item's content, an
// extracted article page, a comment feed. Whatever a vector tries, what a page gets holds only
// text structure, links the system browser may open, and images that end up local; and the
// ordinary sentences around each vector are still there to read.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheUrl, htmlToPlainText, prepareArticle, rewriteImageUrls, sanitizeArticleHtml } from '../../electron/core/articles';
import { Storage } from '../../electron/core/storage';
import { ingestComments, ingestFeed } from '../../electron/core/workers/tasks';
import { removeTempDirs, tempDir } from '../support/temp';
import { XSS_CATEGORIES, xssVectors, type XssVector } from '../fixtures/xss/vectors';

const LEAK = 'http://127.0.0.1:9';
const SITE = 'https://hostile.example';
const vectors = xssVectors(LEAK);

afterEach(() => removeTempDirs());

const before = (v: XssVector) => `Before ${v.id} the council met on Tuesday.`;
const after = (v: XssVector) => `After ${v.id} the quay reopened to ferries.`;
const wrapped = (v: XssVector) => `<p>${before(v)}</p>${v.html}<p>${after(v)}</p>`;

// Tags that could run script, load a resource, submit, navigate or restyle, in tag position of
// sanitized output. There every '<' of text is escaped, so this pattern only meets real tags.
// MathML's <math> is kept (the reader lays formulas out), but never its HTML integration point
// (<annotation-xml>) nor the elements mutation XSS leans on (<mglyph>, <malignmark>).
const FORBIDDEN_TAG =
  /<\s*\/?\s*(script|style|link|meta|base|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|svg|annotation-xml|mglyph|malignmark|template|noscript|video|audio|source|picture|portal|marquee|body|head|html|title|xmp|noembed|listing|plaintext)\b/i;
// Every attribute the sanitizer may write, plus the one the image rewrite adds.
const KNOWN_ATTRIBUTES = new Set([
  'lang', 'dir', 'href', 'title', 'rel', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan',
  'datetime', 'start', 'reversed', 'type', 'data-original-src',
]);
// MathML's presentational attributes, on MathML elements only; each with a plain value.
const MATHML_ELEMENTS = new Set([
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mfrac', 'msqrt', 'mroot', 'msub', 'msup', 'msubsup',
  'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'none', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'merror', 'maction',
]);
const MATHML_ATTRIBUTES = new Set([
  'display', 'alttext', 'encoding', 'displaystyle', 'scriptlevel', 'mathvariant', 'form', 'fence', 'separator', 'lspace', 'rspace', 'stretchy',
  'symmetric', 'maxsize', 'minsize', 'largeop', 'movablelimits', 'linethickness', 'accent', 'accentunder', 'depth', 'voffset', 'columnspan',
]);
const MATHML_VALUE = /^(?:[a-z-]+|[+-]?\d*\.?\d+(?:em|ex|px|pt|pc|in|cm|mm|%)?)$/i;

/** Problems found in stored HTML; `images` says what an image's src may be at this stage. */
function dangersIn(html: string, images: 'web' | 'cached' | 'none'): string[] {
  const problems: string[] = [];
  const tag = FORBIDDEN_TAG.exec(html);
  if (tag) problems.push(`tag ${tag[0]}`);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.body.querySelectorAll('*')) {
    const math = MATHML_ELEMENTS.has(element.localName);
    for (const { name, value } of Array.from(element.attributes) as { name: string; value: string }[]) {
      const mathml = math && MATHML_ATTRIBUTES.has(name);
      if (!KNOWN_ATTRIBUTES.has(name) && !mathml) problems.push(`attribute ${name}="${value}" on <${element.localName}>`);
      if (mathml && name !== 'alttext' && !MATHML_VALUE.test(value)) problems.push(`MathML value ${name}="${value}"`);
      if (name === 'encoding' && value !== 'application/x-tex') problems.push(`annotation encoding="${value}"`);
      if (math && name === 'href') problems.push(`href on <${element.localName}>`);
      if (name === 'href' && !/^(https?|mailto):$/.test(protocolOf(value))) problems.push(`href ${value}`);
      if (name === 'src') {
        const ok = images === 'web' ? /^https?:$/.test(protocolOf(value)) : images === 'cached' && value.startsWith('paperboy-cache://');
        if (!ok) problems.push(`src ${value} (images: ${images})`);
      }
      if (name === 'data-original-src' && !/^https?:$/.test(protocolOf(value))) problems.push(`data-original-src ${value}`);
    }
  }
  return problems;
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'unparsable';
  }
}

/** The stored HTML at each stage an image goes through: as sanitized, not cached, cached. */
function expectHarmlessAtEveryStage(html: string): void {
  expect(dangersIn(html, 'web')).toEqual([]);
  expect(dangersIn(rewriteImageUrls(html, new Map()), 'none')).toEqual([]);
  const cachedUrls = new Map([...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map(([, src], i) => [src!.replace(/&amp;/g, '&'), cacheUrl(String(i).padStart(64, '0'))]));
  expect(dangersIn(rewriteImageUrls(html, cachedUrls), 'cached')).toEqual([]);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the XSS corpus', () => {
  it('has at least 100 distinct vectors, in every category the issue names', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(100);
    expect(new Set(vectors.map((v) => v.html)).size).toBe(vectors.length);
    for (const category of XSS_CATEGORIES) expect(vectors.filter((v) => v.category === category).length).toBeGreaterThanOrEqual(5);
  });

  it('is caught by these checks before sanitizing (so passing them after means something)', () => {
    // Only the entity-encoded vectors that are plain text to begin with carry no markup.
    const unflagged = vectors.filter((v) => dangersIn(v.html, 'none').length === 0).map((v) => v.html);
    expect(unflagged).toEqual([expect.stringMatching(/^&lt;script&gt;/), expect.stringMatching(/^<div>&amp;lt;img/)]);
  });
});

describe.each(vectors.map((v) => [`${v.id} ${v.category}`, v] as const))('%s', (_name, vector) => {
  it('is harmless once sanitized, and the text around it stays', () => {
    const html = sanitizeArticleHtml(wrapped(vector), `${SITE}/news/`);
    expectHarmlessAtEveryStage(html);
    const text = htmlToPlainText(html);
    expect(text).toContain(before(vector));
    expect(text).toContain(after(vector));
  });

  it('is harmless in an extracted page: body, head and attributes', () => {
    const attribute = escapeXml(vector.html);
    const pageHtml = `<!doctype html><html><head><title>Harbour ${attribute}</title>${vector.html}</head>
<body><main><article><h1 title="${attribute}">Harbour works begin</h1>
<p>The harbour works began on Monday with the first pile driven into the northern quay, watched by a small crowd of residents and council members.</p>
<p>${before(vector)}</p>${vector.html}<p data-x="${attribute}">${after(vector)}</p>
<p>Engineers expect the first stage to take eighteen months, after which the ferry terminal will move to the new berth on the eastern side.</p>
<img alt="${attribute}" src="${LEAK}/leak/${vector.id}-photo.png">
</article></main></body></html>`;
    const prepared = prepareArticle({ pageHtml, pageUrl: `${SITE}/news/harbour.html`, feedHtml: null, feedItemUrl: `${SITE}/news/harbour.html` });
    expect(prepared.source).toBe('page');
    expectHarmlessAtEveryStage(prepared.html);
    expect(prepared.text).toContain('The harbour works began on Monday');
    expect(prepared.text).toContain(after(vector));
  });
});

describe('the corpus in feeds and comment feeds', () => {
  const itemsOf = (make: (v: XssVector) => string) => vectors.map(make).join('\n');

  it('stores harmless item content, and titles and authors as plain text', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed ${escapeXml(vectors[0]!.html)}</title><link>${SITE}/</link>
${itemsOf((v) => `<item><title>${escapeXml(`Report ${v.id} ${v.html}`)}</title><link>${SITE}/${v.id}.html</link><guid>${v.id}</guid>
<dc:creator>${escapeXml(v.html)}</dc:creator><description>${escapeXml(wrapped(v))}</description></item>`)}
</channel></rss>`;
    const feed = await ingestFeed(rss, `${SITE}/feed.xml`, 1);
    expect(feed.items).toHaveLength(vectors.length);
    // Items are stored as the feed wrote them and sanitized when read: what a page gets is what counts.
    const storage = Storage.open(tempDir());
    const feedId = storage.feeds.add({ url: `${SITE}/feed.xml`, title: 'Hostile', siteUrl: SITE, description: null, folderId: null });
    storage.articles.upsertFeedItems(feedId, feed.items);
    for (const [i, item] of feed.items.entries()) {
      const vector = vectors[i]!;
      expectHarmlessAtEveryStage(storage.articles.get(item.id)!.html);
      expect(item.feedText).toContain(before(vector));
      expect(item.feedText).toContain(after(vector));
      // Titles, authors and snippets are plain text (React shows them as text): a vector in them
      // is words on the screen, and the readable part stays.
      expect(item.title).toContain(`Report ${vector.id}`);
      expect(item.snippet).toContain(before(vector));
    }
    storage.close();
  });

  it('stores harmless comments, whatever the comment or its author name holds', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Comments</title><link>${SITE}/post/</link>
${itemsOf((v) => `<item><title>By: ${escapeXml(v.html)}</title><link>${SITE}/post/#comment-${v.id.slice(4)}</link><guid isPermaLink="false">${SITE}/?p=1#comment-${v.id.slice(4)}</guid>
<dc:creator>${escapeXml(v.html)}</dc:creator><content:encoded>${escapeXml(`<p>In reply to <a href="javascript:alert('${v.id}')#comment-1">x</a>.</p>\n${wrapped(v)}`)}</content:encoded></item>`)}
</channel></rss>`;
    const comments = await ingestComments(rss, `${SITE}/post/feed/`, 'article-1');
    expect(comments).toHaveLength(vectors.length);
    for (const [i, comment] of comments.entries()) {
      const vector = vectors[i]!;
      // Comment pictures are never cached: stored without a src at all.
      expect(dangersIn(comment.html, 'none')).toEqual([]);
      expect(comment.text).toContain(before(vector));
      expect(comment.text).toContain(after(vector));
      // A javascript: "In reply to" link is not on the post's page: no parent is made up from it.
      expect(comment.parentId).toBeNull();
    }
  });
});
