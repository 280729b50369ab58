// A test file's core and themed WordPress site, one of each per test, both closed after it: the
// comment tests' one setup. `site` is set by the test (it seeds the site before subscribing);
// `subscribe` opens the core on it, adds its feed and syncs once.
import { afterEach } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { removeTempDirs } from '../../support/temp';
import { syncedCore } from './synced-core';
import type { ThemedWordPress } from './themed-wordpress';

export interface ThemedSession {
  site: ThemedWordPress;
  readonly core: Core;
  /** Opens the core on the site, subscribed and synced once; returns its one article's id. */
  subscribe(): Promise<string>;
}

export function themedSessionPerTest(): ThemedSession {
  let site: ThemedWordPress | undefined;
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    await site?.server.stop();
    core = undefined;
    site = undefined;
    removeTempDirs();
  });
  return {
    get site() {
      if (!site) throw new Error('start the test site first');
      return site;
    },
    set site(started) {
      site = started;
    },
    get core() {
      if (!core) throw new Error('subscribe first');
      return core;
    },
    async subscribe() {
      const synced = await syncedCore(this.site);
      core = synced.core;
      return synced.articleId;
    },
  };
}
