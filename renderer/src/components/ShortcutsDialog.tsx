// The "?" list of keyboard shortcuts, from the same table the key handler uses.
import { SHORTCUTS } from '../lib/keymap';
import { Dialog } from './Dialog';

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog">
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
    </Dialog>
  );
}
