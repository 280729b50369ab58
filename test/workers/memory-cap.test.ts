// The parse workers' heap cap (workers/start-worker.ts): the largest feed the sync accepts still
// parses under it, and a hostile document that would need more fails alone, with a message that
// says why, while the next feed parses as usual.
import { afterEach, describe, expect, it } from 'vitest';
import { RealisticNews } from '../../bench/realistic-news';
import { DEFAULT_LIMITS } from '../../electron/core/sync/limits';
import { unpackItems } from '../../electron/core/workers/packed-items';
import { DEFAULT_TASK_TIMEOUT_MS, WorkerPool } from '../../electron/core/workers/pool';

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const XML = 'application/rss+xml; charset=utf-8';

/** A feed of full news items, as close to `bytes` as whole items allow. */
function fullFeedOf(bytes: number): string {
  const one = new RealisticNews({ feeds: 1, itemsPerFeed: 50, liveOrigins: ['http://127.0.0.1'], troubledOrigins: [] }).feedXml(0, 'http://127.0.0.1');
  const items = Math.floor((bytes / one.length) * 50);
  return new RealisticNews({ feeds: 1, itemsPerFeed: items, liveOrigins: ['http://127.0.0.1'], troubledOrigins: [] }).feedXml(0, 'http://127.0.0.1');
}

describe('a parse worker’s heap cap', () => {
  it('holds the largest feed the sync accepts: every item of a feed just under the size limit is read', { timeout: 120_000 }, async () => {
    const xml = fullFeedOf(DEFAULT_LIMITS.feedBytes * 0.95);
    expect(xml.length).toBeLessThanOrEqual(DEFAULT_LIMITS.feedBytes);
    pool = new WorkerPool(1, DEFAULT_TASK_TIMEOUT_MS * 4);
    const feed = await pool.run('ingestFeedPacked', bytesOf(xml), XML, 'http://127.0.0.1/feeds/0.xml', 1, DEFAULT_LIMITS.feedBytes);
    const items = unpackItems(feed.items);
    expect(items).toHaveLength((xml.match(/<item>/g) ?? []).length);
    expect(items.length).toBeGreaterThan(3000);
    expect(items.at(-1)!.feedText.length).toBeGreaterThan(1000);
  });

  it('fails a document that would need more, saying so, and the next feed parses', { timeout: 60_000 }, async () => {
    // The same shape as 20 MB of empty elements under the real cap, scaled down with the cap.
    pool = new WorkerPool(1, DEFAULT_TASK_TIMEOUT_MS, 48);
    const hostile = `<rss version="2.0"><channel><title>Bomb</title><item><title>One</title>${'<x:b c="1"/>'.repeat(600_000)}</item></channel></rss>`;
    await expect(pool.run('ingestFeedPacked', bytesOf(hostile), XML, 'http://127.0.0.1/bomb.xml', 1, DEFAULT_LIMITS.feedBytes)).rejects.toThrow(
      'too large to read: it needed more than 48 MB of memory',
    );
    const next = await pool.run('ingestFeedPacked', bytesOf(fullFeedOf(60_000)), XML, 'http://127.0.0.1/feeds/1.xml', 2, DEFAULT_LIMITS.feedBytes);
    expect(unpackItems(next.items).length).toBeGreaterThan(5);
  });
});
