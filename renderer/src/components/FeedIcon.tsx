// A feed's site icon from the local cache, or its initial on a tinted square when it has none
// (or the cached file cannot be shown).
import { useState } from 'react';
import type { Feed } from '../../../shared/types';
import { feedName } from '../lib/feed-names';

const HUES = 12;

export function FeedIcon({ feed }: { readonly feed: Feed }) {
  const [broken, setBroken] = useState(false);
  if (feed.iconUrl && !broken) {
    return <img className="feed-icon" src={feed.iconUrl} alt="" width={16} height={16} onError={() => setBroken(true)} />;
  }
  const initial = Array.from(feedName(feed.title).trim())[0]?.toUpperCase() ?? '?';
  return (
    <span className={`feed-icon feed-initial hue-${feed.id % HUES}`} aria-hidden="true">
      {initial}
    </span>
  );
}
