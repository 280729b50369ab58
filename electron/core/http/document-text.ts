// A fetched feed-or-page body as text: the gzip its headers did not declare taken off, then
// decoded as the kind of document it is (JSON, a feed's XML or an HTML page), judged by its
// Content-Type and its first bytes. One rule for the sync's feeds (workers/tasks.ts) and for Add
// feed's fetches (subscriptions/fetch-text.ts): a feed must read the same when it is added as at
// every sync, since the sync keeps what the add stored while the bytes stay the same. A feed's
// UTF-8 that its site encoded twice is mended here too (double-encoded-utf8.ts).
import { decodeText, type TextKind } from './charset';
import type { CutBody } from './decompress';
import { withoutDoubleEncodedUtf8 } from './double-encoded-utf8';
import { withoutUndeclaredGzip } from './inflate';

/**
 * How far into a body its root element is looked for: a BOM, white space, an XML declaration,
 * a stylesheet instruction and a generator's comment come before it in real feeds.
 */
const ROOT_WINDOW = 1024;
/**
 * A feed's root element (RSS, Atom, RDF), after what may come before it (RSS 0.91's DOCTYPE too). A feed served as
 * text/html (a misconfigured server, a CMS that types every answer as a page) is still a feed:
 * its encoding is in its XML declaration, not in a <meta>, and read as a page the declaration
 * was never looked at ("Новости" came out "Íîâîñòè" at Add feed, and stayed, as the sync keeps
 * the add's text while the bytes are the same).
 */
const FEED_ROOT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)[\s>]/i;
const UTF8_BOM = /^\uFEFF|^\xEF\xBB\xBF/;
/**
 * How far past what a server printed before the feed its start is looked for: PHP's warnings and
 * notices (with display_errors on), a database error block, the blank lines a closing ?> left in
 * an include and the BOM an editor saved one with are a few lines, not a page.
 */
const JUNK_WINDOW = 8192;
/** Where a feed starts after such text: its XML declaration (not a stylesheet's <?xml-stylesheet) or its root. */
const FEED_START = /<\?xml\s|<(?:rss|feed|rdf:RDF)[\s>]/i;
/** Markup only a page opens with: text before a feed that has any is a page that mentions one. */
const PAGE_MARK = /<(?:!doctype\s+html|html|head|body|meta|title|link|script|style)[\s>]/i;

/**
 * Where the feed in a body starts: 0 when its root comes first (after a BOM, white space, its
 * declaration, comments), the offset of its declaration or root when text a server printed comes
 * before (a PHP warning, blank lines, a BOM after them: the feed is read from there, its
 * declaration's charset then read as it is at the start of a feed), or -1 for no feed.
 */
function feedStart(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, JUNK_WINDOW)).toString('latin1');
  if (FEED_ROOT.test(head.slice(0, ROOT_WINDOW).replace(UTF8_BOM, ''))) return 0;
  const at = head.search(FEED_START);
  return at > 0 && !PAGE_MARK.test(head.slice(0, at)) && FEED_ROOT.test(head.slice(at)) ? at : -1;
}

/**
 * The kind of text document a body is (JSON by its type, a feed by its root element, else a page
 * by its type, else XML) and where its text starts: past what a server printed before a feed.
 */
function documentStart(contentType: string | null, bytes: Uint8Array): { kind: Extract<TextKind, 'json' | 'html' | 'xml'>; at: number } {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json')) return { kind: 'json', at: 0 };
  const at = feedStart(bytes);
  if (at >= 0) return { kind: 'xml', at };
  return { kind: type.includes('html') ? 'html' : 'xml', at: 0 };
}

/** The body as text (see the file's comment). Throws the client's own errors (too large, not decodable, cut short as `cut` says). */
export function documentText(body: Uint8Array, contentType: string | null, maxBytes: number, url: string, cut: CutBody): string {
  const bytes = withoutUndeclaredGzip(body, maxBytes, url, cut);
  const { kind, at } = documentStart(contentType, bytes);
  const text = decodeText(at > 0 ? bytes.subarray(at) : bytes, contentType, kind);
  // A feed's text only: a page's is the extraction's, and a feed shown in a page is read as one later.
  return kind === 'html' ? text : withoutDoubleEncodedUtf8(text);
}
