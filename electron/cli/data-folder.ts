// The data folder named on the command line (--data DIR), or the default, checked before the core
// opens it: a file in its place, or a parent no one may write to, is said in words (never a raw
// ENOTDIR or EACCES), and nothing is created for a folder that cannot be had.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../core';

export class DataFolderError extends Error {}

/**
 * The folder to open: --data's, else the default. --data is read as PAPERBOY_DATA_DIR is, its
 * leading ~/ expanded as a shell would (`--data=~/x` reaches no shell's expansion).
 */
export function dataFolderOf(option: string | undefined): string {
  const dir = option === undefined ? defaultDataDir() : defaultDataDir({ ...process.env, PAPERBOY_DATA_DIR: option });
  const problem = dataFolderProblem(dir);
  if (problem) throw new DataFolderError(`cannot use the data folder ${dir}: ${problem}`);
  return dir;
}

/**
 * What keeps `dir` from being a data folder, or null. An existing folder is not refused when
 * read-only: the core opens it read-only. One still to be made needs a folder to make it in.
 */
function dataFolderProblem(dir: string): string | null {
  const existing = nearestExisting(dir);
  if (existing === null) return null;
  if (!existing.stats.isDirectory()) {
    return existing.path === dir ? 'it is a file, not a folder' : `${existing.path} is a file, not a folder`;
  }
  if (existing.path === dir) return null;
  try {
    accessSync(existing.path, constants.W_OK | constants.X_OK);
    return null;
  } catch {
    return `it does not exist, and it cannot be made in ${existing.path} (permission denied)`;
  }
}

function nearestExisting(dir: string): { path: string; stats: Stats } | null {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      return { path: current, stats: statSync(current) };
    } catch {
      // Missing (or not reachable, which the folder above says): look one level up.
    }
    if (path.dirname(current) === current) return null;
  }
}
