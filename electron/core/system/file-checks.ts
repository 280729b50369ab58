// A file the person named (a backup to restore, a place to export to), checked before use, so a
// mistake reads as a sentence naming the file rather than as Node's or SQLite's "EISDIR: illegal
// operation on a directory, read" or "unable to open database".
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Why `file` cannot be read as a file, or null when it can be tried. */
export function unreadableFile(file: string): string | null {
  const stats = statOf(file);
  if (typeof stats === 'string') return stats;
  if (!stats) return `${file} does not exist`;
  if (stats.isDirectory()) return `${file} is a folder, not a file`;
  return null;
}

/** Why a new file cannot be written at `file`, or null when it can be tried. */
export function unwritableTarget(file: string): string | null {
  const stats = statOf(file);
  if (typeof stats === 'string') return stats;
  if (stats?.isDirectory()) return `${file} is a folder: name a file inside it`;
  const folder = path.dirname(file);
  const folderStats = statOf(folder);
  if (typeof folderStats === 'string') return folderStats;
  if (!folderStats) return `the folder ${folder} does not exist`;
  return null;
}

/** The file's stats, undefined when it is missing, or why it cannot be looked at. */
function statOf(file: string): Stats | undefined | string {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return `${file} cannot exist: part of its path is a file, not a folder`;
    if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be reached (permission denied)`;
    throw error;
  }
}
