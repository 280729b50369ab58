// Chinese, Japanese and Korean words in search (migration 15), and Thai, Lao, Khmer and Burmese
// (migration 17), which put no spaces between words either. The main index's tokenizer
// (unicode61) makes each run of such text one token (or, at the vowel and tone marks of the
// Southeast Asian scripts, which it takes for separators, pieces of no word), and a word inside a
// run is not in it; these scripts are indexed again here the way Lucene's CJKBigramFilter does
// it: each run becomes its overlapping pairs of characters ("東京都は" is 東京 京都 都は), and its
// last character alone (は), so that a one-character word is found wherever it stands: as the
// first character of a pair, or as a run's last. A word of two or more characters is the phrase
// of its pairs.
//
// The table is contentless (it keeps no copy of the text) and keyed by articles.rid, with a row
// only for an article whose title, author or text has such characters: for any other text the
// cost is one test (MAYBE_UNSPACED, a few microseconds for a page of text).
// libsql registers no custom tokenizer or SQL function, so the pairs are made here (gramsOf) and
// written by the search index's catching up, with the article's index row (search-queue.ts,
// migration 26): not as each article is stored. The triggers take them out with the article, or
// when its title, author or text changes (it then waits in the queue for its new ones).
//
// Words in the Arabic script (Arabic, Persian, Urdu) are here too, whole, since migration 19: the
// same word is written with different letters (Arabic ي and ك, Persian ی and ک), with or without
// hamza on its alef, stretched with tatweel, with or without its vowel marks (harakat, at which
// unicode61 even splits the word) and, in Persian, with a zero-width non-joiner or not between
// its parts (می‌خواهم, میخواهم). Each word is indexed folded to one spelling (foldArabic), as
// Lucene's Arabic and Persian normalizers fold it, and a query word is folded alike. In Arabic
// text (not Persian or Urdu) each word also has its stem beside it, since migration 22: the word
// without the article and particles joined to it and its common endings (./arabic-stem.ts).
//
// Articles whose grams were made by a version before migration 15, 17, 19 or 22 wait in the queue
// for theirs too (migration 26 queued what that version's backfill had not reached); until their
// turn, search looks for the word in their text as written (search.ts).
import { arabicStem, hasPersianOrUrduLetter, isArabicLanguage } from './arabic-stem';

/** The table, as migration 15 makes it. */
export const GRAMS_TABLE = 'articles_grams';

/** A character of a script written without spaces between words (or, Korean, with particles
 *  attached), and the marks that stand inside such words (ー, 〆, half-width ｰ ﾞ ﾟ). A pair of
 *  Thai (Lao, Khmer, Burmese) characters may be a letter and its vowel or tone mark: a word is
 *  looked for as the same characters, so it is found as the text writes it. */
const UNSPACED_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3006\u30fc\uff70\uff9e\uff9f`
  + String.raw`\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
export const UNSPACED_CHARACTER = new RegExp(`[${UNSPACED_CLASS}]`, 'u');
const UNSPACED_RUNS = new RegExp(`[${UNSPACED_CLASS}]+`, 'gu');
/**
 * Every UTF-16 unit those characters are written with, and more: a test over a page of text in
 * other scripts takes a twelfth of the time of UNSPACED_CHARACTER's (script properties are
 * looked up per character). The surrogates are those of the scripts' supplementary planes.
 */
const MAYBE_UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u1100-\u11ff\u2e80-\u2fdf\u3005-\u9fff\ua960-\ua97f\ua9e0-\ua9ff\uaa60-\uaa7f\uac00-\ud7ff\ud805\ud81b\ud82b\ud82c\ud83c\ud840-\ud8bf\uf900-\ufaff\uff66-\uffdc]/;

/** The runs of unspaced-script characters in `text`; none (after one quick test) for most texts. */
export function unspacedRuns(text: string): string[] {
  return MAYBE_UNSPACED.test(text) ? text.match(UNSPACED_RUNS) ?? [] : [];
}

