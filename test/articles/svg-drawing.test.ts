// SVG drawings as the image cache keeps them (electron/core/articles/svg-drawing.ts): the drawing
// whole (paths, text, gradients, <use href="#id">, its viewBox), and nothing that runs or loads:
// script, handlers, foreignObject, javascript: and outside links, outside pictures and <use>s,
// entities, @import and outside url()s. Files shaped as Illustrator, Inkscape, D3 and icon sets
// write them; the hostile ones as the XSS cheat sheets' SVG vectors are.
import { describe, expect, it } from 'vitest';
import { MAX_DRAWING_BYTES, safeDrawing } from '../../electron/core/articles/svg-drawing';

const kept = (svg: string | Buffer, contentType: string | null = 'image/svg+xml'): string => {
  const drawing = safeDrawing(typeof svg === 'string' ? Buffer.from(svg) : svg, contentType);
  if (typeof drawing === 'string') throw new Error(`refused: ${drawing}`);
  return Buffer.from(drawing).toString('utf8');
};
const refusal = (svg: string | Buffer): string => {
  const drawing = safeDrawing(typeof svg === 'string' ? Buffer.from(svg) : svg, 'image/svg+xml');
  if (typeof drawing !== 'string') throw new Error(`kept: ${Buffer.from(drawing).toString('utf8').slice(0, 200)}`);
  return drawing;
};

