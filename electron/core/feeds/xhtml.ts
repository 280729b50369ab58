// Atom's type="xhtml" text constructs, read from a DOM of the document. xml2js (under rss-parser)
// keeps an element's text apart from its child elements, so mixed content such as
// <p>Hello <b>world</b> again</p> comes out reordered; inline XHTML is exactly that.
import { DOMParser } from 'linkedom';

/** Inner markup of the first `element` child of the feed (entry null) or of the n-th <entry>. */
export type XhtmlReader = (entryIndex: number | null, element: string) => string | null;

export function xhtmlReader(xml: string): XhtmlReader {
  let entries: readonly Element[] | null = null;
  let root: Element | null = null;
  return (entryIndex, element) => {
    if (entries === null) {
      // Parsed on first use only: most feeds have no inline XHTML at all.
      root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element | null;
      entries = root ? Array.from(root.children).filter((e) => e.tagName === 'entry') : [];
    }
    const scope = entryIndex === null ? root : entries[entryIndex];
    const found = scope ? Array.from(scope.children).find((e) => e.tagName === element) : undefined;
    return found ? innerXhtml(found) : null;
  };
}

function innerXhtml(construct: Element): string {
  // The construct's content is one xhtml <div> wrapper that is not part of the text (RFC 4287 3.1.1.3).
  const only = construct.children.length === 1 ? construct.firstElementChild : null;
  const wrapper = only && /(^|:)div$/.test(only.tagName) && !directText(construct).trim() ? only : construct;
  // A CDATA section means text; in HTML it would be a bogus comment.
  return wrapper.innerHTML.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}

function directText(element: Element): string {
  return Array.from(element.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('');
}
