// A sync among hostile servers, seen the way the person sees it. Every sync also fetches one
// well-behaved neighbour feed that publishes a new item each time, so "the other feeds are
// unaffected" is checked on every sync rather than assumed; a hostile feed can first be synced
// in a good version, so "nothing already stored is lost" can be checked after it turns bad.
import { expect } from 'vitest';
import type { SyncSummary } from '../../shared/types';
import { openCore, type CoreOptions, type PaperboyCore } from '../../electron/core';
import { TestServer } from './server';
import { tempDir } from './temp';

export function rssItem(guid: string, title: string, extra = ''): string {
  return `<item><title>${title}</title><guid isPermaLink="false">${guid}</guid>${extra}</item>`;
}

export function rssFeed(title: string, items: readonly string[], prolog = '<?xml version="1.0" encoding="utf-8"?>'): string {
  return `${prolog}<rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link>${items.join('')}</channel></rss>`;
}

/** What the sidebar's error badge (lastError, lastStatus) and the feed's sync log say. */
export interface Reported {
  readonly status: string;
  readonly error: string | null;
  readonly log: string | undefined;
}

const NEIGHBOUR = '/neighbour.xml';

export class HostileSync {
  private neighbourItems = 0;

  private constructor(
    readonly server: TestServer,
    readonly core: PaperboyCore,
    private readonly neighbourId: number,
  ) {}

  /** A fresh data folder and server; `options` override the core's (default limits unless given). */
  static async start(options: Partial<Omit<CoreOptions, 'dataDir'>> = {}): Promise<HostileSync> {
    const server = await TestServer.start();
    const core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, ...options });
    const neighbourId = await subscribeTo(core, server.url(NEIGHBOUR));
    const harness = new HostileSync(server, core, neighbourId);
    server.route(NEIGHBOUR, (_req, res) => {
      const items = Array.from({ length: harness.neighbourItems }, (_, i) => rssItem(`n${i}`, `Neighbour news ${i}`));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rssFeed('Neighbour', items));
    });
    return harness;
  }

  /** Subscribes without the network (as an OPML import does), so the first sync meets the server. */
  subscribe(path: string): Promise<number> {
    return subscribeTo(this.core, this.server.url(path));
  }

  /** Subscribes and syncs a good version of the feed at `path` (one article, "Kept from <path>"). */
  async seeded(path: string): Promise<number> {
    this.server.serve(path, { body: rssFeed(`Seeded ${path}`, [rssItem(`kept${path}`, `Kept from ${path}`)]), type: 'application/rss+xml' });
    const feedId = await this.subscribe(path);
    await this.core.api.sync({ feedIds: [feedId], feedsOnly: true });
    await this.expectKept(feedId);
    return feedId;
  }

  /** Syncs every feed (feeds only) and checks the neighbour got exactly its new item, without error. */
  async sync(): Promise<SyncSummary> {
    this.neighbourItems++;
    const summary = await this.core.api.sync({ feedsOnly: true });
    const neighbour = (await this.core.api.listFeeds()).find((feed) => feed.id === this.neighbourId);
    expect(neighbour).toMatchObject({ lastStatus: 'ok', lastError: null, articleCount: this.neighbourItems });
    return summary;
  }

  async reported(feedId: number): Promise<Reported> {
    const feed = (await this.core.api.listFeeds()).find((f) => f.id === feedId);
    const [latest] = await this.core.api.syncLog(feedId, 1);
    return { status: feed?.lastStatus ?? 'missing', error: feed?.lastError ?? null, log: latest?.message };
  }

  /** Checks the failure is shown the same way in the sidebar and the sync log. */
  async expectFailure(feedId: number, reason: RegExp, status = 'failed', logVerb = 'failed'): Promise<string> {
    const { status: shown, error, log } = await this.reported(feedId);
    expect(shown).toBe(status);
    expect(error).toMatch(reason);
    expect(log).toBe(`${logVerb}: ${error}`);
    return error!;
  }

  /** The seeded article and feed title are still there. */
  async expectKept(feedId: number): Promise<void> {
    const feed = (await this.core.api.listFeeds()).find((f) => f.id === feedId)!;
    const path = new URL(feed.url).pathname;
    expect(feed.title).toBe(`Seeded ${path}`);
    expect(await this.titles(feedId)).toEqual([`Kept from ${path}`]);
  }

  async titles(feedId: number): Promise<string[]> {
    return (await this.core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 })).articles.map((a) => a.title);
  }

  async stop(): Promise<void> {
    await this.core.close();
    await this.server.stop();
  }
}

async function subscribeTo(core: PaperboyCore, url: string): Promise<number> {
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" xmlUrl="${url}"/></body></opml>`);
  return (await core.api.listFeeds()).find((feed) => feed.url === url)!.id;
}
