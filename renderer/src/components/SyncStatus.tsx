// The sync's live progress (with Cancel) and, once it ends, what it did. The container is always
// in the page so screen readers announce its changes.
import { progressFraction, type SyncState } from '../hooks/use-sync';
import { bytes, plural } from '../lib/format';

export function SyncStatus({ sync }: { readonly sync: SyncState }) {
  const { progress, outcome } = sync;
  let body = null;
  if (sync.running) {
    const percent = progress ? Math.round(progressFraction(progress) * 100) : 0;
    const parts = progress
      ? [
          `${progress.feedsDone} of ${plural(progress.feedsTotal, 'feed')}`,
          progress.articlesQueued > 0 ? `${progress.articlesFetched} of ${plural(progress.articlesQueued, 'article')}` : null,
          progress.imagesFetched > 0 ? plural(progress.imagesFetched, 'image') : null,
        ].filter(Boolean)
      : [];
    body = (
      <>
        <span className="sync-text">{sync.cancelling ? 'Cancelling…' : `Syncing${parts.length ? `: ${parts.join(' · ')}` : '…'}`}</span>
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
  } else if (outcome?.kind === 'finished') {
    const { summary, failures } = outcome;
    const what = [
      `${plural(summary.feedsDone, 'feed')} checked`,
      plural(summary.newArticles, 'new article'),
      summary.articlesFetched > 0 ? `${plural(summary.articlesFetched, 'article')} saved for offline reading` : null,
      summary.imagesFetched > 0 ? plural(summary.imagesFetched, 'image') : null,
    ].filter(Boolean).join(', ');
    const extra = [summary.bytesFetched > 0 ? bytes(summary.bytesFetched) : null, `${(summary.durationMs / 1000).toFixed(1)} s`].filter(Boolean);
    body = (
      <>
        <span className="sync-text">
          {summary.cancelled ? 'Sync cancelled' : 'Sync finished'}: {what} ({extra.join(', ')})
        </span>
        {summary.feedsFailed > 0 && (
          <span className="sync-failures" title={failures.join('\n')}>
            {plural(summary.feedsFailed, 'feed')} failed
          </span>
        )}
        {summary.warnings.map((warning) => (
          <span key={warning} className="sync-text error">
            {warning}
          </span>
        ))}
        <button type="button" className="button small" onClick={sync.dismiss}>
          Dismiss
        </button>
      </>
    );
  }
  return (
    <div className={`sync-status${body ? ' visible' : ''}`} role="status" aria-live="polite">
      {body}
    </div>
  );
}
