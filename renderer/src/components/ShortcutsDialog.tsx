// The "?" list of keyboard shortcuts, from the same tables the key handlers use. When the person
// has turned single-key shortcuts off it says so first: the keys listed then do nothing (the
// article list's own keys, listed after them, work whatever the setting).
import { LIST_KEYS, SHORTCUTS } from '../lib/keymap';
import { Dialog } from './Dialog';

export interface ShortcutsDialogProps {
  /** The singleKeyShortcuts setting. */
  readonly enabled: boolean;
  readonly onClose: () => void;
}

export function ShortcutsDialog({ enabled, onClose }: ShortcutsDialogProps) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog">
      {!enabled && (
        <p className="setting-help" role="note">
          Single-key shortcuts are off: these keys do nothing until you turn them on in Settings, under Keyboard.
        </p>
      )}
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <th scope="row">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && (shortcut.keys[0] === 'Shift' ? ' + ' : ' then ')}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{shortcut.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="shortcuts" aria-label="In the article list">
        <caption>In the article list, when it has the keyboard</caption>
        <tbody>
          {LIST_KEYS.map((listKey) => (
            <tr key={listKey.key}>
              <th scope="row">
                <kbd>{listKey.shown}</kbd>
              </th>
              <td>{listKey.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
