// Files an article's link may be instead of a web page, as real servers send them, written here:
// a one-page PDF, an RFC-style memo in plain text, an MP3 episode streamed in frames.
import type http from 'node:http';

/** A valid one-page PDF 1.4 whose page says `line`; its cross-reference table is counted from the
 *  bytes. `padding`: bytes of an unused stream it carries besides (a report's size, its scans). */
export function makePdf(line: string, padding = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    streamObject(`BT /F1 18 Tf 72 770 Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...(padding > 0 ? [streamObject(' '.repeat(padding))] : []),
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

/** A memo laid out as the RFC Editor lays its plain-text RFCs: a two-column header, centred title,
 *  indented paragraphs, a table of contents with dot leaders, pages ended by form feeds. */
export const RFC_LIKE_MEMO = [
  'Independent Submission                                        H. Marlow',
  'Request for Comments: 9999                               Tidewater Labs',
  'Category: Informational                                      April 2026',
  '',
  '',
  '              Harbour Tide Tables Exchanged as Plain Text',
  '',
  'Abstract',
  '',
  '   This memo describes a plain-text layout for exchanging tide tables',
  '   between harbour offices, so that a table printed on one office\'s',
  '   printer reads the same on another\'s.',
  '',
  'Table of Contents',
  '',
  '   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .   2',
  '   2.  Table Layout . . . . . . . . . . . . . . . . . . . . . . . .   2',
  '   3.  Security Considerations. . . . . . . . . . . . . . . . . . .   3',
  '',
  '   +--------+-------+--------+',
  '   | Time   | Level | Trend  |',
  '   +--------+-------+--------+',
  '   | 06:12  | 4.1 m | rising |',
  '   +--------+-------+--------+',
  '',
  'Marlow                        Informational                     [Page 1]',
  '\f',
].join('\n');

/** An MP3 frame header: MPEG-1 layer III, 128 kbit/s, 44.1 kHz, then a frame's worth of bytes. */
const MP3_FRAME = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0x55)]);
/** An ID3v2.4 tag of ten bytes with no frames, as a podcast host's files start. */
const ID3_TAG = Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1');

export interface StreamedEpisode {
  /** Bytes the server handed to the connection before it closed. */
  sent: number;
  /** Whether the server got to write the whole episode. */
  finished: boolean;
  /** Settles when the server's response is done or cut off. */
  readonly closed: Promise<void>;
}

/**
 * Serves an episode of `bytes` made of MP3 frames (behind an ID3 tag when `tagged`), in 64 KB
 * writes as the connection takes them; the headers are the caller's (a type, or none; a length or
 * chunked). The result tells how much the server wrote.
 */
export function streamEpisode(res: http.ServerResponse, bytes: number, headers: Record<string, string>, tagged: boolean): StreamedEpisode {
  let closed!: () => void;
  const episode: StreamedEpisode = { sent: 0, finished: false, closed: new Promise((resolve) => (closed = resolve)) };
  const frames = Buffer.concat(Array.from({ length: Math.ceil((64 * 1024) / MP3_FRAME.length) }, () => MP3_FRAME));
  res.writeHead(200, headers);
  res.on('close', () => {
    episode.finished = res.writableFinished;
    closed();
  });
  const pump = (): void => {
    while (!res.destroyed && episode.sent < bytes) {
      const chunk = episode.sent === 0 && tagged ? Buffer.concat([ID3_TAG, frames]) : frames;
      const part = chunk.subarray(0, bytes - episode.sent);
      episode.sent += part.length;
      if (!res.write(part)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
  return episode;
}
