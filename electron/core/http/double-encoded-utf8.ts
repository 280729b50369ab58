// UTF-8 that was encoded twice: a site whose database tables are latin1 but hold the UTF-8 bytes
// its pages sent (WordPress installs of before 2015, moved hosts), printed through a UTF-8
// connection, makes each byte of a letter a letter of its own: "Café" reads "CafÃ©", "d’hiver"
// "dâ€™hiver", "привет" "Ð¿Ñ€Ð¸Ð²ÐµÑ‚". Readers (ftfy, feedparser's users, browsers showing it
// do not) mend what is unambiguous: a run that is the windows-1252 spelling of one valid UTF-8
// character of two bytes (Latin, Greek, Cyrillic, Hebrew, Arabic letters), of general punctuation
// (’ “ ” – — … € from U+2000 to U+2FFF) or of a four-byte one (emoji). Legitimate text almost never
// has such a run: an accented capital or "â" followed by a symbol of the 0x80-0xBF row.
// The other three-byte characters (Chinese, Japanese, Korean, Indic scripts, full-width punctuation:
// "日本語" reads "æ—¥æœ¬èªž") are spelled by a small letter and two symbols, which French writes
// too: "café »" with its no-break space is é, U+00A0, » and reads as one valid character. They are
// mended only in a text that shows two such characters in a row somewhere ("æ—¥æœ¬"), which no
// Latin text does; then a lone one between digits ("2026å¹´12æœˆ") is mended too.
/** The windows-1252 characters that stand for the bytes 0x80-0xBF, a UTF-8 character's continuation bytes. */
const CONTINUATION = '[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]';
const LATIN_RUN = `[\\u00C2-\\u00DF]${CONTINUATION}|\\u00E2${CONTINUATION}{2}|\\u00F0${CONTINUATION}{3}`;
/** A three-byte character outside general punctuation (whose "â" LATIN_RUN mends anywhere, and whose pairs, "…”", Latin text has). */
const WIDE = `[\\u00E0\\u00E1\\u00E3-\\u00EF]${CONTINUATION}{2}`;
const DOUBLE_ENCODED = new RegExp(LATIN_RUN, 'g');
/** The same with the other three-byte characters, for a text that shows WIDE_PAIR. */
const DOUBLE_ENCODED_WIDE = new RegExp(`${LATIN_RUN}|${WIDE}`, 'g');
/** Two three-byte characters in a row: a text of CJK (or Indic) characters encoded twice. */
const WIDE_PAIR = new RegExp(`(?:${WIDE}){2}`);
/** Anything either pattern mends: one scan of the sample for texts that have neither, as before. */
const ANY_RUN = new RegExp(`${LATIN_RUN}|${WIDE}`);
/** Where a feed's text is looked at for it: a database that double-encodes does so from its channel's title and first items on. */
const SAMPLE = 64 * 1024;
/** windows-1252's characters of 0x80-0x9F, by their byte (WHATWG's table; the five it leaves undefined stand for themselves). */
const WINDOWS_1252_HIGH: ReadonlyMap<string, number> = new Map(
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'.split('').map((char, i) => [char, 0x80 + i] as const),
);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text with each double-encoded character mended; the same string when its start shows none. */
export function withoutDoubleEncodedUtf8(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (!ANY_RUN.test(sample)) return text;
  const pattern = WIDE_PAIR.test(sample) ? DOUBLE_ENCODED_WIDE : DOUBLE_ENCODED;
  pattern.lastIndex = 0;
  if (pattern === DOUBLE_ENCODED && !DOUBLE_ENCODED.test(sample)) return text;
  return text.replace(pattern, (run) => {
    const bytes = Uint8Array.from(run, (char) => WINDOWS_1252_HIGH.get(char) ?? char.charCodeAt(0));
    try {
      return UTF8.decode(bytes);
    } catch {
      return run;
    }
  });
}
