// Markup written inline in a feed (not escaped): Atom's type="xhtml" text constructs, and the
// unescaped HTML that RSS feeds put in <description>, <title>, <body>, <xhtml:body> and
// <fullitem>. xml2js keeps an element's text apart from its child elements, so mixed content
// such as <p>Hello <b>world</b> again</p> would come out reordered or lose the children's text;
// these elements are read from a DOM of the document instead.
import type * as Linkedom from 'linkedom';
import { atomName, rssName } from './element-names';
import { lazyModule } from '../system/lazy-module';

const linkedom = lazyModule<typeof Linkedom>('linkedom');
/** sax, the parser under xml2js (no typings installed): its table of the named entities it decodes. */
const sax = lazyModule<{ readonly ENTITIES: Readonly<Record<string, string | undefined>> }>('sax');

/** XML's own entities, which linkedom's XML parser decodes itself. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** A named reference; CDATA and comments, where '&' is text, are matched whole to be kept. */
const NAMED_REFERENCE = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&([A-Za-z_][\w.-]*);/g;

/** Inner markup of the first filled `element` child of the channel (item null) or of the n-th item / entry. */
export type MarkupReader = (itemIndex: number | null, element: string) => string | null;

export function markupReader(xml: string, kind: 'rss' | 'rdf' | 'atom', elementName: ((name: string) => string) | null): MarkupReader {
  const written = (element: Element) => (elementName ? elementName(element.tagName) : element.tagName);
  // RSS's and Atom's own names in another case, as the tree xml-feed.ts maps has them (element-names.ts).
  const nameOf = kind === 'atom' ? (element: Element) => atomName(written(element)) : (element: Element) => rssName(written(element));
  const childrenNamed = (parent: Element, name: string) => Array.from(parent.children).filter((e) => nameOf(e) === name);
  let located: { channel: Element | null; items: readonly Element[] } | null = null;
  // The same places as xml-feed.ts's locate(), so item n here is item n there.
  const locate = () => {
    const root = new (linkedom().DOMParser)().parseFromString(withCharacterReferences(xml), 'text/xml').documentElement as unknown as Element | null;
    if (!root) return { channel: null, items: [] };
    if (kind === 'atom') return { channel: root, items: childrenNamed(root, 'entry') };
    const channels = childrenNamed(root, 'channel');
    const channel = channels[0] ?? root;
    const inChannel = channels.flatMap((each) => childrenNamed(each, 'item'));
    const atRoot = childrenNamed(root, 'item');
    return { channel, items: kind === 'rdf' ? [...atRoot, ...inChannel] : [...inChannel, ...atRoot] };
  };
  return (itemIndex, element) => {
    // Parsed on first use only: most feeds have no inline markup at all.
    located ??= locate();
    const scope = itemIndex === null ? located.channel : located.items[itemIndex];
    // The first that holds something, as xml-nodes.ts's filledChild picks it.
    const named = scope ? childrenNamed(scope, element) : [];
    const found = named.find((e) => e.children.length > 0 || (e.textContent ?? '').trim() !== '') ?? named[0];
    return found ? innerMarkup(found) : null;
  };
}

/**
 * The document with the HTML named entities (&eacute;, &nbsp;, &rsquo;) written as character
 * references. sax reads them in text (xml2js's tree has "Café"), but linkedom's XML parser knows
 * only XML's five and kept the rest as text, so inline markup showed "Caf&eacute;". They resolve
 * through sax's own table, as sax resolves them (exact name, then lower case): the table that let
 * the document through, so the markup reads as its plain text does.
 */
function withCharacterReferences(xml: string): string {
  const entities = sax().ENTITIES;
  return xml.replace(NAMED_REFERENCE, (match, name: string | undefined) => {
    if (name === undefined || XML_ENTITIES.has(name)) return match;
    const character = entities[name] ?? entities[name.toLowerCase()];
    return character === undefined ? match : `&#${character.codePointAt(0)};`;
  });
}

function innerMarkup(construct: Element): string {
  // Atom's xhtml content is one <div> wrapper that is not part of the text (RFC 4287 3.1.1.3);
  // RSS's <body> and <description> often wrap theirs the same way.
  const only = construct.children.length === 1 ? construct.firstElementChild : null;
  const wrapper = only && /(^|:)div$/.test(only.tagName) && !directText(construct).trim() ? only : construct;
  return (
    wrapper.innerHTML
      // A CDATA section means text; in HTML it would be a bogus comment.
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
      // <xhtml:p> is an HTML <p> to the sanitizer only without its prefix.
      .replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z])/g, '<$1')
  );
}

function directText(element: Element): string {
  return Array.from(element.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('');
}
