// A plain-text RFC as the RFC Editor publishes it, written here: 72 columns, a two-column
// header, a table of contents with dot leaders, a packet diagram drawn in characters, and pages
// ended by a footer, a form feed and the next page's header. Its longest lines fill all 72.

const PAGE_WIDTH = 72;

/** The running footer and header between two printed pages, as xml2rfc writes them. */
function pageBreak(page: number): string[] {
  const footer = `Marlow & Okafor${' '.repeat(12)}Standards Track${' '.repeat(18)}[Page ${page}]`;
  const header = `RFC 9876${' '.repeat(16)}Tide Table Exchange Format${' '.repeat(12)}March 2026`;
  return ['', footer.padEnd(PAGE_WIDTH), `\f${header}`, ''];
}

const LINES = [
  'Internet Engineering Task Force (IETF)                         H. Marlow',
  'Request for Comments: 9876                                Tidewater Labs',
  'Category: Standards Track                                     A. Okafor',
  'ISSN: 2070-1721                                      Port of Lagos Trust',
  '                                                              March 2026',
  '',
  '',
  '                   The Tide Table Exchange Format (TTEF)',
  '',
  'Abstract',
  '',
  '   This document specifies the Tide Table Exchange Format (TTEF), a',
  '   compact binary framing for tide predictions exchanged between harbour',
  '   offices over constrained links.  It obsoletes the informal plain-text',
  '   tables used since the 1970s.',
  '',
  'Status of This Memo',
  '',
  '   This is an Internet Standards Track document.',
  '',
  'Table of Contents',
  '',
  '   1.  Introduction  . . . . . . . . . . . . . . . . . . . . . . . .   2',
  '   2.  Conventions and Definitions . . . . . . . . . . . . . . . . .   2',
  '   3.  Frame Format  . . . . . . . . . . . . . . . . . . . . . . . .   3',
  '     3.1.  Header Fields . . . . . . . . . . . . . . . . . . . . . .   3',
  '   4.  Security Considerations . . . . . . . . . . . . . . . . . . .   4',
  '   5.  IANA Considerations . . . . . . . . . . . . . . . . . . . . .   4',
  ...pageBreak(1),
  '1.  Introduction',
  '',
  '   Harbour offices have exchanged tide predictions as printed tables for',
  '   as long as there have been harbour offices.  A table faxed from one',
  '   office to the next is read by a person; a table sent to a buoy is',
  '   read by a program, and programs read columns badly.',
  '',
  '2.  Conventions and Definitions',
  '',
  '   The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",',
  '   "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and',
  '   "OPTIONAL" in this document are to be interpreted as described in',
  '   BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all',
  '   capitals, as shown here.',
  ...pageBreak(2),
  '3.  Frame Format',
  '',
  '   Every TTEF frame starts with the following header:',
  '',
  '    0                   1                   2                   3',
  '    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1',
  '   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+',
  '   |Version|  Kind |    Station Count    |       Reserved          |',
  '   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+',
  '   |                    Epoch (seconds since 1970)                 |',
  '   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+',
  '',
  '                       Figure 1: TTEF Frame Header',
  '',
  '3.1.  Header Fields',
  '',
  '   Version:  4 bits.  The version of this format.  This document',
  '      specifies version 1.  A receiver MUST discard a frame whose',
  '      version it does not implement.',
  '',
  '   +==========+=======+===========+====================================+',
  '   | Kind     | Value | Reference | Meaning                            |',
  '   +==========+=======+===========+====================================+',
  '   | HIGH     | 0x1   | RFC 9876  | A predicted high water, in metres  |',
  '   +----------+-------+-----------+------------------------------------+',
  '   | LOW      | 0x2   | RFC 9876  | A predicted low water, in metres   |',
  '   +----------+-------+-----------+------------------------------------+',
  ...pageBreak(3),
  '4.  Security Considerations',
  '',
  '   A forged prediction may ground a ship.  Frames SHOULD be carried over',
  '   an authenticated channel, such as TLS 1.3 [RFC8446].',
  '',
  '5.  IANA Considerations',
  '',
  '   IANA has created the "TTEF Kinds" registry (Table 1).',
];

/** The whole RFC, its lines ended as the RFC Editor's files end them. */
export const RFC_TEXT = `${LINES.join('\n')}\n`;

/** The widest line, in characters: what the reader has to fit. */
export const RFC_COLUMNS = Math.max(...LINES.map((line) => line.replace('\f', '').length));
