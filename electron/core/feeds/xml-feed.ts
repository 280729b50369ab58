// XML feeds. rss-parser (the package Paperboy's owner chose) reads every document through its
// parseString, never its URL fetching: xml2js (over sax, strict, no entity expansion) builds the
// element tree and rss-parser finds the channel and the items of RSS 0.9x, 1.0, 2.0 and Atom.
// Its own mapping keeps one enclosure and drops attributes and xml:base, so the channel and the
// items carry themselves into its output and rss.ts / atom.ts map the raw elements it found.
// rss-parser refuses shapes real readers accept: <rss> or <rdf:RDF> without <channel>, and an
// Atom <link> without attributes (a TypeError as it walks the tree), an Atom date Date() cannot
// read (a RangeError), an empty <rss/>, a bare <channel> root ("not recognized"); and it accepts
// yet leaves unread RSS items directly under <rss>, in a second <channel>, and RSS 1.0 items
// inside the channel. Only for those does locate(), this file's structure finder, find the channel
// and the items in the tree the same parse built, the way readers do. Either way one path maps them. A document sax
// refuses for a slip that readers forgive (a stray '&' or '<', a cut before its end) is mended and read
// again (mendedXml), as is one written with HTML's habits (html-habits.ts).
import type { EventEmitter } from 'node:events';
import type Parser from 'rss-parser';
import { lazyModule } from '../system/lazy-module';
import { mapAtom } from './atom';
import { elementNames, withAtomCase, withRssCase } from './element-names';
import { FeedParseError } from './errors';
import { withAttributesAsXml, withoutHtmlHabits } from './html-habits';
import { withinXmlItemLimit } from './item-limit';
import { liftCdata } from './lifted-cdata';
import { markupReader, type MarkupReader } from './markup';
import { hasDoubleWrappedCdata, withNestedCdataFlattened } from './nested-cdata';
import { finishFeed, type ParsedFeed } from './parsed';
import { mapRss } from './rss';
import { asElement, children, isElement, type XmlElement } from './xml-nodes';
import { errorMessage } from '../../../shared/error-message';

const rssParser = lazyModule<typeof Parser>('rss-parser');

/** The part of sax (the parser under xml2js; no typings installed) that finds where a cut document's last item ends. */
interface SaxParser {
  /** Characters (UTF-16 code units) read so far. */
  readonly position: number;
  /** The open elements, outermost first. */
  readonly tags: readonly { readonly name: string }[];
  onclosetag: (name: string) => void;
  onerror: (error: Error) => void;
  write(text: string): SaxParser;
}
const sax = lazyModule<{
  readonly ENTITIES: Readonly<Record<string, string | undefined>>;
  readonly parser: (strict: true, options: Record<string, unknown>) => SaxParser;
}>('sax');

export type XmlFeedKind = 'rss' | 'rdf' | 'atom';

/**
 * An '&' with the reference it starts, if any (a name, or a character reference kept as it is);
 * CDATA and comments, where '&' is text, are matched whole to be kept.
 */
const AMPERSAND = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?:([A-Za-z_][\w.-]*);|#(\d+);|#[xX]([\da-fA-F]+);)?/g;
/** A '<' nothing can follow in markup, outside CDATA and comments (see withStrayLessThansEscaped). */
const STRAY_LESS_THAN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(?![\p{L}_:/!?])/gu;
/** A comment whose text holds '--' or ends with '-' (1: that text), which XML forbids; CDATA and other comments are matched whole to be kept. */
const COMMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<!--([\s\S]*?)-->/g;
/** Entities a DOCTYPE's internal subset declares (parameter entities, "<!ENTITY % name", are never referenced with '&'),
 *  with their value when it is written in the declaration (2 or 3: not SYSTEM or PUBLIC). */
