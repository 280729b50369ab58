// One draft in the Drafts view: where it belongs, its state (with the site's reason when it
// failed), and what can be done with it.
import { DRAFT_STATE_LABELS, type Draft } from '../../../shared/types';
import { shortDate } from '../lib/format';

export interface DraftRowProps {
  readonly draft: Draft;
  readonly onOpen: (draft: Draft) => void;
  readonly onDelete: (draft: Draft) => void;
}


export function DraftRow({ draft, onOpen, onDelete }: DraftRowProps) {
  const editable = draft.state === 'draft' || draft.state === 'queued' || draft.state === 'failed';
  return (
    <li className="draft-row" data-state={draft.state}>
      <p className="draft-title">
        <strong>{draft.articleTitle || 'Untitled'}</strong> <span className="muted">· {draft.feedTitle}</span>
      </p>
      <p className="draft-meta">
        <span className={`draft-state state-${draft.state}`}>{DRAFT_STATE_LABELS[draft.state]}</span>
        {draft.state === 'failed' && draft.message && <span className="error">: {draft.message}</span>}
        {draft.replyTo && <span className="muted"> · reply to {draft.replyTo.author || 'Anonymous'}</span>}
        <span className="muted"> · {shortDate(draft.updatedAt)}</span>
      </p>
      <p className="draft-excerpt">{draft.body.trim() || '(empty)'}</p>
      <div className="draft-actions">
        {draft.articleId !== null ? (
          <button type="button" className="button small" onClick={() => onOpen(draft)}>
            {editable ? 'Open and edit' : 'Open'}
          </button>
        ) : (
          <span className="muted">The article is no longer stored.</span>
        )}
        <button type="button" className="button small" onClick={() => onDelete(draft)}>
          Delete
        </button>
      </div>
    </li>
  );
}
