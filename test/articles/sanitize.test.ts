import { describe, expect, it } from 'vitest';
import { htmlToPlainText, imageUrlsIn, plainTextOfSanitized, rewriteImageUrls, sanitizeArticleHtml, sanitizeFeedItem, snippetOf, snippetOfText, textDirection } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const BASE = 'https://news.example/2024/05/harbour-plan/';
const hostile = fixtureText('articles/hostile.html');

/** Every attribute of every tag in the output. */
function attributeNames(html: string): string[] {
  return [...html.matchAll(/<[a-z0-9-]+((?:\s[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/gi)].flatMap((tag) =>
    [...(tag[1] ?? '').matchAll(/\s([^\s=>/]+)(?:="[^"]*")?/g)].map((attribute) => attribute[1]!.toLowerCase()),
  );
}

function expectSafe(html: string): void {
  // MathML is kept for formulas (mathml.test.ts); its embedded markup and mXSS helpers never are.
  expect(html).not.toMatch(/<\s*\/?\s*(script|iframe|frame|form|input|button|textarea|select|style|link|meta|base|svg|annotation-xml|mglyph|malignmark|object|embed|template|noscript|video|audio|source)\b/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
  const names = attributeNames(html);
  expect(names.filter((name) => name.startsWith('on'))).toEqual([]);
  expect(names).not.toContain('style');
  expect(names).not.toContain('class');
  expect(names).not.toContain('id');
  expect(names).not.toContain('srcset');
  expect(names).not.toContain('srcdoc');
}

describe('sanitizeArticleHtml on hostile HTML', () => {
  const clean = sanitizeArticleHtml(hostile, BASE);

  it('removes scripts, handlers, dangerous URLs, embeds, forms, styles, base and meta', () => {
    expectSafe(clean);
    expect(clean).not.toMatch(/alert/);
  });

  it('keeps the text around them', () => {
    const text = htmlToPlainText(clean);
    for (const sentence of [
      'The city council approved the new harbour plan on Tuesday evening',
      'the old fish market will be restored',
      'The harbour master said the works would be done in stages',
      'Residents can read the full plan on the council website and send comments',
      'An encoded link should lose its href',
      'The budget for the first stage is twelve million',
      'Styled paragraph text stays readable even though its style goes.',
      'Work on the quay is expected to begin in March.',
      'Opposition members asked for an independent review',
      'The mayor thanked the harbour workers',
      'Stage one runs until next autumn.',
      'Download the plan',
    ]) {
      expect(text).toContain(sentence);
    }
  });

  it('keeps safe links and images, absolute, with rel="noopener noreferrer"', () => {
    expect(clean).toContain('<a href="https://example.org/plan.pdf" rel="noopener noreferrer">Download the plan</a>');
    expect(clean).toContain('<img src="https://news.example/2024/05/harbour-plan/pier.jpg" alt="The northern quay" />');
    expect(clean).toContain('<h2>Council approves the new harbour plan</h2>');
  });

  it('is idempotent', () => {
    expect(sanitizeArticleHtml(clean, BASE)).toBe(clean);
  });
});

describe('sanitizeArticleHtml, one vector at a time', () => {
  const vectors: [string, string][] = [
    ['script', '<p>a</p><script>alert(1)</script><p>b</p>'],
    ['onerror', '<img src="x.png" onerror="alert(1)">'],
    ['javascript href', '<a href="javascript:alert(1)">t</a>'],
    ['entity-encoded javascript', '<a href="&#x6A;avascript&#58;alert(1)">t</a>'],
    ['javascript with whitespace', '<a href="  java\nscript:alert(1)">t</a>'],
    ['data src', '<img src="data:image/png;base64,iVBORw0KGgo=">'],
    ['svg onload', '<svg onload="alert(1)"><a href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['iframe', '<iframe src="https://evil.example/"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['form', '<form action="https://evil.example/"><input name="a"><button onclick="alert(1)">go</button></form>'],
    ['style expression', '<div style="width:expression(alert(1))">t</div><style>*{x:expression(alert(1))}</style>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base href', '<base href="javascript:alert(1)//"><a href="x">t</a>'],
    ['srcset javascript', '<img srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x">'],
    ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
    ['math mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
    ['svg in p', '<p><svg><style><img src=x onerror=alert(1)></style></svg></p>'],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">'],
    ['unclosed iframe', '<iframe><img src=x onerror=alert(1)>'],
    ['vbscript', '<a href="vbscript:msgbox(1)">t</a>'],
    ['textarea break-out', '<textarea></textarea><img src=x onerror=alert(1)></textarea>'],
  ];
  for (const [name, html] of vectors) {
    it(`neutralises ${name}`, () => {
      const clean = sanitizeArticleHtml(html, BASE);
      expectSafe(clean);
      expect(attributeNames(clean).every((attr) => ['href', 'rel', 'src', 'alt', 'title'].includes(attr))).toBe(true);
      expect(sanitizeArticleHtml(clean, BASE)).toBe(clean);
    });
  }
});

describe('sanitizeArticleHtml allowlist', () => {
  it('keeps text structure and the allowed attributes only', () => {
    const html =
      '<h1 class="t">Title</h1><p lang="fr" dir="RTL" data-x="1">Bonjour <em>à</em> <abbr title="Paris">P</abbr></p>' +
      '<ol start="3" reversed type="i"><li>x</li></ol><table><tr><td colspan="2" rowspan="x" width="9">c</td></tr></table>' +
      '<time datetime="2024-05-01T10:00:00Z">May</time><bdo dir="rtl">abc</bdo><ruby>漢<rt>kan</rt></ruby>' +
      '<font color="red">plain</font><center>centred</center><p lang="x y">bad lang</p>';
    expect(sanitizeArticleHtml(html, BASE)).toBe(
      '<h2>Title</h2><p lang="fr" dir="rtl">Bonjour <em>à</em> <abbr title="Paris">P</abbr></p>' +
        '<ol start="3" reversed type="i"><li>x</li></ol><table><tr><td colspan="2">c</td></tr></table>' +
        '<time datetime="2024-05-01T10:00:00Z">May</time><bdo dir="rtl">abc</bdo><ruby>漢<rt>kan</rt></ruby>' +
        'plaincentred<p>bad lang</p>',
    );
  });

  it('drops attributes named like the properties of an object, and keeps the element', () => {
    expect(sanitizeArticleHtml('<p constructor="x" dir="RTL">Ferries</p><td hasOwnProperty="1" colspan="2">run</td>', BASE)).toBe('<p dir="rtl">Ferries</p><td colspan="2">run</td>');
  });

  it('resolves relative URLs, keeps mailto links, and drops links without a usable URL', () => {
    const clean = sanitizeArticleHtml('<a href="../other/">o</a> <a href="mailto:desk@news.example">m</a> <a href="ftp://x/">f</a> <a>n</a>', BASE);
    expect(clean).toBe(
      '<a href="https://news.example/2024/05/other/" rel="noopener noreferrer">o</a> <a href="mailto:desk@news.example" rel="noopener noreferrer">m</a> f n',
    );
  });

  it('takes a lazy image source or the best srcset candidate, and drops images without a web URL', () => {
    const clean = sanitizeArticleHtml(
      '<img data-src="/real.jpg" src="data:image/gif;base64,R0lG"><img srcset="/s.jpg 300w, /l.jpg 1200w, /m.jpg 800w" alt="big"><img src="ftp://x/y.png" alt="gone"><img alt="no src">',
      BASE,
    );
    expect(clean).toBe('<img src="https://news.example/real.jpg" /><img src="https://news.example/l.jpg" alt="big" />');
  });

  it('turns audio and video into a link to their file (a video with a poster: the poster, the link under it)', () => {
    const clean = sanitizeArticleHtml(
      '<figure><video src="/v/clip%20one.mp4" poster="p.jpg" controls>Your browser cannot play <a href="/v/clip.mp4">this</a></video></figure>' +
        '<audio controls><source src="javascript:alert(1)"><source src="/a/show.mp3"><source src="/a/show.ogg">Fallback</audio>' +
        '<video><source src="data:video/mp4;base64,AA"></video>',
      BASE,
    );
    expect(clean).toBe(
      '<figure><img src="https://news.example/2024/05/harbour-plan/p.jpg" /><br /><a href="https://news.example/v/clip%20one.mp4" rel="noopener noreferrer">Video: clip one.mp4</a></figure>' +
        '<a href="https://news.example/a/show.mp3" rel="noopener noreferrer">Audio: show.mp3</a>',
    );
    expect(sanitizeArticleHtml(clean, BASE)).toBe(clean);
  });

  it('turns an embedded player or document into a link to what it shows, never letting the frame through', () => {
    const clean = sanitizeArticleHtml(
      '<p>Before</p><figure><iframe title="Full council meeting" width="640" height="360" src="https://www.youtube.com/embed/Xk3f9a8bCdE?feature=oembed" allowfullscreen></iframe><figcaption>The vote is at 2:14:00.</figcaption></figure>' +
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90">Your browser cannot show <b>frames</b>.</iframe>' +
        '<iframe src="about:blank" data-src="//player.vimeo.com/video/76979871?h=8272103f6e" title="Vimeo video player"></iframe>' +
        '<iframe title="Votes by ward" src="https://datawrapper.dwcdn.net/aB3dE/2/" height="480"></iframe>' +
        '<iframe src="javascript:alert(1)">x</iframe><iframe srcdoc="<p>inline</p>"></iframe><iframe src="data:text/html,x"></iframe><p>After</p>',
      BASE,
    );
    expectSafe(clean);
    expect(clean).toBe(
      '<p>Before</p><figure><a href="https://www.youtube.com/watch?v=Xk3f9a8bCdE" rel="noopener noreferrer">Video: Full council meeting (YouTube)</a><figcaption>The vote is at 2:14:00.</figcaption></figure>' +
        // Embeds in a row, one under the other as on the page.
        '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=90" rel="noopener noreferrer">Video: YouTube</a><br />' +
        '<a href="https://vimeo.com/76979871/8272103f6e" rel="noopener noreferrer">Video: Vimeo</a><br />' +
        '<a href="https://datawrapper.dwcdn.net/aB3dE/2/" rel="noopener noreferrer">Embed: Votes by ward (datawrapper.dwcdn.net)</a>' +
        '<p>After</p>',
    );
    expect(sanitizeArticleHtml(clean, BASE)).toBe(clean);
    expect(sanitizeArticleHtml(clean, BASE, 'pending')).toBe(clean);
  });

  it('leaves a frame in the fallback of audio or video out: the media link is the one', () => {
    expect(sanitizeArticleHtml('<video src="/v/tide.mp4"><iframe src="https://www.youtube.com/embed/abc"></iframe></video>', BASE)).toBe(
      '<a href="https://news.example/v/tide.mp4" rel="noopener noreferrer">Video: tide.mp4</a>',
    );
  });

  it('keeps the image a browser shows of a <picture>, without the picture', () => {
    expect(sanitizeArticleHtml('<picture><source srcset="/a.webp" type="image/webp"><img src="/a.jpg" alt="a"></picture>', BASE)).toBe(
      '<img src="https://news.example/a.webp" alt="a" />',
    );
  });

  it('works without a usable base URL (relative URLs then go)', () => {
    expect(sanitizeArticleHtml('<a href="/x">x</a><img src="/y.png"><img src="https://ok.example/z.png">', '')).toBe(
      'x<img src="https://ok.example/z.png" />',
    );
  });
});

describe('a video with a poster', () => {
  const link = (file: string) => `<a href="https://news.example/media/${file}" rel="noopener noreferrer">Video: ${file}</a>`;

  it('shows its poster where the video was, with the link to the video under it', () => {
    const clean = sanitizeArticleHtml(
      '<p>The first ferry left at dawn.</p><video controls preload="none" poster="/media/ferry-still.jpg" src="/media/test-clip.webm">Your browser does not play video.</video><p>More at noon.</p>',
      BASE,
    );
    expect(clean).toBe(`<p>The first ferry left at dawn.</p><img src="https://news.example/media/ferry-still.jpg" /><br />${link('test-clip.webm')}<p>More at noon.</p>`);
    expect(htmlToPlainText(clean)).toBe('The first ferry left at dawn.\nVideo: test-clip.webm\nMore at noon.');
    expect(sanitizeArticleHtml(clean, BASE)).toBe(clean);
  });

  it('reads the poster a lazy loader holds back, and keeps the figure and its caption', () => {
    const clean = sanitizeArticleHtml(
      '<figure class="wp-block-video"><video class="lazyload" controls playsinline poster="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-poster="https://cdn.news.example/2024/05/quay-still.jpg?w=1200&amp;q=80">' +
        '<source src="/media/quay.webm" type="video/webm"><source src="/media/quay.mp4" type="video/mp4"></video>' +
        '<figcaption>The new quay from the water.</figcaption></figure>',
      BASE,
    );
    expect(clean).toBe(
      `<figure><img src="https://cdn.news.example/2024/05/quay-still.jpg?w=1200&amp;q=80" /><br />${link('quay.webm')}<figcaption>The new quay from the water.</figcaption></figure>`,
    );
    expect(sanitizeArticleHtml(clean, BASE)).toBe(clean);
  });

  it('is an image the sync caches: in src for a page, pending for a feed item, as any other image', () => {
    const item = '<video poster="/media/still.jpg?v=2&amp;s=1"><source src="/media/clip.mp4"></video><p>Text <img src="/photo.jpg"></p>';
    const page = sanitizeArticleHtml(item, BASE);
    const pending = sanitizeFeedItem(item, BASE);
    expect(pending).toBe(rewriteImageUrls(page, new Map()));
    expect(pending).toContain(`<img data-original-src="https://news.example/media/still.jpg?v=2&amp;s=1" /><br />${link('clip.mp4')}`);
    expect(imageUrlsIn(page)).toEqual(['https://news.example/media/still.jpg?v=2&s=1', 'https://news.example/photo.jpg']);
    expect(imageUrlsIn(pending)).toEqual(imageUrlsIn(page));
    expect(sanitizeFeedItem(pending, BASE)).toBe(pending);
    const cached = rewriteImageUrls(page, new Map([['https://news.example/media/still.jpg?v=2&s=1', 'paperboy-cache://' + 'a'.repeat(64)]]));
    expect(cached).toContain(`<img src="paperboy-cache://${'a'.repeat(64)}" /><br />${link('clip.mp4')}`);
  });

  it('never takes a poster that is not a web address, nor the video\'s handlers', () => {
    const clean = sanitizeArticleHtml(
      '<video src="/media/a.mp4" poster="javascript:alert(1)" onerror="alert(2)" onloadstart="alert(3)"></video>' +
        '<video src="/media/b.mp4" data-poster="jav&#x09;ascript:alert(4)" poster="data:image/svg+xml,&lt;svg onload=alert(5)&gt;"></video>' +
        '<video src="/media/c.mp4" poster="vbscript:msgbox(6)" data-lazy-poster="about:blank"></video>',
      BASE,
    );
    expectSafe(clean);
    expect(clean).toBe(link('a.mp4') + link('b.mp4') + link('c.mp4'));
  });

  it('a video without a poster, and audio, stay links; a video with nothing to link to stays out', () => {
    const clean = sanitizeArticleHtml(
      '<video src="/media/plain.mp4" controls></video><audio src="/media/show.mp3" poster="/media/cover.jpg"></audio><video poster="/media/orphan.jpg"></video>',
      BASE,
    );
    expect(clean).toBe(`${link('plain.mp4')}<a href="https://news.example/media/show.mp3" rel="noopener noreferrer">Audio: show.mp3</a>`);
  });

  it('cannot be forged by a link in the article', () => {
    const clean = sanitizeArticleHtml('<p><a data-poster="https://evil.example/x.jpg" href="/story">Read</a> &lt;a data-poster="https://evil.example/y.jpg"</p>', BASE);
    expect(clean).toBe('<p><a href="https://news.example/story" rel="noopener noreferrer">Read</a> &lt;a data-poster="https://evil.example/y.jpg"</p>');
  });
});

describe("an emoji WordPress draws as a picture (wp_staticize_emoji, its smilies)", () => {
  const post = '<p>The ferry is back on Monday <img draggable="false" role="img" class="emoji" alt="🎉" src="https://s.w.org/images/core/emoji/15.0.3/svg/1f389.svg"> and the café reopens too <img src="https://blog.example/wp-includes/images/smilies/icon_smile.gif" alt=":)" class="wp-smiley" style="height: 1em; max-height: 1em;" /></p><figure><img src="https://blog.example/uploads/ferry.jpg" alt="The ferry at the quay"></figure>';

  it('is the character it stands for, in the text, and no picture to fetch; a photo stays a picture', () => {
    for (const html of [sanitizeArticleHtml(post, 'https://blog.example/ferry/'), sanitizeFeedItem(post, 'https://blog.example/ferry/')]) {
      expect(plainTextOfSanitized(html)).toContain('The ferry is back on Monday 🎉 and the café reopens too :)');
      expect(imageUrlsIn(html)).toEqual(['https://blog.example/uploads/ferry.jpg']);
      expect(sanitizeArticleHtml(html, 'https://blog.example/ferry/')).toBe(html);
    }
  });

  it('a picture with a long alt is a picture, whatever its class', () => {
    const html = sanitizeArticleHtml('<p><img class="emoji" alt="A chart of ferry crossings by month" src="https://blog.example/uploads/chart.png"></p>', 'https://blog.example/ferry/');
    expect(imageUrlsIn(html)).toEqual(['https://blog.example/uploads/chart.png']);
  });
});

describe('htmlToPlainText', () => {
  it('puts blocks on lines, decodes entities and collapses whitespace', () => {
    const html = '<h2>Head &amp; title</h2><p>One\n   two&nbsp;three &lt;four&gt;</p><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>Tail<br>end';
    expect(htmlToPlainText(html)).toBe('Head & title\nOne two three <four>\na\nb\nx y\nTail\nend');
  });

  it('reads plain text as its words, whatever its spacing and quotes', () => {
    expect(htmlToPlainText('  The "harbour" plan\n\tpassed > 40 votes  ')).toBe('The "harbour" plan passed > 40 votes');
    expect(htmlToPlainText(' \n ')).toBe('');
  });

  it('drops script and style text', () => {
    expect(htmlToPlainText('<p>a</p><script>var x = 1;</script><style>p{}</style><p>b</p>')).toBe('a\nb');
  });
});

describe('plainTextOfSanitized', () => {
  it('gives the same text as htmlToPlainText for sanitized HTML, without a second parse', () => {
    const samples = [
      hostile,
      fixtureText('articles/arabic.html'),
      fixtureText('articles/japanese.html'),
      fixtureText('seed/article.html', 'http://127.0.0.1:1'),
      '<h2>Head &amp; title</h2><p>One\n two&nbsp;three &lt;four&gt; "q"</p><table><tr><td>x</td><th>y</th></tr></table>Tail<br>end <a href="http://a/?x=1&amp;y=2" title="a > b">link</a>',
    ];
    for (const sample of samples) {
      const safe = sanitizeArticleHtml(sample, BASE);
      expect(plainTextOfSanitized(safe)).toBe(htmlToPlainText(safe));
    }
  });

  it('reads an escaped entity as the text it shows, and keeps words apart across inline tags and cells', () => {
    const safe = sanitizeArticleHtml('<p>Write &amp;lt;b&amp;gt; for <b>bold</b>,<i> </i>then\t<em>stop</em></p><table><tr><td>1</td><td>2</td></tr></table><pre>  a\n\n  b </pre>', BASE);
    expect(plainTextOfSanitized(safe)).toBe('Write &lt;b&gt; for bold, then stop\n1 2\na b');
  });
});

describe('snippetOf', () => {
  const long = '<p>' + 'The harbour plan was approved by the council after a long debate. '.repeat(10) + '</p>';

  it('returns short text whole', () => {
    expect(snippetOf('<p>Short &amp; sweet.</p>')).toBe('Short & sweet.');
  });

  it('cuts on a word boundary with an ellipsis, within maxChars', () => {
    const snippet = snippetOf(long);
    expect(snippet.length).toBeLessThanOrEqual(200);
    expect(snippet.endsWith('…')).toBe(true);
    // The cut falls where the text has a space.
    expect(long).toContain(`${snippet.slice(0, -1)} `);
    expect(snippetOf(long, 40)).toBe('The harbour plan was approved by the…');
  });

  it('joins blocks with spaces', () => {
    expect(snippetOf('<h2>Title</h2><p>Body</p>')).toBe('Title Body');
  });

  it('cuts text without spaces between characters, never inside a surrogate pair', () => {
    const japanese = '<p>' + '台風で不通の地方鉄道が運転を再開した。'.repeat(20) + '</p>';
    expect(Array.from(snippetOf(japanese, 50))).toHaveLength(50);
    const emoji = snippetOf('<p>' + '😀'.repeat(30) + '</p>', 10);
    expect(emoji).toBe('😀'.repeat(9) + '…');
  });

  it('reads only the opening of a long text, and the same words come out as from the whole text', () => {
    // Runs of whitespace as wide as the opening itself, one cut where the opening would end:
    // the snippet is the text's first words with each run made one space, and a text of
    // exactly maxChars characters after collapsing is still whole.
    const wide = `Ferries${' \n\t'.repeat(150)}resume${' '.repeat(401)}on Monday, the port said. ${'More news. '.repeat(5_000)}`;
    expect(snippetOfText(wide, 30)).toBe('Ferries resume on Monday, the…');
    const spaced = `a${' '.repeat(800)}b${'\n'.repeat(3)}c`;
    expect(snippetOfText(spaced, 5)).toBe('a b c');
    expect(snippetOfText(spaced, 4)).toBe('a b…');
    expect(snippetOfText(`${'😀'.repeat(3)}${' '.repeat(900)}end`, 7)).toBe('😀😀😀 end');
    expect(snippetOfText(`${'😀'.repeat(3)}${' '.repeat(900)}end`, 6)).toBe('😀😀😀…');
  });
});

describe('textDirection', () => {
  it('reads Arabic and Hebrew as right to left, even with some Latin words', () => {
    expect(textDirection('وتوفر المكتبة كذلك شبكة Wi-Fi مجانية وحواسيب للاستخدام العام')).toBe('rtl');
    expect(textDirection('הממשלה אישרה את התוכנית החדשה ל-Google')).toBe('rtl');
    expect(textDirection(htmlToPlainText(fixtureText('articles/arabic.html')))).toBe('rtl');
  });

  it('reads Latin, Cyrillic and CJK as left to right, and empty or digit-only text too', () => {
    expect(textDirection('The council said on Monday')).toBe('ltr');
    expect(textDirection('В субботу в центральном парке')).toBe('ltr');
    expect(textDirection('台風で不通の地方鉄道')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('١٢٣ 456')).toBe('ltr');
  });

  it('keeps an English text quoting a little Arabic left to right', () => {
    expect(textDirection('The minister said the word مرحبا means hello in Arabic, and smiled at the crowd')).toBe('ltr');
  });
});

  it('reads a title and a text given apart as the one text they make together', () => {
    const arabic = 'وتوفر المكتبة كذلك شبكة Wi-Fi مجانية وحواسيب للاستخدام العام';
    // The Arabic is in the title, or in the text, or past the opening that settles the direction.
    expect(textDirection(arabic, 'Wi-Fi')).toBe('rtl');
    expect(textDirection('Wi-Fi', arabic)).toBe('rtl');
    expect(textDirection('Breaking', `${'a'.repeat(19_990)} ${arabic}`)).toBe(textDirection(`Breaking ${'a'.repeat(19_990)} ${arabic}`));
    expect(textDirection('Breaking', 'b'.repeat(19_991), arabic)).toBe('ltr');
    expect(textDirection('The minister said the word', 'مرحبا means hello in Arabic, and smiled at the crowd')).toBe('ltr');
  });
