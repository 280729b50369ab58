// OPML subscription lists: reading other readers' exports and writing ours (OPML 2.0).
// Reading is lenient (sax's non-strict mode): exports in the wild carry raw '&' and odd case in
// attribute names. Entities are never expanded beyond the predefined ones, so a DOCTYPE cannot
// pull in files or blow up in size. A file cut off mid-way (a download or a copy that stopped) is
// read up to its last complete tag, and says so.
import type * as Xml2js from 'xml2js';
import { lazyModule } from '../system/lazy-module';
import type { Feed, Folder, FolderId } from '../../../shared/types';
import { withoutFeedScheme } from './discover';
import { withoutTrackingParameters } from './item-link';
import { absoluteHttpUrl, displayText } from './text';
import { children, type XmlElement, type XmlNode } from './xml-nodes';
import { loginsLeftOutNote, withoutLogin } from '../../../shared/address-login';
import { errorMessage } from '../../../shared/error-message';
import type { ApiErrorCode } from '../../../shared/wire';

/** A file that is not OPML: the person's input, not our failure (the preview answers 422, not 500). */
export class NotOpmlError extends Error {
  override readonly name = 'NotOpmlError';
  readonly code: ApiErrorCode = 'refused';
}

const xml2js = lazyModule<typeof Xml2js>('xml2js');
/** sax, the parser under xml2js (no typings installed): what completeCutOff reads of it. */
interface SaxParser {
  onerror: (error: Error) => void;
  write(text: string): SaxParser;
  readonly sawRoot: boolean;
  readonly closedRoot: boolean;
  readonly state: number;
  readonly startTagPosition: number;
  readonly line: number;
  readonly tags: readonly { readonly name: string }[];
}
const sax = lazyModule<{ parser(strict: boolean, options: object): SaxParser; readonly STATE: Readonly<Record<string, number>> }>('sax');

/** The deepest folder path an import creates. */
export const MAX_FOLDER_DEPTH = 20;

export interface OpmlEntry {
  readonly url: string;
  readonly title: string | null;
  readonly siteUrl: string | null;
  /** Names of the enclosing outlines, outermost first. */
  readonly folderPath: readonly string[];
}

export interface OpmlProblem {
  readonly url: string | null;
  readonly title: string | null;
  readonly reason: string;
  /** For a feed listed again: the address of the entry kept (the import says "already subscribed" when that one was). */
  readonly repeats?: string;
}

export interface ParsedOpml {
  readonly entries: readonly OpmlEntry[];
  readonly problems: readonly OpmlProblem[];
  /** Folders with nothing in them (our export writes them as childless outlines): each one's
   *  path, its own name last. They are the person's too, made to be filled later. */
  readonly emptyFolders: readonly (readonly string[])[];
  /** Where the file stops when it was cut off before its end (its line), else null: the entries before it were read. */
  readonly endedEarlyAt: number | null;
}

/** Why a bookmark, typed or not, is skipped. */
const LINK_NOT_FEED = 'a link to a web page, not a feed';
/** What an outline of another type (OPML 2.0's link and include) stands for, in a skipped entry's reason. */
const NOT_FEEDS: Partial<Record<string, string>> = {
  link: LINK_NOT_FEED,
  include: 'an included OPML file, not a feed',
};

/**
 * FreshRSS's own kinds of source (its docs/en/developers/OPML.md): a web page or a JSON document
 * it turns into items by XPath or dot-notation rules exported beside it. Their xmlUrl is that
 * page, not a feed: subscribed to, it would fail at every sync.
 */
const SCRAPED_BY_FRESHRSS: ReadonlySet<string> = new Set(['html+xpath', 'xml+xpath', 'json+dotnotation', 'html+xpath+json+dotnotation']);

/** The type attribute of an outline that is a feed. */
const FEED_TYPES: ReadonlySet<string> = new Set(['rss', 'atom']);

/** The type attribute of an outline that is a folder: none, or what some exporters write for one. */
const FOLDER_TYPES: ReadonlySet<string> = new Set(['', 'folder', 'category']);

