// Bytes to text for feeds and pages. Which encoding, in the order real parsers use: a byte order
// mark; the charset in the Content-Type; the document's own declaration (<?xml encoding>, <meta
// charset>), read once the bytes are known to be ASCII-compatible (UTF-16/32 markup without a BOM
// is recognised from its first character first); else sniffing: UTF-8 when the bytes are valid
// UTF-8, windows-1252 when they are not (what an unlabelled legacy page almost always is).
//
// The header loses to the declaration only when the bytes contradict it (feedparser's fallback):
// a server-wide default (PHP's default_charset=UTF-8, nginx's `charset` on text/xml) labels a
// document it did not write. UTF-8 in the header over bytes that are not UTF-8 reads as the
// declared legacy charset; a legacy charset in the header over bytes that are valid, non-ASCII
// UTF-8 reads as UTF-8 when the document says UTF-8. Any other disagreement keeps the header (a
// template's stale "UTF-8" over bytes the server labels right is the common case).
//
// Labels are resolved as browsers resolve them (WHATWG: gb2312 reads as gbk, iso-8859-1 and
// us-ascii as windows-1252), then decoded with iconv-lite: Node 20's TextDecoder turns
// windows-1252's 0x80-0x9F (smart quotes, dashes, euro) into C1 controls (nodejs/node#60888) and
// knows no UTF-32. An unknown label is skipped, never an error; bad bytes become U+FFFD.
// Loaded at the first decode (system/lazy-module.ts): a command that fetches nothing never needs it.
import type * as Iconv from 'iconv-lite';
import { lazyModule } from '../system/lazy-module';

const iconv = lazyModule<typeof Iconv>('iconv-lite');

export type TextKind = 'xml' | 'html' | 'json' | 'text';

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  // Before UTF-16LE, whose BOM is its first two bytes.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)/;
/** The declaration up to its label ($1) and the label itself ($3). */
const XML_ENCODING_LABEL = /^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])([^"']*)\2/;
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Where a <meta> charset is always looked for in an HTML page. */
const META_PRESCAN = 4096;
/**
 * How far the rest of a page's head is searched for it. Browsers re-decode when the parser meets a
 * late one; pages that put analytics scripts and inline critical CSS first push it well past the
 * prescan. The page's <body> ends the search sooner.
 */
const META_WINDOW = 64 * 1024;
const BODY_START = /<body[\s>]/i;
const UNICODE = /^utf-(8|16|32)/;
/** WHATWG names iconv-lite spells differently. */
const ICONV_NAMES: Readonly<Record<string, string>> = { 'x-mac-cyrillic': 'maccyrillic' };
/** Decoded by TextDecoder: Unicode (correct in Node) and the few labels iconv-lite lacks (iso-2022-jp). */
const NATIVE = new Set(['utf-8', 'utf-16le', 'utf-16be']);

export function decodeText(body: Buffer, contentType: string | null, kind: TextKind): string {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => body[i] === byte));
  const header = canonical(headerCharset(contentType), body);
  const encoding =
    bom?.encoding ?? (kind === 'xml' || kind === 'html' ? markupEncoding(body, header, kind) : header);
  const rest = body.subarray(bom?.bytes.length ?? 0);
  const text = encoding === null ? sniffed(rest) : decodeAs(rest, encoding);
  return kind === 'xml' ? withoutEncodingLabel(text) : text;
}

/** The header's charset unless the bytes contradict it (see the header comment), else unmarked Unicode or the declaration. */
function markupEncoding(body: Buffer, header: string | null, kind: 'xml' | 'html'): string | null {
  const unicode = unicodeMarkup(body);
  if (unicode !== null) return header ?? unicode;
  const declared = canonical(declaredCharset(body, kind), body, true);
  if (header === null || declared === null || declared === header) return header ?? declared;
  if (header === 'utf-8') return utf8Verdict(body) === 'invalid' ? declared : header;
  if (declared === 'utf-8' && !UNICODE.test(header) && utf8Verdict(body) === 'non-ascii') return declared;
  return header;
}

/**
 * Whether the bytes are UTF-8 with something beyond ASCII in them. A sequence cut off at the very
 * end (a truncated download) does not count against them: stream mode holds it back.
 */
