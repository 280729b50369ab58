// XML feeds: xml2js (over sax, strict, no entity expansion) builds the element tree, this file
// finds the channel and the items in it the way real readers do, and rss.ts / atom.ts map them.
// Finding them here rather than in rss-parser is the point: rss-parser refused every shape it
// did not expect (<rss> without <channel>, items directly under <rss>, an empty <rss/>, RSS in
// a namespace prefix) with a TypeError, where readers show the feed.
import { Parser } from 'xml2js';
import { mapAtom } from './atom';
import { FeedParseError } from './errors';
import { checkXmlItemCount } from './item-limit';
import { markupReader } from './markup';
import type { ParsedFeed } from './parsed';
import { mapRss } from './rss';
import { asElement, children, isElement, type XmlElement } from './xml-nodes';
import { errorMessage } from '../../../shared/error-message';

export type XmlFeedKind = 'rss' | 'rdf' | 'atom';

/** Namespaces of RSS itself: a prefix bound to one of them is dropped from element names. */
const RSS_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://channel.netscape.com/rdf/simple/0.9/',
]);

/** An '&' that does not start an entity or character reference; CDATA and comments, where '&' is text, are matched whole to be kept. */
const BARE_AMPERSAND = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?![A-Za-z_][\w.-]*;|#\d+;|#x[\da-fA-F]+;)/g;

/** Where the feed's own elements and its items are, once the shape is known. */
export interface FeedTree {
  readonly root: XmlElement;
  readonly channel: XmlElement;
  readonly items: readonly XmlElement[];
}

export function parseXmlFeed(xml: string, feedUrl: string, kind: XmlFeedKind): ParsedFeed {
  // Before parsing: the tree xml2js builds is where the memory of too many items would go.
  checkXmlItemCount(xml);
  const unprefix = prefixStripper(xml);
  let document: unknown;
  try {
    document = readXml(xml, unprefix);
  } catch (error) {
    // A bare '&' (AT&T, ?a=1&b=2) is the commonest slip in hand-made feeds; readers forgive it.
    // Escaping it costs a second parse, paid only by the feeds that need it.
    const repaired = /^Invalid character in entity name/.test(errorMessage(error)) ? xml.replace(BARE_AMPERSAND, (match) => (match === '&' ? '&amp;' : match)) : xml;
    if (repaired === xml) throw parseErrorOf(error, xml);
    return parseXmlFeed(repaired, feedUrl, kind);
  }
  const [, rootNode] = isElement(document) ? (Object.entries(document)[0] ?? []) : [];
  const tree = locate(kind, asElement(rootNode));
  const markup = markupReader(xml, kind, unprefix);
  return kind === 'atom' ? mapAtom(tree, feedUrl, markup) : mapRss(kind, tree, feedUrl, markup);
}

function readXml(xml: string, unprefix: ((name: string) => string) | null): unknown {
  let result: unknown = null;
  let failure: unknown = null;
  const parser = new Parser(unprefix ? { tagNameProcessors: [unprefix] } : {});
  // With xml2js's default async: false the callback runs before parseString returns.
  parser.parseString(xml, (error: unknown, parsed: unknown) => {
    failure = error;
    result = parsed;
  });
  if (failure) throw failure;
  return result;
}

/**
 * Channel and items, wherever the document put them: RSS items inside <channel>, directly under
 * <rss> or both (channel's first); RSS 1.0 items beside the channel (or, misplaced, inside it).
 * A missing channel leaves the root to carry the feed's title and link.
 */
export function locate(kind: XmlFeedKind, root: XmlElement): FeedTree {
  if (kind === 'atom') return { root, channel: root, items: children(root, 'entry').map(asElement) };
  const channelNode = children(root, 'channel')[0];
  const channel = channelNode === undefined ? root : asElement(channelNode);
  const inChannel = channel === root ? [] : children(channel, 'item');
  const items = kind === 'rdf' ? [...children(root, 'item'), ...inChannel] : [...inChannel, ...children(root, 'item')];
  return { root, channel, items: items.map(asElement) };
}

/**
 * Drops the prefix from names in RSS's own namespace (<rss:channel>, <r:rss>), and the root's
 * own prefix (<atom:feed> with <atom:entry>), so the mappers see plain names. Extension prefixes
 * (dc:, content:, atom:link inside RSS) stay. Null when nothing needs stripping: the common case
 * costs no per-element call.
 */
export function prefixStripper(xml: string): ((name: string) => string) | null {
  const head = xml.slice(0, 4096);
  const prefixes = new Set<string>();
  for (const [, prefix, uri] of head.matchAll(/\bxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (RSS_NAMESPACES.has(uri!.trim())) prefixes.add(prefix!);
  }
  // Only the root element's own prefix: an extension element named feed deeper in must not count.
  const root = /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<([\w.-]+):(rss|feed)[\s>/]/i.exec(head);
  if (root && root[1] !== 'rdf') prefixes.add(root[1]!);
  if (prefixes.size === 0) return null;
  return (name) => {
    const colon = name.indexOf(':');
    return colon > 0 && prefixes.has(name.slice(0, colon)) ? name.slice(colon + 1) : name;
  };
}

function parseErrorOf(error: unknown, xml: string): FeedParseError {
  const message = errorMessage(error);
  // sax reports "Unclosed root tag\nLine: 0\nColumn: 58\nChar: " with 0-based lines.
  const sax = /^(.*)\nLine: (\d+)\nColumn: (\d+)/.exec(message);
  if (sax) return new FeedParseError(`malformed XML: ${saxReason(sax[1]!, xml)} (line ${Number(sax[2]) + 1}, column ${sax[3]})`);
  return new FeedParseError(`malformed XML: ${message}`);
}

/**
 * sax never reads a DOCTYPE's entity declarations, internal or external: that is what keeps
 * billion laughs and XXE out. A document that uses such an entity fails on it, so say why.
 */
function saxReason(reason: string, xml: string): string {
  const root = xml.search(/<[A-Za-z_]/);
  const prolog = root < 0 ? xml : xml.slice(0, root);
  if (reason === 'Invalid character entity' && /<!DOCTYPE\b/i.test(prolog)) {
    return 'uses an entity declared in its DOCTYPE, which Paperboy does not expand';
  }
  return reason;
}
