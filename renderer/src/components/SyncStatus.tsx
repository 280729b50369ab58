// The sync's live progress (with Cancel) and, once it ends, what it did: the failed feeds by name
// with one short reason each (a feed's Details opens its properties); or, when the network could
// serve nothing, the one sentence the sync stopped with (the core decides that, never this bar).
// The container is always in the page so screen readers announce it.
import { useState } from 'react';
import type { Feed, FeedId } from '../../../shared/types';
import type { SyncState } from '../hooks/use-sync';
import { feedName } from '../lib/feed-names';
import { bytes, plural } from '../lib/format';
import { shortReason } from '../lib/sync-failures';
import { cancelledBeforeAnything } from '../../../shared/sync-progress';

export interface SyncStatusProps {
  readonly sync: SyncState;
  readonly feeds: readonly Feed[];
  readonly onShowFeed: (feedId: FeedId) => void;
}

export function SyncStatus({ sync, feeds, onShowFeed }: SyncStatusProps) {
  const { progress, outcome } = sync;
  const [listOpen, setListOpen] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  // Each sync's lists start closed: one left open by the last sync showed under the next one's
  // summary, even one (stopped) without the button that closes it.
  const [listsOf, setListsOf] = useState(outcome);
  if (listsOf !== outcome) {
    setListsOf(outcome);
    setListOpen(false);
    setNotesOpen(false);
  }
  let body = null;
  if (sync.running) {
    const percent = progress ? Math.round(progress.fraction * 100) : 0;
    const parts = progress
      ? [
          `${progress.feedsDone} of ${plural(progress.feedsTotal, 'feed')}`,
          progress.articlesQueued > 0 ? `${progress.articlesFetched} of ${plural(progress.articlesQueued, 'article')}` : null,
          progress.imagesFetched > 0 ? plural(progress.imagesFetched, 'image') : null,
        ].filter(Boolean)
      : [];
    body = (
      <>
        <span className="sync-text running">{sync.cancelling ? 'Cancelling…' : (progress?.waitingFor ?? `Syncing${parts.length ? `: ${parts.join(' · ')}` : '…'}`)}</span>
        <div className="progress" role="progressbar" aria-label="Sync progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="progress-bar" style={{ width: `${percent}%` }} />
        </div>
        <button type="button" className="button small" onClick={sync.cancel} disabled={sync.cancelling}>
          Cancel
        </button>
      </>
    );
  } else if (outcome?.kind === 'error') {
    body = (
      <>
        <span className="sync-text error">The sync did not run: {outcome.message}</span>
        <button type="button" className="button small" onClick={sync.dismiss}>
          Dismiss
        </button>
      </>
    );
  } else if (outcome?.kind === 'finished' && outcome.summary.stopped) {
    // A network that could serve nothing (no network, a Wi-Fi sign-in page, a proxy): the sync
    // stopped and changed nothing, and its one sentence says what to do. Counts would say nothing.
    body = (
      <>
        <span className="sync-text error">{outcome.summary.stopped}</span>
        <button type="button" className="button small" onClick={sync.dismiss}>
          Dismiss
        </button>
      </>
    );
  } else if (outcome?.kind === 'finished') {
    const { summary, failures } = outcome;
    // A gone feed not due for its daily try was not checked, nor one whose server asked to wait: each is said apart.
    const checked = summary.feedsDone - summary.feedsGone - summary.feedsWaiting;
    const what = [
      checked > 0 || summary.feedsWaiting === 0 ? `${plural(checked, 'feed')} checked` : null,
      summary.feedsGone > 0 ? `${plural(summary.feedsGone, 'gone feed')} not checked (tried again once a day)` : null,
      // Left alone as their server asked (its rate limit): no failure, and the sidebar says until when.
      summary.feedsWaiting > 0 ? `${plural(summary.feedsWaiting, 'feed')} waiting, as asked by ${summary.feedsWaiting === 1 ? 'its site' : 'their sites'}` : null,
      plural(summary.newArticles, 'new article'),
      summary.articlesFetched > 0 ? `${plural(summary.articlesFetched, 'article')} saved for offline reading` : null,
      summary.articlesWithoutPage > 0 ? `${summary.articlesWithoutPage} with the feed’s text only` : null,
      // Named as articles: beside "3 feeds waiting" a bare "3 waiting" read as the same feeds again.
      summary.articlesWaiting > 0 ? `${plural(summary.articlesWaiting, 'article')} waiting for the next sync` : null,
      summary.imagesFetched > 0 ? plural(summary.imagesFetched, 'image') : null,
    ].filter(Boolean).join(', ');
    // Downloaded: failed fetches count too (a page cut short, an error page), for a metered connection.
    const extra = [summary.bytesFetched > 0 ? `${bytes(summary.bytesFetched)} downloaded` : null, `${(summary.durationMs / 1000).toFixed(1)} s`].filter(Boolean);
    body = (
      <>
        <span className="sync-text">
          {cancelledBeforeAnything(summary) ? (
            <>Sync cancelled before anything was fetched ({extra.join(', ')})</>
          ) : (
            <>
              {summary.cancelled ? 'Sync cancelled' : 'Sync finished'}: {what} ({extra.join(', ')}){summary.cancelled ? '. The next sync goes on from there.' : ''}
            </>
          )}
        </span>
        {failures.length > 0 && (
          <button type="button" className="link-button sync-failures" aria-expanded={listOpen} aria-controls="sync-failure-list" onClick={() => setListOpen(!listOpen)}>
            {plural(failures.length, 'feed')} failed
          </button>
        )}
        {/* The notes open as a list, each whole: in the bar they were cut to a word each, and hid the line that mattered. */}
        {summary.warnings.length > 0 && (
          <button type="button" className="link-button sync-failures" aria-expanded={notesOpen} aria-controls="sync-note-list" onClick={() => setNotesOpen(!notesOpen)}>
            {plural(summary.warnings.length, 'note')}
          </button>
        )}
        <button type="button" className="button small" onClick={sync.dismiss}>
          Dismiss
        </button>
      </>
    );
  }
  const failures = !sync.running && outcome?.kind === 'finished' ? outcome.failures : [];
  const notes = !sync.running && outcome?.kind === 'finished' ? outcome.summary.warnings : [];
  const titleOf = (feedId: FeedId) => feedName(feeds.find((feed) => feed.id === feedId)?.title ?? 'A removed feed');
  return (
    <>
      <div className={`sync-status${body ? ' visible' : ''}`} role="status" aria-live="polite">
        {body}
      </div>
      {notesOpen && notes.length > 0 && (
        <ul id="sync-note-list" className="sync-failure-list sync-note-list" aria-label="Notes from the sync">
          {notes.map((note) => (
            <li key={note}>
              <span>{note}</span>
            </li>
          ))}
        </ul>
      )}
      {listOpen && failures.length > 0 && (
        <ul id="sync-failure-list" className="sync-failure-list" aria-label="Feeds that failed">
          {failures.map((failure) => (
            <li key={failure.feedId}>
              <strong dir="auto">{titleOf(failure.feedId)}</strong>
              <span>{shortReason(failure.reason)}</span>
              <button type="button" className="button small" aria-label={`Details of ${titleOf(failure.feedId)}`} onClick={() => onShowFeed(failure.feedId)}>
                Details
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
