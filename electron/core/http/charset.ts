// Bytes to text for feeds and pages. Which encoding, in the order real parsers use: a byte order
// mark; the charset in the Content-Type; the document's own declaration (<?xml encoding>, <meta
// charset>), read once the bytes are known to be ASCII-compatible (UTF-16/32 markup without a BOM
// is recognised from its first character first, whatever its header says); else sniffing: UTF-8 when the bytes are valid
// UTF-8, windows-1252 when they are not (what an unlabelled legacy page almost always is).
//
// The header loses to the declaration only when the bytes contradict it (feedparser's fallback):
// a server-wide default (PHP's default_charset=UTF-8, nginx's `charset` on text/xml) labels a
// document it did not write. UTF-8 in the header over bytes that are not UTF-8 reads as the
// declared legacy charset, or as sniffed when the document declares none (and a declared UTF-8
// with no charset in the header over such bytes reads as sniffed too); a legacy charset in
// the header over bytes that are non-ASCII UTF-8 reads as UTF-8 when the document says UTF-8.
// A UTF-16 or UTF-32 header over markup without a zero byte (its ASCII would have them), or over
// plain text that is UTF-8 without one (a .txt under its server's UTF-16 label), is dropped. A latin1 header (a server's default) over a document that declares another legacy
// charset reads as declared when the bytes read in it cleanly. Any other disagreement keeps the
// header (a template's stale "UTF-8" over bytes the server labels right is the common case). Bytes are UTF-8 when they hold many well-formed multi-byte
// sequences and few broken ones: one stray windows-1252 quote pasted into a UTF-8 page is one
// U+FFFD (as browsers show it), not a reason to read the whole page as the legacy charset a stale
// template declares. With no charset in the header, or a latin1 one (a server's default), a
// declared latin1 or no declaration over bytes that are non-ASCII UTF-8 reads as UTF-8: the
// declaration is a template's, left from when it was written, and latin1 text is never valid
// UTF-8 beyond ASCII (it would take "Ã¼" written on purpose).
//
// Sniffing knows the CJK multi-byte charsets too (Shift_JIS, EUC-JP, GBK, Big5, EUC-KR), as
// browsers' detectors do: the one that decodes the bytes without errors into the characters its
// language uses most wins (cjkEncoding).
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

/**
 * The declaration's label, the declaration maybe after comments: XML wants it first, but a cache
 * or CMS plugin prints its "<!-- generated in 0.12 s -->" above it, and readers still take the
 * label (a Greek feed's windows-1253 read as windows-1252 came out "ÅéäÞóåéò"). Each comment ends
 * at its first '-->'. In any case: "encoding" as the HTML standard's XML-encoding sniffing reads
 * it, and <?XML as feedparser does (old ASP and Perl templates write it; libxml2 and browsers take
 * no label from it, and read a windows-1251 feed as "Íîâîñòè"). The label must be quoted, as for
 * all of them: encoding=windows-1251 or typographic quotes name nothing.
 */
const XML_DECLARATION = /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)/i;
/** The declaration (after any comments, as XML_DECLARATION) up to its label ($1) and the label itself ($3). */
const XML_ENCODING_LABEL = /^(\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])([^"']*)\2/i;
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
const UTF16_OR_32 = /^utf-(16|32)/;
/** The start of a document, where its XML declaration is looked for. */
const DECLARATION_BYTES = 1024;
/** WHATWG names iconv-lite spells differently, or decodes less of: WHATWG's gbk decoder is gb18030's,
 *  which reads the four-byte sequences (U+20000 and beyond) that iconv-lite's gbk turns into U+FFFD. */
const ICONV_NAMES: Readonly<Record<string, string>> = { 'x-mac-cyrillic': 'maccyrillic', gbk: 'gb18030' };
/** Decoded by TextDecoder: Unicode (correct in Node) and the few labels iconv-lite lacks (iso-2022-jp). */
const NATIVE = new Set(['utf-8', 'utf-16le', 'utf-16be']);

export function decodeText(body: Buffer, contentType: string | null, kind: TextKind): string {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => body[i] === byte));
  const header = canonical(headerCharset(contentType), body);
  const rest = body.subarray(bom?.bytes.length ?? 0);
  // JSON is UTF-8 (RFC 8259), whatever a server's default charset says ("text/plain;
  // charset=ISO-8859-1" read a JSON Feed's "Crème" as "CrÃ¨me"); a feed may be JSON by its
  // first character alone. A JSON type says so for the whole body, whatever opens it: a JSONP
  // call or an anti-hijacking guard (")]}',") comes before the brace, and its type's charset is
  // as much a default (application/json defines no charset parameter at all). Bytes that are no
  // UTF-8 at all follow the header still.
  const json = (kind === 'json' || (kind === 'xml' && opensJson(rest))) && utf8Verdict(rest) !== 'invalid';
  const encoding =
    bom?.encoding ?? (json ? 'utf-8' : kind === 'xml' || kind === 'html' ? markupEncoding(body, header, kind) : plainTextEncoding(rest, header));
  let text = encoding === null ? sniffed(rest) : decodeAs(rest, encoding);
  if (encoding === 'utf-8' && bom === undefined && text.includes('\uFFFD') && onlyOneLabelSaysUtf8(body, header, kind) && utf8Verdict(rest) === 'invalid') {
    text = sniffed(rest);
  }
  return kind === 'xml' ? withoutEncodingLabel(text) : text;
}

