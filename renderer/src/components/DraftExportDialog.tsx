// Drafts exported as text or Markdown. Downloads are blocked in the app, so the text is shown to
// copy; when the clipboard is denied it is selected instead.
import { useEffect, useRef, useState } from 'react';
import type { DraftExportFormat } from '../../../shared/types';
import { useBridge } from '../hooks/bridge';
import { errorMessage } from '../../../shared/error-message';
import { Dialog } from './Dialog';

export interface DraftExportDialogProps {
  readonly onClose: () => void;
}

export function DraftExportDialog({ onClose }: DraftExportDialogProps) {
  const bridge = useBridge();
  const [format, setFormat] = useState<DraftExportFormat>('markdown');
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    bridge.exportDrafts(format).then(
      (value) => live && setText(value),
      (failure: unknown) => live && setNote(`The drafts could not be exported: ${errorMessage(failure)}`),
    );
    return () => {
      live = false;
    };
  }, [bridge, format]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote('Copied.');
    } catch {
      ref.current?.select();
      setNote('The clipboard is not available: the text is selected, copy it with Ctrl+C (⌘C).');
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
