// A process that runs the core keeps each heap close to what is alive in it (system/heap-growth.ts):
// during a sync most of what is allocated dies soon, and V8's own choice let the heaps grow to
// several times what survived.
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

async function mostOldGenerationMb(mode: 'core' | 'bare'): Promise<number> {
  const run = await runProgram(process.execPath, ['--import', 'tsx', 'test/support/heap-churn.ts', mode, ...(mode === 'core' ? [tempDir()] : [])]);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout.trim().split('\n').pop()!) as { mostOldMb: number }).mostOldMb;
}

afterAll(removeTempDirs);

describe('heap growth in a process that runs the core', () => {
  it('holds the old generation well below what V8 lets it reach on its own, for the same work', async () => {
    const [withCore, without] = await Promise.all([mostOldGenerationMb('core'), mostOldGenerationMb('bare')]);
    // The same allocations, about 35 MB alive at a time: on its own V8 let the old generation reach
    // some 150 MB here, and within 1.25x of what survives each collection it took 65-80.
    expect(withCore).toBeLessThan(without * 0.7);
  }, 60_000);
});
