// A config.json that is empty, truncated or not JSON at all (a crash mid-write, a hand edit) must
// not stop Paperboy from starting: conf and electron-store both throw on it. It is moved aside,
// never deleted, Paperboy starts with the default settings, and the person is told where it went.
import { readFileSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { StartupNotice } from '../../../shared/api';
import { errorMessage } from '../../../shared/error-message';
import { SETTINGS_FILE } from './settings-store';

function problemOf(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return 'it is a folder, not a file';
    return `it cannot be read (${errorMessage(error)})`;
  }
  if (text.trim() === '') return 'it is empty';
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'it does not hold settings';
  } catch {
    return 'it is not valid JSON';
  }
}

function asideName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let target = `${file}.unreadable-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${file}.unreadable-${stamp}-${n}`;
  return target;
}

/**
 * Checks the data folder's config.json before a settings store opens it; when it cannot be used,
 * moves it aside and returns the notice to show. Null when the file is sound or absent.
 */
export function setAsideUnreadableSettings(dataDir: string, now: Date = new Date()): StartupNotice | null {
  const file = path.join(dataDir, `${SETTINGS_FILE}.json`);
  const problem = problemOf(file);
  if (!problem) return null;
  const target = asideName(file, now);
  try {
    renameSync(file, target);
  } catch (error) {
    throw new Error(`The settings file ${file} cannot be used (${problem}) and cannot be moved aside: ${errorMessage(error)}`);
  }
  return {
    id: `settings-reset:${path.basename(target)}`,
    title: 'Paperboy started with default settings',
    message: `The settings file could not be used (${problem}). It is kept, unchanged, at ${target}. Your subscriptions and articles are not affected.`,
  };
}
