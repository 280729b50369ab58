// Which processes have a data folder open, so that a restore (which replaces the database under
// them) can refuse while another one does. Each open core writes DATA/open/<pid>.<random> (one
// file per core: two cores of one process, as tests have, each remove only their own) and
// removes it on close.
// Safe with crashes: a process killed before it could remove its file leaves it behind, but an
// entry counts only while its process is alive (isProcessAlive), and one written before this
// machine last started never counts (process ids start over at boot, so after a reboot a
// stranger may have the id). Such stale files are removed the next time a core opens the folder.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from './process-alive';

export const OPEN_FOLDER = 'open';

/** A restore refused because another process uses the data folder; nothing was changed. */
export class DataFolderInUseError extends Error {
  constructor(readonly pid: number) {
    super(`Paperboy is still using this data folder (process ${pid}). Close the app (or the running command) and try again.`);
    this.name = 'DataFolderInUseError';
  }
}

export interface FolderUse {
  /** Idempotent: close() paths may run twice. */
  release(): void;
}

/** Records that this process has `dataDir` open until release(). */
export function recordUse(dataDir: string): FolderUse {
  const dir = path.join(dataDir, OPEN_FOLDER);
  const file = path.join(dir, `${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dir, { recursive: true });
    for (const entry of entries(dir)) if (!entry.live) rmSync(entry.file, { force: true });
    // The name alone is what counts: an empty file still records the use when the disk is full.
    writeFileSync(file, '');
    // What it is, for a person who finds the file: the command's name, never its arguments
    // (`paperboy call saveDraft '{...}'` carries the draft's text).
    writeFileSync(file, `${JSON.stringify({ pid: process.pid, command: commandName(), since: new Date().toISOString() })}\n`);
  } catch {
    // A full or read-only disk must not stop Paperboy from opening its data (a restore then
    // cannot see this process, which is the lesser harm).
  }
  return { release: () => rmSync(file, { force: true }) };
}

/** The program and the script it runs (node paperboy.cjs, Paperboy), without any argument. */
function commandName(): string {
  const script = process.argv[1];
  const names = [path.basename(process.execPath)];
  if (script !== undefined && existsSync(script)) names.push(path.basename(script));
  return names.join(' ');
}

/** Live processes other than this one that have `dataDir` open. */
export function otherUsers(dataDir: string): number[] {
  const pids = entries(path.join(dataDir, OPEN_FOLDER)).filter((entry) => entry.live && entry.pid !== process.pid).map((entry) => entry.pid);
  return [...new Set(pids)];
}

/** Throws DataFolderInUseError when another live process has `dataDir` open. */
export function refuseWhileInUse(dataDir: string): void {
  const [pid] = otherUsers(dataDir);
  if (pid !== undefined) throw new DataFolderInUseError(pid);
}

function entries(dir: string): { file: string; pid: number; live: boolean }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: { file: string; pid: number; live: boolean }[] = [];
  for (const name of names) {
    const match = /^(\d+)\.[0-9a-f]+$/.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    const pid = Number(match[1]);
    const writtenAt = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    found.push({ file, pid, live: writtenAt !== undefined && stillRunning(pid, writtenAt) });
  }
  return found;
}

/**
 * Whether the process `pid`, which wrote a record of itself at `writtenAt` (epoch ms), still
 * runs: alive, and not a stranger given its id after a reboot (the sync lock asks this too).
 */
export function stillRunning(pid: number, writtenAt: number): boolean {
  const bootedAt = Date.now() - os.uptime() * 1000;
  // Written before the boot (a minute's slack for clocks and uptime rounding): a pid from another life.
  return writtenAt > bootedAt - 60_000 && isProcessAlive(pid);
}
