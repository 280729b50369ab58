// Reading xml2js's element shape, as xml-feed.ts hands raw elements over (found by rss-parser or,
// for shapes it refuses, by the finder): an element with only text is a string; otherwise an object
// with `$` (attributes), `_` (text) and one array per child element name, keyed by the name as
// written (prefix included: 'dc:creator').
import { absoluteHttpUrl, c1AsWindows1252, collapseWhitespace } from './text';

export type XmlNode = string | XmlElement;
export interface XmlElement {
  [key: string]: unknown;
}

export function isElement(node: unknown): node is XmlElement {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** An element that held only text (or nothing: <rss/>) as an element with that text. */
export function asElement(node: unknown): XmlElement {
  if (isElement(node)) return node;
  return typeof node === 'string' && node !== '' ? { _: node } : {};
}

/** The element has child elements: its text alone (xml2js keeps it apart from them) is not all it says. */
export function hasChildElements(node: XmlNode | undefined): boolean {
  return isElement(node) && Object.keys(node).some((key) => key !== '$' && key !== '_');
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!isElement(node)) return [];
  const value = node[name];
  return Array.isArray(value) ? value.filter((v): v is XmlNode => typeof v === 'string' || isElement(v)) : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/**
 * The first child called `name` that holds text or elements, else the first. Templates that write
 * an element twice often leave the first empty (an empty <link></link> or <guid/> before the
 * filled one), and readers take the filled one.
 */
export function filledChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const all = children(node, name);
  return all.length > 1 ? all.find((c) => hasChildElements(c) || rawText(c).trim() !== '') ?? all[0] : all[0];
}

function rawText(node: XmlNode): string {
  return typeof node === 'string' ? node : typeof node._ === 'string' ? node._ : '';
}

/**
 * The attribute called `name`, or written in another case when none is: hand-written feeds and
 * old templates write <enclosure URL="..." TYPE="audio/mpeg"> or <link REL="alternate"
 * HREF="...">, as HTML forgives, and readers that fold names (feedparser) keep the episode and
 * the link. The exact name is asked first: nearly every attribute is written as the format says.
 */
export function attr(node: XmlNode | undefined, name: string): string | null {
  if (!isElement(node) || !isElement(node.$)) return null;
  const value = node.$[name] ?? inAnyCase(node.$, name);
  return typeof value === 'string' ? value : null;
}

function inAnyCase(attributes: XmlElement, name: string): unknown {
  const lower = name.toLowerCase();
  for (const key in attributes) if (key.toLowerCase() === lower) return attributes[key];
  return undefined;
}

/** The element's own text (CDATA included), untrimmed, its C1 controls read as windows-1252 (see c1AsWindows1252); '' when it has none. */
export function textOf(node: XmlNode | undefined): string {
  if (typeof node === 'string') return c1AsWindows1252(node);
  return node && typeof node._ === 'string' ? c1AsWindows1252(node._) : '';
}

/** Trimmed text of the first filled child called `name` (see filledChild), or null when absent or blank. */
export function childText(node: XmlNode | undefined, name: string): string | null {
  return textOf(filledChild(node, name)).trim() || null;
}

/** Plain-text values of every child called `name` (categories, creators). */
export function childTexts(node: XmlNode | undefined, name: string): string[] {
  return children(node, name).map((c) => collapseWhitespace(textOf(c))).filter((t) => t !== '');
}

/** The base for relative addresses inside `node`: its xml:base resolved against the outer base. */
export function baseOf(node: XmlNode | undefined, outer: string): string {
  return absoluteHttpUrl(attr(node, 'xml:base'), outer) ?? outer;
}

/**
 * RSS <author> is an e-mail address, usually "jo@example.com (Jo Doe)": keep the name when there
 * is one. Some generators write the other order, "Jo Doe (jo@example.com)", and some copy either
 * into dc:creator; the list showed the address with the name.
 */
export function authorName(text: string): string {
  const trimmed = text.trim();
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(trimmed);
  // Flickr quotes the name in its brackets: nobody@flickr.com ("Jamie Doe").
  if (named) return collapseWhitespace(named[1]!.replace(/^\s*"(.+)"\s*$/, '$1'));
  const mailed = /^(.*\S)\s*\((?:mailto:)?[^\s@()]+@[^\s@()]+\)$/.exec(trimmed);
  return collapseWhitespace(mailed?.[1] ?? text);
}
