// Plain text straight from a feed item's raw HTML, for the search index, the list's snippet and
// the text's direction. The sync stores feed items unsanitized (they are sanitized when read,
// ../storage/articles-repo.ts): sanitizing thousands of items nobody may open cost each parse
// worker a third of its time, and this scan costs a fraction of it. It never yields markup: every
// tag goes, and the content of the elements the sanitizer drops whole (scripts, styles, templates,
// comments, embedded documents, form controls, media fallbacks) goes with it.
//
// It reads HTML as the sanitizer's parser does where text is concerned (raw-text elements, quoted
// '>' in attributes, comments, entities decoded by the sanitizer's own decoder) and makes lines as
// plainTextOfSanitized does of the sanitized HTML. It differs where text does not matter to
// search: a video or audio element gives no "Video: file.mp4" link text, markup too deep to
// sanitize keeps its blocks apart rather than becoming one paragraph, and an element the parser
// closes implicitly (a <p> by the next <p>) stays open here until an end tag closes one around
// it. Every step moves forward and each element is opened and closed once, so the scan is
// linear in the HTML whatever its nesting.
import { rawTextEnd, VOID_ELEMENTS } from './markup-limits';
import { AMP_STAND_INS } from './page-images';
import { PlainLines } from './plain-lines';
import { isPlatformFurniture, mayHoldFurniture } from './platform-furniture';
import { CELL_NAMES, DROPPED_WITH_CONTENT, FormulaText, RUBY_ANNOTATIONS, SANITIZED_BLOCKS, decodedEntity } from './sanitize';

/** Dropped with their content; media keep only the link sanitizing makes of them; a ruby's
 *  reading (furigana) and its parentheses are shown above the text, not in it; AMP's images and
 *  embeds become the <img> or <iframe> they stand for (fixFeedHtml), their placeholders gone. */
const DROPPED: ReadonlySet<string> = new Set([...DROPPED_WITH_CONTENT, 'video', 'audio', ...RUBY_ANNOTATIONS, ...AMP_STAND_INS]);
const ENTITY = /&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;