/** A run as the index holds it: its pairs, then its last character. */
function runGrams(run: string): string {
  const characters = Array.from(run);
  const grams: string[] = [];
  for (let i = 1; i < characters.length; i++) grams.push(characters[i - 1]! + characters[i]!);
  grams.push(characters[characters.length - 1]!);
  return grams.join(' ');
}

/** The FTS5 query finding a run typed in a search: the phrase of its pairs, or any gram its one character begins. */
function runQuery(run: string): string {
  const characters = Array.from(run);
  if (characters.length === 1) return `"${run}"*`;
  // The runs hold no quotes (nor anything the ascii tokenizer splits at).
  return `"${characters.slice(1).map((character, i) => characters[i]! + character).join(' ')}"`;
}

/** The Unicode blocks of the Arabic script: Arabic, its Supplement and Extended-A, and the
 *  presentation forms (old PDFs and some sites write the shaped glyphs themselves). */
const ARABIC_BLOCKS = String.raw`\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc`;
/** A quick test, as MAYBE_UNSPACED: most texts have no character of these blocks. */
const MAYBE_ARABIC = new RegExp(`[${ARABIC_BLOCKS}]`);
/** A word in the Arabic script: its letters and marks, and the joiners written inside it. */
const ARABIC_WORDS = new RegExp(String.raw`(?:(?=[\p{L}\p{M}])[${ARABIC_BLOCKS}]|[\u200c\u200d])+`, 'gu');
/** Zero-width non-joiner: Persian writes a compound's parts with it between them, or joined, or spaced. */
const NON_JOINER = '\u200c';
/** What folding drops: harakat and the superscript alef (U+064B-U+065F, U+0670), Quranic
 *  annotation marks, tatweel (U+0640, letters stretched for layout) and the zero-width joiners. */
const ARABIC_DROPPED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]/u;
/** Letters written for one another, and the one each is folded to: Arabic yeh and alef maksura
 *  to Persian yeh, Arabic kaf to keheh, alef with hamza or madda (and wasla) to bare alef, teh
 *  marbuta and heh with yeh above to heh. */
const ARABIC_SAME_LETTER: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9',
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627',
  '\u0629': '\u0647', '\u06c0': '\u0647',
};
/** Every character folding changes; the presentation forms are read as the letters they shape. */
const ARABIC_FOLDED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u064a\u0649\u0643\u0622\u0623\u0625\u0671\u0629\u06c0\ufb50-\ufdff\ufe70-\ufefc]/gu;

function foldedCharacter(character: string): string {
  if (ARABIC_DROPPED.test(character)) return '';
  const same = ARABIC_SAME_LETTER[character];
  if (same) return same;
  // A presentation form is its letters (NFKC; a ligature is several, and a space before a mark).
  const letters = character.normalize('NFKC');
  return letters === character ? character : foldArabic(letters).replace(/ /g, '');
}

/** Text in the Arabic script with every spelling of a word made one (see the top of this file). */
export function foldArabic(text: string): string {
  return text.replace(ARABIC_FOLDED, foldedCharacter);
}

/** One side of a word's non-joiners (the whole word when it has none), folded, and where the text has it. */
export interface ArabicPiece {
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  /** Which word of the text it is part of (its pieces are numbered alike). */
  readonly word: number;
}

/** The pieces of the Arabic-script words in `text`, in order; none (after one quick test) for most texts. */
export function arabicPieces(text: string): ArabicPiece[] {
  if (!MAYBE_ARABIC.test(text)) return [];
  const pieces: ArabicPiece[] = [];
  let word = 0;
  for (const match of text.matchAll(ARABIC_WORDS)) {
    let start = match.index;
    for (const side of match[0].split(NON_JOINER)) {
      const folded = foldArabic(side);
      if (folded.length > 0) pieces.push({ folded, start, end: start + side.length, word });
      start += side.length + NON_JOINER.length;
    }
    word++;
  }
  return pieces;
}

/** The pieces grouped by word: each word as the list of its pieces' folded forms. */
export function arabicWords(pieces: readonly ArabicPiece[]): string[][] {
  const words: string[][] = [];
  pieces.forEach((piece, i) => {
    if (i === 0 || pieces[i - 1]!.word !== piece.word) words.push([]);
    words[words.length - 1]!.push(piece.folded);
  });
  return words;
}

