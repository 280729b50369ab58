// The process killed with SIGKILL: what the person wrote is there after the restart, and a post
// cut short is not made twice.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { removeTempDirs } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { syncedCore } from './support/synced-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./support/core-child.ts', import.meta.url));

let site: WordPressSite;
beforeAll(async () => {
  site = await WordPressSite.start();
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line starting with `prefix`. */
  line(prefix: string): Promise<string>;
  kill(): Promise<NodeJS.Signals | null>;
}

function child(...args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT });
  let out = '';
  let err = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
  return {
    process: proc,
    line: (prefix) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const found = out.split('\n').find((l) => l.startsWith(prefix));
          if (found) resolve(found);
          else if (proc.exitCode !== null) reject(new Error(`child exited: ${err}`));
          else setTimeout(look, 20);
        };
        look();
      }),
    kill: () => {
      proc.kill('SIGKILL');
      return exited;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function preparedFolder(): Promise<{ dataDir: string; articleId: string }> {
  const { core, articleId } = await syncedCore(site);
  const dataDir = core.dataDir;
  await core.close();
  return { dataDir, articleId };
}

function reopen(dataDir: string): PaperboyCore {
  return openCore({ dataDir, workers: 1, welcome: false });
}

describe('SIGKILL', () => {
  it('a draft saved one second before the process is killed is there after the restart', async () => {
    const { dataDir, articleId } = await preparedFolder();
    const typing = ['Sec', 'Second thou', 'Second thoughts on Geneva.'].map((body, n) =>
      JSON.stringify(n === 0 ? { articleId, body, name: 'Jo', email: 'jo@example.org' } : { body }),
    );
    const writer = child('save', dataDir, ...typing);
    const id = Number((await writer.line('saved ')).split(' ')[1]);
    await sleep(1000);
    expect(await writer.kill()).toBe('SIGKILL');
    // Nothing was checkpointed: the draft is only in the write-ahead log, which the restart replays.
    expect(statSync(path.join(dataDir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);

    const core = reopen(dataDir);
    try {
      expect(await core.api.getDraft(id)).toMatchObject({ body: 'Second thoughts on Geneva.', name: 'Jo', state: 'draft', articleId });
      expect((await core.api.getSettings()).commenter.name).toBe('Jo');
    } finally {
      await core.close();
    }
  });

  it('a send cut short is left to its live process, then checked on the site instead of posted again', async () => {
    const { dataDir, articleId } = await preparedFolder();
    let core = reopen(dataDir);
    const draft = await core.api.saveDraft({ articleId, body: 'Posted just before the crash.', name: 'Jo', email: 'jo@example.org' });
    await core.close();

    site.misbehaviour = 'store-then-hang';
    const sender = child('send', dataDir, String(draft.id));
    await site.nextPost();
    site.misbehaviour = 'none';
    // The app opens the folder while the CLI's post is in flight: the attempt is not its own.
    core = reopen(dataDir);
    try {
      expect((await core.api.getDraft(draft.id))?.state).toBe('sending');
      expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unchanged', message: 'This comment is being sent.' });
      expect(await sender.kill()).toBe('SIGKILL');
      await core.close();

      core = reopen(dataDir);
      expect(await core.api.getDraft(draft.id)).toMatchObject({ state: 'queued', message: expect.stringMatching(/interrupted/) });
      const posts = site.posts.length;
      expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'found', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) } });
      expect(site.posts.length).toBe(posts);
      expect(site.comments.filter((c) => c.content === 'Posted just before the crash.')).toHaveLength(1);
    } finally {
      await core.close();
    }
  });
});