export function parseOpml(text: string): ParsedOpml {
  const { root: opml, endedEarlyAt } = readOpml(text);
  const body = children(opml, 'body')[0];
  if (body === undefined) throw new NotOpmlError('Not an OPML file: it has no <body>.');
  const entries: OpmlEntry[] = [];
  const problems: OpmlProblem[] = [];
  const emptyFolders: (readonly string[])[] = [];
  /** Each feed read so far (sameFeed's key), with the folder it was kept in and its place in entries. */
  const seen = new Map<string, { readonly folderPath: readonly string[]; readonly index: number }>();

  // Depth first with a stack of its own: an export with thousands of nested outlines must not
  // exhaust the call stack ("Maximum call stack size exceeded"). underFeed: the outlines are a
  // feed's own details (a podcast app's episodes), read only for feeds among them.
  const stack: { outlines: XmlNode[]; next: number; folderPath: readonly string[]; underFeed: boolean }[] = [
    { outlines: children(body, 'outline'), next: 0, folderPath: [], underFeed: false },
  ];
  const enter = (outline: XmlNode, folderPath: readonly string[], underFeed = false) => {
    const nested = children(outline, 'outline');
    if (nested.length > 0) stack.push({ outlines: nested, next: 0, folderPath, underFeed });
  };
  for (let level = stack.at(-1); level; level = stack.at(-1)) {
    const outline = level.outlines[level.next++];
    if (outline === undefined) {
      stack.pop();
      continue;
    }
    const { folderPath, underFeed } = level;
    const a = attributes(outline);
    // text is the name OPML 2.0 says a reader shows, where one that lets feeds be renamed writes
    // the person's name; title, optional, is the feed's own title ("probably the same as text").
    // Either may be an empty attribute beside the other, which is no wish for no name.
    const title = displayText(a.text ?? '') || displayText(a.title ?? '') || null;
    const type = a.type?.trim().toLowerCase() ?? '';
    const notFeed = NOT_FEEDS[type];
    // A bookmark or an included list is no folder either; its address (url=) is shown, as it cannot be imported.
    if (notFeed !== undefined && !a.xmlurl?.trim()) {
      problems.push({ url: a.url?.trim() ? displayText(a.url.trim()) : null, title, reason: notFeed });
      continue;
    }
    // The page's address is shown: the person may find a feed of its own there with Add feed.
    if (SCRAPED_BY_FRESHRSS.has(type)) {
      const page = a.xmlurl?.trim() || a.htmlurl?.trim();
      problems.push({ url: page ? displayText(page) : null, title, reason: `a page FreshRSS reads by its own rules (type "${displayText(a.type ?? '')}"), not a feed` });
      continue;
    }
    // Lists of the OPML 1.0 era (podcast directories, older podcast apps) give a feed's address
    // as url= on its type="rss" outline, where OPML 2.0 says xmlUrl.
    const feedAddress = a.xmlurl?.trim() || (FEED_TYPES.has(type) ? a.url?.trim() : undefined);
    if (!feedAddress) {
      // Overcast nests each podcast's episodes (type="podcast-episode") in its outline: they are
      // the feed's items, which the sync fetches, not folders or entries to report one by one.
      if (underFeed) enter(outline, folderPath, true);
      // Folders nested deeper than anyone files feeds are folded into the deepest one kept.
      else if (children(outline, 'outline').length > 0) enter(outline, title && folderPath.length < MAX_FOLDER_DEPTH ? [...folderPath, title] : folderPath);
      // A childless outline without xmlUrl is an empty folder unless it looks like a feed entry.
      else if (FEED_TYPES.has(type) || a.htmlurl !== undefined) problems.push({ url: null, title, reason: 'no feed address (xmlUrl)' });
      // An address without a type is a link of OPML 1.0's (type="link" came later), not a folder's name.
      else if (a.url?.trim()) problems.push({ url: displayText(a.url.trim()), title, reason: LINK_NOT_FEED });
      // An outline of some other type is something else an app keeps in its list (Overcast's
      // type="podcast-playlist"); folders carry no type, or type="folder".
      else if (!FOLDER_TYPES.has(type)) problems.push({ url: null, title, reason: `a "${displayText(a.type ?? '')}" entry, not a feed` });
      // Beyond the depth kept it would be folded into its parent, which exists already.
      else if (title && folderPath.length < MAX_FOLDER_DEPTH) emptyFolders.push(Object.freeze([...folderPath, title]));
      continue;
    }
    const raw = feedAddress;
    // `paperboy import` prints the address of a skipped entry: it must not carry terminal escapes either.
    const problem = (reason: string) => problems.push({ url: displayText(raw), title, reason });
    let url: URL | null = null;
    try {
      // feed:// is the old "open in a feed reader" scheme, taken as `add` takes it.
      url = new URL(withoutFeedScheme(raw));
    } catch {
      problem('not a valid address');
    }
    // Tracking parameters (a reader's utm_source=feedly) pick no feed: without them one feed is one subscription.
    const address = url && withoutTrackingParameters(url.href);
    const kept = address === null ? undefined : seen.get(sameFeed(address));
    if (url && url.protocol !== 'http:' && url.protocol !== 'https:') problem(`not an http(s) address (${url.protocol})`);
    else if (kept !== undefined && address !== null) {
      const keptEntry = entries[kept.index]!;
      // Listed over http and over https, the feed is subscribed over https, where it came first.
      if (keptEntry.url.startsWith('http:') && address.startsWith('https:')) entries[kept.index] = Object.freeze({ ...keptEntry, url: address });
      const keptUrl = entries[kept.index]!.url;
      const also = keptUrl === address ? '' : ` (as ${displayText(raw)}, the same feed as ${keptUrl})`;
      problems.push({ url: displayText(raw), title, reason: listedAgain(kept.folderPath, folderPath) + also, repeats: keptUrl });
    } else if (address !== null) {
      seen.set(sameFeed(address), { folderPath, index: entries.length });
      // A feed listed under its own address has no name: exports write the address where a feed
      // never fetched has none (ours among them, as the sidebar shows it), and kept as the
      // person's name it would hide the title the feed gives itself at the first sync.
      const named = title !== null && title !== displayText(raw) && title !== address && title !== url?.href ? title : null;
      entries.push(Object.freeze({ url: address, title: named, siteUrl: absoluteHttpUrl(a.htmlurl), folderPath: Object.freeze([...folderPath]) }));
    }
    // Outlines under a feed are its details (episodes) or, rarely, feeds: those belong to the
    // feed's folder, not to a folder named after it.
    enter(outline, folderPath, true);
  }
  return Object.freeze({
    entries: Object.freeze(entries),
    problems: Object.freeze(problems.map((p) => Object.freeze(p))),
    emptyFolders: Object.freeze(emptyFolders),
    endedEarlyAt,
  });
}

