// A core subscribed to the WordPress test site and synced once: the seed post is stored with its
// comment form and its comments, ready for drafts and sending.
import { afterAll, afterEach } from 'vitest';
import type { CoreOptions } from '../../../electron/core';
import { Core } from '../../../electron/core/core';
import { removeTempDirs, tempDir } from '../../support/temp';
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

/** For a file whose tests each start a site and sync it into a core of their own: the function
 *  that does so; each site and core is stopped after its test. */
export function syncedSitePerTest(): (site: WordPressSite) => Promise<SyncedCore> {
  const sites: WordPressSite[] = [];
  const cores: Core[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((core) => core.close()));
    await Promise.all(sites.splice(0).map((site) => site.stop()));
  });
  afterAll(() => removeTempDirs());
  return async (site) => {
    sites.push(site);
    const ready = await syncedCore(site);
    cores.push(ready.core);
    return ready;
  };
}

/** The seed post's page with `region` replaced by what `part` writes for the site's origin, its
 *  head naming the post in the site's REST API (as WordPress's does): a theme's or a plugin's
 *  comments area or form in place of the seed's. */
export function seedPageWith(region: RegExp, part: (origin: string) => string): (html: string) => string {
  return (html) => {
    const origin = /<link rel="canonical" href="(https?:\/\/[^/"]+)/.exec(html)![1]!;
    return html
      .replace('</head>', `<link rel="https://api.w.org/" href="${origin}/wp-json/"><link rel="alternate" type="application/json" href="${origin}/wp-json/wp/v2/posts/123"></head>`)
      .replace(region, part(origin));
  };
}
