// "Marked 240 articles read. Undo": a quiet message at the foot of the window after an action
// that touches many articles, with the way back. It goes away after a while, or when dismissed;
// closed by one of its own buttons, it hands the keyboard on (onLeave), as its button goes with it.
import { useEffect } from 'react';
import { useKeyHint } from '../hooks/use-key-hint';

export interface UndoToastProps {
  readonly message: string;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
  /** Its Undo or Dismiss button was pressed: focus must go somewhere that stays. */
  readonly onLeave: () => void;
}

const SHOWN_MS = 12_000;

export function UndoToast({ message, onUndo, onDismiss, onLeave }: UndoToastProps) {
  const keyHint = useKeyHint();
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      <button type="button" className="button small" onClick={() => {
          onUndo();
          onLeave();
        }} title={keyHint('Undo', 'z')}>
        Undo
      </button>
      <button
        type="button"
        className="button small"
        onClick={() => {
          onDismiss();
          onLeave();
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
