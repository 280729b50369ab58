// A thin, typed layer over libsql's better-sqlite3-style API. It exists because libsql 0.5
// differs from better-sqlite3 in ways that would leak everywhere otherwise:
// - `get()` rows carry an extra `_metadata` property (and `pluck()` does not apply to `get()`);
// - `pragma(..., { simple: true })` is not honoured;
// - binding a Buffer to a parameter used only in an expression panics the process, so blobs are
//   only ever bound to columns;
// - it binds a string only up to its first NUL (the rest of an article whose page or feed holds
//   one was lost), so every string is bound without its NULs: what browsers show of such text;
// - its transaction() cannot nest, so transactions are ours (savepoints inside);
// - close() leaves the connection alive until its prepared statements are garbage-collected, so
//   a process should open a data folder once; the app and the CLI do.
// It also words a full disk and damage for people (SQLite says 'database or disk is full', not
// where, and 'database disk image is malformed', not what happens next).
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';
import { DiskFullError, diskFullCode } from '../system/disk-full';

/** The most rows insertRows puts in one statement (64 rows of 18 columns stay far below SQLite's
 *  limit of 32,766 bound values). */
const ROWS_PER_INSERT = 64;

/** Thrown to roll back a transaction whose part failed without a savepoint to undo it alone. */
const SPOILT = new Error('a part of the transaction failed');

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
type Row = Record<string, unknown>;

interface RawStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}
interface RawDatabase {
  prepare(sql: string): RawStatement;
  exec(sql: string): void;
  close(): void;
  readonly inTransaction: boolean;
}

function spread(params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params.map(bindable);
  const named = params as Readonly<Record<string, SqlValue>>;
  return [Object.values(named).some(holdsNul) ? Object.fromEntries(Object.entries(named).map(([name, value]) => [name, bindable(value)])) : named];
}

function holdsNul(value: SqlValue): boolean {
  return typeof value === 'string' && value.includes('\0');
}

/**
 * The value as libsql can bind it whole. HTML's parser ignores a NUL in text, so a browser shows
 * "ü\0ber" as "über"; the one test costs a string without NUL (nearly all) a scan for it.
 */
function bindable(value: SqlValue): SqlValue {
  return holdsNul(value) ? (value as string).replaceAll('\0', '') : value;
}

function clean<T>(row: Row | undefined): T | undefined {
  if (row === undefined) return undefined;
  if ('_metadata' in row) delete row._metadata;
  return row as T;
}

/** True when SQLite says the file is damaged or not a database at all. */
export function isDamageCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** What a person reads when a query meets a damaged page (the reader, the sync's messages). */
export const DAMAGED_MESSAGE =
  "Part of Paperboy's database is damaged, so this could not be read. The next time Paperboy starts, it checks the database and recovers what it can.";

/** SQLite's damage error in words; code (SQLITE_CORRUPT...) stays, and SQLite's own words are `detail`. */
export class DatabaseDamageError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    cause: unknown,
  ) {
    super(DAMAGED_MESSAGE, { cause });
    this.name = 'DatabaseDamageError';
  }
}

export interface SqliteOptions {
  readonly readonly?: boolean;
  /** Read-only, for a file on a read-only file system (see the constructor). */
  readonly immutable?: boolean;
  readonly onCorrupt?: (() => void) | undefined;
  /** Why this connection is read-only, as the error a write gets instead of SQLite's "readonly database". */
  readonly readOnlyError?: (cause: unknown) => Error;
}

export class Sqlite {
  private readonly db: RawDatabase;
  private readonly statements = new Map<string, RawStatement>();
  private depth = 0;
  /** Set while a transaction runs without savepoints (transactionWithoutSavepoints). */
  private flat: { spoilt: boolean } | null = null;

  constructor(
    readonly path: string,
    private readonly options: SqliteOptions = {},
  ) {
    // immutable: no locks, no -shm, no WAL (what a read-only file system allows); a URI says so.
    const name = options.immutable ? `${pathToFileURL(path).href}?immutable=1` : path;
    this.db = new Database(name, { readonly: options.readonly === true || options.immutable === true }) as unknown as RawDatabase;
  }

  private statement(sql: string): RawStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** False once SQLite has rolled a transaction back on its own (it does on a full disk). */
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** Runs `fn` with the connection failing at once (SQLITE_BUSY), rather than waiting, when another holds the write lock. */
  withoutWaiting<T>(fn: () => T): T {
    const waits = this.value<number>('PRAGMA busy_timeout') ?? 0;
    this.exec('PRAGMA busy_timeout = 0');
    try {
      return fn();
    } finally {
      this.exec(`PRAGMA busy_timeout = ${waits}`);
    }
  }

