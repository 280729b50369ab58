// Formulas stay formulas: the reader's Chromium lays out MathML itself, so the MathML that KaTeX,
// MathJax and hand-written posts put in a page or a feed is kept (its layout elements and
// presentational attributes only), and the plain text (search, snippets) reads each formula as
// its TeX source. Pages in the shapes those tools write on static-site and WordPress blogs.
import { describe, expect, it } from 'vitest';
import { htmlToPlainText, plainTextOfRaw, prepareArticle, sanitizeArticleHtml } from '../../electron/core/articles';

const SITE = 'https://notes.example';
const PAGE_URL = `${SITE}/2026/12/gaussian-integral/`;

// KaTeX's server-side output (katex.renderToString): the MathML for screen readers and MathML
// browsers, then the same formula again as styled spans for the eye, hidden from screen readers.
const katex = (tex: string, mathml: string, letters: string) =>
  `<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>${mathml}</mrow>` +
  `<annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">` +
  `<span class="base"><span class="strut" style="height:0.8141em;"></span>${[...letters].map((letter) => `<span class="mord mathnormal">${letter}</span>`).join('')}</span></span></span>`;
const EINSTEIN = katex('E = mc^2', '<mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup>', 'E=mc2');
const FRACTION = '<math display="block" alttext="\\frac{a}{b}"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>';
// MathJax 3's SVG output with its assistive MathML (the default in its components).
const MATHJAX =
  '<mjx-container class="MathJax" jax="SVG" display="true"><svg xmlns="http://www.w3.org/2000/svg" width="9.5ex" height="2.6ex" role="img" focusable="false" viewBox="0 -833.9 4191.1 1133.9" aria-hidden="true">' +
  '<g stroke="currentColor" fill="currentColor"><path d="M57 438Q57 380 87 352"></path></g></svg><mjx-assistive-mml unselectable="on" display="block">' +
  '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><msqrt><mi>&#x3C0;</mi></msqrt></math></mjx-assistive-mml></mjx-container>';

