// How long articles are kept (starred ones always stay), what the cache holds, and a clean-up.
import type { Settings } from '../../../shared/types';
import { useStorage } from '../hooks/use-storage';
import { bytes, plural } from '../lib/format';
import { NumberField } from './NumberField';

export interface StorageSettingsProps {
  readonly settings: Settings;
  readonly update: (patch: Partial<Settings>) => void;
  /** Articles were deleted: lists and counts are out of date. */
  readonly onCleaned: () => void;
}

const DEFAULT_DAYS = 90;

export function StorageSettings({ settings, update, onCleaned }: StorageSettingsProps) {
  const { info, message, busy, cleanUp } = useStorage(onCleaned);
  const forever = settings.keepDays === null;
  return (
    <fieldset className="settings-group">
      <legend>Storage</legend>
      <div className="setting">
        <label>
          <input type="radio" name="retention" checked={forever} onChange={() => update({ keepDays: null })} /> Keep articles forever
        </label>
      </div>
      <div className="setting">
        <label>
          <input type="radio" name="retention" checked={!forever} onChange={() => update({ keepDays: DEFAULT_DAYS })} /> Keep articles for
        </label>
        <NumberField
          id="keep-days"
          label="Days to keep articles"
          value={settings.keepDays ?? DEFAULT_DAYS}
          min={1}
          max={36500}
          disabled={forever}
          onCommit={(n) => update({ keepDays: n })}
        />
        <span>days</span>
        <button type="button" className="button small" disabled={forever || busy} onClick={() => cleanUp(settings.keepDays)}>
          {busy ? 'Cleaning up…' : 'Clean up now'}
        </button>
      </div>
      <p className="setting-help">Starred articles are never removed.</p>
      {info && (
        <p className="setting-help">
          {plural(info.articleCount, 'article')} in {plural(info.feedCount, 'feed')}: database {bytes(info.databaseBytes)}, {plural(info.imageCount, 'image')}{' '}
          {bytes(info.imageBytes)}. Data folder: <code>{info.dataDir}</code>
        </p>
      )}
      {message && (
        <p className="setting-help" role="status">
          {message}
        </p>
      )}
    </fieldset>
  );
}
