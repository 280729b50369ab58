// The text of a feed item read straight from its raw HTML (the sync no longer sanitizes items):
// what search indexes and the list shows must be the words a reader sees once the item is
// sanitized, never markup, never a script's or a style's content.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainTextOfRaw, plainTextOfSanitized, sanitizeArticleHtml } from '../../electron/core/articles';
import { xssVectors } from '../fixtures/xss/vectors';
import { fixtureText } from '../support/fixtures';

/** The text as it was made before: of the sanitized item. */
const viaSanitizer = (html: string) => plainTextOfSanitized(sanitizeArticleHtml(html, 'https://news.example/', 'pending'));
// Media and embedded documents become a link whose text names them once sanitized ("Video:
// clip.mp4", "Embed: charts.example"); the raw text leaves those links out (raw-text.ts).
const MEDIA_LINK = /<a [^>]*>(?:Video|Audio|Embed): [^<]*<\/a>/g;
const viaSanitizerLessMediaLinks = (html: string) => plainTextOfSanitized(sanitizeArticleHtml(html, 'https://news.example/', 'pending').replace(MEDIA_LINK, ''));

describe('the text of raw feed HTML', () => {
  it('leaves out scripts, styles, templates, noscript, comments, CDATA and embedded documents with their content', () => {
    const html = '<p>Before</p><script>var hidden = "<p>no</p>";</script><style>p::after { content: "no" }</style>'
      + '<template><p>no</p></template><noscript><img src="x.gif">no</noscript><!-- a <p>comment</p> --><![CDATA[no]]>'
      + '<iframe src="https://ads.example/"><p>no</p></iframe><svg><text>no</text></svg><select><option>no</option></select>'
      + '<SCRIPT type="text/javascript">no()</SCRIPT ><p>After</p>';
    expect(plainTextOfRaw(html)).toBe('Before\nAfter');
    expect(plainTextOfRaw(html)).toBe(viaSanitizerLessMediaLinks(html));
  });

  it('decodes every entity as the sanitizer does (a legacy one without its semicolon too), and keeps a lone "<" or "&" as text', () => {
    const html = '<p>Caf&eacute; &amp; bar &mdash; 5 &lt; 7 &#8217;quoted&#x2019; &hellip;&nbsp;x &copy2026 &notit; AT&T a < b</p>';
    expect(plainTextOfRaw(html)).toBe('Café & bar — 5 < 7 ’quoted’ … x ©2026 ¬it; AT&T a < b');
    expect(plainTextOfRaw(html)).toBe(viaSanitizer(html));
  });

  it('puts each block on a line of its own and table cells apart, as the sanitized text has them', () => {
    const html = '<h1>Title</h1><div>One<br>two</div><table><tr><td>a</td><td>b</td></tr></table><ul><li>x</li><li>y</li></ul>'
      + '<nav>menu</nav><span>run</span><a href="/x" title="a > b">on</a>';
    expect(plainTextOfRaw(html)).toBe('Title\nOne\ntwo\na b\nx\ny\nmenurunon');
    expect(plainTextOfRaw(html)).toBe(viaSanitizer(html));
  });

  it('makes every run of whitespace, Unicode spaces too, one space, and leaves none at a line\'s ends', () => {
    const html = '<p>\u00a0 One\u2028two\t </p><p><span>three </span><span>\u3000four\ufeff</span> </p><td>five </td><td> six\u00a0</td>';
    expect(plainTextOfRaw(html)).toBe('One two\nthree four\nfive six');
    expect(plainTextOfRaw(html)).toBe(viaSanitizer(html));
  });

  it('gives the sanitized text of every fixture page and of the XSS corpus around its vectors', () => {
    const pages = ['articles', 'corpus/pages'].flatMap((folder) =>
      readdirSync(new URL(`../fixtures/${folder}/`, import.meta.url)).filter((name) => name.endsWith('.html')).map((name) => `${folder}/${name}`));
    expect(pages.length).toBeGreaterThan(30);
    for (const name of pages) {
      const html = fixtureText(name);
      expect(plainTextOfRaw(html), name).toBe(viaSanitizerLessMediaLinks(html));
    }
    for (const vector of xssVectors('http://127.0.0.1:9')) {
      const html = `<p>Before ${vector.id}.</p>${vector.html}<p>After ${vector.id}.</p>`;
      if (vector.html.includes('<audio')) expect(plainTextOfRaw(html)).toBe(`Before ${vector.id}.\nAfter ${vector.id}.`);
      expect(plainTextOfRaw(html), vector.id).toBe(viaSanitizerLessMediaLinks(html));
    }
  });

  it('reads unfinished markup to its end and hostile nesting in one pass', () => {
    expect(plainTextOfRaw('<p>Cut off <a href="x')).toBe('Cut off');
    expect(plainTextOfRaw('<p>Open <script>never closed <p>')).toBe('Open');
    expect(plainTextOfRaw('<p>Open <!-- never closed')).toBe('Open');
    // A million unclosed elements, and as many end tags of another name: each is passed once.
    const nested = `<p>The budget, in brief.</p>${'<svg>'.repeat(1_000_000)}${'</p>'.repeat(1_000_000)}hidden`;
    expect(plainTextOfRaw(nested)).toBe('The budget, in brief.');
  });
});
