// Where Paperboy keeps its data: the platform's app-data folder, the same one Electron's
// app.getPath('userData') gives for productName "Paperboy", so the CLI and the app share it.
// And who may read it: the person alone. It holds their drafts, email address and reading, so
// the folder is 0700 and its files 0600, whatever the umask says (0755/0644 by default).
import { chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Paperboy';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // An empty variable counts as unset, as the XDG spec and Electron have it (not as the current folder).
  if (env.PAPERBOY_DATA_DIR) return path.resolve(expandHome(env.PAPERBOY_DATA_DIR));
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/**
 * A leading ~ or ~/ as the home folder, as shells expand it: a path that reaches Paperboy without
 * passing a shell's expansion (`--data=~/x`, a variable set in a quoted line) would make a folder named ~.
 */
function expandHome(dir: string): string {
  if (dir === '~') return os.homedir();
  if (dir.startsWith('~/') || (path.sep === '\\' && dir.startsWith('~\\'))) return path.join(os.homedir(), dir.slice(2));
  return dir;
}

/** Mode of the data folder and of the folders inside it. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Mode of the database, config.json and backups. */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder if need be, and makes it (new or old) the person's alone. */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  restrict(dir, PRIVATE_FOLDER_MODE);
}

/** Makes an existing file readable by the person alone; a missing one is left missing. */
export function makePrivate(file: string): void {
  restrict(file, PRIVATE_FILE_MODE);
}

function restrict(target: string, mode: number): void {
  try {
    chmodSync(target, mode);
  } catch {
    // Missing, or on a read-only disk or a file system without modes: nothing to tighten there,
    // and no reason to keep the person from their data.
  }
}
