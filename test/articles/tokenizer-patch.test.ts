// patches/htmlparser2+10.1.0.patch makes the tokenizer (under linkedom and page-document.ts) skip
// to the character it waits for with one indexOf instead of a loop per character: the end of a
// script or style, a comment, a tag. A news page's inline scripts (its JSON state) are often most
// of its bytes. What it reads must not change, whole or in chunks, and the patch must be in force.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Htmlparser2 from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../electron/core/articles/page-document';

const require = createRequire(import.meta.url);

// Each ends a character after a near miss ("<ab", "-xy"), where a skip that starts one too far
// would run past the end.
const SCRIPT = 'if (a < b && c<d) { x = "</scrip" + "t>"; y = `<p>not a tag</p>`; } // <!-- not a comment\nz = q<ab';
const STATE = JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i, title: `Story ${i} <b>${i}</b> & more` })) });
const STYLE = 'a > b { content: "<"; } p:after { content: ">" } /* x<ab */';
const PAGE = `<!doctype html><html><head><style>${STYLE}</style><script>${SCRIPT}</script></head>
<body><!-- a comment -- with dashes > and < inside -xy--><p title="a > b">One</p>
<script id="state" type="application/json">${STATE}</script><p>Two &amp; three</p><script>unclosed < at the end`;

/** The parts of the page the tokenizer skips through. */
function read(document: Document) {
  const scripts = Array.from(document.querySelectorAll('script'), (script) => script.textContent);
  const comment = Array.from(document.body.childNodes).find((node) => node.nodeType === 8)?.textContent;
  return {
    style: document.querySelector('style')?.textContent,
    scripts,
    comment,
    title: document.querySelector('p')?.getAttribute('title'),
    paragraphs: Array.from(document.querySelectorAll('p'), (p) => p.textContent),
  };
}

describe('the tokenizer skipping through raw text, comments and tags', () => {
  it('reads scripts, styles, comments and attributes exactly as written', () => {
    expect(read(parsePage(PAGE))).toEqual({
      style: STYLE,
      scripts: [SCRIPT, STATE, 'unclosed < at the end'],
      comment: ' a comment -- with dashes > and < inside -xy',
      title: 'a > b',
      paragraphs: ['One', 'Two & three'],
    });
  });

  it('reads the same when the text comes in small chunks', () => {
    // The CommonJS build, as linkedom and page-document.ts load it.
    const { Parser } = require('htmlparser2') as typeof Htmlparser2;
    const events = (chunkSize: number): string => {
      const seen: string[] = [];
      const parser = new Parser({
        onopentag: (name) => seen.push(`<${name}>`),
        ontext: (text) => seen.push(text),
        oncomment: (text) => seen.push(`<!--${text}-->`),
        onclosetag: (name) => seen.push(`</${name}>`),
      });
      for (let at = 0; at < PAGE.length; at += chunkSize) parser.write(PAGE.slice(at, at + chunkSize));
      parser.end();
      // Text may arrive in pieces at chunk edges: joined, it is the same text.
      return seen.join('');
    };
    const whole = events(PAGE.length);
    expect(whole).toContain(SCRIPT);
    for (const size of [1, 7, 64, 1000]) expect(events(size), `chunks of ${size}`).toBe(whole);
  });
});

describe('the htmlparser2 patch', () => {
  it('is in the installed htmlparser2, CommonJS and ES module builds alike', () => {
    const commonjs = dirname(require.resolve('htmlparser2'));
    for (const file of [join(commonjs, 'Tokenizer.js'), join(commonjs, '..', 'esm', 'Tokenizer.js')]) {
      const fastForward = /fastForwardTo\(c\) \{([\s\S]*?)\n {4}\}/.exec(readFileSync(file, 'utf8'))?.[1] ?? 'not found';
      expect(fastForward, file).toContain('indexOf(String.fromCharCode(c)');
    }
  });
});
