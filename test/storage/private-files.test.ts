// Who may read a data folder: the person alone. It holds their drafts, email address and
// reading; with the default umask the folder was 0755 and its files 0644, readable by every
// account on the machine. Also: the record of a process using the folder names the command,
// never its arguments (a `call saveDraft` carries the draft's text).
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { OPEN_FOLDER, recordUse } from '../../electron/core/system/folder-users';
import { removeTempDirs, tempDir } from '../support/temp';

const cores: PaperboyCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  removeTempDirs();
});

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

function open(dataDir: string): PaperboyCore {
  const core = openCore({ dataDir, workers: 1, welcome: false });
  cores.push(core);
  return core;
}

describe('the data folder', () => {
  it('is the person\'s alone: the folder 0700, the database, its WAL, config.json and a backup 0600', async () => {
    const dataDir = path.join(tempDir(), 'Paperboy');
    const core = open(dataDir);
    await core.api.updateSettings({ commenter: { name: 'Jo Reader', email: 'jo@example.org', website: '' } });
    await core.api.importOpml('<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="http://127.0.0.1:9/feed.xml"/></body></opml>');
    const backup = path.join(tempDir(), 'paperboy-backup.db');
    await core.exportData(backup);
    expect(modeOf(dataDir)).toBe('700');
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'config.json']) {
      expect([name, modeOf(path.join(dataDir, name))]).toEqual([name, '600']);
    }
    expect(modeOf(backup)).toBe('600');
  });

  it('made by an older Paperboy (0755, 0644) is tightened when it opens', async () => {
    const dataDir = path.join(tempDir(), 'Paperboy');
    await open(dataDir).close();
    cores.length = 0;
    chmodSync(dataDir, 0o755);
    chmodSync(path.join(dataDir, DATABASE_FILE), 0o644);
    open(dataDir);
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(path.join(dataDir, DATABASE_FILE))).toBe('600');
  });
});

describe('the record of a process using the folder', () => {
  it('names the command, not its arguments', () => {
    const dataDir = tempDir();
    const argv = process.argv;
    process.argv = [...argv.slice(0, 2), 'call', 'saveDraft', '[{"body":"My private reply to the editor"}]'];
    try {
      const use = recordUse(dataDir);
      const [entry] = readdirSync(path.join(dataDir, OPEN_FOLDER));
      const record = readFileSync(path.join(dataDir, OPEN_FOLDER, entry!), 'utf8');
      use.release();
      expect(record).not.toContain('private reply');
      expect(record).not.toContain('saveDraft');
      expect(JSON.parse(record)).toMatchObject({ pid: process.pid, command: `${path.basename(process.execPath)} ${path.basename(argv[1]!)}` });
    } finally {
      process.argv = argv;
    }
  });
});
