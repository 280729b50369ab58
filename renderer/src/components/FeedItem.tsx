// A feed in the sidebar, with an error badge when its last sync failed (the error on hover).
import { memo } from 'react';
import type { Feed } from '../../../shared/types';
import type { View } from '../lib/views';
import { isFailing } from '../lib/feed-tree';
import { FeedIcon } from './FeedIcon';
import { NavItem } from './NavItem';

export interface FeedItemProps {
  readonly feed: Feed;
  readonly selected: boolean;
  /** The same function for every feed: an item re-renders only when its own feed changes. */
  readonly onSelect: (view: View) => void;
}

export const FeedItem = memo(function FeedItem({ feed, selected, onSelect }: FeedItemProps) {
  const failing = isFailing(feed);
  const problem = feed.lastStatus === 'gone' ? 'The feed is gone (the site says it was removed).' : (feed.lastError ?? 'The last sync failed.');
  return (
    <li>
      <NavItem
        label={feed.title}
        icon={<FeedIcon feed={feed} />}
        selected={selected}
        count={feed.unreadCount}
        title={failing ? `${feed.title}\nLast sync failed: ${problem}` : `${feed.title}\n${feed.url}`}
        badge={
          failing ? (
            <span className="error-badge" role="img" aria-label={`Last sync failed: ${problem}`} title={problem}>
              !
            </span>
          ) : null
        }
        onSelect={() => onSelect({ kind: 'feed', feedId: feed.id })}
      />
    </li>
  );
});