const DECLARED_ENTITY = /<!ENTITY\s+([^\s%]\S*)\s*(?:"([^"]*)"|'([^']*)')?/g;
/** A declared value that is text alone, character references aside: no markup, no other entity to expand. */
const PLAIN_VALUE = /^(?:[^<&%]|&#\d+;|&#x[\da-fA-F]+;)*$/;
/** The longest declared value expanded: an HTML character's reference or a site's name, not a page. */
const MAX_ENTITY_VALUE = 1024;
/** A DOCTYPE whose declarations go on elsewhere: an external DTD, or one pulled in by a parameter entity ("%remote;"). */
const EXTERNAL_DTD = /<!DOCTYPE\s+[^\s[>]+\s+(?:SYSTEM|PUBLIC)\b|%[^\s;%]+;/i;
/** Where an item or entry ends; a prefix is allowed (<rss:item>, <atom:entry>). */
const ITEM_NAME = /^(?:[^:]+:)?(?:item|entry)$/;

/** Twice the 512 levels browsers build (markup-limits.ts's MAX_DEPTH), so that inline markup cut
 *  here still nests past those 512 inside its item: the sanitizer then keeps it as its words, as
 *  it does the same HTML sent escaped. */
const MAX_XML_DEPTH = 1024;
/** A comment, CDATA, a processing instruction, the DOCTYPE, or a tag (1: an end tag's '/', else ''). */
const XML_MARKUP = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>|!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|(\/?)[^\s/>]+(?:[^>"']|"[^"]*"|'[^']*')*>)/g;

/** Texts rss-parser is handed as HIDDEN_TEXT while it walks the tree (hideLongTexts): longer than
 *  any date, address or title it reads for itself, shorter than most items' HTML. */
const HIDDEN_TEXT_LENGTH = 4096;
const HIDDEN_TEXT = '…';
/** The elements whose text rss-parser turns into a snippet (RSS's description and content:encoded,
 *  Atom's content), hidden whatever their length: it makes nothing else of them. A post in CDATA
 *  reaches it as a placeholder already (lifted-cdata.ts), but one written as escaped HTML (Blogger,
 *  many RSS descriptions) under HIDDEN_TEXT_LENGTH had its snippet made: some 45 us for 3.7 KB. */
const SNIPPETED: ReadonlySet<string> = new Set(['description', 'content:encoded', 'content']);

/** sax's errors: "Unclosed root tag\nLine: 0\nColumn: 58\nChar: ", with 0-based lines. */
const SAX_ERROR = /^(.*)\nLine: (\d+)\nColumn: (\d+)/;

/** Where the feed's own elements and its items are, once the shape is known. */
export interface FeedTree {
  readonly root: XmlElement;
  readonly channel: XmlElement;
  readonly items: readonly XmlElement[];
}

/** Where the elements rss-parser can hand back keep a reference to themselves, for its customFields to copy. */
const SELF = Symbol('element');
/** [from, to, options]: rss-parser copies element[SELF] (keepArray: as is) to output.raw, for the channel and each item. */
const RAW_FIELD = [SELF, 'raw', { keepArray: true }];

type Found = Record<string, unknown> & { readonly raw?: readonly XmlElement[] };

export async function parseXmlFeed(whole: string, feedUrl: string, kind: XmlFeedKind): Promise<ParsedFeed> {
  // Before parsing: the tree xml2js builds is where the memory of too many items would go.
  const { xml: written, leftOut } = withinXmlItemLimit(whole);
  const feed = await parseWithinLimit(written, feedUrl, kind);
  return leftOut === 0 ? feed : finishFeed({ ...feed, itemsLeftOut: feed.itemsLeftOut + leftOut }, feed.items);
}

async function parseWithinLimit(written: string, feedUrl: string, kind: XmlFeedKind): Promise<ParsedFeed> {
  // Read as it is, a double wrap parses, its markers in the text: mended first.
  const xml = hasDoubleWrappedCdata(written) ? withNestedCdataFlattened(written) : written;
  const elementName = elementNames(xml);
  let tree: FeedTree;
  try {
    tree = await readTree(xml, kind, elementName);
  } catch (error) {
    // Mending costs a second parse, paid only by the feeds that need it.
    const mended = mendedXml(xml, errorMessage(error));
    if (mended === null) throw parseErrorOf(error, xml);
    // Counted again: a mended document may show the parser items the count did not see.
    const feed = await parseXmlFeed(mended.xml, feedUrl, kind);
    return mended.cutShort ? finishFeed({ ...feed, cutShort: true }, feed.items) : feed;
  }
  // Made at first use, as markupReader parses: most feeds have no inline markup, and pay for neither.
  let reader: MarkupReader | null = null;
  const markup: MarkupReader = (item, element) => (reader ??= markupReader(withinDepth(xml), kind, elementName))(item, element);
  return kind === 'atom' ? mapAtom(tree, feedUrl, markup) : mapRss(kind, tree, feedUrl, markup);
}

/**
 * The document without the tags of elements nested deeper than MAX_XML_DEPTH (their text stays,
 * in the element at that depth): the parser under markupReader pays for every element as many
 * steps as it is deep, so an Atom entry of 100,000 nested divs (1 MB) held a parse worker for
 * 14 s. sax, which read the document, has no such cost and no limit. The document is well-formed
 * (sax read it whole), so its tags are found by their '<' alone.
 */
function withinDepth(xml: string): string {
  let depth = 0;
  let keptTo = 0;
  const kept: string[] = [];
  for (const markup of xml.matchAll(XML_MARKUP)) {
    const slash = markup[1];
    // A comment, CDATA, a processing instruction or the DOCTYPE: no element.
    if (slash === undefined) continue;
    const level = slash === '/' ? depth-- : markup[0].endsWith('/>') ? depth + 1 : ++depth;
    if (level <= MAX_XML_DEPTH) continue;
    kept.push(xml.slice(keptTo, markup.index));
    keptTo = markup.index + markup[0].length;
  }
  if (keptTo === 0) return xml;
  kept.push(xml.slice(keptTo));
  return kept.join('');
}

/** rss-parser's channel and items, or the finder's when rss-parser refuses the shape or leaves items unplaced. Throws XML errors. */
async function readTree(xml: string, kind: XmlFeedKind, elementName: ((name: string) => string) | null): Promise<FeedTree> {
  // Long CDATA sections read as placeholders, their text put back in the tree (lifted-cdata.ts);
  // a document that breaks, or whose tree does not hold every section where it was, is read whole.
  const lifted = liftCdata(xml);
  if (lifted) {
    const read = await readElements(lifted.xml, kind, elementName).catch(() => null);
    if (read && lifted.restore(read.root)) return treeOf(kind, read);
  }
  return treeOf(kind, await readElements(xml, kind, elementName));
}

/** What rss-parser read: the document's root element, and its channel and items (null when it refused the shape). Throws XML errors. */
async function readElements(xml: string, kind: XmlFeedKind, elementName: ((name: string) => string) | null): Promise<{ root: XmlElement; found: (Found & Parser.Output<Found>) | null }> {
  // A fresh parser per document: rss-parser mutates its options and xml2js keeps parse state.
  const RssParser = rssParser();
  const parser = new RssParser<Found, Found>({
    // <rss> without a version attribute is still RSS; without this rss-parser rejects it.
    defaultRSS: 2,
    xml2js: elementName ? { tagNameProcessors: [elementName] } : {},
    // rss-parser's typings allow [from, to, options] for items only, and string keys; its code takes any key for both.
    customFields: { feed: [RAW_FIELD], item: [RAW_FIELD] } as unknown as Parser.CustomFields<Found, Found>,
  });
  // xml2js's 'end' event carries the document before rss-parser walks it (rss-parser 3.13 keeps its
  // xml2js parser as xmlParser). Not xml2js's validator option: it builds each element's path, which
  // costs the square of the depth (20,000 nested tags took 26 s).
  let root: XmlElement | undefined;
  let hidden: HiddenTexts | null = null;
  const xmlParser = (parser as unknown as { readonly xmlParser: EventEmitter }).xmlParser;
  xmlParser.once('end', (document: unknown) => {
    if (!isElement(document)) return;
    root = asElement(Object.values(document)[0]);
    if (kind === 'atom') withAtomCase(root);
    else withRssCase(root);
    tagPlaceable(root);
    hidden = hideLongTexts(root);
  });
  let found: (Found & Parser.Output<Found>) | null;
  try {
    found = await parser.parseString(xml);
  } catch (error) {
    // No document: sax found the XML broken (xml2js drops the listener on its error). With one,
    // rss-parser refused the shape as it walked it.
    if (root === undefined) throw error;
    found = null;
  } finally {
    (hidden as HiddenTexts | null)?.restore();
  }
  // root is set: rss-parser resolves only from xml2js's 'end'.
  return { root: root!, found };
}

function treeOf(kind: XmlFeedKind, { root, found }: { root: XmlElement; found: (Found & Parser.Output<Found>) | null }): FeedTree {
  if (found === null) return locate(kind, root);
  const channel = found.raw?.[0] ?? {};
  // An item that held only text (or nothing) has no element to carry; the mappers read only an item's children and attributes.
  const tree: FeedTree = { root, channel, items: found.items.map((item) => item.raw?.[0] ?? {}) };
  // rss-parser reads RSS items only inside <channel> and RSS 1.0 items only beside it; readers look in both places.
  const located = locate(kind, tree.root);
  return located.items.length > tree.items.length ? located : tree;
}

/** Tags what rss-parser can hand back: the root (Atom's feed), its children (channel, RSS 1.0 items, entries), the channel's items. */
function tagPlaceable(root: XmlElement): void {
  const tag = (element: XmlElement) => Object.defineProperty(element, SELF, { value: [element] });
  tag(root);
  for (const [name, nodes] of Object.entries(root)) {
    if (name === '$' || !Array.isArray(nodes)) continue;
    for (const node of nodes.filter(isElement)) {
      tag(node);
      if (name === 'channel') children(node, 'item').filter(isElement).forEach(tag);
    }
  }
}

/** The long texts of a tree, each swapped for a stand-in until restore() puts it back. */
interface HiddenTexts {
  restore(): void;
}

/**
 * Swaps every long text of the tree (an item's escaped HTML, its plain text), and every text of the
 * elements rss-parser makes snippets of (SNIPPETED), for a short stand-in while rss-parser walks the
 * tree: it copies each content and description it meets into an HTML snippet of its own (two
 * regular-expression passes, then entity decoding), which Paperboy never reads (the mappers read
 * the tree). With those copies, a feed with an item of 18 MB of escaped HTML needed 140 MB of a
 * parse worker's heap; without, 110. Walked with a list, as lifted-cdata.ts does: a valid feed may
 * nest 10,000 deep.
 */
function hideLongTexts(root: XmlElement): HiddenTexts {
  const putBack: (() => void)[] = [];
  // Each element with whether its text is snippeted (its name is in SNIPPETED).
  const pending: [XmlElement, boolean][] = [[root, false]];
  while (pending.length > 0) {
    const [element, snippeted] = pending.pop()!;
    for (const key in element) {
      const value = element[key];
      if (key === '$') continue;
      if (isHidden(value, snippeted && key === '_')) {
        element[key] = HIDDEN_TEXT;
        putBack.push(() => (element[key] = value));
      } else if (Array.isArray(value)) {
        const snippetedChild = SNIPPETED.has(key);
        value.forEach((node: unknown, i) => {
          if (isElement(node)) pending.push([node, snippetedChild]);
          else if (isHidden(node, snippetedChild)) {
            value[i] = HIDDEN_TEXT;
            putBack.push(() => (value[i] = node));
          }
        });
      }
    }
  }
  return { restore: () => putBack.forEach((put) => put()) };
}

/** A text to hide: a long one, or any but the stand-in itself in an element rss-parser snippets. */
function isHidden(value: unknown, snippeted: boolean): value is string {
  return typeof value === 'string' && (value.length >= HIDDEN_TEXT_LENGTH || (snippeted && value.length > HIDDEN_TEXT.length));
}

/**
 * Channel and items, wherever the document put them: RSS items inside <channel>, directly under
 * <rss> or both (channel's first); RSS 1.0 items beside the channel (or, misplaced, inside it).
 * A missing channel leaves the root to carry the feed's title and link. A second <channel>
 * (templates that close and reopen it around a block of items, or paste two feeds into one
 * document) gives its items too, after the first's, as readers that read every item show them;
 * the first carries the feed's title.
 */
export function locate(kind: XmlFeedKind, root: XmlElement): FeedTree {
  if (kind === 'atom') return { root, channel: root, items: children(root, 'entry').map(asElement) };
  const channels = children(root, 'channel');
  const channel = channels[0] === undefined ? root : asElement(channels[0]);
  const inChannel = channels.flatMap((node) => children(node, 'item'));
  const items = kind === 'rdf' ? [...children(root, 'item'), ...inChannel] : [...inChannel, ...children(root, 'item')];
  return { root, channel, items: items.map(asElement) };
}

/**
 * The document with the slip that stopped its parse mended the way readers forgive it, and
 * whether the mending was to end it after its last whole item; null when this slip has no
 * mending (or it was mended already: the same error again is the real one).
 */
function mendedXml(xml: string, message: string): { readonly xml: string; readonly cutShort: boolean } | null {
  const reason = SAX_ERROR.exec(message)?.[1];
  let mended: string | null = null;
  if (reason === 'Invalid character in entity name' || reason === 'Invalid character entity') mended = withStrayAmpersandsEscaped(xml);
  // sax reads "< d" as a tag named d (XML has no space there), and fails at the next '<'.
  else if (reason === 'Unencoded <' || reason === 'Invalid character in tag name') mended = withStrayLessThansEscaped(xml);
  else if (reason === 'Unclosed root tag') mended = cutAfterLastItem(xml);
  // A section nested in another ends it early, and the markup after it meets its parent's end tag.
  else if (reason === 'Unexpected close tag') {
    const flattened = withNestedCdataFlattened(xml);
    mended = flattened === xml ? withoutHtmlHabits(xml) : flattened;
  }
  else if (reason === 'Unquoted attribute value' || reason === 'Attribute without value' || reason === 'No whitespace between attributes') mended = withAttributesAsXml(xml);
  else if (reason === 'Malformed comment') mended = withCommentsWellFormed(xml);
  return mended === null || mended === xml ? null : { xml: mended, cutShort: reason === 'Unclosed root tag' };
}

/**
 * A bare '&' (AT&T, ?a=1&b=2) is the commonest slip in hand-made feeds, and a misspelt or HTML-only
 * entity (&nbps;) the next: browsers and feedparser show both as the text written, and so does
 * this. An entity the DOCTYPE declares with a value of plain text ('<!ENTITY nbsp "&#160;">', a
 * site's name) is written out as that value; one declared otherwise (SYSTEM, PUBLIC, with markup or
 * other entities in it), or that an external DTD may declare, stays an error for saxReason to
 * explain: sax never expands those, which keeps XXE and billion laughs out. A value has no
 * references to expand, so the document grows at most by its own length, else it stays as it was.
 * A character reference XML forbids, which sax refuses and with it the whole feed, is mended too.
 */
function withStrayAmpersandsEscaped(xml: string): string {
  const known = sax().ENTITIES;
  const declared = doctypeDeclarations(xml);
  let grown = 0;
  let previousEnd = -1;
  let pendingHigh = '';
  // The prolog as it is: the DOCTYPE's own values are never expanded into each other (entities within entities).
  const prolog = prologOf(xml);
  const escaped = xml.slice(prolog.length).replace(AMPERSAND, (match, name: string | undefined, decimal: string | undefined, hex: string | undefined, at: number) => {
    const adjacent = previousEnd === at;
    previousEnd = at + match.length;
    if (match.startsWith('<')) return match;
    if (decimal !== undefined || hex !== undefined) {
      const reference = allowedReference(decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16), adjacent ? pendingHigh : '');
      pendingHigh = reference.high;
      return reference.text ?? match;
    }
    pendingHigh = '';
    if (name === undefined) return match === '&' ? '&amp;' : match;
    // As sax looks a name up: exactly, then in lower case.
    if (known[name] !== undefined || known[name.toLowerCase()] !== undefined) return match;
    const value = declared(name);
    if (value === true) return match;
    if (value === false) return `&amp;${name};`;
    grown += value.length;
    return value;
  });
  return grown > xml.length ? xml : prolog + escaped;
}

/**
 * A numeric character reference as XML takes it. Allowed ones stay (text null); one to a character
 * XML forbids is left out: a control character (&#11; from a word processor, &#0;) or half of a
 * surrogate pair alone. A pair written as two references ("&#55357;&#56832;", what code that
 * escapes each UTF-16 unit prints for an emoji) is the character it spells: the high half waits
 * (high) for the low one just after it.
 */
function allowedReference(code: number, pendingHigh: string): { readonly text: string | null; readonly high: string } {
  if (code >= 0xd800 && code <= 0xdbff) return { text: '', high: String.fromCharCode(code) };
  if (code >= 0xdc00 && code <= 0xdfff) return { text: pendingHigh ? `&#x${(pendingHigh + String.fromCharCode(code)).codePointAt(0)!.toString(16)};` : '', high: '' };
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xfffd && !(code >= 0xd800 && code <= 0xdfff)) || (code >= 0x10000 && code <= 0x10ffff);
  return { text: allowed ? null : '', high: '' };
}

/**
 * A '<' that cannot open markup (no name, '/', '!' or '?' after it: "< 5%", "<3", "x <= y") is
 * text a hand-made feed forgot to escape; readers show it as written, and so does this. CDATA and
 * comments are left as they are: a '<' there was never a slip.
 */
function withStrayLessThansEscaped(xml: string): string {
  return xml.replace(STRAY_LESS_THAN, (match) => (match === '<' ? '&lt;' : match));
}

/**
 * Comments written with the '--' XML forbids inside one (a hand-written feed's banner "<!-- ----
 * Latest items ---- -->", a note "<!-- by hand -- Jo -->", an end written "--->") emptied:
 * libxml2's recovery (NetNewsWire) and feedparser read on past them, and a comment is never shown.
 * A comment ends at its first '-->', as in every reader; CDATA is left as it is.
 */
function withCommentsWellFormed(xml: string): string {
  return xml.replace(COMMENT, (match, text: string | undefined) => (text !== undefined && (text.includes('--') || text.endsWith('-')) ? '<!---->' : match));
}

/**
 * What the document's DOCTYPE makes of an entity: its value to write out when it declares plain
 * text (PLAIN_VALUE, MAX_ENTITY_VALUE) for it, true when it declares it otherwise or may (with its
 * DTD elsewhere, any name), false when it does not.
 */
function doctypeDeclarations(xml: string): (name: string) => string | boolean {
  const prolog = prologOf(xml);
  if (EXTERNAL_DTD.test(prolog)) return () => true;
  const declared = new Map<string, string | true>();
  for (const [, name, double, single] of prolog.matchAll(DECLARED_ENTITY)) {
    const value = double ?? single;
    // The first declaration binds, as XML says.
    if (declared.has(name!)) continue;
    declared.set(name!, value !== undefined && value.length <= MAX_ENTITY_VALUE && PLAIN_VALUE.test(value) ? value.replace(/"/g, '&quot;').replace(/'/g, '&apos;') : true);
  }
  return (name) => declared.get(name) ?? false;
}

/**
 * A document cut short (a publisher's script timed out, a proxy dropped the connection) as far as
 * its last complete item or entry, with the elements still open there closed: readers keep the
 * items that arrived whole rather than refuse the feed. The partial item after them is dropped,
 * never completed. Null when no item ended before the cut: there is nothing to keep.
 * Called only when the parse failed at the document's end, so everything before the cut is
 * well-formed and sax, reading it again, sees every tag where the feed parser saw it (an
 * "</item>" inside CDATA or a comment is not one).
 */
function cutAfterLastItem(xml: string): string | null {
  const parser = sax().parser(true, {});
  let cutAt = -1;
  let openAtCut: readonly string[] = [];
  let broken = false;
  parser.onerror = () => {
    broken = true;
  };
  parser.onclosetag = (name) => {
    const open = parser.tags.map((tag) => tag.name);
    // An item inside another item would leave the outer one partial.
    if (broken || !ITEM_NAME.test(name) || open.some((outer) => ITEM_NAME.test(outer))) return;
    cutAt = parser.position;
    openAtCut = open;
  };
  parser.write(xml);
  if (cutAt < 0) return null;
  return xml.slice(0, cutAt) + openAtCut.map((name) => `</${name}>`).reverse().join('');
}

function parseErrorOf(error: unknown, xml: string): FeedParseError {
  const message = errorMessage(error);
  const where = SAX_ERROR.exec(message);
  if (where) return new FeedParseError(`malformed XML: ${saxReason(where[1]!, xml)} (line ${Number(where[2]) + 1}, column ${where[3]})`);
  return new FeedParseError(`malformed XML: ${message}`);
}

/**
 * sax never reads a DOCTYPE's entity declarations, internal or external: that is what keeps
 * billion laughs and XXE out. A document that uses such an entity fails on it, so say why.
 */
function saxReason(reason: string, xml: string): string {
  if (reason === 'Invalid character entity' && /<!DOCTYPE\b/i.test(prologOf(xml))) {
    return 'uses an entity declared in its DOCTYPE, which Paperboy does not expand';
  }
  return reason;
}

/** What comes before the root element: the declaration, comments, the DOCTYPE. */
function prologOf(xml: string): string {
  const root = xml.search(/<[A-Za-z_]/);
  return root < 0 ? xml : xml.slice(0, root);
}
