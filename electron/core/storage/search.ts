// Full-text search over the cache (FTS5 over title, author and text).
//
// The index's tokenizer (unicode61, migration 7) splits text at spaces and punctuation. Chinese
// and Japanese (and Thai, Lao, Khmer and Burmese) put no spaces between words, and Korean attaches
// particles to them, so each run of such text is one token there and a word inside it cannot be
// found through the index: words in those scripts are looked up in a second index of their characters' pairs (./search-grams.ts,
// migration 15), and marked where they occur in the hits' text. Words in the Arabic script are
// looked up there too, folded to one spelling (migration 19: Arabic and Persian letters, harakat,
// tatweel, non-joiners), and marked wherever the text has them in any spelling. Every other word
// goes through the main index. Articles stored since the index and the grams last caught up are
// indexed before a search (search-queue.ts), or, when they cannot be indexed then (a folder that
// cannot be written, another connection's write under way), looked for by their words as
// written: the index's words after the index's hits, the grams' words beside the grams' hits.
import type { SearchHit } from '../../../shared/types';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './articles-repo';
import { arabicStem, hasPersianOrUrduLetter } from './arabic-stem';
import {
  arabicPieces, arabicWords, foldArabic, GRAMS_TABLE, gramsLookup, hasArabicWord, UNSPACED_CHARACTER, type ArabicPiece,
} from './search-grams';
import { hasQueuedForSearch, SEARCH_QUEUE_TABLE, WAITING_FOR_GRAMS } from './search-queue';
import type { SqlValue, Sqlite } from './sqlite';

/** Private-use characters mark the matches; the renderer turns them into <mark> safely. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** `C++`, `C#`, `F#`: the index keeps only the letter, which must not become a prefix of every word. */
const LETTER_AND_SYMBOLS = /^\p{L}[\p{P}\p{S}]+$/u;
/** Turkish letters: a word with one may have either i in the text (the index folds I to i, not to ı). */
const TURKISH_LETTERS = /[ıİşŞğĞ]/u;
/** More spellings than this of one word are not tried (2 to the power of its i's, or e's). */
const MAX_SPELLINGS = 16;
/** What is typed is read in NFKC (full-width letters and digits made ASCII, half-width kana made
 *  full-width), but for the scripts whose text it would no longer match: NFKC takes Thai's and
 *  Lao's vowel AM (น้ำ, ຄຳ) and Lao's ໜ ໝ apart into two characters each, as no text has them. */
