// The Drafts view: every comment written in Paperboy, across articles, with its state.
import { useState } from 'react';
import type { ArticleId } from '../../../shared/types';
import { useDrafts } from '../hooks/use-drafts';
import { DraftExportDialog } from './DraftExportDialog';
import { DraftRow } from './DraftRow';

export interface DraftListProps {
  readonly onOpenArticle: (articleId: ArticleId) => void;
}

export function DraftList({ onOpenArticle }: DraftListProps) {
  const drafts = useDrafts();
  const [exporting, setExporting] = useState(false);
  const queued = drafts.drafts?.filter((draft) => draft.state === 'queued').length ?? 0;
  return (
    <div className="draft-list">
      <div className="composer-actions">
        <button type="button" className="button small" disabled={queued === 0 || drafts.sending !== null} onClick={() => void drafts.sendQueued()}>
          {drafts.sending ? 'Sending…' : `Send all queued${queued ? ` (${queued})` : ''}`}
        </button>
        <button type="button" className="button small" disabled={!drafts.drafts?.length} onClick={() => setExporting(true)}>
          Export…
        </button>
      </div>
      {drafts.sending && (
        <p role="status" className="send-progress">
          Sending queued comments: {drafts.sending.done} of {drafts.sending.total} done.{' '}
          {drafts.sending.waitingMs === null
            ? 'A site that asks for a pause between comments (WordPress: 15 seconds) is waited out.'
            : `The site asked for a pause between comments: waiting ${seconds(drafts.sending.waitingMs)} before the next one.`}
        </p>
      )}
      {drafts.deleted && (
        <p role="status" className="draft-undo">
          Draft deleted.{' '}
          <button type="button" className="link-button" onClick={() => void drafts.undoRemove()}>
            Undo
          </button>
        </p>
      )}
      {drafts.results?.map((result) => (
        <p key={result.draft.id} role="status">
          {result.draft.articleTitle}: {result.message}
        </p>
      ))}
      {drafts.error && (
        <p className="error" role="alert">
          {drafts.error}
        </p>
      )}
      {drafts.drafts?.length === 0 && <p className="muted">No drafts. Write a comment under an article: it is kept here until you send it.</p>}
      <ul className="draft-rows" aria-label="Drafts">
        {drafts.drafts?.map((draft) => (
          <DraftRow key={draft.id} draft={draft} onOpen={(chosen) => chosen.articleId !== null && onOpenArticle(chosen.articleId)} onDelete={(chosen) => void drafts.remove(chosen)} />
        ))}
      </ul>
      {exporting && <DraftExportDialog onClose={() => setExporting(false)} />}
    </div>
  );
}

function seconds(ms: number): string {
  const whole = Math.ceil(ms / 1000);
  return whole === 1 ? '1 second' : `${whole} seconds`;
}