// A bar chart as a newsroom's D3 code exports it: a gradient, a clip path, text, a class style.
const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 640 360" font-family="Helvetica, Arial, sans-serif">
<defs><linearGradient id="bar-fill" x1="0" x2="0" y1="0" y2="1"><stop offset="0%" stop-color="#2c7fb8"/><stop offset="100%" stop-color="#7fcdbb"/></linearGradient>
<clipPath id="plot"><rect x="40" y="20" width="580" height="300"/></clipPath></defs>
<style>.label { font-size: 14px; fill: #333; } .bar:hover { opacity: .8 }</style>
<g clip-path="url(#plot)"><rect class="bar" x="60" y="120" width="80" height="200" fill="url(#bar-fill)"/><rect class="bar" x="180" y="60" width="80" height="260" fill="url(#bar-fill)"/></g>
<text class="label" x="100" y="345" text-anchor="middle">2023</text><text class="label" x="220" y="345" text-anchor="middle">2024 &amp; after</text>
</svg>`;

// An icon sprite's symbol and the <use> that draws it, as Font Awesome and GitHub's Octicons do.
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24"><symbol id="icon-anchor" viewBox="0 0 24 24"><path d="M12 2a3 3 0 0 0-1 5.83V9H8v2h3v8.9A7 7 0 0 1 5 13H3a9 9 0 0 0 18 0h-2a7 7 0 0 1-6 6.9V11h3V9h-3V7.83A3 3 0 0 0 12 2z"/></symbol><use xlink:href="#icon-anchor"/><use href="#icon-anchor" x="0"/></svg>`;

describe('an honest drawing', () => {
  it('keeps its paths, text, gradients, clip paths, styles and viewBox', () => {
    const drawing = kept(CHART);
    for (const part of ['<linearGradient id="bar-fill"', '<stop offset="100%" stop-color="#7fcdbb">', '<clipPath id="plot">', 'clip-path="url(#plot)"', 'fill="url(#bar-fill)"', '.label { font-size: 14px; fill: #333; }', '>2024 &amp; after</text>', 'viewBox="0 0 640 360"']) {
      expect(drawing).toContain(part);
    }
    expect(drawing.match(/<rect class="bar"/g)).toHaveLength(2);
  });

  it('keeps a <use> of its own symbol, in both spellings of href', () => {
    const drawing = kept(ICON);
    expect(drawing).toContain('<use xlink:href="#icon-anchor">');
    expect(drawing).toContain('<use href="#icon-anchor" x="0">');
    expect(drawing).toContain('<symbol id="icon-anchor" viewBox="0 0 24 24"><path d="M12 2a3');
    expect(drawing).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/);
  });

  it('takes its viewBox as its size when it gives none (an icon is not as wide as the column), or only percentages', () => {
    expect(kept(ICON)).toMatch(/^<svg [^>]*width="24" height="24"/);
    expect(kept(CHART)).toMatch(/^<svg [^>]*width="640"[^>]*height="360"/);
    // A size of its own stays; one side is enough, the other follows the viewBox.
    expect(kept('<svg xmlns="http://www.w3.org/2000/svg" width="7.66ex" height="6.843ex" viewBox="0 -1652.5 3298.1 2946.1"><path d="M0 0"/></svg>')).toMatch(/^<svg [^>]*width="7.66ex" height="6.843ex"/);
    const oneSide = kept('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="100%" viewBox="0 0 640 360"><path d="M0 0"/></svg>');
    expect(oneSide).toContain('width="320"');
    expect(oneSide).not.toContain('height=');
  });

  it('reads an Illustrator export: Latin-1, its namespaces written as entities, its private data left out', () => {
    const illustrator = Buffer.from(`<?xml version="1.0" encoding="iso-8859-1"?>
<!-- Generator: Adobe Illustrator 16.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">
\t<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]>
<svg version="1.1" xmlns:x="&ns_extend;" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" x="0px" y="0px" width="300px" height="120px" viewBox="0 0 300 120" xml:space="preserve">
<switch><foreignObject requiredExtensions="&ns_extend;" x="0" y="0" width="1" height="1"><i:pgfRef xmlns:i="&ns_ai;" i:pgfRef="#adobe_illustrator_pgf"/></foreignObject>
<g i:extraneous="self"><text transform="matrix(1 0 0 1 10 60)" font-size="24">Caf\xe9 M\xfcller</text></g></switch>
<i:pgf id="adobe_illustrator_pgf"><![CDATA[eJzsvWuTHMdxKPp9I/Y/DD4ogRAJdFZlVlbR+kQsJfmEFg==]]></i:pgf>
</svg>`, 'latin1');
    const drawing = kept(illustrator, 'image/svg+xml');
    expect(drawing).toContain('<text transform="matrix(1 0 0 1 10 60)" font-size="24">Café Müller</text>');
    expect(drawing).toContain('xml:space="preserve"');
    expect(drawing).not.toMatch(/pgf|foreignObject|ENTITY|DOCTYPE|i:extraneous|ns\.adobe/);
    expect(kept(drawing)).toBe(drawing);
  });

  it('is kept as it is when made safe again: what the cache holds passes unchanged', () => {
    for (const svg of [CHART, ICON]) expect(kept(kept(svg))).toBe(kept(svg));
  });
});

