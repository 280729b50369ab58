// Subscribing: add by feed or site URL (autodiscovery), OPML import and export.
import type { AddFeedAnswer, AddFeedOptions, FolderId, OpmlImportResult } from '../../../shared/types';
import { buildOpml, discoverFeed, parseOpml, withoutTrackingParameters } from '../feeds';
import type { Services } from '../services';
import { describeUpsert } from '../storage';
import { fetchFeedIcon, iconCandidates } from '../sync/icons';
import { feedChoice, onlyFeed } from './feed-choice';
import { discoveryFetcher } from './fetch-text';
import { subscribedAlike, subscribedAt } from './subscribed';

/** The reason of an entry the person has already (the CLI counts these rather than listing them). */
const ALREADY_SUBSCRIBED = 'already subscribed';

/** The parts of the core subscribing needs. */
export type SubscriptionContext = Pick<Services, 'storage' | 'http' | 'pool' | 'images' | 'now' | 'recentAnswers'>;

/**
 * Finds the feed behind a URL and subscribes to it. Its current items are stored at once, so
 * the list is not empty before the first sync; their pages and images come with the next sync.
 * A feed address is matched and stored without tracking parameters (a share button's
 * utm_source=twitter, a reader's utm_source=feedly): they pick no feed, and left on they made one
 * feed two subscriptions. Other parameters stay, as many feeds need them. The answer's validators
 * are kept as a sync keeps them, so the first sync asks only whether the feed changed since.
 * With `offerChoice`, a page that names several distinct feeds is answered with them and nothing
 * is subscribed (feed-choice.ts); the feed chosen is then added by its own address, from the bytes
 * fetched to describe it when they are a few minutes old at most (recent-answers.ts). With
 * `offerSingle` too, one feed found is answered as a choice of one.
 */
export async function addFeed(ctx: SubscriptionContext, input: string, folderId: FolderId | null = null, options: AddFeedOptions = {}): Promise<AddFeedAnswer> {
  const already = subscribedAt(ctx.storage)(input.trim());
  if (already) return { kind: 'subscribed', feed: already, tried: [], existing: true };

  const fetcher = discoveryFetcher(ctx.http, undefined, ctx.recentAnswers);
  const found = await discoverFeed(input, fetcher.fetchText);
  const subscribed = subscribedAt(ctx.storage);
  if (options.offerChoice === true) {
    const choice = await feedChoice(found, fetcher.fetchText, subscribed);
    if (choice !== null) return choice;
    if (options.offerSingle === true) return onlyFeed(found, subscribed);
  }
  const feedUrl = withoutTrackingParameters(found.feedUrl);
  // A temporary redirect leaves the address as typed (discover.ts says why), but the feed it led to
  // may be subscribed under its own address already.
  const existing = subscribed(feedUrl) ?? subscribed(found.fetchedFrom);
  if (existing) return { kind: 'subscribed', feed: existing, tried: found.tried, existing: true };

  const startedAt = ctx.now();
  const feedId = ctx.storage.feeds.add(
    { url: feedUrl, title: found.parsed.title, siteUrl: found.siteUrl ?? found.parsed.siteUrl, description: found.parsed.description, folderId },
    startedAt,
  );
  try {
    const ingested = await ctx.pool.run('ingestFeed', found.feedText, feedUrl, feedId);
    const upsert = ctx.storage.articles.upsertFeedItems(feedId, ingested.items, ctx.now());
    ctx.storage.feeds.recordFetch(feedId, {
      status: 'ok',
      message: describeUpsert(upsert, ingested.cutShort, ingested.itemsLeftOut),
      error: null,
      at: ctx.now(),
      durationMs: ctx.now() - startedAt,
      ...(found.validators ?? {}),
    });
  } catch (error) {
    ctx.storage.feeds.remove(feedId);
    throw error;
  }
  const icons = iconCandidates([...found.iconCandidates, found.parsed.iconUrl], found.siteUrl ?? found.parsed.siteUrl);
  // Named, not spread: the core makes its image cache at first use, through a getter a spread drops.
  await fetchFeedIcon(feedId, icons, { storage: ctx.storage, images: ctx.images, now: ctx.now, http: fetcher.contentHttp() });
  return { kind: 'subscribed', feed: ctx.storage.feeds.get(feedId)!, tried: found.tried, existing: false };
}

/**
 * Imports subscriptions without touching the network (a dead feed cannot make an import hang);
 * the next sync fetches them. Bad and duplicate entries are reported and skipped. The outline's
 * name is the person's (another reader may have renamed the feed): it is kept as the feed's custom
 * title, which the first sync drops when it turns out to be what the feed calls itself anyway
 * (FeedsRepo.updateFromSource), so that a later change of the feed's own title still shows.
 * A file cut off before its end imports what came before the cut, and says where it stops.
 */
export function importOpml(ctx: SubscriptionContext, opmlText: string): OpmlImportResult {
  const { entries, problems, emptyFolders, endedEarlyAt } = parseOpml(opmlText);
  // An entry the person follows at the address but for its scheme or a trailing slash is theirs already.
  const subscribed = subscribedAlike(ctx.storage);
  // A feed listed again was kept where it came first, unless the person has it already: then neither was added.
  const skipped = problems.map((problem) => ({
    url: problem.url,
    title: problem.title,
    reason: problem.repeats !== undefined && subscribed(problem.repeats) ? ALREADY_SUBSCRIBED : problem.reason,
  }));
  if (endedEarlyAt !== null) {
    // OpmlImportResult has no place of its own for it: a skipped entry is what both the CLI and the app show.
    skipped.push({ url: null, title: 'the rest of the file', reason: `the file ends early, at line ${endedEarlyAt}: the complete entries before it were imported` });
  }
  let added = 0;
  let foldersCreated = 0;
  /** The folder at this path, made where missing; one the person already has (by name, as read) is reused. */
  const folderAt = (folderPath: readonly string[]): FolderId | null => {
    let folderId: FolderId | null = null;
    for (const name of folderPath) {
      const { folder, created } = ctx.storage.feeds.ensureFolder(name, folderId, ctx.now());
      if (created) foldersCreated++;
      folderId = folder.id;
    }
    return folderId;
  };
  ctx.storage.db.transaction(() => {
    for (const entry of entries) {
      if (subscribed(entry.url)) {
        skipped.push({ url: entry.url, title: entry.title, reason: ALREADY_SUBSCRIBED });
        continue;
      }
      const folderId = folderAt(entry.folderPath);
      ctx.storage.feeds.add({ url: entry.url, title: '', customTitle: entry.title, siteUrl: entry.siteUrl, description: null, folderId }, ctx.now());
      added++;
    }
    for (const folderPath of emptyFolders) folderAt(folderPath);
  });
  return { added, skipped, foldersCreated };
}

/** The person's subscriptions; the feeds shipped inside the app (the welcome feed) are not theirs to move elsewhere. */
export function exportOpml(ctx: SubscriptionContext): string {
  const feeds = ctx.storage.feeds.list().filter((feed) => !feed.builtin);
  return buildOpml(ctx.storage.feeds.listFolders(), feeds, 'Paperboy subscriptions');
}
