// A plain-text file as an article's copy (an RFC, a README, a mailing list's post): paragraphs at
// its blank lines, its line breaks kept, its addresses links. Text laid out in columns (an RFC's
// header, its table of contents, tables and diagrams drawn in characters) keeps its layout in a
// fixed-width block instead: reflowed, its columns would run into each other.
import { escapeHtml, textToHtml } from '../feeds';

/** Lines set out in columns: words apart by a run of spaces, a drawn rule or box edge, a table of
 *  contents' dot leaders before a page number. */
const COLUMNED_LINE = /\S {3,}\S|^\s*[+|][-=+|]{3,}|[-=]{3,}\+|\.{4,}\s*\d+\s*$/;
/** Share of its lines (and at least this many) past which a text is laid out, not written in paragraphs. */
const COLUMNED_SHARE = 0.05;
const COLUMNED_LINES = 3;

/** The text as HTML for the sanitizer. */
export function plainTextHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n');
  // A form feed is a printed page's end (an RFC's): a line break on screen.
  if (lines.includes('\f') || isLaidOut(lines)) return `<pre>${escapeHtml(lines.replace(/\f/g, '\n').replace(/^\n+|\s+$/g, ''))}</pre>`;
  return textToHtml(lines, { links: true });
}

function isLaidOut(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const columned = lines.filter((line) => COLUMNED_LINE.test(line)).length;
  return columned >= COLUMNED_LINES && columned >= lines.length * COLUMNED_SHARE;
}
