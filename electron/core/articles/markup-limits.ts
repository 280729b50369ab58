// How much work a piece of HTML would cost to parse, extract and sanitize, measured before any
// of that runs. linkedom, Readability and sanitize-html all take time that grows with the square
// of the nesting (each element's text is read through its ancestors): 500 nested divs copied 200
// times (1.1 MB) held a worker for minutes, and 10^6 nested tags (7 MB) never finished. A one-pass
// scan over the raw text, linear whatever the input, counts the elements and their total nesting
// (the sum of every element's depth, which is what those libraries pay) and stops at the limit.
// A sync's article page is counted instead by the builder of its DOM (page-document.ts), element
// by element with the same budget (MarkupBudget), and the builder stops at the limit.
// It is an estimate that errs on the deep side (it does not apply every implied end tag of the
// HTML parser): a resource bound, not a security boundary (sanitize.ts is that).

// Real articles stay far below these: a long Wikipedia article is some 30,000 elements at an
// average depth of 12-15. Readability over the limit itself takes some seconds on this scale.
export const MAX_ELEMENTS = 60_000;
export const MAX_TOTAL_NESTING = 1_000_000;
// Browsers stop nesting at 512 (Blink's parser limit); no page a person reads goes deeper.
export const MAX_DEPTH = 512;

/** Elements that never have content (raw-text.ts reads HTML with the same lists). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
// Elements whose content is text up to their end tag (no tags inside).
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'];
// Each one's end tag, made once (a news page has dozens of scripts and styles).
const RAW_TEXT_END = new Map(RAW_TEXT.map((name) => [name, new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi')]));

/** Where the text of a raw-text element `name` (script, style, ...) whose start tag ends at
 *  `from` stops: at its end tag's '<', or at the end of the HTML without one. Null when `name`
 *  is not a raw-text element (its content is markup). */
