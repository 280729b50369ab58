// Feeds are parsed one core short of the machine's cores at once (sync/feed-parses.ts): the
// writer thread stores what they yield and needs a core of its own. A feeds-only sync therefore
// starts no more parse workers than that, each of which would hold a heap of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { feedParsesAtOnce, limitedRunner } from '../../electron/core/sync/feed-parses';
import type { TaskRunner } from '../../electron/core/workers/pool';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';

let site: NewsSite;

beforeAll(async () => {
  site = await NewsSite.start({ feeds: 12, itemsPerFeed: 20 });
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

describe('feeds parsed at once', () => {
  it('a feeds-only sync of many feeds starts only the parse workers its feeds may use, and stores every feed', async () => {
    // A pool of 4 would start 4 workers for the 8 feeds fetched at once, were their parses not limited.
    const core = new Core({ dataDir: tempDir(), workers: 4, welcome: false });
    try {
      await core.api.importOpml(`<opml version="2.0"><body>${site.feedUrls().map((url) => `<outline type="rss" text="f" xmlUrl="${url}"/>`).join('')}</body></opml>`);
      const summary = await core.api.sync({ feedsOnly: true });
      expect(summary.feedsDone).toBe(12);
      expect(summary.feedsFailed).toBe(0);
      expect(summary.newArticles).toBe(12 * 20);
      expect(core.pool.workers).toBe(Math.min(feedParsesAtOnce(), 4));
    } finally {
      await core.close();
    }
  });
});

/** Lets the promise chains that pass turns on run. */
async function flush(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

/** A runner whose tasks end when the test says, recording how many ran at once and in what order. */
function heldRunner() {
  const started: string[] = [];
  const endings: ((error?: Error) => void)[] = [];
  let running = 0;
  let most = 0;
  const runner = {
    run: (_task: string, _text: string, url: string) => {
      started.push(url);
      running++;
      most = Math.max(most, running);
      return new Promise((resolve, reject) => {
        endings.push((error) => {
          running--;
          if (error) reject(error);
          else resolve(`parsed ${url}`);
        });
      });
    },
  } as unknown as TaskRunner;
  const settle = async (index: number, error?: Error) => {
    endings[index]!(error);
    await flush();
  };
  return { runner, started, settle, most: () => most };
}

describe('limitedRunner', () => {
  it('runs at most its limit at once, the others in the order they came, and a failure passes its turn on', async () => {
    const held = heldRunner();
    const limited = limitedRunner(held.runner, 2);
    const run = (url: string) => limited.run('ingestFeed', '<rss/>', url, 1);
    const results = ['a', 'b', 'c', 'd'].map((url) => run(url).then(String, (error: Error) => `failed: ${error.message}`));
    await flush();
    expect(held.started).toEqual(['a', 'b']);
    await held.settle(1, new Error('malformed XML'));
    expect(held.started).toEqual(['a', 'b', 'c']);
    await held.settle(0);
    await held.settle(2);
    await held.settle(3);
    expect(held.started).toEqual(['a', 'b', 'c', 'd']);
    expect(held.most()).toBe(2);
    expect(await Promise.all(results)).toEqual(['parsed a', 'failed: malformed XML', 'parsed c', 'parsed d']);
  });
});
