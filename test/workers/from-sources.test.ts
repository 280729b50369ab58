// A core run from its TypeScript sources without bundles (`npm run preview`, scripts under tsx)
// boots its workers through dev-boot.mjs, which registers tsx in each worker thread. The rest of
// the test run starts workers from the run's bundles (support/run-bundles.ts), so this file takes
// that path away to keep the sources' own path working.
import { afterAll, expect, it } from 'vitest';
import { WorkerPool } from '../../electron/core/workers/pool';

const bundles = process.env.PAPERBOY_WORKER_BUNDLES;
delete process.env.PAPERBOY_WORKER_BUNDLES;
const pool = new WorkerPool(1);
afterAll(async () => {
  await pool.close();
  process.env.PAPERBOY_WORKER_BUNDLES = bundles;
});

it('reads an article in a worker started from the sources', async () => {
  const page = `<html lang="nl"><body><nav><a href="/">Start</a></nav><article><h1>De veerpont vaart weer</h1>${'<p>Na drie weken onderhoud vaart de veerpont over het kanaal weer elk kwartier, ook in het weekend.</p>'.repeat(8)}</article></body></html>`;
  const prepared = await pool.run('prepare', { pageHtml: page, pageUrl: 'http://127.0.0.4/veer', feedHtml: null, feedItemUrl: 'http://127.0.0.4/veer' });
  expect(prepared.text).toContain('Na drie weken onderhoud vaart de veerpont');
  expect(prepared.lang).toBe('nl');
});
