// Run by test/sync/heap-growth.test.ts in a process of its own (a V8 flag is process-wide), bundled
// beside the app's bundles: node heap-churn.js core|bare [DATA_DIR]
// "core" opens a Core on DATA_DIR first, as every host does, and starts a parse worker, as a
// sync does; "bare" does neither. Then it allocates as a sync does (work that lives long enough
// to reach the old generation, then dies) and prints the most the main thread's old and young
// generations took, in MB.
import v8 from 'node:v8';
import { once } from 'node:events';
import { Core } from '../../electron/core/core';
import { startWorker } from '../../electron/core/workers/start-worker';

const [mode, dataDir] = process.argv.slice(2);
const core = mode === 'core' ? new Core({ dataDir: dataDir!, welcome: false }) : null;
const worker = core ? startWorker({ source: new URL('../../electron/core/workers/parse-worker.ts', import.meta.url), bundled: 'parse-worker.js' }) : null;
if (worker) await once(worker, 'online');

const spaceSize = (name: string) => v8.getHeapSpaceStatistics().find((space) => space.space_name === name)!.space_size;
const inFlight: object[][] = [];
let most = 0;
let mostNew = 0;
for (let round = 0; round < 400; round++) {
  inFlight.push(Array.from({ length: 5_000 }, (_, i) => ({ round, i, text: `item ${round}-${i}` })));
  if (inFlight.length > 40) inFlight.shift();
  most = Math.max(most, spaceSize('old_space'));
  mostNew = Math.max(mostNew, spaceSize('new_space'));
}
await worker?.terminate();
await core?.close();
console.log(JSON.stringify({ mostOldMb: most / 1048576, mostNewMb: mostNew / 1048576 }));
