// The names the mappers read elements by, whatever prefix a document binds their namespace to.
// xml2js keeps names as written ('dc:creator'), and the mappers ask for the prefixes most feeds
// use; a document may bind the same namespaces to others: .NET's SyndicationFeed writes Atom
// inside RSS as <a10:link> and <a10:updated>, others bind Dublin Core, content or Media RSS to
// prefixes of their own (<c:encoded>). Names in RSS's own namespace, and the root's own
// prefix (<atom:feed> with <atom:entry>), lose their prefix. RSS's and Atom's own names written in
// another case are read in their format's.
import { children, isElement, type XmlElement } from './xml-nodes';

/** Namespaces of RSS itself: a prefix bound to one of them is dropped from element names. */
const RSS_NAMESPACES = new Set([
  'purl.org/rss/1.0',
  'backend.userland.com/rss2',
  'backend.userland.com/rss',
  'blogs.law.harvard.edu/tech/rss',
  'my.netscape.com/rdf/simple/0.9',
  'channel.netscape.com/rdf/simple/0.9',
]);

/** The extension namespaces the mappers read, by the prefix they read each under. */
const EXTENSION_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['purl.org/dc/elements/1.1', 'dc'],
  ['purl.org/dc/terms', 'dcterms'],
  ['purl.org/rss/1.0/modules/content', 'content'],
  ['search.yahoo.com/mrss', 'media'],
  ['www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['www.w3.org/2005/atom', 'atom'],
  ['wellformedweb.org/commentapi', 'wfw'],
  ['purl.org/rss/1.0/modules/slash', 'slash'],
  ['purl.org/syndication/thread/1.0', 'thr'],
  ['rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['www.w3.org/1999/xhtml', 'xhtml'],
]);

const NAMESPACE_DECLARATION = /xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g;

/**
 * A namespace as it is compared: writers differ in the scheme, a last '/' and the case of
 * letters ("http://search.yahoo.com/mrss" beside ".../mrss/", Apple's "DTDs"), never in meaning.
 */
function namespaceKey(uri: string): string {
  return uri.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/**
 * The function that gives an element's name as the mappers read it, or null when every name is
 * read as written: the common case costs no per-element call. The declarations are looked for in
 * the whole document (a string search, under a millisecond for 5 MB): .NET and Java serializers
 * declare a namespace on the first element that uses it when the root does not.
 */
export function elementNames(xml: string): ((name: string) => string) | null {
  const renamed = new Map<string, string>();
  for (const [, prefix, uri] of xml.matchAll(NAMESPACE_DECLARATION)) {
    const key = namespaceKey(uri!);
    if (RSS_NAMESPACES.has(key)) renamed.set(prefix!, '');
    else {
      const canonical = EXTENSION_PREFIXES.get(key);
      if (canonical !== undefined && canonical !== prefix && !renamed.has(prefix!)) renamed.set(prefix!, `${canonical}:`);
    }
  }
  // Only the root element's own prefix: an extension element named feed deeper in must not count.
  const root = /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<([\w.-]+):(rss|feed)[\s>/]/i.exec(xml.slice(0, 4096));
  if (root && root[1] !== 'rdf') renamed.set(root[1]!, '');
  if (renamed.size === 0) return null;
  return (name) => {
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? renamed.get(name.slice(0, colon)) : undefined;
    return prefix === undefined ? name : prefix + name.slice(colon + 1);
  };
}

/**
 * RSS's own element names by their lower case. XML is case-sensitive, but hand-written and
 * template-made feeds write <pubdate>, <PubDate>, <Title> or <Item>, and readers (feedparser
 * folds every name to lower case) show those items with their date and title.
 */
const RSS_NAMES: ReadonlyMap<string, string> = new Map(
  ['channel', 'item', 'title', 'link', 'description', 'guid', 'pubDate', 'author', 'category', 'comments', 'enclosure', 'source', 'image', 'url', 'language']
    .map((name) => [name.toLowerCase(), name]),
);

/** The name as RSS writes it when it is one of RSS's own in another case, else as it is. */
export function rssName(name: string): string {
  return RSS_NAMES.get(name.toLowerCase()) ?? name;
}

/**
 * Atom's own element names (1.0's and the 0.3 ones the mapper still reads), all lower case: the
 * same templates write <Entry>, <Title> and <Updated>, and readers that fold names read them.
 */
const ATOM_NAMES: ReadonlySet<string> = new Set([
  'author', 'category', 'content', 'contributor', 'email', 'entry', 'generator', 'icon', 'id', 'link', 'logo', 'name',
  'published', 'rights', 'source', 'subtitle', 'summary', 'title', 'updated', 'uri', 'tagline', 'modified', 'issued', 'created',
]);

/** The name as Atom writes it when it is one of Atom's own in another case, else as it is. */
export function atomName(name: string): string {
  const lower = name.toLowerCase();
  return lower !== name && ATOM_NAMES.has(lower) ? lower : name;
}

/**
 * The tree of an Atom document with Atom's own names in Atom's case where the mapper looks: the
 * feed's and the entries' children, and their authors' and contributors' (withRssCase's way).
 */
export function withAtomCase(root: XmlElement): void {
  renameChildren(root, atomName);
  const entries = children(root, 'entry').filter(isElement);
  entries.forEach((entry) => renameChildren(entry, atomName));
  for (const parent of [root, ...entries]) {
    for (const person of [...children(parent, 'author'), ...children(parent, 'contributor')].filter(isElement)) renameChildren(person, atomName);
  }
}

/**
 * The tree of an RSS document with RSS's own names in the case RSS writes them, where the
 * mappers and rss-parser look: the root's, the channel's and the items' children. Renamed in
 * place, so no element is copied; a name in RSS's case (nearly every feed) costs one lookup.
 */
export function withRssCase(root: XmlElement): void {
  renameChildren(root, rssName);
  const channels = children(root, 'channel').filter(isElement);
  channels.forEach((channel) => renameChildren(channel, rssName));
  for (const parent of [root, ...channels]) children(parent, 'item').filter(isElement).forEach((item) => renameChildren(item, rssName));
}

function renameChildren(element: XmlElement, nameOf: (name: string) => string): void {
  for (const key of Object.keys(element)) {
    const name = nameOf(key);
    const nodes = element[key];
    if (name === key || !Array.isArray(nodes)) continue;
    const written = element[name];
    element[name] = Array.isArray(written) ? [...written, ...nodes] : nodes;
    delete element[key];
  }
}
