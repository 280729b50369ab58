// Opens the one database file of a data folder: WAL, foreign keys, migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';
import { Sqlite } from './sqlite';

export const DATABASE_FILE = 'paperboy.db';

export function openDatabase(dataDir: string): Sqlite {
  mkdirSync(dataDir, { recursive: true });
  const db = new Sqlite(path.join(dataDir, DATABASE_FILE));
  // WAL: readers never wait for the sync's writes; NORMAL is durable across app crashes (a
  // power cut may lose the last transactions, never corrupt the file).
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);
  return db;
}

export function schemaVersion(db: Sqlite): number {
  return db.value<number>('PRAGMA user_version') ?? 0;
}

function migrate(db: Sqlite): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(`This data folder was written by a newer Paperboy (schema ${current}); please update the app.`);
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.exec(`PRAGMA user_version = ${version}`);
    });
  }
}
