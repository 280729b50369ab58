// A process that runs the core keeps each heap close to what is alive in it (system/heap-growth.ts):
// during a sync most of what is allocated dies soon, and V8's own choice let the heaps grow to
// several times what survived.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundles } from '../support/bundle';
import { runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

/** heap-churn.ts bundled beside the app's bundles, as the CLI runs: from the sources, tsx's own
 *  loader thread would start an isolate (and reset the flag) after the worker is up. */
let churnScript = '';
beforeAll(() => {
  churnScript = path.join(buildBundles({ 'heap-churn': path.join(import.meta.dirname, '../support/heap-churn.ts') }), 'heap-churn.js');
}, 60_000);

interface MostTaken {
  readonly mostOldMb: number;
  readonly mostNewMb: number;
}

async function churn(mode: 'core' | 'bare'): Promise<MostTaken> {
  const run = await runProgram(process.execPath, [churnScript, mode, ...(mode === 'core' ? [tempDir()] : [])]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as MostTaken;
}

afterAll(removeTempDirs);

describe('heap growth in a process that runs the core', () => {
  // Both churn the same way, one process each, at the same time.
  const runs = () => Promise.all([churn('core'), churn('bare')]);
  let both: ReturnType<typeof runs> | null = null;
  const once = () => (both ??= runs());

  it('holds the old generation well below what V8 lets it reach on its own, for the same work', async () => {
    const [withCore, without] = await once();
    // The same allocations, about 35 MB alive at a time: on its own V8 let the old generation reach
    // some 150 MB here, and within 1.25x of what survives each collection it took 65-80.
    expect(withCore.mostOldMb).toBeLessThan(without.mostOldMb * 0.7);
  }, 60_000);

  it("holds the main thread's young generation where it was, even after a worker's start reset V8's flag", async () => {
    const [withCore, without] = await once();
    // On its own V8 doubles the nursery up to 32 MB; the worker's start in "core" set the growth
    // factor back to 2, so without applying it again the nursery grew there too.
    expect(without.mostNewMb).toBeGreaterThanOrEqual(16);
    expect(withCore.mostNewMb).toBeLessThanOrEqual(8);
  }, 60_000);
});