/**
 * Whether UTF-8, which the bytes are not, was named by one label alone: the header, with the
 * document declaring nothing, or the document's declaration, with no charset in the header. A
 * server's default (PHP's default_charset, nginx's `charset`) labels a legacy file it did not
 * write, and a template's <?xml encoding="UTF-8"?> tops text a legacy database still holds in
 * latin1; either way the bytes are read as they are (sniffed: windows-1252, or the CJK charset
 * they read best in, feedparser's fallback too) rather than as UTF-8 with a U+FFFD for each
 * accented letter, curly quote or kanji. Where header and document both say UTF-8, it stays.
 */
function onlyOneLabelSaysUtf8(body: Buffer, header: string | null, kind: TextKind): boolean {
  if (header === null) return true;
  return header === 'utf-8' && ((kind !== 'xml' && kind !== 'html') || declaredCharset(body, kind) === null);
}

/**
 * A plain text's encoding: the header's, as browsers read it (after the BOM), except a UTF-16 or
 * UTF-32 label over bytes that cannot be that and are UTF-8. A server that labels its .txt files
 * UTF-16 (IIS's and Apache's per-type defaults set once for a Windows export, a framework's
 * "unicode") serves the UTF-8 files beside them under the same label, and read as labelled every
 * pair of letters became one CJK character. Text in UTF-16 has a zero byte for each character of
 * ASCII it holds (its line ends, spaces, digits) and is almost never valid UTF-8 past ASCII; bytes
 * with no zero in their start that are UTF-8 are read as if unlabelled (sniffed, so UTF-8).
 */
function plainTextEncoding(bytes: Buffer, header: string | null): string | null {
  if (header === null || !UTF16_OR_32.test(header)) return header;
  return !bytes.subarray(0, DECLARATION_BYTES).includes(0) && utf8Verdict(bytes) !== 'invalid' ? null : header;
}

/** The header's charset unless the bytes contradict it (see the header comment), else unmarked Unicode or the declaration. */
function markupEncoding(body: Buffer, labelled: string | null, kind: 'xml' | 'html'): string | null {
  // Markup's first '<' as UTF-16 or UTF-32 code units names its encoding, byte order and width
  // included, more surely than any label: a server's default (charset=utf-8, iso-8859-1) over a
  // .NET or Windows export read every other character as a NUL, and "charset=utf-16" (UTF-16LE to
  // browsers) over big-endian bytes read "<rss" as CJK, so the feed was "binary data" or nonsense.
  const unicode = unicodeMarkup(body);
  if (unicode !== null) return unicode;
  // UTF-16 or UTF-32 in the header over markup with no zero byte in its start cannot be right:
  // markup's ASCII would be half zeros (three quarters in UTF-32). It is a server's slip (a
  // UTF-8 feed labelled after its database column or a framework's default), and read as
  // labelled the whole feed came out as CJK nonsense; read as if the header named no charset,
  // the document's declaration, or sniffing, decides.
  const header = labelled !== null && UTF16_OR_32.test(labelled) && !body.subarray(0, DECLARATION_BYTES).includes(0) ? null : labelled;
  const declared = canonical(declaredCharset(body, kind), body, true);
  // A template's stale declaration with no header to say otherwise: a feed or page saved as UTF-8
  // under the <?xml encoding="ISO-8859-1"?> it was first written with read "Graubünden" as
  // "GraubÃ¼nden". Bytes that are valid UTF-8 with letters beyond ASCII are, in practice, never
  // Latin-1 text (it would take "Ã¼" written on purpose).
  if (header === null && declared === 'windows-1252' && utf8Verdict(body) === 'non-ascii') return 'utf-8';
  // The same bytes under a server's default latin1 label (Apache's AddDefaultCharset ISO-8859-1, a
  // Java servlet container's ISO-8859-1 for a type its application named without a charset),
  // which labels a document it did not write: each "ü" read as "Ã¼" otherwise.
  if (header === 'windows-1252' && (declared === null || declared === 'windows-1252') && utf8Verdict(body) === 'non-ascii') return 'utf-8';
  // That default over a document that names a charset of its own (a Japanese blog's Shift_JIS or
  // EUC-JP, a Russian site's windows-1251): its author chose the declaration, the server chose
  // nothing, and read as latin1 every letter came out as "Š™‘q". The declaration is taken when
  // the bytes read in it without a fault.
  if (header === 'windows-1252' && declared !== null && declared !== 'utf-8' && declared !== header && readsWithoutFault(body, declared)) return declared;
  if (header === null || declared === null || declared === header) return header ?? declared;
  if (header === 'utf-8') return utf8Verdict(body) === 'invalid' ? declared : header;
  if (declared === 'utf-8' && !UNICODE.test(header) && utf8Verdict(body) === 'non-ascii') return declared;
  return header;
}

