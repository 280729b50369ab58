// Well-known news feeds, each subscribed with one click. Subscribing needs the network (the
// feed is fetched once to be found and stored); an error is shown beside the feed it concerns.
import { useState } from 'react';
import type { AddFeedResult, Feed } from '../../../shared/types';
import { useBridge } from '../hooks/bridge';
import { errorMessage } from '../../../shared/error-message';
import { SUGGESTED_FEEDS } from '../lib/suggested-feeds';

export interface SuggestedFeedsProps {
  readonly subscribed: readonly Feed[];
  readonly onAdded: (result: AddFeedResult) => void;
}

type ItemState = { readonly kind: 'busy' } | { readonly kind: 'error'; readonly message: string };

export function SuggestedFeeds({ subscribed, onAdded }: SuggestedFeedsProps) {
  const bridge = useBridge();
  const [states, setStates] = useState<Readonly<Record<string, ItemState>>>({});
  const have = new Set(subscribed.map((feed) => feed.url));

  const subscribe = (url: string) => {
    setStates((current) => ({ ...current, [url]: { kind: 'busy' } }));
    bridge.addFeed(url).then(
      (result) => {
        setStates(({ [url]: _done, ...rest }) => rest);
        onAdded(result);
      },
      (failure: unknown) => setStates((current) => ({ ...current, [url]: { kind: 'error', message: errorMessage(failure) } })),
    );
  };

  return (
    <ul className="suggested-feeds">
      {SUGGESTED_FEEDS.map((suggestion) => {
        const state = states[suggestion.url];
        const added = have.has(suggestion.url);
        return (
          <li key={suggestion.url}>
            <div className="suggested-text">
              <span className="suggested-title">{suggestion.title}</span>
              <span className="suggested-about">{suggestion.about}</span>
              {state?.kind === 'error' && (
                <span className="suggested-error" role="alert">
                  {state.message}
                </span>
              )}
            </div>
            <button
              type="button"
              className="button small"
              disabled={added || state?.kind === 'busy'}
              aria-label={added ? `${suggestion.title}: subscribed` : `Subscribe to ${suggestion.title}`}
              onClick={() => subscribe(suggestion.url)}
            >
              {added ? 'Subscribed' : state?.kind === 'busy' ? 'Adding…' : 'Subscribe'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
