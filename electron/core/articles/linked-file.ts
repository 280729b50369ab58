// What an article's link serves when it is no web page. Hacker News, Lobsters and Reddit link PDFs,
// RFCs as plain text and i.redd.it pictures; podcast, government and research feeds link episodes,
// reports and archives; some link another feed. Read as HTML, a PDF became "page extraction
// failed" after megabytes of download. The server's Content-Type says what most are; the first
// bytes decide where it is missing, generic (application/octet-stream) or wrong (a PDF sent as
// text/html), as browsers sniff (WHATWG MIME Sniffing), and a page under a file's type (a login
// page sent as application/pdf) is still a page.
import type { LinkedFileKind } from '../../../shared/types';
import { sniffFeed } from '../feeds';
import { sizeLabel, startsAsGzip } from '../http';
import { sniffImageType } from './images';

export interface LinkedFile {
  readonly kind: LinkedFileKind;
  /** The server's Content-Type without its parameters; null when it named none. */
  readonly type: string | null;
  /** Its size, when known (a Content-Length, or the bytes read whole). */
  readonly bytes: number | null;
}

const SURE_WITHOUT_BYTES = new Set<LinkedFileKind>(['pdf', 'image', 'audio', 'video', 'archive', 'file']);

/** What the server's label alone says; 'generic' tells nothing (none, or octet-stream). */
type Label = LinkedFileKind | 'page' | 'generic' | 'markup';

const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'unknown/unknown', 'application/x-unknown', 'application/force-download', 'application/download', '*/*']);
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);
const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf', 'application/acrobat']);
const ARCHIVE_TYPES = new Set([
  'application/zip', 'application/x-zip-compressed', 'application/gzip', 'application/x-gzip', 'application/x-tar', 'application/x-bzip2',
  'application/x-xz', 'application/x-7z-compressed', 'application/x-rar-compressed', 'application/vnd.rar',
]);
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);
/** XML and JSON of any kind: a feed when its root says so, else read as the page it may be. */
const MARKUP_TYPES = new Set(['application/xml', 'text/xml', 'application/json', 'text/json']);

/**
 * What the link serves when it is no web page, from its Content-Type and its first bytes (`head`:
 * a kilobyte is enough; null when they are still compressed); null for a page, or for what may be
 * one (read as a page, as before). `bytes`: its size, when known.
 */
export function linkedFileOf(contentType: string | null, head: Buffer | null, bytes: number | null): LinkedFile | null {
  const type = contentType?.split(';', 1)[0]!.trim().toLowerCase() || null;
  const label = labelOf(type ?? '');
  const file = (kind: LinkedFileKind): LinkedFile => ({ kind, type, bytes });
  const labelled = label === 'page' || label === 'generic' || label === 'markup' ? null : label;
  // Compressed bytes tell nothing: the label decides where it is sure of a file; the rest is read
  // whole and asked again, decoded.
  if (head === null) return labelled !== null && SURE_WITHOUT_BYTES.has(labelled) && (labelled !== 'file' || documentName(type) !== null) ? file(labelled) : null;
  const text = head.toString('utf8');
  const markup = sniffFeed(text);
  // A server's file type over a page is its error or login page, sent with the file's headers. A
  // text/plain one is a server's default type over every file: a browser would show its source,
  // a reader wants the article.
  if (markup === 'html') return null;
  if (markup === 'rss' || markup === 'atom' || markup === 'rdf' || (markup === 'json' && (label === 'feed' || label === 'markup' || label === 'generic'))) return file('feed');
  const magic = magicKind(head);
  if (labelled !== null && labelled !== 'text') {
    // An Ogg or WebM file may hold sound alone or a film: the label knows which.
    return file(magic === 'audio' && labelled === 'video' ? 'video' : magic === 'video' && labelled === 'audio' ? 'audio' : labelled);
  }
  // Gzip under a page's or a text's label is that page compressed by a server that did not say so
  // (a precompressed file served without its Content-Encoding), no archive to download: read as
  // before, never shown as text.
  if (magic === 'archive' && (label === 'page' || label === 'text')) return null;
  if (magic !== null) return file(magic);
  if (label === 'text') return file('text');
  if (label !== 'generic') return null;
  if (looksLikeHtml(text)) return null;
  return file(hasBinaryBytes(head) ? 'file' : 'text');
}

function labelOf(type: string): Label {
  if (GENERIC.has(type)) return 'generic';
  if (PAGE_TYPES.has(type)) return 'page';
  if (TEXT_TYPES.has(type)) return 'text';
  if (PDF_TYPES.has(type)) return 'pdf';
  if (ARCHIVE_TYPES.has(type)) return 'archive';
  if (FEED_TYPES.has(type)) return 'feed';
  if (MARKUP_TYPES.has(type) || type.endsWith('+xml') || type.endsWith('+json')) return 'markup';
  if (type === 'application/ogg') return 'audio';
  const [major] = type.split('/', 1);
  if (major === 'image' || major === 'audio' || major === 'video') return major;
  // Other text (CSS, a calendar) was read as a page before, and still is.
  if (major === 'text') return 'page';
  return 'file';
}

