// A feed's properties: where it comes from, how its last sync went, and what a sync keeps of it.
// The sidebar's error badge opens this too, so the whole error can be read (and copied).
import { useState } from 'react';
import { withoutPasswords } from '../../../shared/address-login';
import type { Feed } from '../../../shared/types';
import { useFeedEdits } from '../hooks/use-feed-edits';
import { longDate } from '../lib/format';
import { isFailing } from '../lib/feed-tree';
import { waitText } from '../lib/feed-wait';
import { asSentence } from '../lib/sentence';
import { Dialog } from './Dialog';

export interface FeedPropertiesDialogProps {
  readonly feed: Feed;
  readonly onChanged: (feed: Feed) => void;
  readonly onClose: () => void;
}

export function FeedPropertiesDialog({ feed, onChanged, onClose }: FeedPropertiesDialogProps) {
  // The feed as the core last answered for it (the one handed in is not updated while open).
  const [answered, setAnswered] = useState(feed);
  const edits = useFeedEdits({
    onChanged: (next) => {
      setAnswered(next);
      onChanged(next);
    },
  });
  const current = edits.shown(answered);
  const { error } = edits;
  const change = (patch: { readonly fullText: boolean } | { readonly images: boolean }) => edits.change(answered, patch);
  const lastSync = current.lastFetchAt ? longDate(current.lastFetchAt) : 'Never synced';
  return (
    <Dialog title={`Properties of “${current.title}”`} onClose={onClose} className="properties-dialog">
      <dl className="properties">
        <dt>Feed address</dt>
        <dd className="feed-url">{withoutPasswords(current.url)}</dd>
        <dt>Site</dt>
        <dd className="feed-url">{current.siteUrl ?? 'Not given by the feed'}</dd>
        <dt>Last sync</dt>
        <dd>{lastSync}</dd>
        <dt>Last successful sync</dt>
        <dd>{current.lastSuccessAt ? longDate(current.lastSuccessAt) : 'None yet'}</dd>
        <dt>Last error</dt>
        <dd className={isFailing(current) ? 'property-error' : undefined}>{isFailing(current) ? (current.lastError ? asSentence(current.lastError) : 'The last sync failed.') : current.lastStatus === 'waiting' ? waitText(current) : 'None'}</dd>
        <dt>Articles</dt>
        <dd>
          {current.articleCount.toLocaleString()} ({current.unreadCount.toLocaleString()} unread)
        </dd>
      </dl>
      {!current.builtin && (
        <div className="setting-checks">
          <label className="setting">
            <input type="checkbox" checked={current.fullText} onChange={(event) => change({ fullText: event.target.checked })} data-autofocus />
            Keep each article’s full text
          </label>
          <label className="setting">
            <input type="checkbox" checked={current.images} onChange={(event) => change({ images: event.target.checked })} />
            Keep its images
          </label>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
