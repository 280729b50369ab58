// A fetched feed-or-page body as text: the gzip its headers did not declare taken off, then
// decoded as the kind of document it is (JSON, a feed's XML or an HTML page), judged by its
// Content-Type and its first bytes. One rule for the sync's feeds (workers/tasks.ts) and for Add
// feed's fetches (subscriptions/fetch-text.ts): a feed must read the same when it is added as at
// every sync, since the sync keeps what the add stored while the bytes stay the same.
import { decodeText, type TextKind } from './charset';
import type { CutBody } from './decompress';
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

/** The kind of text document a body is: JSON by its type, a feed by its root element, else a page by its type, else XML. */
export function documentKind(contentType: string | null, bytes: Uint8Array): Extract<TextKind, 'json' | 'html' | 'xml'> {
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('json')) return 'json';
  if (!type.includes('html')) return 'xml';
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, ROOT_WINDOW)).toString('latin1').replace(UTF8_BOM, '');
  return FEED_ROOT.test(start) ? 'xml' : 'html';
}

/** The body as text (see the file's comment). Throws the client's own errors (too large, not decodable, cut short as `cut` says). */
export function documentText(body: Uint8Array, contentType: string | null, maxBytes: number, url: string, cut: CutBody): string {
  const bytes = withoutUndeclaredGzip(body, maxBytes, url, cut);
  return decodeText(bytes, contentType, documentKind(contentType, bytes));
}
