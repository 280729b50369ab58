// Feeds go first in the parse pool: a feed's parse is what finds its articles, so it does not wait
// behind the pages already queued; among themselves, feeds and pages each keep the order they came in.
import { afterAll, expect, it } from 'vitest';
import { WorkerPool } from '../../electron/core/workers/pool';

const pool = new WorkerPool(1);
afterAll(() => pool.close());

const rss = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.3/</link>` +
  `<item><title>Story of ${title}</title><guid>${title}-1</guid><description>Text</description></item></channel></rss>`;
const page = (n: number) => ({
  pageUrl: `http://127.0.0.3/pages/${n}`, feedHtml: null, feedItemUrl: `http://127.0.0.3/pages/${n}`,
  pageHtml: `<html><body><article><h1>Page ${n}</h1>${'<p>The harbour council met on Tuesday evening to agree the budget.</p>'.repeat(20)}</article></body></html>`,
});

it('runs a feed waiting behind pages before them, and keeps the order among feeds and among pages', async () => {
  const finished: string[] = [];
  const note = (name: string) => () => void finished.push(name);
  // The worker is still starting: all five wait in the queue together.
  await Promise.all([
    pool.run('prepare', page(1)).then(note('page 1')),
    pool.run('ingestFeed', rss('Harbour'), 'http://127.0.0.3/harbour.xml', 1).then(note('feed Harbour')),
    pool.run('prepare', page(2)).then(note('page 2')),
    pool.run('ingestFeed', rss('Council'), 'http://127.0.0.3/council.xml', 2).then(note('feed Council')),
    pool.run('prepare', page(3)).then(note('page 3')),
  ]);
  expect(finished).toEqual(['feed Harbour', 'feed Council', 'page 1', 'page 2', 'page 3']);
});
