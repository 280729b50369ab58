// Changing one feed's options (full text, images) and unsubscribing, for the settings' feed
// table and the properties dialog. A box shows its change at once (it must not wait on the core,
// nor spring back while it saves); the core's answer then replaces it, or the old value returns
// with the error, named for the feed when the table lists several.
import { useCallback, useState } from 'react';
import type { Feed, FeedId, FeedSettingsPatch } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

/** What the boxes change; renaming and moving go through the sidebar's feed management. */
type OptionsPatch = Pick<FeedSettingsPatch, 'fullText' | 'images'>;

export interface FeedEdits {
  /** The feeds as shown: changes not yet answered by the core are already in them. */
  shown(feed: Feed): Feed;
  readonly error: string | null;
  change(feed: Feed, patch: OptionsPatch): void;
  remove(feed: Feed): void;
}

export interface FeedEditsOptions {
  readonly onChanged: (feed: Feed) => void;
  readonly onRemoved?: (feedId: FeedId) => void;
  /** How an error names the feed; none when only one feed is shown. */
  readonly nameOf?: (feed: Feed) => string;
}

export function useFeedEdits({ onChanged, onRemoved, nameOf }: FeedEditsOptions): FeedEdits {
  const bridge = useBridge();
  const [pending, setPending] = useState<ReadonlyMap<FeedId, Feed>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const fail = (feed: Feed, failure: unknown) => setError(nameOf ? `${nameOf(feed)}: ${errorMessage(failure)}` : errorMessage(failure));
  const settle = (feedId: FeedId) =>
    setPending((current) => {
      const next = new Map(current);
      next.delete(feedId);
      return next;
    });

  const shown = useCallback((feed: Feed) => pending.get(feed.id) ?? feed, [pending]);

  const change = (feed: Feed, patch: OptionsPatch) => {
    setError(null);
    setPending((current) => new Map(current).set(feed.id, { ...(current.get(feed.id) ?? feed), ...patch }));
    bridge.updateFeed(feed.id, patch).then(
      (next) => {
        settle(feed.id);
        onChanged(next);
      },
      (failure: unknown) => {
        settle(feed.id);
        fail(feed, failure);
      },
    );
  };

  const remove = (feed: Feed) => {
    setError(null);
    bridge.removeFeed(feed.id).then(
      () => onRemoved?.(feed.id),
      (failure: unknown) => fail(feed, failure),
    );
  };

  return { shown, error, change, remove };
}