/** Whether the bytes open as JSON does, with an object or array after any white space. */
function opensJson(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

/**
 * Whether the bytes are UTF-8 with something beyond ASCII in them: 'non-ascii' also when a few
 * stray bytes break it (mostlyUtf8). A sequence cut off at the very end (a truncated download)
 * does not count against them: stream mode holds it back.
 */
function utf8Verdict(bytes: Buffer): 'ascii' | 'non-ascii' | 'invalid' {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    // Each non-ASCII character takes more bytes than UTF-16 units.
    return text.length < bytes.length ? 'non-ascii' : 'ascii';
  } catch {
    return mostlyUtf8(bytes) ? 'non-ascii' : 'invalid';
  }
}

/**
 * Well-formed multi-byte sequences per broken one above which bytes that are not quite UTF-8 are
 * UTF-8 with stray bytes. Legacy text forms such sequences only by chance: Latin and Cyrillic
 * charsets almost never (an accented capital before a symbol), the CJK multi-byte ones at most
 * about one for every two and a half broken ones (EUC-JP, whose bytes share UTF-8's range).
 */
const UTF8_MAJORITY = 4;

/** UTF-8 broken in a few places (see UTF8_MAJORITY): many well-formed multi-byte sequences, few broken ones. */
function mostlyUtf8(bytes: Buffer): boolean {
  const { sequences, broken } = utf8Sequences(bytes);
  return sequences >= UTF8_MAJORITY * broken;
}

/**
 * The multi-byte sequences in the bytes, as UTF-8's decoder reads them (WHATWG's maximal
 * subparts): well-formed ones, and broken ones (a byte that cannot start one, or one cut short by
 * a byte that does not continue it; one cut by the end of the bytes is a truncated download).
 */
function utf8Sequences(bytes: Buffer): { sequences: number; broken: number } {
  let sequences = 0;
  let broken = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let read = 1;
    while (read < length && i + read < bytes.length) {
      const byte = bytes[i + read]!;
      if (read === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) break;
      read++;
    }
    if (read === length && length > 1) sequences++;
    else if (i + read < bytes.length) broken++;
    i += read;
  }
  return { sequences, broken };
}

/** Whether the bytes decode in the encoding with no undecodable sequence. */
function readsWithoutFault(bytes: Buffer, encoding: string): boolean {
  return !decodeAs(bytes, encoding).includes('\uFFFD');
}

function decodeAs(bytes: Buffer, encoding: string): string {
  // ignoreBOM: the BOM is cut off above, so a U+FEFF left at the start is content.
  if (NATIVE.has(encoding) || !iconv().encodingExists(ICONV_NAMES[encoding] ?? encoding)) {
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  }
  return iconv().decode(bytes, ICONV_NAMES[encoding] ?? encoding, { stripBOM: false });
}

/**
 * No label anywhere: UTF-8 when the bytes are valid UTF-8 (decoded once) or nearly so, else the
 * CJK multi-byte charset they read best in, else windows-1252.
 */
function sniffed(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (mostlyUtf8(bytes)) return decodeAs(bytes, 'utf-8');
    return iconv().decode(bytes, cjkEncoding(bytes) ?? 'windows-1252');
  }
}

/**
 * The characters each CJK language writes most, for cjkEncoding: bytes in the right charset
 * decode to many of them, bytes in another to rarely used characters that happen to sit there.
 * Japanese also writes kana on nearly every line (hiragana's particles, katakana's loan words).
 */
