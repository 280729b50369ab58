// A data folder with something to look at, made through the core's API in this process before
// any page opens: a folder "World" holding a generated news feed and the multi-script feed, a
// second news feed at the top level, and a feed whose last sync failed.
import { openCore } from '../../../electron/core';
import type { NewsSite } from '../../support/news-site';
import type { WorldSite } from './world-site';

export async function prepareLibrary(dataDir: string, news: NewsSite, world: WorldSite): Promise<void> {
  const core = openCore({ dataDir, workers: 1 });
  try {
    const folder = await core.api.createFolder('World');
    await core.api.addFeed(news.feedUrl(0), folder.id);
    await core.api.addFeed(world.feedUrl, folder.id);
    await core.api.addFeed(news.feedUrl(1));
    await core.api.addFeed(world.flakyFeedUrl);
    world.failing = true;
    const summary = await core.api.sync();
    if (summary.feedsFailed !== 1) throw new Error(`expected the flaky feed alone to fail, got ${JSON.stringify(summary)}`);
  } finally {
    await core.close();
  }
}