  exec(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw this.explained(error);
    }
  }

  run(sql: string, params?: Params): { changes: number; lastInsertRowid: number } {
    try {
      const result = this.statement(sql).run(...spread(params));
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    } catch (error) {
      throw this.explained(error, sql);
    }
  }

  one<T>(sql: string, params?: Params): T | undefined {
    try {
      return clean<T>(this.statement(sql).get(...spread(params)));
    } catch (error) {
      throw this.explained(error, sql);
    }
  }

  all<T>(sql: string, params?: Params): T[] {
    try {
      return this.statement(sql).all(...spread(params)).map((row) => clean<T>(row) as T);
    } catch (error) {
      throw this.explained(error, sql);
    }
  }

  /**
   * Inserts rows with one statement for up to ROWS_PER_INSERT of them, where run() would take one
   * each. Why: a statement that fires a trigger runs in a statement journal, a savepoint, and FTS5
   * writes out the rows it holds in memory at every savepoint (as transactionWithoutSavepoints
   * says). Inserted row by row, the articles of a feed each left a small segment of search index
   * behind the next row's statement, and merging them was a third of a cold feeds-only sync.
   * `into` is the statement up to VALUES; each row holds a value for each of its columns.
   */
  insertRows(into: string, rows: readonly (readonly SqlValue[])[]): void {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      const row = `(${chunk[0]!.map(() => '?').join(', ')})`;
      const sql = `${into} VALUES ${Array.from(chunk, () => row).join(', ')}`;
      try {
        // Prepared each time, not kept: a kept statement holds copies of the values it was last
        // run with (libsql), here a batch's bodies, and one for each size of a batch's last chunk
        // would hold some 50 KB of program. Preparing costs about 0.2 ms a statement.
        this.db.prepare(sql).run(...chunk.flat().map(bindable));
      } catch (error) {
        throw this.explained(error);
      }
    }
  }

  /** The first column of the first row. */
  value<T extends SqlValue>(sql: string, params?: Params): T | undefined {
    const row = this.one<Row>(sql, params);
    return row === undefined ? undefined : (Object.values(row)[0] as T);
  }

  /**
   * Runs fn in one transaction; nested calls become savepoints, so a repository method that
   * needs atomicity can be called alone or inside a larger transaction. IMMEDIATE takes the
   * write lock up front: the app and the CLI may share the file, and a deferred transaction
   * that upgrades to writing later could fail with SQLITE_BUSY halfway.
   */
  transaction<R>(fn: () => R): R {
    if (this.flat && this.depth > 0) {
      try {
        return fn();
      } catch (error) {
        // Nothing undoes its part alone: the whole transaction is (transactionWithoutSavepoints).
        this.flat.spoilt = true;
        throw error;
      }
    }
    const outermost = this.depth === 0;
    const savepoint = `sp${this.depth}`;
    this.exec(outermost ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    this.depth++;
    try {
      const result = fn();
      // COMMIT itself can fail (SQLITE_FULL when the disk fills): that is rolled back below too.
      this.exec(outermost ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      try {
        this.db.exec(outermost ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      } catch {
        // SQLite already rolled back on its own (it does for SQLITE_FULL and a few other errors);
        // the first error is the one that explains what happened.
      }
      throw error;
    } finally {
      this.depth--;
    }
  }

  /**
   * Runs fn in one transaction in which nested transaction() calls open no savepoint, and answers
   * null, with all of it rolled back, when anything in it failed (thrown out of fn, or out of a
   * nested call and caught). Why: FTS5 writes out the rows it holds in memory at every savepoint,
   * so that a rollback to it could undo them; a commit of 40 articles' copies, each in savepoints
   * of its own, wrote 40 small pieces of index for the merges to rewrite (a fifth of the writer's
   * time in a many-host sync). The caller does the work again with savepoints when it gets null.
   */
  transactionWithoutSavepoints<R>(fn: () => R): { readonly value: R } | null {
    if (this.depth > 0) throw new Error('transactionWithoutSavepoints runs only outside a transaction');
    const flat = { spoilt: false };
    this.flat = flat;
    try {
      return this.transaction(() => {
        const value = fn();
        if (flat.spoilt) throw SPOILT;
        return { value };
      });
    } catch {
      return null;
    } finally {
      this.flat = null;
    }
  }

  private explained(error: unknown, sql?: string): unknown {
    // libsql leaves a statement that failed unusable (every later call fails too): prepare anew.
    if (sql !== undefined) this.statements.delete(sql);
    // Damage found while the app runs is remembered, so the next start checks every page.
    if (isDamageCode(error) && !(error instanceof DatabaseDamageError)) {
      this.options.onCorrupt?.();
      const raw = error as { code: string; message?: unknown };
      return new DatabaseDamageError(raw.code, String(raw.message), error);
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (this.options.readOnlyError && typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return this.options.readOnlyError(error);
    const full = diskFullCode(error);
    return full && !(error instanceof DiskFullError) ? new DiskFullError('the database', dirname(this.path), full, error) : error;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