const NOT_KEPT_AS_TYPED = /[^\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
/** A lower-case Greek vowel and the same with the accent (tonos); ι and υ with a diaeresis too. */
const GREEK_ACCENTED: Readonly<Record<string, string>> = { α: 'ά', ε: 'έ', η: 'ή', ι: 'ί', ο: 'ό', υ: 'ύ', ω: 'ώ', ϊ: 'ΐ', ϋ: 'ΰ' };
/** ι and υ with a diaeresis, and the vowels they take one after (where the two letters would
 *  otherwise be read as one sound: Αϊτή, προϋπολογισμός). */
const GREEK_DIAERESIS: Readonly<Record<string, { readonly letter: string; readonly after: RegExp }>> = {
  ι: { letter: 'ϊ', after: /[αεου]/u },
  υ: { letter: 'ϋ', after: /[αεηο]/u },
};
/** Greek words have more vowels than Turkish ones have i's: the accent on any one of them, and a
 *  diaeresis, is some 10 to 30 spellings (οικονομικοί 24). */
const MAX_GREEK_SPELLINGS = 40;
/** Characters either side of an unspaced word in its snippet (about what 16 tokens of English show). */
const WINDOW_BEFORE = 20;
const WINDOW_LENGTH = 64;

/** A word looked up in the grams (./search-grams.ts). */
export interface GramsWord {
  readonly word: string;
  /** Typed last: an Arabic-script word may be the start of a longer one (search as you type). */
  readonly prefix: boolean;
}

/** What a query asks for: index words, words looked for as written, and words ranked as written. */
export interface ParsedQuery {
  /** The FTS5 query for the words the index splits; null when there are none. */
  readonly fts: string | null;
  /** Words in unspaced scripts, or in the Arabic script: each must occur in the title, author or text. */
  readonly gramsWords: readonly GramsWord[];
  /** Words like `C++` that the index cannot hold: articles containing them as written rank first. */
  readonly literals: readonly string[];
  /** The words `fts` asks the index for, as typed (`C++` whole): looked for as written in the
   *  articles the index has not read yet, when it cannot read them (unindexedCondition). */
  readonly indexWords: readonly string[];
}

/**
 * Turns what a person types into a search: every word must match, the last one as a prefix
 * (search as you type). Quoting each word means FTS syntax in the input (AND, NEAR, column
 * filters, stray quotes) is searched for literally instead of failing.
 */
export function parseQuery(input: string): ParsedQuery | null {
  const ftsWords: string[] = [];
  const gramsWords: GramsWord[] = [];
  const literals: string[] = [];
  const indexWords: string[] = [];
  const typed = input.replace(NOT_KEPT_AS_TYPED, (part) => part.normalize('NFKC'));
  const chunks = typed.split(/\s+/u).filter((chunk) => chunk.length > 0);
  chunks.forEach((chunk, chunkIndex) => {
    if (LETTER_AND_SYMBOLS.test(chunk) && !UNSPACED_CHARACTER.test(chunk)) {
      // The index has the letter as a word of its own: that word exactly, never a prefix.
      ftsWords.push(ftsWord(chunk[0]!, false));
      literals.push(chunk);
      indexWords.push(chunk);
      return;
    }
    const words = chunk.split(/[\p{P}\p{S}]+/u).filter((word) => word.length > 0);
    words.forEach((word, wordIndex) => {
      const prefix = chunkIndex === chunks.length - 1 && wordIndex === words.length - 1;
      if (UNSPACED_CHARACTER.test(word) || hasArabicWord(word)) gramsWords.push({ word, prefix });
      else {
        ftsWords.push(ftsWord(word, prefix));
        indexWords.push(word);
      }
    });
  });
  if (ftsWords.length === 0 && gramsWords.length === 0) return null;
  return { fts: ftsWords.length > 0 ? ftsWords.join(' AND ') : null, gramsWords, literals, indexWords };
}

/**
 * The spellings of a word the index may hold it under. The index folds case and Latin accents
 * but keeps ı apart from i (the Turkish "IŞIK" is "isik" to it, "ışık" "ısık") and ё apart from
 * е (Russian texts write either), and keeps Greek accents: a word is looked for in each
 * spelling, without indexing again.
 */
function spellings(word: string): string[] {
  if (/\p{Script=Greek}/u.test(word)) return greekSpellings(word);
  return [...turkishAndRussianSpellings(word), ...(fullWidthForm(word) ?? [])];
}

/**
 * A Greek word with its accent (tonos) on each of its vowels in turn, or on none, and with a
 * diaeresis where one may stand: people type Greek without accents, and in capitals, which
 * are written without (ΑΘΗΝΑ), while the text has Αθήνα, and the index keeps Greek accents
 * (remove_diacritics folds Latin letters only). Whatever accents the query has are dropped
 * first, so Αθήνα also finds a headline written ΑΘΗΝΑ, as résumé finds resume.
 */
function greekSpellings(word: string): string[] {
  const letters = Array.from(word.normalize('NFD').replace(/[\u0301\u0308\u0344]/gu, '').normalize('NFC').toLowerCase());
  const accented = (spelling: readonly string[]): string[][] => [
    [...spelling],
    ...spelling.flatMap((letter, i) => (GREEK_ACCENTED[letter] ? [spelling.with(i, GREEK_ACCENTED[letter])] : [])),
  ];
  const withDiaeresis = letters.flatMap((letter, i) => {
    const diaeresis = GREEK_DIAERESIS[letter];
    return diaeresis && i > 0 && diaeresis.after.test(letters[i - 1]!) ? [letters.with(i, diaeresis.letter)] : [];
  });
  const found = [...accented(letters), ...withDiaeresis.flatMap(accented)];
  const spelled = found.length > MAX_GREEK_SPELLINGS ? accented(letters) : found;
  return [...new Set(spelled.map((spelling) => spelling.join('')))];
}

function turkishAndRussianSpellings(word: string): string[] {
  // The index folds case itself; İ lower-cased is i and a combining dot, which it drops too.
  const lower = word.toLowerCase().replace(/\u0307/g, '');
  const turkish = TURKISH_LETTERS.test(word) || (word === word.toUpperCase() && word.includes('I'));
  const russian = /[её]/u.test(lower);
  if (!turkish && !russian) return [word];
  let found = turkish ? eitherLetter(lower, /[iı]/u, ['i', 'ı']) : [lower];
  if (russian) found = found.flatMap((spelling) => eitherLetter(spelling.replace(/ё/gu, 'е'), /е/u, ['е', 'ё']));
  return found.length > MAX_SPELLINGS ? [word] : [...new Set(found)];
}

/**
 * The word's ASCII letters, digits and signs in their full-width forms (ｉＰｈｏｎｅ, ２５度), as
 * Japanese and Chinese news text writes them; null when it has none. The query is read in NFKC,
 * which makes them ASCII, but the stored text keeps them as written: the index holds "ｉｐｈｏｎｅ"
 * as its own word, so the word is looked for in both forms.
 */
export function fullWidthForm(word: string): [string] | null {
  if (!/[\x21-\x7e]/.test(word)) return null;
  return [word.replace(/[\x21-\x7e]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))];
}

