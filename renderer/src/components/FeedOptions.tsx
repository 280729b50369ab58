// Per-feed choices: keep each article's whole page, download its pictures; or unsubscribe.
// The row of a removed feed goes with the button that had focus: focus moves to the Remove
// button of the next feed (or the one before, or the group when none is left).
import { useEffect, useRef, useState } from 'react';
import { withoutPasswords } from '../../../shared/address-login';
import type { Feed, FeedId } from '../../../shared/types';
import { useFeedEdits } from '../hooks/use-feed-edits';
import { distinguishers } from '../lib/feed-names';
import { FeedIcon } from './FeedIcon';

export interface FeedOptionsProps {
  readonly feeds: readonly Feed[];
  readonly onChanged: (feed: Feed) => void;
  readonly onRemoved: (feedId: FeedId) => void;
}

export function FeedOptions({ feeds, onChanged, onRemoved }: FeedOptionsProps) {
  const [confirming, setConfirming] = useState<FeedId | null>(null);
  // The feed being removed, and the one whose Remove button takes focus once its row is gone.
  const [removing, setRemoving] = useState<{ readonly feedId: FeedId; readonly heir: FeedId | null } | null>(null);
  const group = useRef<HTMLFieldSetElement>(null);
  const own = feeds.filter((feed) => !feed.builtin);
  // Two feeds of one name read "News (bbc.co.uk)" and "News (dw.com)", here and in the labels.
  const details = distinguishers(own);
  const nameOf = (feed: Feed) => (details.has(feed.id) ? `${feed.title} (${details.get(feed.id)})` : feed.title);
  const { shown, error, change, remove: unsubscribe } = useFeedEdits({ onChanged, onRemoved, nameOf });
  const remove = (feed: Feed) => {
    const at = own.findIndex((candidate) => candidate.id === feed.id);
    setConfirming(null);
    setRemoving({ feedId: feed.id, heir: (own[at + 1] ?? own[at - 1])?.id ?? null });
    unsubscribe(feed);
  };

  const removedGone = removing !== null && !own.some((feed) => feed.id === removing.feedId);
  useEffect(() => {
    if (!removing || !removedGone) return;
    setRemoving(null);
    // Only when the button went with its row: a person who went on elsewhere keeps their place.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const heir = group.current?.querySelector<HTMLElement>(`[data-remove-feed="${removing.heir}"]`);
    if (heir) heir.focus();
    else if (group.current) {
      // The last feed went: the group itself (its legend, "Feeds", and "No subscriptions yet").
      group.current.tabIndex = -1;
      group.current.focus();
    }
  }, [removing, removedGone]);

  return (
    <fieldset ref={group} className="settings-group">
      <legend>Feeds</legend>
      {own.length === 0 ? (
        <p className="setting-help">No subscriptions yet.</p>
      ) : (
        <table className="feed-options">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Full text</th>
              <th scope="col">Images</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {own.map(shown).map((feed) => (
              <tr key={feed.id}>
                <th scope="row" title={withoutPasswords(feed.url)}>
                  <span className="feed-cell">
                    <FeedIcon feed={feed} />
                    <span dir="auto">{feed.title}</span>
                    {details.has(feed.id) && <span className="nav-detail">{details.get(feed.id)}</span>}
                  </span>
                </th>
                <td>
                  <input type="checkbox" aria-label={`Full text for ${nameOf(feed)}`} checked={feed.fullText} onChange={(event) => change(feed, { fullText: event.target.checked })} />
                </td>
                <td>
                  <input type="checkbox" aria-label={`Images for ${nameOf(feed)}`} checked={feed.images} onChange={(event) => change(feed, { images: event.target.checked })} />
                </td>
                <td>
                  {confirming === feed.id ? (
                    <button type="button" className="button small danger" aria-label={`Really remove ${nameOf(feed)}?`} data-remove-feed={feed.id} onClick={() => remove(feed)}>
                      Really remove?
                    </button>
                  ) : (
                    <button type="button" className="button small" aria-label={`Remove ${nameOf(feed)}`} data-remove-feed={feed.id} onClick={() => setConfirming(feed.id)}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
