// Bytes to text for feeds and pages. Which encoding, in order: a byte order mark; the charset in
// the Content-Type; the bytes of UTF-16 markup without a BOM; the document's own declaration
// (<?xml encoding>, <meta charset>); else UTF-8. Decoding is Node's TextDecoder (full ICU, WHATWG
// labels, so gb2312 reads as gbk and iso-8859-1 as windows-1252, as in browsers); unknown labels
// fall back to UTF-8 and bad bytes become U+FFFD, never an exception.

export type TextKind = 'xml' | 'html' | 'json' | 'text';

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const XML_DECLARATION = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)/;
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

export function decodeText(body: Buffer, contentType: string | null, kind: TextKind): string {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => body[i] === byte));
  const encoding =
    bom?.encoding ??
    canonical(headerCharset(contentType)) ??
    (kind === 'xml' || kind === 'html' ? utf16Markup(body) ?? canonical(declaredCharset(body, kind), true) : null) ??
    'utf-8';
  // The BOM is cut off here and ignoreBOM keeps TextDecoder from eating a U+FEFF that is content.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(bom?.bytes.length ?? 0));
  return kind === 'xml' ? withoutEncodingLabel(text) : text;
}

function headerCharset(contentType: string | null): string | null {
  return contentType?.match(/;\s*charset\s*=\s*["']?\s*([^\s"';]+)/i)?.[1] ?? null;
}

/** The declaration is read as ASCII; it sits in the first 1024 bytes (XML) or the HTML prescan's window. */
function declaredCharset(body: Buffer, kind: 'xml' | 'html'): string | null {
  if (kind === 'xml') return body.subarray(0, 1024).toString('latin1').match(XML_DECLARATION)?.[1] ?? null;
  return body.subarray(0, 4096).toString('latin1').match(META_CHARSET)?.[1] ?? null;
}

/** `<` then an ASCII character, each as two bytes: UTF-16 markup whose writer left out the BOM. */
function utf16Markup(body: Buffer): string | null {
  const [a, b, c, d] = body;
  if (a === 0x3c && b === 0 && c !== undefined && c > 0 && c < 0x80 && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d !== undefined && d > 0 && d < 0x80) return 'utf-16be';
  return null;
}

/**
 * The WHATWG name for a label, or null when TextDecoder does not know it. A document that
 * declares UTF-16 in bytes we just read as ASCII is not UTF-16 (HTML's rule): read it as UTF-8.
 */
function canonical(label: string | null, inDocument = false): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    return inDocument && encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/**
 * The text is no longer in the encoding the declaration names. rss-parser (sax over a string)
 * ignores the label, but a consumer that trusts it (a parser fed the text as bytes again, a file
 * written as-is) would misread it, so the label goes and the declaration means UTF-8 again.
 */
function withoutEncodingLabel(xml: string): string {
  return xml.replace(/^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])[^"']*\2/, '$1');
}
