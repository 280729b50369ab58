// Asks for one name (a new folder, a feed's or folder's new name). The dialog stays open with
// the reason when the core refuses, so what was typed is not lost.
import { useState } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { Dialog } from './Dialog';

export interface PromptDialogProps {
  readonly title: string;
  readonly label: string;
  readonly initial: string;
  readonly submitLabel: string;
  /** Resolves when done (the dialog closes); a rejection is shown. */
  readonly onSubmit: (value: string) => Promise<unknown>;
  readonly onClose: () => void;
}

export function PromptDialog({ title, label, initial, submitLabel, onSubmit, onClose }: PromptDialogProps) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!value.trim() || busy) return;
    setBusy(true);
    setError(null);
    onSubmit(value.trim()).then(onClose, (failure: unknown) => {
      setError(errorMessage(failure));
      setBusy(false);
    });
  };
  return (
    <Dialog title={title} onClose={onClose} className="small-dialog">
      <form
        className="add-feed-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="prompt-field">{label}</label>
        <div className="field-row">
          <input id="prompt-field" type="text" value={value} onChange={(event) => setValue(event.target.value)} onFocus={(event) => event.target.select()} data-autofocus />
          <button type="submit" className="button primary" disabled={busy || !value.trim()}>
            {submitLabel}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