/** Every way of writing `word` with one of `letters` wherever it has a letter `where` matches. */
function eitherLetter(word: string, where: RegExp, letters: readonly string[]): string[] {
  let found = [''];
  for (const char of word) {
    found = where.test(char) ? found.flatMap((start) => letters.map((letter) => start + letter)) : found.map((start) => start + char);
    if (found.length > MAX_SPELLINGS) return [word];
  }
  return found;
}

/** A word of an FTS5 query, quoted so FTS syntax in it is searched for literally; a prefix when typed last. */
function ftsWord(word: string, prefix: boolean): string {
  // Words hold no quotes: parseQuery splits them at punctuation.
  const quoted = spellings(word).map((spelling) => `"${spelling}"${prefix ? '*' : ''}`);
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' OR ')})`;
}

/** The forms of a grams word its text may have as written: as typed; "25度" as "２５度" too
 *  (fullWidthForm); an Arabic-script word folded too (Persian text writes ی and ک, as folded). */
function writtenForms(word: string): string[] {
  return [...new Set([word, ...(fullWidthForm(word) ?? []), foldArabic(word)])];
}

/** A LIKE pattern finding `text` anywhere, as written (LIKE ignores case in ASCII only). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

interface MatchClause {
  readonly from: string;
  readonly where: string;
  readonly params: SqlValue[];
}

/** The article's title, author or text has the word as written (one article's: `a`). */
const WRITTEN_IN_ARTICLE = `(a.title LIKE ? ESCAPE '\\' OR coalesce(a.author, '') LIKE ? ESCAPE '\\'
  OR EXISTS (SELECT 1 FROM article_content t WHERE t.article_id = a.id AND t.text LIKE ? ESCAPE '\\'))`;

/**
 * A grams word's condition: the articles whose grams have it; for a word with other
 * characters too ("5月"), those whose text has it as written; while any article waits for its
 * grams (`waiting`: search-queue.ts), also those of them whose text has it as written (their rids,
 * looked up in the queues, bound the scan).
 */
function gramsCondition({ word, prefix }: GramsWord, waiting: boolean): { sql: string; params: SqlValue[] } {
  const lookup = gramsLookup(word, prefix);
  const patterns = writtenForms(word).map(containsPattern);
  const written = `(${patterns.map(() => WRITTEN_IN_ARTICLE).join(' OR ')})`;
  const writtenParams = patterns.flatMap((pattern) => [pattern, pattern, pattern]);
  let sql = `a.rid IN (SELECT rowid FROM ${GRAMS_TABLE} WHERE ${GRAMS_TABLE} MATCH ?)`;
  const params: SqlValue[] = [lookup.match];
  if (!lookup.exact) {
    sql += ` AND ${written}`;
    params.push(...writtenParams);
  }
  if (waiting) {
    sql = `(${sql} OR (a.rid IN (${WAITING_FOR_GRAMS}) AND ${written}))`;
    params.push(...writtenParams);
  }
  return { sql, params };
}

/**
 * Where a query's index words are looked for: in the index, or (`unindexed`) in the text as
 * written of the articles still queued for it (search-queue.ts), which Storage.search indexes
 * first unless it cannot at once (a folder that cannot be written, the sync's writer at work).
 */
type WordsIn = 'index' | 'unindexed';

/** FROM and WHERE for the articles a query finds, through the indexes. */
function matchClause(db: Sqlite, query: ParsedQuery, wordsIn: WordsIn = 'index'): MatchClause {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  let from = 'articles a';
  if (query.fts && wordsIn === 'index') {
    from = 'articles_fts JOIN articles a ON a.rid = articles_fts.rowid';
    conditions.push('articles_fts MATCH ?');
    params.push(query.fts);
  } else if (query.fts) {
    from = `${SEARCH_QUEUE_TABLE} q JOIN articles a ON a.rid = q.rid`;
    for (const word of query.indexWords) {
      conditions.push(WRITTEN_IN_ARTICLE);
      params.push(...Array<string>(3).fill(containsPattern(word)));
    }
  }
  // Only ranking by a word as written (orderClause) needs each hit's text beside it.
  if (query.literals.length > 0) from += ' JOIN article_content c ON c.article_id = a.id';
  const waiting = query.gramsWords.length > 0 && hasQueuedForSearch(db);
  for (const word of query.gramsWords) {
    const condition = gramsCondition(word, waiting);
    conditions.push(condition.sql);
    params.push(...condition.params);
  }
  return { from, where: conditions.join(' AND '), params };
}

/** How many articles match, however many a page of hits shows ("1,234 found", not "200 found"). */
export function countSearchHits(db: Sqlite, input: string): number {
  const query = parseQuery(input);
  if (!query) return 0;
  const count = (wordsIn: WordsIn) => {
    const { from, where, params } = matchClause(db, query, wordsIn);
    return db.value<number>(`SELECT count(*) FROM ${from} WHERE ${where}`, params) ?? 0;
  };
  return count('index') + (lookInUnindexed(db, query) ? count('unindexed') : 0);
}

/** Whether articles the index has not read may hold the query's index words: without such words
 *  the query reads every article already (its grams words find the queued ones as written). */
function lookInUnindexed(db: Sqlite, query: ParsedQuery): boolean {
  return query.fts !== null && db.value<number>(`SELECT EXISTS (SELECT 1 FROM ${SEARCH_QUEUE_TABLE})`) === 1;
}

/**
 * The order of the hits: articles with the words written as typed first (`C++` in the title, then
 * in the text; a grams word in the title), then the index's ranking, then the newest.
 */
function orderClause(query: ParsedQuery, wordsIn: WordsIn): { sql: string; params: SqlValue[] } {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  for (const literal of query.literals) {
    terms.push("(a.title LIKE ? ESCAPE '\\') * 2 + (c.text LIKE ? ESCAPE '\\')");
    params.push(containsPattern(literal), containsPattern(literal));
  }
  for (const { word } of query.gramsWords) {
    const patterns = writtenForms(word).map(containsPattern);
    terms.push(`(${patterns.map(() => "a.title LIKE ? ESCAPE '\\'").join(' OR ')})`);
    params.push(...patterns);
  }
  const order = terms.length > 0 ? [`${terms.join(' + ')} DESC`] : [];
  if (query.fts && wordsIn === 'index') order.push('bm25(articles_fts, 4.0, 2.0, 1.0)');
  order.push('a.published_at DESC');
  return { sql: order.join(', '), params };
}

/** ASCII lower case only, as SQLite's lower() and LIKE: it keeps every index where it was. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** Whether one folded piece of the text is the typed one (or begins with it, typed last). */
function samePiece(piece: string, typed: string, prefix: boolean): boolean {
  return prefix ? piece.startsWith(typed) : piece === typed;
}


/**
 * Marks an Arabic-script word wherever the text has it, in any spelling, as the grams found it:
 * its parts in a row (one piece, or pieces with a non-joiner or a space between them), one
 * word of the text whose pieces, joined, are the typed word's (میخواهم for می‌خواهم), or a word
 * of one piece with the typed one's stem (الحكومة for حكومة).
 */
function markArabicWord(pieces: readonly ArabicPiece[], typed: GramsWord, marks: boolean[]): void {
  // A word of one part is also found by its stem (the text's الحكومة for حكومة), unless it was
  // typed with a Persian letter (search-grams.ts arabicQuery).
  const byStem = !hasPersianOrUrduLetter(typed.word);
  for (const parts of arabicWords(arabicPieces(typed.word))) {
    const joined = parts.join('');
    const typedStem = byStem && parts.length === 1 ? arabicStem(joined) : null;
    pieces.forEach((piece, i) => {
      const last = i + parts.length - 1;
      if (last < pieces.length && parts.every((part, j) => samePiece(pieces[i + j]!.folded, part, typed.prefix && j === parts.length - 1))) {
        marks.fill(true, piece.start, pieces[last]!.end);
      }
      if (i > 0 && pieces[i - 1]!.word === piece.word) return;
      let end = i;
      while (end + 1 < pieces.length && pieces[end + 1]!.word === piece.word) end++;
      const word = pieces.slice(i, end + 1).map((one) => one.folded).join('');
      const stemmed = typedStem !== null && end === i && samePiece(arabicStem(word), typedStem, typed.prefix);
      if (stemmed || samePiece(word, joined, typed.prefix)) marks.fill(true, piece.start, pieces[end]!.end);
    });
  }
}

/**
 * Which characters of `text` are the words': an unspaced word as written, or with its other
 * characters full-width (ASCII case ignored, as when it matched); an Arabic-script word in any
 * spelling (markArabicWord).
 */
function wordMarks(text: string, words: readonly GramsWord[]): boolean[] {
  const marks = new Array<boolean>(text.length).fill(false);
  const lowered = asciiLower(text);
  const pieces = arabicPieces(text);
  for (const typed of words) {
    if (hasArabicWord(typed.word)) {
      markArabicWord(pieces, typed, marks);
      continue;
    }
    for (const form of [typed.word, ...(fullWidthForm(typed.word) ?? [])]) {
      const needle = asciiLower(form);
      for (let at = lowered.indexOf(needle); at >= 0; at = lowered.indexOf(needle, at + needle.length)) marks.fill(true, at, at + needle.length);
    }
  }
  return marks;
}

/** `text` with the marked characters between MATCH_START and MATCH_END. */
function marked(text: string, marks: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (marks[i] && !marks[i - 1]) out += MATCH_START;
    out += text[i];
    if (marks[i] && !marks[i + 1]) out += MATCH_END;
  }
  return out;
}

type HitRow = SummaryRow & { highlight: string; title_marked: string };

interface TextWindow {
  readonly text: string;
  /** Whether text comes before and after it. */
  readonly cut: { readonly before: boolean; readonly after: boolean };
  /** The words' characters in it, when they were found in the whole text (else found in the window). */
  readonly marks?: readonly boolean[];
}

/**
 * The text around the first of the words each article's text contains (none: only its title or
 * author has them). Cut in SQL, so that a few dozen characters of each text leave the database.
 */
function textWindows(db: Sqlite, ids: readonly string[], words: readonly string[]): Map<string, TextWindow> {
  // SQLite's lower() folds ASCII only, as LIKE does when it finds the words.
  const firstAt = `coalesce(${words.map(() => 'nullif(instr(lower(text), lower(?)), 0)').join(', ')}, 0)`;
  const rows = db.all<{ id: string; start: number; excerpt: string; rest: number }>(
    `SELECT id, start, substr(text, start, ${WINDOW_LENGTH}) AS excerpt, length(text) - (start - 1) - ${WINDOW_LENGTH} AS rest
     FROM (SELECT article_id AS id, text, max(1, ${firstAt} - ${WINDOW_BEFORE}) AS start, ${firstAt} AS at
           FROM article_content WHERE article_id IN (SELECT value FROM json_each(?)))
     WHERE at > 0`,
    [...words, ...words, JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [row.id, { text: row.excerpt, cut: { before: row.start > 1, after: row.rest > 0 } }]));
}

/**
 * The same windows, for words in the Arabic script: SQL cannot find their other spellings, so
 * the hits' texts (a page of them) are read whole and the words found in them here.
 */
function foldedTextWindows(db: Sqlite, ids: readonly string[], words: readonly GramsWord[]): Map<string, TextWindow> {
  const windows = new Map<string, TextWindow>();
  const rows = db.all<{ id: string; text: string }>(
    'SELECT article_id AS id, text FROM article_content WHERE article_id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(ids)],
  );
  for (const row of rows) {
    const marks = wordMarks(row.text, words);
    const at = marks.indexOf(true);
    if (at < 0) continue;
    const start = Math.max(0, at - WINDOW_BEFORE);
    const end = start + WINDOW_LENGTH;
    windows.set(row.id, {
      text: row.text.slice(start, end), cut: { before: start > 0, after: end < row.text.length }, marks: marks.slice(start, end),
    });
  }
  return windows;
}

/** The snippets' windows of a page of hits found by grams words. */
function gramsWindows(db: Sqlite, ids: readonly string[], words: readonly GramsWord[]): Map<string, TextWindow> {
  if (words.some((typed) => hasArabicWord(typed.word))) return foldedTextWindows(db, ids, words);
  // Either form of an unspaced word's other characters is looked for, as either was found.
  return textWindows(db, ids, words.flatMap(({ word }) => [word, ...(fullWidthForm(word) ?? [])]));
}

/** The snippet of a hit found by grams words: the text around the first, or else the title. */
function gramsHighlight(title: string, window: TextWindow | undefined, words: readonly GramsWord[]): string {
  if (!window) return marked(title, wordMarks(title, words));
  const marks = window.marks ?? wordMarks(window.text, words);
  return `${window.cut.before ? '…' : ''}${marked(window.text, marks)}${window.cut.after ? '…' : ''}`;
}

/** The statement of a page of hits, and its parameters. */
function hitsStatement(db: Sqlite, query: ParsedQuery, limit: number, wordsIn: WordsIn = 'index'): { sql: string; params: SqlValue[] } {
  const { from, where, params } = matchClause(db, query, wordsIn);
  const order = orderClause(query, wordsIn);
  const marks = query.fts && wordsIn === 'index'
    ? `snippet(articles_fts, 2, '${MATCH_START}', '${MATCH_END}', '…', 16) AS highlight,
       highlight(articles_fts, 0, '${MATCH_START}', '${MATCH_END}') AS title_marked`
    : "'' AS highlight, a.title AS title_marked";
  return {
    sql: `SELECT ${SUMMARY_COLUMNS}, ${marks}
     FROM ${from} JOIN article_status s ON s.article_id = a.id JOIN feeds f ON f.id = a.feed_id
     WHERE ${where} ORDER BY ${order.sql} LIMIT ?`,
    params: [...params, ...order.params, Math.min(Math.max(1, limit), 500)],
  };
}

/** SQLite's plan for a search's page of hits, one step a line (EXPLAIN QUERY PLAN): which tables
 *  it scans whole and which it looks rows up in. Tests and the measurements check it. */
export function searchPlan(db: Sqlite, input: string): string[] {
  const query = parseQuery(input);
  if (!query) return [];
  const { sql, params } = hitsStatement(db, query, 50);
  return db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((step) => step.detail);
}

export function searchArticles(db: Sqlite, input: string, limit = 50): SearchHit[] {
  const query = parseQuery(input);
  if (!query) return [];
  const { sql, params } = hitsStatement(db, query, limit);
  const rows = db.all<HitRow>(sql, params);
  if (rows.length < limit && lookInUnindexed(db, query)) {
    // After the index's own hits: found without it, they have no rank (the newest first) and no snippet.
    const unindexed = hitsStatement(db, query, limit - rows.length, 'unindexed');
    rows.push(...db.all<HitRow>(unindexed.sql, unindexed.params));
  }
  const words = query.gramsWords;
  const windows = words.length > 0 ? gramsWindows(db, rows.map((row) => row.id), words) : null;
  return rows.map((row) => ({
    ...toSummary(row),
    highlight: windows
      ? gramsHighlight(row.title, windows.get(row.id), words)
      // When only the title matched, show the marked title rather than an unmarked text snippet.
      : row.highlight.includes(MATCH_START) ? row.highlight : row.title_marked,
  }));
}
