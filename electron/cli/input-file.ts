// Files named on the command line, read with a size limit and failures in words: "cannot read
// feeds.opml: there is no such file", never a raw ENOENT, and a 200 MB file refused by its size
// before it is read into memory. Read as bytes: what encoding they are in is the file's to say.
// Files written (an export) fail in words too.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { errorMessage } from '../../shared/error-message';
import { unwritableTarget } from '../core';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

export class InputFileError extends Error {}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) ?? errorMessage(error);
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The file's bytes, or an InputFileError saying why not. */
export function readInputFile(file: string, what: string, maxBytes: number): Buffer {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = stats.size;
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${reasonOf(error)}`);
  }
  if (size > maxBytes) throw new InputFileError(`${file} is ${megabytes(size)}; ${what} is at most ${megabytes(maxBytes)}. Is this the right file?`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${reasonOf(error)}`);
  }
}

/** Writes the file whole, or throws an InputFileError saying why not. */
export function writeOutputFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InputFileError(`cannot write ${file}: ${targetProblem(file) ?? reasonOf(error)}`);
  }
}

/** What export-data says of a target (ENOENT of a new file means its folder is missing, not the file). */
function targetProblem(file: string): string | null {
  try {
    return unwritableTarget(file);
  } catch {
    return null;
  }
}