/**
 * What makes two addresses in one list the same feed: the scheme and a trailing slash aside. An
 * export that lists http://site/feed and https://site/feed/ (a reader that kept both after the site
 * moved to https, two lists merged) names one feed twice; subscribed twice, each story would be
 * listed twice. An import compares its entries with the subscriptions by it too (subscriptions/
 * subscribed.ts). (A subscription's own address is still exact: `--feed` tells /feed from /feed/.)
 */
export function sameFeed(address: string): string {
  return address.replace(/^https?:/i, '').replace(/\/+(?=$|[?#])/, '');
}

/** Why a feed listed again is skipped: it was subscribed once, where it came first (readers export a feed in each of its folders). */
function listedAgain(keptIn: readonly string[], folderPath: readonly string[]): string {
  const place = (path: readonly string[]) => (path.length === 0 ? 'at the top level' : `in folder "${path.join(' / ')}"`);
  if (keptIn.join('\0') === folderPath.join('\0')) return `listed twice ${place(keptIn)}: subscribed once`;
  return `also listed ${place(folderPath)}: kept ${place(keptIn)}`;
}

function readOpml(text: string): { root: XmlElement; endedEarlyAt: number | null } {
  if (!text.trim()) throw new NotOpmlError('Not an OPML file: it is empty.');
  let read = readXml(text);
  let endedEarlyAt: number | null = null;
  if (read.failure || read.result === null) {
    const completed = completeCutOff(text);
    const reread = completed && readXml(completed.text);
    if (reread && !reread.failure && reread.result !== null) {
      read = reread;
      endedEarlyAt = completed.line;
    }
  }
  const { result, failure } = read;
  if (failure) throw new NotOpmlError(`Not an OPML file: ${errorMessage(failure).split('\n')[0]}`);
  if (typeof result !== 'object' || result === null) throw new NotOpmlError('Not an OPML file: it is not readable XML.');
  const [rootName, root] = Object.entries(result)[0] ?? [];
  if (rootName !== 'opml') throw new NotOpmlError(`Not an OPML file: ${whatTheRootSays(rootName ?? '?')}`);
  return { root: typeof root === 'object' && root !== null ? (root as XmlElement) : {}, endedEarlyAt };
}

/**
 * What a document with another root element is, for the two a person most often picks by mistake:
 * a feed saved from the browser, and a web page saved in the export's place (a reader's sign-in
 * or error page, downloaded while its session had expired).
 */
function whatTheRootSays(rootName: string): string {
  if (FEED_ROOTS.has(rootName)) return `it is a feed (<${rootName}>), not a list of subscriptions; subscribe to the feed's address instead.`;
  if (rootName === 'html') return 'it is a web page (<html>), perhaps a sign-in or error page saved in place of the export.';
  return `the document's root element is <${rootName}>, not <opml>.`;
}
/** Root elements of RSS, Atom and RSS 1.0 (RDF) feeds, as sax's loose mode lowercases them. */
const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'feed', 'rdf:rdf']);

function readXml(text: string): { result: unknown; failure: unknown } {
  let result: unknown = null;
  let failure: unknown = null;
  // With xml2js's default async: false the callback runs before parseString returns.
  new (xml2js().Parser)({ strict: false, normalizeTags: true }).parseString(text, (error: unknown, parsed: unknown) => {
    failure = error;
    result = parsed;
  });
  return { result, failure };
}

/**
 * A document cut off before its root element closes, up to its last complete tag and with the
 * elements still open closed, and the line where it stops; null when it was not cut off (or is
 * no XML sax can follow). What was complete is the person's; only the tag the cut went through is lost.
 */
function completeCutOff(text: string): { text: string; line: number } | null {
  const parser = sax().parser(false, {});
  let failed = false;
  parser.onerror = () => {
    failed = true;
  };
  try {
    // write without close: the end of the text is not judged, only where it leaves the parser.
    parser.write(text);
  } catch {
    return null;
  }
  if (failed || !parser.sawRoot || parser.closedRoot) return null;
  const { TEXT, TEXT_ENTITY } = sax().STATE;
  const inText = parser.state === TEXT || parser.state === TEXT_ENTITY;
  const end = inText ? text.length : parser.startTagPosition - 1;
  const closing = [...parser.tags].reverse().map((tag) => `</${tag.name}>`);
  return { text: text.slice(0, end) + closing.join(''), line: parser.line + 1 };
}

/** Attribute names lowercased: sax's loose mode upper-cases them, and exports differ (xmlUrl, xmlurl). */
function attributes(node: XmlNode): Partial<Record<string, string>> {
  const raw = typeof node === 'object' && typeof node.$ === 'object' && node.$ !== null ? (node.$ as Record<string, unknown>) : {};
  const out: Partial<Record<string, string>> = {};
  for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') out[name.toLowerCase()] = value;
  return out;
}

/**
 * Our export. A feed's address is written without the name and password typed in it: the file is
 * shared, synced and read by other programs, and nothing in it is secret. When any were left out
 * the file says how many, so the person knows to enter them again after importing it.
 */
export function buildOpml(folders: readonly Folder[], feeds: readonly Feed[], title = 'Paperboy subscriptions'): string {
  const known = new Set(folders.map((f) => f.id));
  // A folder whose parent is unknown (or itself), or a feed whose folder is unknown, goes to the top level rather than vanish.
  const parentOf = (f: Folder) => (f.parentId !== null && f.parentId !== f.id && known.has(f.parentId) ? f.parentId : null);
  const folderOf = (f: Feed) => (f.folderId !== null && known.has(f.folderId) ? f.folderId : null);
  const written = new Set<FolderId>();

  const folderLines = (folder: Folder, depth: number): string[] => {
    written.add(folder.id);
    const indent = '  '.repeat(depth);
    const name = attribute(folder.name);
    const inner = contents(folder.id, depth + 1);
    if (inner.length === 0) return [`${indent}<outline text="${name}" title="${name}"/>`];
    return [`${indent}<outline text="${name}" title="${name}">`, ...inner, `${indent}</outline>`];
  };
  const contents = (parent: FolderId | null, depth: number): string[] => [
    ...folders.filter((f) => parentOf(f) === parent && !written.has(f.id)).flatMap((f) => folderLines(f, depth)),
    ...feeds.filter((f) => folderOf(f) === parent).map((f) => '  '.repeat(depth) + feedOutline(f)),
  ];
  const lines = contents(null, 2);
  // Folders caught in a parent cycle cannot be reached from the top level: write them there.
  for (const folder of folders) if (!written.has(folder.id)) lines.push(...folderLines(folder, 2));

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${text(title)}</title>`,
    `    <dateCreated>${new Date().toUTCString()}</dateCreated>`,
    ...loginsLeftOutComment(feeds),
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function feedOutline(feed: Feed): string {
  const name = attribute(feed.title);
  const site = feed.siteUrl ? ` htmlUrl="${attribute(withoutLogin(feed.siteUrl))}"` : '';
  return `<outline type="rss" text="${name}" title="${name}" xmlUrl="${attribute(withoutLogin(feed.url))}"${site}/>`;
}

/** An XML comment in the file's head when logins were left out (a comment: readers ignore it). */
function loginsLeftOutComment(feeds: readonly Feed[]): string[] {
  const note = loginsLeftOutNote(feeds.map((feed) => feed.url));
  return note === null ? [] : [`    <!-- ${note} -->`];
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped. */
function text(value: string): string {
  return value
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Also escapes quotes, and line breaks and tabs, which attribute normalization would turn into spaces. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
