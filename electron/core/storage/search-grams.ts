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
// libsql registers no custom tokenizer or SQL function, so the pairs are made here, where an
// article's title, author or text is written (articles-repo.ts, through writeSearchGrams only),
// and a trigger removes them with the article.
//
// Articles stored before migration 15 or 17 (or brought in by a salvage or a restore) are indexed
// by a backfill in slices of a few milliseconds (backfillSlice), in rid order; until it is done, search
// looks for the word in the text of the articles it has not reached yet (search.ts).
import type { Sqlite } from './sqlite';

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

/** How a query word with unspaced-script characters is looked up in the grams. */
export interface GramsLookup {
  /** The FTS5 query over the grams. */
  readonly match: string;
  /** True when the grams find exactly the articles containing the word; false when the word
   *  also has other characters ("5月", "G7サミット"), which the found articles' text is then
   *  checked for. */
  readonly exact: boolean;
}

export function gramsLookup(word: string): GramsLookup {
  const runs = word.match(UNSPACED_RUNS) ?? [];
  return { match: runs.map(runQuery).join(' AND '), exact: runs.length === 1 && runs[0] === word };
}

/** What an article's grams are made from. */
export interface SearchedText {
  readonly title: string;
  readonly author: string | null;
  readonly text: string;
}

/**
 * The one place the grams are written: an article's row, made from its title, author and text as
 * they are now. `mayHaveRow`: the article may have a row already (an edit), which goes when its
 * text no longer has such characters; a new article has none, and costs only the test.
 */
export function writeSearchGrams(db: Sqlite, rid: number, searched: SearchedText, mayHaveRow: boolean): void {
  const runs = [...unspacedRuns(searched.title), ...unspacedRuns(searched.author ?? ''), ...unspacedRuns(searched.text)];
  if (runs.length > 0) db.run(`INSERT OR REPLACE INTO ${GRAMS_TABLE} (rowid, grams) VALUES (?, ?)`, [rid, runs.map(runGrams).join(' ')]);
  else if (mayHaveRow) db.run(`DELETE FROM ${GRAMS_TABLE} WHERE rowid = ?`, [rid]);
}

/** app_meta: the rids (after, until] the backfill has not indexed yet (JSON); no row: all are. */
export const BACKFILL_KEY = 'search_grams_backfill';

/** Articles whose grams may be missing: rid > after and rid <= until. */
export interface PendingGrams {
  readonly after: number;
  readonly until: number;
}

export function pendingGrams(db: Sqlite): PendingGrams | null {
  const value = db.value<string>('SELECT value FROM app_meta WHERE key = ?', [BACKFILL_KEY]);
  if (value === undefined) return null;
  let pending: Partial<PendingGrams> = {};
  try {
    pending = JSON.parse(value) as Partial<PendingGrams>;
  } catch {
    // read as below
  }
  // A row this version cannot read: any article may be missing, which search then covers.
  if (typeof pending.after !== 'number' || typeof pending.until !== 'number') return { after: 0, until: Number.MAX_SAFE_INTEGER };
  return { after: pending.after, until: pending.until };
}

function setPending(db: Sqlite, pending: PendingGrams): void {
  if (pending.after >= pending.until) {
    db.run('DELETE FROM app_meta WHERE key = ?', [BACKFILL_KEY]);
    return;
  }
  db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    BACKFILL_KEY, JSON.stringify(pending),
  ]);
}

/** The grams are made again from the rows, by the backfill (a salvaged or restored database,
 *  whose rows came in without them, or whose grams are trusted no more than its triggers). */
export function indexGramsAgain(db: Sqlite): void {
  db.transaction(() => {
    db.exec(`INSERT INTO ${GRAMS_TABLE} (${GRAMS_TABLE}) VALUES ('delete-all')`);
    setPending(db, { after: 0, until: db.value<number>('SELECT max(rid) FROM articles') ?? 0 });
  });
}

/** Rows read at a time by a slice (their texts are read whole); each is indexed only while the
 *  slice has time left. */
const BACKFILL_CHUNK = 8;

/**
 * Indexes the next articles the backfill has not reached, for about `budgetMs` (at least one
 * article), in one transaction. Returns whether the backfill is done.
 */
export function backfillSlice(db: Sqlite, budgetMs: number): boolean {
  return db.transaction(() => {
    const pending = pendingGrams(db);
    if (!pending) return true;
    const started = performance.now();
    let after = pending.after;
    for (;;) {
      const rows = db.all<SearchedText & { rid: number }>(
        `SELECT a.rid, a.title, a.author, coalesce(c.text, '') AS text FROM articles a LEFT JOIN article_content c ON c.article_id = a.id
         WHERE a.rid > ? AND a.rid <= ? ORDER BY a.rid LIMIT ${BACKFILL_CHUNK}`,
        [after, pending.until],
      );
      if (rows.length === 0) after = pending.until;
      for (const row of rows) {
        // A row an edit wrote since is made again from the same values.
        writeSearchGrams(db, row.rid, row, false);
        after = row.rid;
        if (performance.now() - started >= budgetMs) break;
      }
      if (after >= pending.until || performance.now() - started >= budgetMs) break;
    }
    setPending(db, { after, until: pending.until });
    return after >= pending.until;
  });
}

/** Runs `fn` with the connection failing at once, rather than waiting, when another holds the write lock. */
function withoutWaiting<T>(db: Sqlite, fn: () => T): T {
  const waits = db.value<number>('PRAGMA busy_timeout') ?? 0;
  db.exec('PRAGMA busy_timeout = 0');
  try {
    return fn();
  } finally {
    db.exec(`PRAGMA busy_timeout = ${waits}`);
  }
}

/**
 * A slice's time on the main thread, and the pause between slices (the app answers meanwhile).
 * Measured over 25,000 articles, a fifth of them Chinese, Japanese or Korean: 2-3 ms of CPU a
 * slice, more now and then when FTS5 merges its segments as a slice commits (up to about 15 ms);
 * the whole backfill is some 3 s of CPU.
 */
const SLICE_MS = 3;
const PAUSE_MS = 15;
/** The first slice waits for the app's start (its window, the first lists) to be done. */
const START_PAUSE_MS = 1_000;
/** After the sync's writer held the database: try again later rather than wait for it. */
const BUSY_PAUSE_MS = 250;

/**
 * Runs the backfill in the background of this connection's thread until it is done or stop() is
 * called. A slice never waits for another connection's write (the sync's writer thread): it is
 * tried again later. Any other failure (a full disk, damage) stops it: search still finds the
 * words, more slowly, and the next start goes on from where it stopped.
 */
export function startGramsBackfill(db: Sqlite): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const next = (pause: number) => {
    timer = setTimeout(run, pause);
    // A command-line run ends when its work does, whatever is left to index.
    timer.unref();
  };
  const run = () => {
    timer = null;
    let pause: number | null;
    try {
      pause = withoutWaiting(db, () => backfillSlice(db, SLICE_MS)) ? null : PAUSE_MS;
    } catch (error) {
      pause = (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY' ? BUSY_PAUSE_MS : null;
    }
    if (pause !== null) next(pause);
  };
  if (pendingGrams(db)) next(START_PAUSE_MS);
  return {
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
