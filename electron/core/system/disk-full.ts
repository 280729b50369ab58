// A full disk in words a person can act on: what did not fit, and in which folder. Image files
// (ENOSPC, or EDQUOT for a quota) and SQLite (SQLITE_FULL) both become this one error, so a sync
// treats them alike: the article waits for the next sync, the warning says why.
const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

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
