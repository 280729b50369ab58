// `paperboy export-data FILE` stopped half-way (kill, a closed terminal): the half-written copy
// of all the person's data (drafts, email address) was left beside the target as
// FILE.PID.partial, readable by everyone, with its journal, and never cleaned. Now the copy is
// private from its first byte; SIGTERM and SIGHUP are taken as Ctrl-C is, so the export (which
// libsql cannot have stopped mid-write) ends with a whole file and no partial one; and a partial
// file a killed process left behind is removed by the next export. Real processes, real signals.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../http/helpers';
import { paperboy, startPaperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** A data folder whose image cache takes the export some seconds to copy: 600 photos of 128 KB. */
async function folderWithImages(): Promise<string> {
  const data = tempDir();
  expect((await paperboy('call', 'createFolder', '["Kept"]', '--data', data)).code).toBe(0);
  for (let i = 0; i < 600; i++) {
    const bytes = randomBytes(128 * 1024);
    const hash = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(path.join(data, 'images', hash.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(data, 'images', hash.slice(0, 2), hash), bytes);
  }
  return data;
}

describe('export-data stopped half-way', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: the copy is private from its start, no partial file or journal is left, and the exit status is %i', async (signal, status) => {
    const data = await folderWithImages();
    const folder = tempDir();
    const target = path.join(folder, 'all.paperboy-backup');
    const started = startPaperboy('export-data', target, '--data', data);
    const partialOf = () => readdirSync(folder).find((name) => name.endsWith('.partial'));
    await waitFor(() => partialOf() !== undefined);
    // Private from the start, not once VACUUM INTO has filled it.
    expect(statSync(path.join(folder, partialOf()!)).mode & 0o777).toBe(0o600);
    started.child.kill(signal);
    const run = await started.run;
    expect(run.code).toBe(status);
    expect(readdirSync(folder)).toEqual(['all.paperboy-backup']);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    // Whole: it restores.
    expect((await paperboy('restore-data', target, '--data', tempDir())).code).toBe(0);
  }, 60_000);

  it('the next export removes what a killed export left behind', async () => {
    const data = tempDir();
    const folder = tempDir();
    const target = path.join(folder, 'all.paperboy-backup');
    // Process id 4194305 is above Linux's largest: that process is gone.
    const abandoned = `${target}.4194305.partial`;
    writeFileSync(abandoned, 'half a backup');
    writeFileSync(`${abandoned}-journal`, 'its journal');
    // Another file of the folder, named alike, is not the export's to remove.
    writeFileSync(path.join(folder, 'notes.4194305.partial'), 'mine');
    const run = await paperboy('export-data', target, '--data', data);
    expect(run.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['all.paperboy-backup', 'notes.4194305.partial']);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});
