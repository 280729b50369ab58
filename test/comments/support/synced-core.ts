// A core subscribed to the WordPress test site and synced once: the seed post is stored with its
// comment form and its comments, ready for drafts and sending.
import type { CoreOptions } from '../../../electron/core';
import { Core } from '../../../electron/core/core';
import { tempDir } from '../../support/temp';
import type { WordPressSite } from '../../support/wordpress';

export interface SyncedCore {
  readonly core: Core;
  readonly articleId: string;
}

export async function syncedCore(site: Pick<WordPressSite, 'feedUrl'>, options: Partial<CoreOptions> = {}): Promise<SyncedCore> {
  const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, ...options });
  await core.api.addFeed(site.feedUrl);
  await core.api.sync();
  const [article] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
  if (!article) throw new Error('the seed post was not stored');
  return { core, articleId: article.id };
}