const JAPANESE_KANJI = '日本人年大中国出会時事新東京生上下分行者月間前後自社子長見高明手思言気市地方発表政府業用合同内理最全体部今円小目情報開関米学問題一二三十百千万物食家店写真話語電車駅道場所作品使動通連続選議員党首相外務省';
const SIMPLIFIED_CHINESE =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展科司五基书非则听白界达光放强即像难且权思王象完设式色路记南品住告类求据程北边该交规万取格望觉术领共确传师观清今切院让识带导争运改收根干造言联持组每济车亲极林服快办议往元英证近转令准布始';
const TRADITIONAL_CHINESE =
  '的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心本前開但因只從想實日者意無力與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應向頭文體政美相見被利什二等產或新己制身果加西月話合回特代內信表化老給世位次度門任常先海通教原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直資命山金指許統區保至隊形社便空決治展科司五基書非則聽白界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊該交規萬取格望覺術領共確傳師觀清今切院讓識帶導爭運改收根幹造言聯持組每濟車親極林服快辦議往元英證近轉令準布始臺灣';
const KOREAN =
  '이다의는에하고을가지기서로한사를은대도리나게자어시수인아으일해들장적만제주정전상부보국있그것라여원과면위동성관무소오구경생와내요할신공화비마문회발개중결세였했었된되학말년며습니까등분및통더모방현본실연데운행용거미후물식진조명간없저선안날때터단당알번님합감람민업호음영강계유특출작체치건법지역점산질차반복확설금외교';
/** Japanese kana: hiragana and katakana. */
const KANA = '\\u3041-\\u30ff';

interface CjkLanguage {
  readonly encodings: readonly string[];
  /** Matches each of the language's most written characters. */
  readonly common: RegExp;
}

/** A language's most written characters as one character class: counted natively, not one test per character. */
function commonCharacters(characters: string, ranges = ''): RegExp {
  return new RegExp(`[${characters}${ranges}]`, 'gu');
}

const CJK_LANGUAGES: readonly CjkLanguage[] = [
  { encodings: ['shift_jis', 'euc-jp'], common: commonCharacters(JAPANESE_KANJI, KANA) },
  // gb18030 decodes GBK and GB2312 too (WHATWG's gbk is gb18030's decoder).
  { encodings: ['gb18030'], common: commonCharacters(SIMPLIFIED_CHINESE) },
  { encodings: ['big5'], common: commonCharacters(TRADITIONAL_CHINESE) },
  { encodings: ['euc-kr'], common: commonCharacters(KOREAN) },
];
const NON_ASCII_LETTER = /(?![\0-\x7f])\p{L}/gu;
const UNDECODABLE = /\ufffd/g;

/** How much of the text read in a charset must be its language's common characters: wrong charsets give under a third, right ones over a half. */
const CJK_COMMON_SHARE = 0.4;
/** Letters read per undecodable sequence below which a charset is not the bytes' (a stray byte or two in a page is allowed). */
const CJK_LETTERS_PER_ERROR = 20;
/** Enough letters to judge by; fewer, and the page is windows-1252 as before. */
const CJK_MIN_LETTERS = 8;
/** The bytes judged, from the first non-ASCII one: the text of a page, past the ASCII of its head. */
const CJK_SAMPLE = 64 * 1024;

/** The CJK multi-byte charset the bytes read best in, or null when none reads as a CJK language. */
function cjkEncoding(bytes: Buffer): string | null {
  const start = bytes.findIndex((byte) => byte >= 0x80);
  if (start < 0) return null;
  const sample = bytes.subarray(start, start + CJK_SAMPLE);
  let best: { encoding: string; share: number } | null = null;
  for (const language of CJK_LANGUAGES) {
    for (const encoding of language.encodings) {
      const share = commonShare(iconv().decode(sample, encoding), language);
      if (share >= CJK_COMMON_SHARE && (best === null || share > best.share)) best = { encoding, share };
    }
  }
  return best?.encoding ?? null;
}

/** The share of the text's letters its language writes most; 0 when the text holds too many undecodable sequences or too few letters. */
function commonShare(text: string, language: CjkLanguage): number {
  const letters = count(text, NON_ASCII_LETTER);
  if (letters < CJK_MIN_LETTERS || count(text, UNDECODABLE) * CJK_LETTERS_PER_ERROR > letters) return 0;
  return count(text, language.common) / letters;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function headerCharset(contentType: string | null): string | null {
  return contentType?.match(/;\s*charset\s*=\s*["']?\s*([^\s"';]+)/i)?.[1] ?? null;
}

/** The declaration is read as ASCII; it sits in the first 1024 bytes (XML) or the page's head (HTML). */
function declaredCharset(body: Buffer, kind: 'xml' | 'html'): string | null {
  if (kind === 'xml') return body.subarray(0, DECLARATION_BYTES).toString('latin1').match(XML_DECLARATION)?.[1] ?? null;
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
