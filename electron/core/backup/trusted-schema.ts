// A restored database keeps only what Paperboy's own migrations make. A backup is a file from
// anywhere (a download, a shared drive): a trigger planted in it would run inside Paperboy at
// every write (one that deleted every draft when an article was marked read was shown to
// survive a restore), and a view or table would ride along unseen. So the schema of the staged
// database is compared with one built from the migrations, at the same version: triggers,
// views and indexes that differ are dropped (Paperboy's own made again), extra tables dropped,
// and a table of Paperboy's that is not as the migrations make it refuses the restore.
import { MIGRATIONS, Sqlite } from '../storage';
import { BackupError } from './format';

interface SchemaEntry {
  readonly type: string;
  readonly name: string;
  readonly sql: string | null;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Brings `db` (a staged restore, backup tables already gone) to exactly the migrations' schema. */
export function keepTrustedSchema(db: Sqlite, file: string): void {
  const version = db.value<number>('PRAGMA user_version') ?? 0;
  const wanted = new Map(referenceSchema(version).map((entry) => [entry.name, entry]));
  const differs = (entry: SchemaEntry) => {
    const want = wanted.get(entry.name);
    return !want || want.type !== entry.type || want.sql !== entry.sql;
  };
  const present = schemaOf(db);
  for (const entry of present.filter(differs)) {
    if (entry.type === 'table' && wanted.has(entry.name)) {
      throw new BackupError(`${file} is not a sound Paperboy backup: its table ${entry.name} is not the one Paperboy makes`);
    }
    // IF EXISTS: dropping a planted virtual table already took its shadow tables with it.
    db.exec(`DROP ${entry.type.toUpperCase()} IF EXISTS ${quoted(entry.name)}`);
  }
  const kept = new Set(schemaOf(db).map((entry) => entry.name));
  for (const want of wanted.values()) {
    if (kept.has(want.name)) continue;
    if (want.type === 'table' || want.sql === null) throw new BackupError(`${file} is not a sound Paperboy backup: it has no ${want.name}`);
    db.exec(want.sql);
  }
}

/** What the migrations up to `version` make, built in memory. */
function referenceSchema(version: number): SchemaEntry[] {
  const reference = new Sqlite(':memory:');
  try {
    for (const migration of MIGRATIONS.slice(0, version)) reference.exec(migration);
    return schemaOf(reference);
  } finally {
    reference.close();
  }
}

/** sqlite_* entries are SQLite's own (statistics, autoincrement counters): not compared. */
function schemaOf(db: Sqlite): SchemaEntry[] {
  return db.all<SchemaEntry>("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid");
}