export function rawTextEnd(html: string, from: number, name: string): number | null {
  const close = RAW_TEXT_END.get(name);
  if (!close) return null;
  close.lastIndex = from;
  return close.exec(html)?.index ?? html.length;
}
// Start tags that end the open elements named (<p>a<p>b, <li>a<li>b, <tr><td>a<tr>), looked for
// at the top of the open elements as the HTML parser does.
const BLOCK_ENDS_P = ['p'];
const TABLE_PARTS = ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'];
const ENDS: Record<string, readonly string[]> = {
  p: ['p'], li: ['li', 'p'], dt: ['dt', 'dd', 'p'], dd: ['dt', 'dd', 'p'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'],
  tbody: TABLE_PARTS, thead: TABLE_PARTS, tfoot: TABLE_PARTS, option: ['option'], optgroup: ['option', 'optgroup'], rt: ['rt', 'rp'], rp: ['rt', 'rp'],
  ...Object.fromEntries(
    ['div', 'ul', 'ol', 'dl', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'figure', 'form', 'hr']
      .map((name) => [name, BLOCK_ENDS_P]),
  ),
};
// How far down the open elements an end tag looks for its start tag: a stray end tag on a deep
// stack must not cost a search of the whole stack each time.
const END_TAG_REACH = 64;

// A tag: its name, then attributes as unquoted runs or quoted values; no '<' anywhere inside, so a
// failed match never scans past the next '<' and the whole scan stays linear. No capture groups:
// `test` then makes no match array, and a news page has thousands of tags (the arrays were an
// eighth of what a parse worker allocated per page).
const TAG = /<\/?[a-zA-Z][^\s/>]*(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/y;
const SLASH = 0x2f;
const GREATER_THAN = 0x3e;

/** Whether the character at `at` ends a tag name as TAG reads it: whitespace (as \s), '/' or '>'. */
function endsTagName(html: string, at: number): boolean {
  const code = html.charCodeAt(at);
  if (code === SLASH || code === GREATER_THAN || code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && /\s/.test(html[at]!);
}

type Visit = (close: boolean, name: string) => boolean;

/** Walks the tags of the HTML (not those inside comments or raw text); stops when `visit` returns false. */
function scan(html: string, visit: Visit): void {
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) return;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    if (!TAG.test(html)) {
      at = lt + 1;
      continue;
    }
    at = TAG.lastIndex;
    const close = html.charCodeAt(lt + 1) === SLASH;
    const nameStart = close ? lt + 2 : lt + 1;
    let nameEnd = nameStart + 1;
    while (!endsTagName(html, nameEnd)) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (!visit(close, name)) return;
    const rawEnd = close ? null : rawTextEnd(html, at, name);
    if (rawEnd !== null) at = rawEnd;
  }
}

/** Why the HTML is too costly to parse and extract, in words for the article's status line, or
 *  null when it is within the limits. */
export function markupTooComplex(html: string): string | null {
  return fewerTagsThan(html, MAX_DEPTH + 1) ? null : scanForLimits(html, MAX_DEPTH);
}

/** Why the HTML is too costly to parse into a DOM at all, or null: too many elements, or too much
 *  nesting in all (the parser's stack of open elements pays for every level of every element:
 *  100,000 nested divs, 1 MB, took it 15 s). A page only deeper than MAX_DEPTH here and there
 *  still parses: its comment form is read though its article is not extracted. */
export function markupTooCostlyToParse(html: string): string | null {
  return fewerTagsThan(html, MAX_DEPTH + 1) ? null : scanForLimits(html, Infinity);
}

function scanForLimits(html: string, maxDepth: number): string | null {
  const open: string[] = [];
  const budget = new MarkupBudget(maxDepth);
  scan(html, (close, name) => {
    if (close) {
      const floor = Math.max(0, open.length - END_TAG_REACH);
      for (let i = open.length - 1; i >= floor; i--) {
        if (open[i] !== name) continue;
        open.length = i;
        break;
      }
      return true;
    }
    const ends = ENDS[name];
    while (ends && open.length > 0 && ends.includes(open.at(-1)!)) open.pop();
    if (!VOID_ELEMENTS.has(name)) open.push(name);
    return budget.open(open.length);
  });
  return budget.problem;
}

/** Thrown by a builder that stopped at a limit (page-document.ts). */
export class MarkupTooComplexError extends Error {
  constructor(readonly problem: string) {
    super(`markup too complex: ${problem}`);
  }
}

/**
 * The limits, counted element by element: by the scan above, and by the DOM builder of the sync's
 * pages (page-document.ts), which counts the parser's own nesting as it builds and stops at the
 * limit. A second pass over each raw page, before its parse, was a tenth of a parse worker's time.
 */
export class MarkupBudget {
  /** Why the markup is over a limit, in words for the article's status line; null while within them. */
  problem: string | null = null;
  private elements = 0;
  private nesting = 0;

  /** maxDepth: MAX_DEPTH for what is extracted and sanitized; a parse alone is bounded by the other limits. */
  constructor(private readonly maxDepth = MAX_DEPTH) {}

  /** One more element, with `depth` elements open after it opens (none more for a void one).
   *  False once over a limit. */
  open(depth: number): boolean {
    this.elements++;
    this.nesting += depth;
    if (this.elements > MAX_ELEMENTS) this.problem = `it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`;
    else if (depth > this.maxDepth) this.problem = `its elements nest more than ${this.maxDepth} deep`;
    else if (this.nesting > MAX_TOTAL_NESTING) this.problem = 'its elements are nested too deeply to lay out in reasonable time';
    return this.problem === null;
  }
}

/** Each tag the scan visits starts at a '<' of its own, so with at most MAX_DEPTH of them no limit
 *  can be reached (MAX_DEPTH elements nest at most MAX_DEPTH deep, MAX_DEPTH² in all): a feed
 *  item's few hundred tags need no scan, and the sync checks every item. */
function fewerTagsThan(html: string, count: number): boolean {
  let seen = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) if (++seen >= count) return false;
  return true;
}

/** The text of the HTML outside its tags (comments, scripts and styles left out), entities as
 *  they are: what is left to show of markup too costly to parse. Each pattern either ends at its
 *  first closing or runs to the end of the text, so each pass is linear. */
export function textOutsideTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/(?:<\/?[a-zA-Z][^<>]*>|\s)+/g, ' ')
    .trim();
}
