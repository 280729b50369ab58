// Preferences: appearance, reading, sync, storage, the keyboard, per-feed options and OPML. Every change is saved at once.
import type { Feed, FeedId, Theme } from '../../../shared/types';
import type { SettingsState } from '../hooks/use-settings';
import { Dialog } from './Dialog';
import { FeedOptions } from './FeedOptions';
import { OpmlTools } from './OpmlTools';
import { ReadingSettings } from './ReadingSettings';
import { StorageSettings } from './StorageSettings';
import { SyncSettings } from './SyncSettings';

export interface SettingsDialogProps {
  readonly settings: SettingsState;
  readonly feeds: readonly Feed[];
  readonly onFeedChanged: (feed: Feed) => void;
  readonly onFeedRemoved: (feedId: FeedId) => void;
  readonly onDataChanged: () => void;
  readonly onClose: () => void;
}

const THEMES: readonly { readonly value: Theme; readonly label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsDialog({ settings: state, feeds, onFeedChanged, onFeedRemoved, onDataChanged, onClose }: SettingsDialogProps) {
  const { settings } = state;
  const update = (patch: Parameters<SettingsState['update']>[0]) => void state.update(patch);
  return (
    <Dialog title="Settings" onClose={onClose} className="settings-dialog">
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {!settings ? (
        <p role="status">Loading settings…</p>
      ) : (
        <>
          <fieldset className="settings-group">
            <legend>Appearance</legend>
            {THEMES.map((theme) => (
              <div className="setting" key={theme.value}>
                <label>
                  <input type="radio" name="theme" checked={settings.theme === theme.value} onChange={() => update({ theme: theme.value })} /> {theme.label}
                </label>
              </div>
            ))}
          </fieldset>
          <ReadingSettings settings={settings} update={update} />
          <SyncSettings settings={settings} update={update} />
          <StorageSettings settings={settings} update={update} onCleaned={onDataChanged} />
          <fieldset className="settings-group">
            <legend>Keyboard</legend>
            <div className="setting">
              <label>
                <input
                  type="checkbox"
                  checked={settings.singleKeyShortcuts}
                  aria-describedby="single-key-help"
                  onChange={(event) => update({ singleKeyShortcuts: event.target.checked })}
                />{' '}
                Single-key shortcuts
              </label>
            </div>
            {/* WCAG 2.1.4: speech input types the letters of the words it hears, and each would be a command. */}
            <p className="setting-help" id="single-key-help">
              j, k, s, Space and the other keys of the shortcut list pressed alone. Turn them off if you use speech input or often press keys by chance; shortcuts with Ctrl, Alt or Cmd keep working.
            </p>
          </fieldset>
        </>
      )}
      <FeedOptions feeds={feeds} onChanged={onFeedChanged} onRemoved={onFeedRemoved} />
      <OpmlTools onImported={onDataChanged} />
    </Dialog>
  );
}
