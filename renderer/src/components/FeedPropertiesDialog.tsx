// A feed's properties: where it comes from, how its last sync went, and what a sync keeps of it.
// The sidebar's error badge opens this too, so the whole error can be read (and copied).
import { useState } from 'react';
import type { Feed, FeedSettingsPatch } from '../../../shared/types';
import { useBridge } from '../hooks/bridge';
import { longDate } from '../lib/format';
import { errorMessage } from '../../../shared/error-message';
import { isFailing } from '../lib/feed-tree';
import { Dialog } from './Dialog';

export interface FeedPropertiesDialogProps {
  readonly feed: Feed;
  readonly onChanged: (feed: Feed) => void;
  readonly onClose: () => void;
}

export function FeedPropertiesDialog({ feed, onChanged, onClose }: FeedPropertiesDialogProps) {
  const bridge = useBridge();
  const [current, setCurrent] = useState(feed);
  const [error, setError] = useState<string | null>(null);
  // The box shows the change at once (it must not wait on the core, nor spring back while it
  // saves); the core's answer then replaces it, or the old value returns with the error.
  const change = (patch: Pick<FeedSettingsPatch, 'fullText' | 'images'>) => {
    setError(null);
    const before = current;
    setCurrent({ ...current, ...patch });
    bridge.updateFeed(feed.id, patch).then(
      (next) => {
        setCurrent(next);
        onChanged(next);
      },
      (failure: unknown) => {
        setCurrent(before);
        setError(errorMessage(failure));
      },
    );
  };
  const lastSync = current.lastFetchAt ? longDate(current.lastFetchAt) : 'Never synced';
  return (
    <Dialog title={`Properties of “${current.title}”`} onClose={onClose} className="properties-dialog">
      <dl className="properties">
        <dt>Feed address</dt>
        <dd className="feed-url">{current.url}</dd>
        <dt>Site</dt>
        <dd className="feed-url">{current.siteUrl ?? 'Not given by the feed'}</dd>
        <dt>Last sync</dt>
        <dd>{lastSync}</dd>
        <dt>Last successful sync</dt>
        <dd>{current.lastSuccessAt ? longDate(current.lastSuccessAt) : 'None yet'}</dd>
        <dt>Last error</dt>
        <dd className={isFailing(current) ? 'property-error' : undefined}>{isFailing(current) ? (current.lastError ?? 'The last sync failed.') : 'None'}</dd>
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