/**
 * Marks a stem in the grams: tatweel, which folding drops, so no word as written is ever one. An
 * article's Arabic words have their stems beside them (./arabic-stem.ts); a query word's stem is
 * looked for among the stems only, so that Persian text, which has none, never matches one.
 */
const STEM_MARK = '\u0640';

/** A word as the index holds it: folded, then its parts when it has a non-joiner, so that it is
 *  found as one word (میخواهم), or as its parts (می خواهم), whichever way it is typed; in Arabic
 *  text, a word of one part with its stem after it. */
function arabicGrams(parts: readonly string[], arabicText: boolean): string {
  if (parts.length > 1) return `${parts.join('')} ${parts.join(' ')}`;
  return arabicText ? `${parts[0]!} ${STEM_MARK}${arabicStem(parts[0]!)}` : parts[0]!;
}

/** Whether a query word is looked up in the grams as an Arabic-script word (it has a letter of that script). */
export function hasArabicWord(word: string): boolean {
  return arabicPieces(word).length > 0;
}

/** The FTS5 query finding a typed Arabic-script word: its folded form, or its parts as a phrase
 *  when it was typed with a non-joiner (the text may space them); a prefix when typed last. */
function arabicQuery(parts: readonly string[], prefix: boolean, persian: boolean): string {
  const star = prefix ? '*' : '';
  const joined = `"${parts.join('')}"${star}`;
  if (parts.length > 1) return `(${joined} OR "${parts.join(' ')}"${star})`;
  // Or any word of Arabic text with its stem: حكومة finds الحكومة and حكومات. A word typed with a
  // Persian letter is no Arabic one (والدین, parents, would look for دین, religion).
  return persian ? joined : `(${joined} OR "${STEM_MARK}${arabicStem(parts[0]!)}"${star})`;
}

/** How a query word with unspaced-script or Arabic-script characters is looked up in the grams. */
export interface GramsLookup {
  /** The FTS5 query over the grams. */
  readonly match: string;
  /** True when the grams find exactly the articles containing the word; false when the word
   *  also has other characters ("5月", "G7サミット", "کرونا۱۹"), which the found articles' text is then
   *  checked for. */
  readonly exact: boolean;
}

/** `prefix`: the word was typed last, and an Arabic-script word may be the start of one (search as you type). */
export function gramsLookup(word: string, prefix: boolean): GramsLookup {
  const runs = word.match(UNSPACED_RUNS) ?? [];
  const pieces = arabicPieces(word);
  const arabic = arabicWords(pieces);
  // Only a word that is all one Arabic-script word can be the start of a longer one.
  const wholeArabic = arabic.length === 1 && runs.length === 0 && pieces[0]!.start === 0 && pieces[pieces.length - 1]!.end === word.length;
  const queries = [...runs.map(runQuery), ...arabic.map((parts) => arabicQuery(parts, prefix && wholeArabic, hasPersianOrUrduLetter(word)))];
  return { match: queries.join(' AND '), exact: (runs.length === 1 && runs[0] === word && arabic.length === 0) || wholeArabic };
}

/** What an article's grams are made from. */
export interface SearchedText {
  readonly title: string;
  readonly author: string | null;
  readonly text: string;
}

/**
 * An article's grams, made from its title, author and text as they are now: null when none of
 * them has such characters (most articles: the cost is then one test per field). Written by the
 * search index's catching up only (search-queue.ts).
 */
export function gramsOf(searched: SearchedText): string | null {
  const fields = [searched.title, searched.author ?? '', searched.text];
  const arabic = fields.flatMap((field) => arabicWords(arabicPieces(field)));
  const arabicText = arabic.length > 0 && isArabicLanguage(`${searched.title} ${searched.text}`);
  const grams = [...fields.flatMap(unspacedRuns).map(runGrams), ...arabic.map((parts) => arabicGrams(parts, arabicText))];
  return grams.length > 0 ? grams.join(' ') : null;
}