const words = (topic: string) =>
  `<p>The ${topic} has a long history in probability, where it normalises the bell curve, and in physics, where it turns up in every calculation of a partition function for a free particle.</p>`;

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes on the Gaussian integral</title>
<link rel="stylesheet" href="/katex/katex.min.css"></head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header>
<main><article class="post"><h1>Notes on the Gaussian integral</h1>
<div class="post-content">${words('Gaussian integral')}${body}${words('same integral')}</div></article></main>
<footer class="site-footer"><p>© 2026 Notes</p></footer></body></html>`;
}

function preparedPage(body: string) {
  const prepared = prepareArticle({ pageHtml: page(body), pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
  expect(prepared.source).toBe('page');
  return prepared;
}

describe('a formula in an article page', () => {
  it('keeps KaTeX\'s MathML, inline in its sentence, and drops the copy drawn for the eye', () => {
    const prepared = preparedPage(`<p>Inline: ${EINSTEIN} is famous.</p>`);
    expect(prepared.html).toMatch(/<p>Inline: (?:<span>)*<math><semantics><mrow><mi>E<\/mi><mo>=<\/mo><mi>m<\/mi><msup><mi>c<\/mi><mn>2<\/mn><\/msup><\/mrow>/);
    // The TeX stays beside it, where the browser does not show it, for the plain text.
    expect(prepared.html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math>');
    expect(prepared.html).not.toContain('mathnormal');
    expect(prepared.html.match(/>E</g)).toHaveLength(1);
    expect(prepared.text).toContain('Inline: E = mc^2 is famous.');
  });

  it('keeps a display formula a block, and reads it as its alttext', () => {
    const prepared = preparedPage(`<p>Display MathML with a fraction: ${FRACTION}</p>`);
    expect(prepared.html).toContain('<math display="block" alttext="\\frac{a}{b}"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>');
    expect(prepared.text).toContain('Display MathML with a fraction: \\frac{a}{b}');
  });

  it('keeps the MathML MathJax writes for screen readers, without its SVG', () => {
    const prepared = preparedPage(`<p>The area of the unit circle:</p>${MATHJAX}`);
    expect(prepared.html).toContain('<math display="block"><msqrt><mi>π</mi></msqrt></math>');
    expect(prepared.html).not.toMatch(/<svg|<path|mjx-/);
    expect(prepared.text).toContain('π');
  });
});

describe('a formula in a feed item', () => {
  const item = `<p>Inline: ${EINSTEIN} is famous.</p><p>Display: ${FRACTION}</p>`;

  it('shows the MathML once, as the page does', () => {
    const html = sanitizeArticleHtml(item, PAGE_URL);
    expect(html).toContain('<msup><mi>c</mi><mn>2</mn></msup>');
    expect(html).not.toContain('mathnormal');
    expect(html.match(/>E</g)).toHaveLength(1);
    expect(sanitizeArticleHtml(html, PAGE_URL)).toBe(html);
  });

  it('reads each formula as its TeX in every plain text: search, snippets', () => {
    const expected = 'Inline: E = mc^2 is famous.\nDisplay: \\frac{a}{b}';
    expect(htmlToPlainText(item)).toBe(expected);
    expect(plainTextOfRaw(item)).toBe(expected);
    expect(htmlToPlainText(sanitizeArticleHtml(item, PAGE_URL))).toBe(expected);
  });

  it('reads a formula without TeX as its symbols, and MediaWiki\'s TeX without its {\\displaystyle}', () => {
    const html = '<p>Sum: <math alttext="{\\displaystyle \\sum_{k=1}^{n} k}"><mo>∑</mo><mi>k</mi></math>, root: <math><msqrt><mn>2</mn></msqrt></math>.</p>';
    expect(htmlToPlainText(html)).toBe('Sum: \\sum_{k=1}^{n} k, root: 2.');
    expect(plainTextOfRaw(html)).toBe('Sum: \\sum_{k=1}^{n} k, root: 2.');
  });

  it('never lets an unclosed formula\'s TeX stand for the paragraphs after it', () => {
    const html = '<p>Broken: <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics><p>The next paragraph stays.</p>';
    for (const text of [htmlToPlainText(html), plainTextOfRaw(html), htmlToPlainText(sanitizeArticleHtml(html, PAGE_URL))]) {
      expect(text).toContain('The next paragraph stays.');
    }
  });
});

describe('MathML is kept as layout only', () => {
  const sanitize = (html: string) => sanitizeArticleHtml(html, PAGE_URL);

  it('keeps the presentational attributes with plain values, and nothing that links, runs or styles', () => {
    const html = sanitize(
      '<math display="block" href="https://evil.example/" style="color:red" class="x" onclick="alert(1)" mathcolor="white" mathbackground="white" xmlns:xlink="http://www.w3.org/1999/xlink">' +
      '<mrow xlink:href="javascript:alert(1)"><mi mathvariant="normal">d</mi><mo stretchy="false" lspace="0.2778em" rspace="0em" form="prefix">(</mo>' +
      '<mspace width="0.1667em" height="expression(alert(1))"></mspace><mfrac linethickness="0"><mn>1</mn><mn>2</mn></mfrac><mstyle displaystyle="true" scriptlevel="-1"><mi>x</mi></mstyle>' +
      '<mtable><mtr><mtd columnspan="2" onfocus="alert(1)"><mi>y</mi></mtd></mtr></mtable></mrow></math>',
    );
    expect(html).toBe(
      '<math display="block"><mrow><mi mathvariant="normal">d</mi><mo stretchy="false" lspace="0.2778em" rspace="0em" form="prefix">(</mo>' +
      '<mspace width="0.1667em"></mspace><mfrac linethickness="0"><mn>1</mn><mn>2</mn></mfrac><mstyle displaystyle="true" scriptlevel="-1"><mi>x</mi></mstyle>' +
      '<mtable><mtr><mtd columnspan="2"><mi>y</mi></mtd></mtr></mtable></mrow></math>',
    );
  });

  it('drops <annotation-xml> whole (it can hold HTML and SVG), and annotations other than TeX', () => {
    const html = sanitize(
      '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><p>HTML inside</p><img src="https://evil.example/a.png"></annotation-xml>' +
      '<annotation encoding="StarMath 5.0">x</annotation><annotation encoding="application/x-tex">x</annotation></semantics></math>',
    );
    expect(html).toBe('<math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math>');
  });

  it('shows <maction> as its first child only, with no action', () => {
    expect(sanitize('<math><maction actiontype="toggle" selection="2" xlink:href="https://evil.example/"><mi>a</mi><mi>b</mi></maction></math>'))
      .toBe('<math><maction><mi>a</mi><mi>b</mi></maction></math>');
  });

  it('leaves out <mglyph> and <malignmark>, and unwraps MathML beyond MathML Core', () => {
    expect(sanitize('<math><mi><mglyph src="https://evil.example/g.png" alt="g"></mglyph>z</mi><menclose notation="box"><mi>w</mi></menclose><malignmark></malignmark></math>'))
      .toBe('<math><mi>z</mi><mi>w</mi></math>');
  });
});