describe('a hostile drawing', () => {
  it('runs nothing: no script, handler, foreignObject, javascript: link or animation of one', () => {
    const drawing = kept(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100" onload="document.title='owned'">
<script type="text/javascript"><![CDATA[ document.title = 'owned'; fetch('http://127.0.0.9/beacon'); ]]></script>
<script xlink:href="http://127.0.0.9/evil.js"/>
<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:parent.document.title='owned'"></iframe><script>document.title='owned'</script></body></foreignObject>
<a xlink:href="javascript:document.title='owned'"><rect width="50" height="50" fill="#c00" onclick="document.title='owned'" onmouseover="document.title='owned'"/></a>
<a href="http://127.0.0.9/phish"><circle cx="75" cy="75" r="20"/></a>
<set attributeName="onmouseover" to="document.title='owned'"/><animate attributeName="href" values="javascript:document.title='owned'"/>
<handler type="text/ecmascript">document.title='owned'</handler>
</svg>`);
    expect(drawing).not.toMatch(/owned|script|foreignObject|iframe|javascript|onload|onclick|onmouseover|<set|<animate|<handler|<a[\s>]|127\.0\.0\.9/i);
    // The drawing inside the links stays.
    expect(drawing).toContain('<rect width="50" height="50" fill="#c00">');
    expect(drawing).toContain('<circle cx="75" cy="75" r="20">');
  });

  it('loads nothing from outside itself: pictures, <use>, stylesheets, url() and filters', () => {
    const drawing = kept(`<?xml-stylesheet href="http://127.0.0.9/sheet.css" type="text/css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100">
<style>@import url("http://127.0.0.9/import.css"); @import 'http://127.0.0.9/import2.css'; .a { fill: url(http://127.0.0.9/grad.svg#g); } .b { fill: url( '#own' ) } @font-face { font-family: X; src: url(http://127.0.0.9/font.woff) }</style>
<image href="http://127.0.0.9/track.png" width="10" height="10"/><image xlink:href="//127.0.0.9/track2.png"/>
<image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/>
<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>
<use href="http://127.0.0.9/sprite.svg#icon"/><use xlink:href="sprite.svg#icon"/>
<feImage href="http://127.0.0.9/fe.png"/>
<rect width="10" height="10" fill="url(http://127.0.0.9/paint#p)" filter="url('http://127.0.0.9/f.svg#blur')" style="fill: url(http://127.0.0.9/s.png); stroke: red"/>
<rect width="10" height="10" style="background: u\\72l(http://127.0.0.9/escaped.png)"/>
<linearGradient id="own" href="http://127.0.0.9/other.svg#g"/>
</svg>`);
    expect(drawing).not.toContain('127.0.0.9');
    expect(drawing).not.toMatch(/@import|sprite|svg\+xml|<feImage|xml-stylesheet/);
    expect(drawing).toContain('<image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4">');
    expect(drawing).toContain(".b { fill: url( '#own' ) }");
    expect(drawing).toContain('<linearGradient id="own">');
  });

  it('refuses a drawing over 5 MB, one whose entities nest (billion laughs), and one nested past 512 deep', () => {
    const big = `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0L10 10"/>'.repeat(Math.ceil(MAX_DRAWING_BYTES / 22) + 1)}</svg>`;
    expect(refusal(big)).toBe('it is larger than the 5 MB a drawing may be');
    const laughs = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>`;
    expect(refusal(laughs)).toBe('it declares entities made of other entities (a file that expands to gigabytes)');
    // Flat entities referenced a million times expand too: refused past the drawing's size.
    const flat = `<!DOCTYPE svg [<!ENTITY kb "${'x'.repeat(1000)}">]><svg xmlns="http://www.w3.org/2000/svg"><text>${'&kb;'.repeat(6000)}</text></svg>`;
    expect(refusal(flat)).toBe('its entities expand it past the 5 MB a drawing may be');
    expect(refusal(`<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(600)}${'</g>'.repeat(600)}</svg>`)).toBe('its elements are nested more than 512 deep');
  });

  it('reads a stylesheet built to make a pattern matcher backtrack in linear time', () => {
    const started = performance.now();
    const drawing = kept(`<svg xmlns="http://www.w3.org/2000/svg"><style>.a { fill: url(${' '.repeat(200_000)}</style><rect style="fill: url(${'\t'.repeat(200_000)}x"/></svg>`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(drawing).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><style></style><rect></rect></svg>');
    // A prolog of comments and DOCTYPEs that never reaches a root.
    for (const prolog of ['<!-- a -->'.repeat(100_000), `<!DOCTYPE svg${' '.repeat(200_000)}`, `<!DOCTYPE svg [${' ]'.repeat(100_000)}`]) {
      const start = performance.now();
      expect(refusal(`<?xml version="1.0"?>${prolog}<g/>`)).toBe('it is not an SVG drawing Paperboy can read');
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });

  it('never reads an external entity, and draws what came of a file cut short', () => {
    const drawing = kept(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "http://127.0.0.9/x.dtd"> %remote;]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&xxe;</text><g><rect width="4" height="4"/>`);
    expect(drawing).not.toMatch(/passwd|root:|127\.0\.0\.9/);
    expect(drawing).toMatch(/<rect width="4" height="4"><\/rect><\/g><\/svg>$/);
  });
});
