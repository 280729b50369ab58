// Long CDATA sections taken out of a feed before rss-parser reads it, and put back into the
// element tree it builds. sax (under xml2js, under rss-parser) reads a document one character at
// a time in JavaScript, and rss-parser makes a snippet of every item's content, which Paperboy
// never reads: an item's content:encoded, kilobytes of HTML in a CDATA section that the parse
// only copies, was most of a feed's parsing time. Each long section is handed over as a short
// placeholder, still inside a CDATA section of its own so that the parser meets the same
// structure, and the tree gets the section's exact text back.
//
// Finding sections with indexOf cannot tell a real one from "<![CDATA[" written inside a comment
// or an attribute value, so the tree itself is the check: the text is put back only when every
// placeholder came out once, in element text. Each one did only if the parser entered a CDATA
// section at its "<![CDATA[", which then ends at the first "]]>" as the lifted one does, so the
// original parses into the same tree. Otherwise, and for any XML error (whose line and column
// the placeholders would shift), the document is read again as it came.
import type { XmlElement } from './xml-nodes';

/** Shorter sections cost the parser little, and a title in CDATA is left as it is. */
const MIN_LIFTED = 128;
const OPEN = '<![CDATA[';
const CLOSE = ']]>';
// Control characters XML 1.0 forbids, around the section's number. A document that holds one is
// never lifted, so no text has them by itself (the parser refuses a reference to one). Latin-1
// characters, so that a feed in Latin-1 stays a one-byte string in V8: noncharacters (U+FDD0) made
// the lifted copy, and every string the parser cut from it, two bytes a character (an 18 MB item
// needed some 25 MB more of a worker's heap).
const MARK = '\x01';
const END = '\x02';
const PLACEHOLDER = /\x01(\d+)\x02/g;

export interface LiftedCdata {
  /** The document with its long CDATA sections' text replaced by placeholders. */
  readonly xml: string;
  /** Puts every section back into the tree parsed from `xml`, in place; false when the tree did not hold each placeholder once, in element text. */
  readonly restore: (root: XmlElement) => boolean;
}

/** The document with its long CDATA sections lifted, or null when it has none (or holds the mark). */
export function liftCdata(xml: string): LiftedCdata | null {
  if (!xml.includes(OPEN) || xml.includes(MARK)) return null;
  const sections: string[] = [];
  const parts: string[] = [];
  let copied = 0;
  for (let open = xml.indexOf(OPEN); open !== -1; ) {
    const start = open + OPEN.length;
    const close = xml.indexOf(CLOSE, start);
    if (close === -1) break;
    if (close - start >= MIN_LIFTED) {
      parts.push(xml.slice(copied, start), `${MARK}${sections.length}${END}`);
      sections.push(xml.slice(start, close));
      copied = close;
    }
    open = xml.indexOf(OPEN, close + CLOSE.length);
  }
  if (sections.length === 0) return null;
  parts.push(xml.slice(copied));
  return { xml: parts.join(''), restore: (root) => restoreSections(root, sections) };
}

function restoreSections(root: XmlElement, sections: readonly string[]): boolean {
  const found = new Uint32Array(sections.length);
  const put = (text: string): string =>
    text.includes(MARK)
      ? text.replace(PLACEHOLDER, (_placeholder, index: string) => {
          found[Number(index)]!++;
          return sections[Number(index)]!;
        })
      : text;
  // xml2js's shape (xml-nodes.ts): '_' is the element's text, '$' its attributes (left alone: a
  // placeholder there was no CDATA), every other key a list of child elements or texts. Walked
  // with a list, not by recursion: a valid feed may nest an extension element 10,000 deep, and
  // recursion ran out of stack on it ("Maximum call stack size exceeded" for the whole feed).
  const pending: XmlElement[] = [root];
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    for (const key in element) {
      const value = element[key];
      if (key === '$') continue;
      if (typeof value === 'string') element[key] = put(value);
      else if (Array.isArray(value)) {
        value.forEach((child: unknown, i) => {
          if (typeof child === 'string') value[i] = put(child);
          else if (typeof child === 'object' && child !== null) pending.push(child as XmlElement);
        });
      }
    }
  }
  return found.every((count) => count === 1);
}
