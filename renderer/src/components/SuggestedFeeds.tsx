// Well-known news feeds, each subscribed with one click. Subscribing needs the network (the
// feed is fetched once to be found and stored); an error is shown beside the feed it concerns.
import type { AddFeedResult, Feed } from '../../../shared/types';
import { useSubscribe } from '../hooks/use-subscribe';
import { SUGGESTED_FEEDS } from '../lib/suggested-feeds';

export interface SuggestedFeedsProps {
  readonly subscribed: readonly Feed[];
  readonly onAdded: (result: AddFeedResult) => void;
}

export function SuggestedFeeds({ subscribed, onAdded }: SuggestedFeedsProps) {
  const { states, subscribe } = useSubscribe(onAdded);
  // A feed shows as subscribed while the sidebar has it: unsubscribed later, it can be added again.
  const have = new Set(subscribed.map((feed) => feed.url));

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
