// A parse worker with nothing to do is let go after a while: after a sync each held some 35 MB
// until the next one, hours later in an app left open. A task after that starts one again.
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_TASK_TIMEOUT_MS, WorkerPool } from '../../electron/core/workers/pool';
import { WORKER_HEAP_MB } from '../../electron/core/workers/start-worker';

const IDLE_MS = 300;
const pool = new WorkerPool(2, DEFAULT_TASK_TIMEOUT_MS, WORKER_HEAP_MB, IDLE_MS);
afterAll(() => pool.close());

const rss = (n: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour ${n}</title><link>http://127.0.0.3/</link>` +
  `<item><title>Story ${n}</title><guid>story-${n}</guid><description>The council met.</description></item></channel></rss>`;
const titlesOf = async (n: number) => (await pool.run('ingestFeed', rss(n), `http://127.0.0.3/${n}.xml`, n)).items.map((item) => item.title);

it('lets idle workers go, and starts one again for the next task', async () => {
  expect(await Promise.all([titlesOf(1), titlesOf(2), titlesOf(3)])).toEqual([['Story 1'], ['Story 2'], ['Story 3']]);
  expect(pool.workers).toBe(2);

  await expect.poll(() => pool.workers).toBe(0);

  expect(await titlesOf(4)).toEqual(['Story 4']);
  expect(pool.workers).toBe(1);
});
