// Damage done to a real database file, as a failing disk or a bad copy would: junk over pages.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';

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