/** The item's text: what plainTextOfSanitized(sanitizeArticleHtml(html, ...)) gives, near enough for search. */
export function plainTextOfRaw(html: string): string {
  const lines = new PlainLines();
  // The open elements, and how many of each name are open: an end tag closes the last of its name
  // and everything opened after it (as the parser does), found without searching the stack.
  const open: string[] = [];
  const openCount = new Map<string, number>();
  // How many open elements drop their content: the text inside any of them is not shown.
  let droppedDepth = 0;
  // Per open element: whether it drops its content.
  const drops: boolean[] = [];
  const pop = (): void => {
    const name = open.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    if (drops.pop()) droppedDepth--;
  };
  // KaTeX's copy of a formula for the eye goes once the formula's MathML is read, as sanitizing
  // drops it; looked for only in HTML that has one (reading each tag's class costs every tag).
  const katex = html.includes('katex-html');
  let katexMath = false;
  const isFormulaCopy = (name: string, from: number, to: number): boolean => {
    if (!katex) return false;
    const classes = attributeOf(html.slice(from, to), 'class')?.split(/\s+/) ?? [];
    if (name === 'math') katexMath = true;
    else if (classes.includes('katex')) katexMath = false;
    return katexMath && classes.includes('katex-html');
  };
  // A platform's furniture (a subscribe box, share buttons) goes as sanitizing drops it. It is
  // looked for tag by tag, in the tags that have attributes: asked first of the whole HTML, as the
  // sanitizer asks, mayHoldFurniture searched every item's text once for each of its hints, an
  // eighth of a parse worker's time, and a tag can name one only where the HTML does.
  const isFurniture = (name: string, from: number, to: number): boolean => {
    // '<p>': a tag without attributes names no class, id or style.
    if (to - from <= name.length + 2) return false;
    // Its attributes are read (a regular expression each) only when the tag itself names one.
    const tag = html.slice(from, to);
    return mayHoldFurniture(tag) && isPlatformFurniture(name, (attribute) => attributeOf(tag, attribute));
  };
  const text = (from: number, to: number): void => {
    if (droppedDepth > 0 || from >= to) return;
    const raw = html.slice(from, to);
    const decoded = raw.includes('&') ? raw.replace(ENTITY, decodedEntity) : raw;
    if (formula.open) formula.add(decoded);
    else lines.add(decoded);
  };
  // A formula reads as its TeX source, as sanitized HTML does.
  const formula = new FormulaText();
  const formulaTag = (name: string, end: boolean, from: number, to: number): void => {
    if (droppedDepth > 0 || (name !== 'math' && name !== 'annotation')) return;
    const words = formula.tag(name, end, (attribute) => attributeOf(html.slice(from, to), attribute));
    if (words !== null) lines.add(words);
  };

  let at = 0;
  let textFrom = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (isLetter(next)) {
      const tag = readTag(html, lt + 1);
      text(textFrom, lt);
      formulaTag(tag.name, false, lt, tag.end);
      at = textFrom = tag.end;
      // A raw-text element's content (a script's code, a title) is never part of the text.
      const rawEnd = rawTextEnd(html, tag.end, tag.name);
      if (rawEnd !== null) {
        const close = html.indexOf('>', rawEnd);
        at = textFrom = close < 0 ? html.length : close + 1;
      } else if (!VOID_ELEMENTS.has(tag.name)) {
        open.push(tag.name);
        openCount.set(tag.name, (openCount.get(tag.name) ?? 0) + 1);
        const dropped = DROPPED.has(tag.name) || isFormulaCopy(tag.name, lt, tag.end) || isFurniture(tag.name, lt, tag.end);
        drops.push(dropped);
        if (dropped) droppedDepth++;
      }
      boundary(lines, tag.name, formula);
    } else if (next === 47 /* '/' */ && isLetter(html.charCodeAt(lt + 2))) {
      const tag = readTag(html, lt + 2);
      text(textFrom, lt);
      at = textFrom = tag.end;
      if ((openCount.get(tag.name) ?? 0) > 0) {
        while (open.at(-1) !== tag.name) pop();
        pop();
        formulaTag(tag.name, true, lt, tag.end);
      }
      boundary(lines, tag.name, formula);
    } else if (next === 33 /* '!' */ || next === 63 /* '?' */ || next === 47) {
      // A comment, a CDATA section (a comment in HTML), a declaration, a processing instruction or
      // a bogus end tag: no text.
      text(textFrom, lt);
      const closing = html.startsWith('<!--', lt) ? '-->' : html.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const end = html.indexOf(closing, lt + 2);
      at = textFrom = end < 0 ? html.length : end + closing.length;
    } else {
      // A '<' that opens nothing is text.
      at = lt + 1;
    }
  }
  text(textFrom, html.length);
  lines.add(formula.rest());
  return lines.text();
}

/** The decoded value of an attribute of a start tag (`<math alttext='x'>`), or null. */
function attributeOf(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match ? (match[1] ?? match[2] ?? match[3]!) : null;
  return value !== null && value.includes('&') ? value.replace(ENTITY, decodedEntity) : value;
}

function boundary(lines: PlainLines, name: string, formula: FormulaText): void {
  if (SANITIZED_BLOCKS.has(name)) {
    lines.add(formula.rest());
    lines.endLine();
  } else if (CELL_NAMES.has(name)) lines.space();
}

/** The tag whose name starts at `from`: its lower-case name and where it ends (after its '>',
 *  skipping quoted attribute values, which may hold '>'; the end of the HTML when it never ends). */
function readTag(html: string, from: number): { name: string; end: number } {
  let at = from;
  while (at < html.length && !isNameEnd(html.charCodeAt(at))) at++;
  const name = html.slice(from, at).toLowerCase();
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (code === 62 /* '>' */) return { name, end: at + 1 };
    if (code === 61 /* '=' */) {
      at++;
      while (at < html.length && isSpace(html.charCodeAt(at))) at++;
      const quote = html.charCodeAt(at);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(quote === 34 ? '"' : "'", at + 1);
        if (close < 0) return { name, end: html.length };
        at = close + 1;
        continue;
      }
      continue;
    }
    at++;
  }
  return { name, end: html.length };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Where a tag's name stops: whitespace, '/' or '>'. */
function isNameEnd(code: number): boolean {
  return isSpace(code) || code === 47 || code === 62;
}
