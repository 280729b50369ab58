// Drafts exported as text or Markdown. Downloads are blocked in the app, so the text is shown to
// copy; when the clipboard is denied it is selected instead.
import { useRef, useState } from 'react';
import type { DraftExportFormat } from '../../../shared/types';
import { useDraftExport } from '../hooks/use-draft-export';
import { Dialog } from './Dialog';

export interface DraftExportDialogProps {
  readonly onClose: () => void;
}

export function DraftExportDialog({ onClose }: DraftExportDialogProps) {
  const [format, setFormat] = useState<DraftExportFormat>('markdown');
  const { text, error } = useDraftExport(format);
  const [copied, setCopied] = useState<string | null>(null);
  const note = error ?? copied;
  const ref = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      ref.current?.select();
      setCopied('The clipboard is not available: the text is selected, copy it with Ctrl+C (⌘C).');
    }
  };

  return (
    <Dialog title="Export drafts" onClose={onClose} className="draft-export">
      <div className="composer-actions">
        <label>
          <input type="radio" name="draft-format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} /> Markdown
        </label>
        <label>
          <input type="radio" name="draft-format" checked={format === 'text'} onChange={() => setFormat('text')} /> Text
        </label>
      </div>
      <textarea ref={ref} className="draft-export-text" aria-label="Exported drafts" readOnly rows={16} value={text} />
      <div className="composer-actions">
        <button type="button" className="button primary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button" onClick={() => ref.current?.select()}>
          Select all
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </Dialog>
  );
}
