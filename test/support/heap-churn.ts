// Run by test/sync/heap-growth.test.ts in a process of its own (a V8 flag is process-wide):
//   node --import tsx test/support/heap-churn.ts core|bare [DATA_DIR]
// "core" opens a Core on DATA_DIR first, as every host does; "bare" does not. Then it allocates
// as a sync does (work that lives long enough to reach the old generation, then dies) and prints
// the most the old generation took, in MB.
import v8 from 'node:v8';
import { Core } from '../../electron/core/core';

const [mode, dataDir] = process.argv.slice(2);
const core = mode === 'core' ? new Core({ dataDir: dataDir!, welcome: false }) : null;

const oldSpace = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_size;
const inFlight: object[][] = [];
let most = 0;
for (let round = 0; round < 400; round++) {
  inFlight.push(Array.from({ length: 5_000 }, (_, i) => ({ round, i, text: `item ${round}-${i}` })));
  if (inFlight.length > 40) inFlight.shift();
  most = Math.max(most, oldSpace());
}
await core?.close();
console.log(JSON.stringify({ mostOldMb: most / 1048576 }));
