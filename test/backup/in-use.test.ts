// A restore replaces the database under any process that has the folder open, so it refuses
// while another live process does (a running app, a CLI sync), says which and what to do, and
// changes nothing. Real child processes; one killed with SIGKILL leaves its entry behind, which
// must not block a restore.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreInApp } from '../../electron/core/backup/app-restore';
import { openCore, restoreDataFolder } from '../../electron/core';
import { OPEN_FOLDER } from '../../electron/core/system/folder-users';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { paperboy, ROOT } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const HOLDER = fileURLToPath(new URL('./support/hold-folder.ts', import.meta.url));
const children: ChildProcess[] = [];
let backup = '';

beforeAll(async () => {
  const source = tempDir('paperboy-in-use-source-');
  const core = openCore({ dataDir: source, workers: 1 });
  await core.api.createFolder('From the backup');
  backup = path.join(tempDir('paperboy-in-use-file-'), 'all.paperboy-backup');
  await core.exportData(backup);
  await core.close();
}, 60_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeTempDirs();
});

/** Starts `node --import tsx ARGS` from the project root; resolves once its stdout has `line` (at once without one). */
function start(args: string[], line?: string): Promise<ChildProcess & { exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    if (line === undefined) resolve(Object.assign(child, { exited }));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (line !== undefined && out.includes(line)) resolve(Object.assign(child, { exited }));
    });
    void exited.then((code) => reject(new Error(`child exited (${code}) before "${line}": ${err}`)));
  });
}

/** Every file of a folder and the hash of its bytes (the open/ registry left out: it is not data). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (path.relative(dir, full) === OPEN_FOLDER) continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const inUse = (pid: number) => `Paperboy is still using this data folder (process ${pid}). Close the app (or the running command) and try again.`;

describe('restore while another process has the data folder open', () => {
  it('restore-data refuses while an app holds the folder, changing nothing; once that process is SIGKILLed its leftover entry does not block', async () => {
    const data = tempDir('paperboy-in-use-held-');
    const core = openCore({ dataDir: data, workers: 1 });
    await core.api.createFolder('Mine');
    await core.close();
    const holder = await start([HOLDER, data], 'open');
    const before = files(data);

    const refused = await paperboy('restore-data', backup, '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`paperboy: ${inUse(holder.pid!)}\n`);
    expect(files(data)).toEqual(before);
    expect(() => restoreDataFolder(data, backup)).toThrow(inUse(holder.pid!));

    holder.kill('SIGKILL');
    await holder.exited;
    // The killed process could not remove its entry: it is still there, and ignored.
    expect(readdirSync(path.join(data, OPEN_FOLDER))).toEqual([expect.stringMatching(new RegExp(`^${holder.pid}\\.`))]);
    const restored = await paperboy('restore-data', backup, '--data', data);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const reopened = openCore({ dataDir: data, workers: 1 });
    try {
      expect((await reopened.api.listFolders()).map((f) => f.name)).toEqual(['From the backup']);
    } finally {
      await reopened.close();
    }
    // The next core to open the folder tidied the dead process's entry away.
    expect(readdirSync(path.join(data, OPEN_FOLDER))).toEqual([]);
  }, 120_000);

  it('in the app: a CLI sync running on the folder makes the restore refuse before the app closes its core; after the sync it restores', async () => {
    const server = await TestServer.start();
    // The feed answers at once when it is added, then holds the CLI's sync until released.
    const held: ServerResponse[] = [];
    let hold = false;
    const feed = rssFeed('Slow news', [rssItem('one', 'One story')]);
    server.route('/slow.xml', (_req, res) => {
      if (hold) held.push(res);
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    });
    const data = tempDir('paperboy-in-use-app-');
    try {
      expect((await paperboy('add', server.url('/slow.xml'), '--data', data)).code).toBe(0);
      hold = true;
      const sync = await start(['electron/cli/main.ts', 'sync', '--no-fulltext', '--data', data]);
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      const running = openCore({ dataDir: data, workers: 1 });
      await running.api.createFolder('Before the restore');
      const steps: string[] = [];
      const restoreSteps = {
        dataDir: data,
        closeCore: async () => {
          steps.push('close');
          await running.close();
        },
        restore: (chosen: string) => (steps.push('restore'), restoreDataFolder(data, chosen)),
      };
      const refused = await restoreInApp(backup, restoreSteps);
      expect(refused).toEqual({ kind: 'in-use', message: inUse(sync.pid!) });
      // The app keeps running on its data.
      expect(steps).toEqual([]);
      expect((await running.api.listFolders()).map((f) => f.name)).toEqual(['Before the restore']);

      for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
      hold = false;
      expect(await sync.exited).toBe(0);
      const outcome = await restoreInApp(backup, restoreSteps);
      expect(steps).toEqual(['close', 'restore']);
      expect(outcome).toMatchObject({ kind: 'restored' });
      const reopened = openCore({ dataDir: data, workers: 1 });
      try {
        expect((await reopened.api.listFolders()).map((f) => f.name)).toEqual(['From the backup']);
      } finally {
        await reopened.close();
      }
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('in the app: a command that opens the folder while the app closes its core is refused by the restore itself; the data stays as it was', async () => {
    const data = tempDir('paperboy-in-use-race-');
    const running = openCore({ dataDir: data, workers: 1 });
    await running.api.createFolder('Mine');
    let holder: (ChildProcess & { exited: Promise<number | null> }) | null = null;
    const outcome = await restoreInApp(backup, {
      dataDir: data,
      closeCore: async () => {
        await running.close();
        holder = await start([HOLDER, data], 'open');
      },
      restore: (chosen) => restoreDataFolder(data, chosen),
    });
    expect(outcome).toEqual({ kind: 'failed', message: inUse(holder!.pid!) });
    holder!.kill('SIGKILL');
    await holder!.exited;
    const reopened = openCore({ dataDir: data, workers: 1 });
    try {
      expect((await reopened.api.listFolders()).map((f) => f.name)).toEqual(['Mine']);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