/** The kind the first bytes are by their magic number, if they have one. */
function magicKind(head: Buffer): LinkedFileKind | null {
  const ascii = (start: number, end: number): string => head.toString('latin1', start, end);
  if (ascii(0, 5) === '%PDF-') return 'pdf';
  if (sniffImageType(head) !== null) return 'image';
  if (ascii(0, 3) === 'ID3' || ascii(0, 4) === 'fLaC' || ascii(0, 4) === 'OggS' || isMpegAudioFrame(head)) return 'audio';
  if (ascii(0, 4) === 'RIFF') return ascii(8, 12) === 'WAVE' ? 'audio' : ascii(8, 12) === 'AVI ' ? 'video' : null;
  // ISO-BMFF (MP4, M4A, MOV); an AVIF picture shares the box and was taken above.
  if (ascii(4, 8) === 'ftyp') return /^M4[ABP] $/.test(ascii(8, 12)) ? 'audio' : 'video';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'video'; // Matroska, WebM
  if (ascii(0, 4) === 'PK\x03\x04' || ascii(0, 4) === 'PK\x05\x06') return 'archive';
  if (head.length >= 3 && startsAsGzip(head)) return 'archive';
  if (ascii(0, 6) === '7z\xbc\xaf\x27\x1c' || ascii(0, 6) === 'Rar!\x1a\x07') return 'archive';
  return null;
}

/**
 * An MP3 or AAC file without a tag starts with a frame: eleven set bits, then fields with values
 * no frame has. MPEG layers II and III only (layer I is all but unused, and its bits are those of
 * a UTF-16 byte-order mark, FF FE); ADTS is AAC's frame.
 */
function isMpegAudioFrame(head: Buffer): boolean {
  if (head.length < 3 || head[0] !== 0xff) return false;
  const second = head[1]!;
  if ((second & 0xf6) === 0xf0) return true; // ADTS: MPEG-4 or -2 AAC, layer 00
  if ((second & 0xe0) !== 0xe0) return false;
  const version = (second >> 3) & 3;
  const layer = (second >> 1) & 3;
  const bitrate = head[2]! >> 4;
  const sampleRate = (head[2]! >> 2) & 3;
  return version !== 1 && (layer === 1 || layer === 2) && bitrate !== 15 && sampleRate !== 3;
}

// The tags WHATWG's sniffing takes for HTML, anywhere in the first bytes: a page may open with
// text, a server's warning or a stray byte before them.
const HTML_TAG = /<(?:!doctype\s+html|html|head|body|meta|title|script|style|iframe|div|p|br|table|h[1-6]|a|b|font|!--)[\s>/]/i;

function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

/** WHATWG's binary data bytes: controls no text holds (a form feed and an escape are text's). */
function hasBinaryBytes(head: Buffer): boolean {
  // A UTF-16 text has a zero in every other byte; its byte-order mark says so.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.some((byte) => byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f));
}

const WHAT: Record<Exclude<LinkedFileKind, 'text' | 'file'>, string> = {
  pdf: 'a PDF document',
  image: 'a picture',
  audio: 'an audio file',
  video: 'a video',
  archive: 'a compressed archive',
  feed: 'another feed',
};

/** Documents by their type, where "a file" would tell less than a reader knows. */
const DOCUMENTS: Readonly<Record<string, string>> = {
  'application/msword': 'a Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'application/vnd.oasis.opendocument.text': 'a text document',
  'application/vnd.ms-excel': 'a spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'a spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'a spreadsheet',
  'application/vnd.ms-powerpoint': 'a slide presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'a slide presentation',
  'application/epub+zip': 'an e-book',
};

function documentName(type: string | null): string | null {
  return type !== null && Object.hasOwn(DOCUMENTS, type) ? DOCUMENTS[type]! : null;
}

/**
 * What the article's note says of a link that is no page, as FullTextNote shows it (a clause; the
 * reader makes it a sentence): "the link is a PDF document (2.4 MB), not a web page: the feed's
 * text is shown". `feedHasText`: whether there is a feed's text to show.
 */
export function linkedFileNote(file: LinkedFile, feedHasText: boolean): string {
  const rest = feedHasText ? ": the feed's text is shown" : ', and the feed has no text for it';
  return `the link is ${linkedFileName(file)}, not a web page${rest}`;
}

/** What the file is, in the note's words: "a PDF document (2.4 MB)". */
export function linkedFileName(file: LinkedFile): string {
  // A download's size tells what following the link costs; a feed's or a text's tells nothing.
  const size = file.bytes !== null && file.bytes > 0 && file.kind !== 'feed' && file.kind !== 'text' ? ` (${sizeLabel(file.bytes)})` : '';
  const what = file.kind === 'text' ? 'a text file' : file.kind === 'file' ? documentName(file.type) ?? 'a file to download' : WHAT[file.kind];
  return `${what}${size}`;
}
