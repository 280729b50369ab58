// A full disk in words a person can act on: what did not fit, and in which folder. Image files
// (ENOSPC, or EDQUOT for a quota) and SQLite (SQLITE_FULL) both become this one error, so a sync
// treats them alike: the article waits for the next sync, the warning says why. A read-only
// data folder is its sibling: the database opens read-only in both cases (storage/recovery.ts).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
/** What SQLite needs to open a database in WAL mode: its -shm file grows to 32 KB at once. */
const PROBE_BYTES = 64 * 1024;

export class DiskFullError extends Error {
  constructor(
    what: 'images' | 'the database',
    folder: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`disk full: no space left for ${what} in ${folder}`, { cause });
  }
}

/** The error's code when it means the disk is full, else null. */
export function diskFullCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FULL.has(code) ? code : null;
}

/** The data folder (or its disk) cannot be written; reading still works. */
export class ReadOnlyFolderError extends Error {
  constructor(
    folder: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`read-only: Paperboy cannot write to ${folder} (the folder or its disk is read-only)`, { cause });
  }
}

/**
 * Why `folder` cannot take a write, as the error to show, or null when it can. SQLite's own
 * words for these ("disk I/O error" when it cannot make its -shm file, "unable to open database
 * file") do not say which, so a probe file the size SQLite needs tells.
 */
export function writeTrouble(folder: string, what: 'images' | 'the database'): DiskFullError | ReadOnlyFolderError | null {
  const probe = path.join(folder, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probe, Buffer.alloc(PROBE_BYTES));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (FULL.has(code)) return new DiskFullError(what, folder, code, error);
    if (READ_ONLY.has(code)) return new ReadOnlyFolderError(folder, code, error);
    // A folder that is missing (ENOENT) and the like: not ours to word; the caller's error stands.
    return null;
  } finally {
    rmSync(probe, { force: true });
  }
}
