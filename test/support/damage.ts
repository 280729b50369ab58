// Damage done to a real database file, as a failing disk or a bad copy would: junk over pages.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { Sqlite } from '../../electron/core/storage/sqlite';

/** Writes 0x5a bytes over [offset, offset + length). */
export function overwrite(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

export function pageSize(file: string): number {
  return readFileSync(file).readUInt16BE(16);
}

/** Junk over `pages` whole pages from the middle of the file. */
export function damageMiddle(file: string, pages: number): void {
  const page = pageSize(file);
  overwrite(file, Math.floor(statSync(file).size / 2 / page) * page, page * pages);
}

/**
 * Junk over `pages` of `table`'s leaf pages, from the middle of them (dbstat says where they are):
 * damage that stays in one table whatever the migrations put around it (a table one adds moves
 * every page after it, and "the middle of the file" then lands in another table).
 */
export function damageTable(file: string, table: string, pages: number): void {
  const db = new Sqlite(file, { readonly: true });
  const leaves = db.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table]);
  db.close();
  const page = pageSize(file);
  const middle = Math.floor(leaves.length / 2);
  for (const { pageno } of leaves.slice(middle, middle + pages)) overwrite(file, (pageno - 1) * page, page);
}
