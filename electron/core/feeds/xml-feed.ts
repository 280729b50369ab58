// XML feeds through rss-parser's parseString (never its URL fetching). rss-parser finds the channel
// and the items for each RSS version and for Atom; its own mapping keeps one enclosure, drops
// attributes and xml:base, so every element the mappers read is also copied raw through
// customFields (keepArray) and mapped by rss.ts / atom.ts.
import Parser from 'rss-parser';
import { mapAtom } from './atom';
import { FeedParseError } from './errors';
import { checkXmlItemCount } from './item-limit';
import type { ParsedFeed } from './parsed';
import { mapRss } from './rss';
import { parseDate } from './text';
import { xhtmlReader } from './xhtml';
import type { XmlElement } from './xml-nodes';
import { errorMessage } from '../../../shared/error-message';

const RAW = 'raw:';

/** '$' copies the element's own attributes (xml:base, xml:lang, rdf:about). */
const FEED_ELEMENTS = [
  '$', 'title', 'link', 'description', 'language', 'dc:language', 'image', 'itunes:image',
  'subtitle', 'tagline', 'icon', 'logo', 'author',
];
const ITEM_ELEMENTS = [
  '$', 'title', 'dc:title', 'link', 'atom:link', 'guid', 'id', 'description', 'content:encoded', 'summary', 'content',
  'author', 'dc:creator', 'source', 'category', 'dc:subject', 'enclosure', 'media:content', 'media:thumbnail',
  'media:group', 'itunes:image', 'comments', 'wfw:commentRss', 'wfw:commentRSS', 'slash:comments', 'thr:total',
  'thr:in-reply-to',
  'pubDate', 'dc:date', 'atom:updated', 'dcterms:modified', 'published', 'updated', 'issued', 'modified', 'created',
];

const LABEL = { rss: 'RSS', rdf: 'RSS 1.0', atom: 'Atom' } as const;

export async function parseXmlFeed(xml: string, feedUrl: string, kind: 'rss' | 'rdf' | 'atom'): Promise<ParsedFeed> {
  // Before parsing: the tree xml2js builds is where the memory of too many items would go.
  checkXmlItemCount(xml);
  const raw = (name: string) => [name, RAW + name, { keepArray: true }];
  // A fresh parser per document: rss-parser mutates its options and xml2js keeps parse state.
  const parser = new Parser<Record<string, unknown>, Record<string, unknown>>({
    // <rss> without a version attribute is still RSS; without this rss-parser rejects it.
    defaultRSS: 2,
    xml2js: { validator: repairForRssParser },
    // rss-parser's typings allow [from, to, options] for items only; its code takes them for both.
    customFields: { feed: FEED_ELEMENTS.map(raw), item: ITEM_ELEMENTS.map(raw) } as unknown as Parser.CustomFields<
      Record<string, unknown>,
      Record<string, unknown>
    >,
  });
  let output: Record<string, unknown> & Parser.Output<Record<string, unknown>>;
  try {
    output = await parser.parseString(xml);
  } catch (error) {
    throw parseErrorOf(error, kind, xml);
  }
  const channel = rawElement(output);
  const items = output.items.map(rawElement);
  return kind === 'atom' ? mapAtom(channel, items, feedUrl, xhtmlReader(xml)) : mapRss(kind, channel, items, feedUrl);
}

/** Undoes the customFields renaming: back to xml2js's shape of the channel or item element. */
function rawElement(copied: Record<string, unknown>): XmlElement {
  const element: XmlElement = {};
  for (const [key, value] of Object.entries(copied)) if (key.startsWith(RAW)) element[key.slice(RAW.length)] = value;
  return element;
}

/**
 * xml2js hook run on every element before rss-parser sees it. rss-parser's Atom code calls
 * new Date(x).toISOString() without a try, so one unreadable date would fail the whole feed, and it
 * reads link.$.rel on every <link>, so a <link>URL</link> without attributes throws a TypeError.
 */
function repairForRssParser(xpath: string, _previous: unknown, value: unknown): unknown {
  if ((xpath === '/feed/entry/published' || xpath === '/feed/entry/updated') && typeof value === 'string') {
    return parseDate(value) === null ? '' : value;
  }
  if ((xpath === '/feed/link' || xpath === '/feed/entry/link') && typeof value === 'string') {
    return { $: { href: value.trim() } };
  }
  return value;
}

function parseErrorOf(error: unknown, kind: 'rss' | 'rdf' | 'atom', xml: string): FeedParseError {
  const message = errorMessage(error);
  // sax reports "Unclosed root tag\nLine: 0\nColumn: 58\nChar: " with 0-based lines.
  const sax = /^(.*)\nLine: (\d+)\nColumn: (\d+)/.exec(message);
  if (sax) return new FeedParseError(`malformed XML: ${saxReason(sax[1]!, xml)} (line ${Number(sax[2]) + 1}, column ${sax[3]})`);
  // rss-parser walks the document without checks; a TypeError means an element was missing or misplaced.
  if (error instanceof TypeError) return new FeedParseError(`malformed ${LABEL[kind]} feed: unexpected structure`);
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
