// A feed in the sidebar, with an error badge when its last sync failed (the error on hover).
import type { Feed } from '../../../shared/types';
import { isFailing } from '../lib/feed-tree';
import { FeedIcon } from './FeedIcon';
import { NavItem } from './NavItem';

export interface FeedItemProps {
  readonly feed: Feed;
  readonly selected: boolean;
  readonly onSelect: () => void;
}

export function FeedItem({ feed, selected, onSelect }: FeedItemProps) {
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
        onSelect={onSelect}
      />
    </li>
  );
}
