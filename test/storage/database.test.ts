import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, schemaVersion } from '../../electron/core/storage/database';
import { MIGRATIONS } from '../../electron/core/storage/migrations';
import { Sqlite, type SqlValue } from '../../electron/core/storage/sqlite';
import { removeTempDirs, tempDir } from '../support/temp';
import path from 'node:path';

afterEach(removeTempDirs);

describe('openDatabase', () => {
  it('creates the schema once, in WAL mode, and reopens without migrating again', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.value('PRAGMA journal_mode')).toBe('wal');
    db.run("INSERT INTO folders (name, created_at) VALUES ('kept', 1)");
    db.close();
    const again = openDatabase(dir);
    expect(again.value('SELECT name FROM folders')).toBe('kept');
    again.close();
  });

  it('refuses a database written by a newer version instead of damaging it', () => {
    const dir = tempDir();
    const raw = new Sqlite(path.join(dir, DATABASE_FILE));
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(dir)).toThrow(/newer Paperboy/);
  });
});

describe('Sqlite.transaction', () => {
  it('rolls back everything on error, and only the inner part when an inner call fails', () => {
    const db = openDatabase(tempDir());
    expect(() =>
      db.transaction(() => {
        db.run("INSERT INTO folders (name, created_at) VALUES ('outer', 1)");
        throw new Error('boom');
      }),
    ).toThrow('boom');
    db.transaction(() => {
      db.run("INSERT INTO folders (name, created_at) VALUES ('kept', 1)");
      try {
        db.transaction(() => {
          db.run("INSERT INTO folders (name, created_at) VALUES ('inner', 1)");
          throw new Error('inner failure');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(db.all<{ name: string }>('SELECT name FROM folders').map((r) => r.name)).toEqual(['kept']);
    db.close();
  });

  it('without savepoints, commits the whole, or nothing at all when any part failed, even one caught inside', () => {
    const db = openDatabase(tempDir());
    const names = () => db.all<{ name: string }>('SELECT name FROM folders ORDER BY id').map((r) => r.name);
    const folder = (name: string) => db.transaction(() => db.run('INSERT INTO folders (name, created_at) VALUES (?, 1)', [name]));
    expect(db.transactionWithoutSavepoints(() => [folder('a'), folder('b')].length)).toEqual({ value: 2 });
    expect(names()).toEqual(['a', 'b']);

    // A part that failed has no savepoint to undo it alone: the whole is undone, for the caller to
    // do again with savepoints.
    expect(db.transactionWithoutSavepoints(() => {
      folder('c');
      try {
        db.transaction(() => {
          folder('d');
          throw new Error('inner failure');
        });
      } catch {
        // caught, as storeTogether catches a store's failure
      }
      return folder('e');
    })).toBeNull();
    expect(db.transactionWithoutSavepoints(() => {
      folder('f');
      throw new Error('boom');
    })).toBeNull();
    expect(names()).toEqual(['a', 'b']);
    // And the connection is as before: transactions nest with savepoints again.
    db.transaction(() => {
      folder('g');
      try {
        db.transaction(() => {
          folder('h');
          throw new Error('inner failure');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(names()).toEqual(['a', 'b', 'g']);
    db.close();
  });
});

describe('Sqlite.insertRows', () => {
  it('stores every row of a batch longer than one statement, in order, a NUL dropped as run() drops it', () => {
    const db = openDatabase(tempDir());
    const rows = Array.from({ length: 150 }, (_, i) => [i === 70 ? 'ü\0ber' : `folder ${i}`, i]);
    db.insertRows('INSERT INTO folders (name, created_at)', rows);
    const names = db.all<{ name: string }>('SELECT name FROM folders ORDER BY created_at').map((row) => row.name);
    expect(names).toHaveLength(150);
    expect(names[0]).toBe('folder 0');
    expect(names[70]).toBe('über');
    expect(names[149]).toBe('folder 149');
    db.close();
  });

  it('fails whole inside a transaction when a row of a later statement breaks a constraint', () => {
    const db = openDatabase(tempDir());
    const rows: SqlValue[][] = Array.from({ length: 100 }, (_, i) => [`folder ${i}`, i]);
    rows[90] = [null, 90]; // folders.name is NOT NULL
    expect(() => db.transaction(() => db.insertRows('INSERT INTO folders (name, created_at)', rows))).toThrow(/NOT NULL/);
    expect(db.value('SELECT count(*) FROM folders')).toBe(0);
    // The connection is not left broken: the same batch works afterwards.
    db.insertRows('INSERT INTO folders (name, created_at)', rows.map(([, at]) => [`again ${at}`, at!]));
    expect(db.value('SELECT count(*) FROM folders')).toBe(100);
    db.close();
  });
});

describe('Sqlite binding', () => {
  it('stores a string with a NUL whole but for the NUL, bound by position or by name (libsql stops at it)', () => {
    const db = openDatabase(tempDir());
    db.run('INSERT INTO folders (name, created_at) VALUES (?, 1)', ['ü\0ber alles, and the rest']);
    db.run('INSERT INTO folders (name, created_at) VALUES (:name, 2)', { name: 'Zo\0ë and the rest' });
    expect(db.all<{ name: string }>('SELECT name FROM folders ORDER BY created_at').map((row) => row.name)).toEqual(['über alles, and the rest', 'Zoë and the rest']);
    expect(db.value('SELECT count(*) FROM folders WHERE name = ?', ['ü\0ber alles, and the rest'])).toBe(1);
    db.close();
  });
});