function utf8Verdict(bytes: Buffer): 'ascii' | 'non-ascii' | 'invalid' {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    // Each non-ASCII character takes more bytes than UTF-16 units.
    return text.length < bytes.length ? 'non-ascii' : 'ascii';
  } catch {
    return 'invalid';
  }
}

function decodeAs(bytes: Buffer, encoding: string): string {
  // ignoreBOM: the BOM is cut off above, so a U+FEFF left at the start is content.
  if (NATIVE.has(encoding) || !iconv().encodingExists(ICONV_NAMES[encoding] ?? encoding)) {
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  }
  return iconv().decode(bytes, ICONV_NAMES[encoding] ?? encoding, { stripBOM: false });
}

/** No label anywhere: UTF-8 when the bytes are valid UTF-8 (decoded once), else windows-1252. */
function sniffed(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return iconv().decode(bytes, 'windows-1252');
  }
}

function headerCharset(contentType: string | null): string | null {
  return contentType?.match(/;\s*charset\s*=\s*["']?\s*([^\s"';]+)/i)?.[1] ?? null;
}

/** The declaration is read as ASCII; it sits in the first 1024 bytes (XML) or the page's head (HTML). */
function declaredCharset(body: Buffer, kind: 'xml' | 'html'): string | null {
  if (kind === 'xml') return body.subarray(0, 1024).toString('latin1').match(XML_DECLARATION)?.[1] ?? null;
  // Most pages declare it first thing in their head: the prescan finds it without reading 64 KB.
  const early = body.subarray(0, META_PRESCAN).toString('latin1').match(META_CHARSET)?.[1];
  if (early) return early;
  const start = body.subarray(0, META_WINDOW).toString('latin1');
  const bodyAt = start.search(BODY_START);
  const end = bodyAt < 0 ? start.length : Math.max(bodyAt, META_PRESCAN);
  return start.slice(0, end).match(META_CHARSET)?.[1] ?? null;
}

/** `<` then an ASCII character, as UTF-32 or UTF-16 code units: Unicode markup whose writer left out the BOM. */
function unicodeMarkup(body: Buffer): string | null {
  const [a, b, c, d] = body;
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c !== undefined && c > 0 && c < 0x80 && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d !== undefined && d > 0 && d < 0x80) return 'utf-16be';
  return null;
}

/**
 * The name to decode with, or null when neither WHATWG nor iconv-lite knows the label. A document
 * that declares UTF-16 or UTF-32 in bytes we just read as ASCII is not that (HTML's rule): UTF-8.
 */
function canonical(label: string | null, body: Buffer, inDocument = false): string | null {
  if (!label) return null;
  const encoding = whatwgName(label) ?? utf32Name(label, body) ?? (iconv().encodingExists(label) ? label.toLowerCase() : null);
  return inDocument && encoding !== null && UNICODE.test(encoding) ? 'utf-8' : encoding;
}

function whatwgName(label: string): string | null {
  try {
    const encoding = new TextDecoder(label).encoding;
    // 'replacement' is WHATWG's guard against labels (iso-2022-kr, hz-gb-2312) that hide markup: skip them.
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

/** UTF-32 has no WHATWG label; an unmarked "utf-32" is big-endian unless its bytes say otherwise. */
function utf32Name(label: string, body: Buffer): string | null {
  const match = /^(?:utf-?32|ucs-?4)(le|be)?$/i.exec(label.trim());
  if (!match) return null;
  if (match[1]) return `utf-32${match[1].toLowerCase()}`;
  return body[0] !== 0 && body[3] === 0 ? 'utf-32le' : 'utf-32be';
}

/**
 * The text is no longer in the encoding the declaration names. The XML parser (sax over a string)
 * ignores the label, but a consumer that trusts it (a parser fed the text as bytes again, a file
 * written as-is) would misread it, so the label goes and the declaration means UTF-8 again. A
 * label that says UTF-8 already (most feeds') stays: taking it out copied every such feed whole.
 */
function withoutEncodingLabel(xml: string): string {
  const label = XML_ENCODING_LABEL.exec(xml);
  if (!label || whatwgName(label[3]!.trim()) === 'utf-8') return xml;
  return label[1]! + xml.slice(label[0].length);
}
