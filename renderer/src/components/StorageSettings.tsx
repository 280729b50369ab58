// How long articles are kept (starred ones always stay), what the cache holds, and a clean-up.
import { useEffect, useState } from 'react';
import type { RetentionResult, Settings, StorageInfo } from '../../../shared/types';
import { useBridge } from '../hooks/bridge';
import { bytes, plural } from '../lib/format';
import { errorMessage } from '../../../shared/error-message';
import { NumberField } from './NumberField';

export interface StorageSettingsProps {
  readonly settings: Settings;
  readonly update: (patch: Partial<Settings>) => void;
  /** Articles were deleted: lists and counts are out of date. */
  readonly onCleaned: () => void;
}

const DEFAULT_DAYS = 90;

export function StorageSettings({ settings, update, onCleaned }: StorageSettingsProps) {
  const bridge = useBridge();
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.storageInfo().then(
      (value) => live && setInfo(value),
      (failure: unknown) => live && setMessage(`Storage figures unavailable: ${errorMessage(failure)}`),
    );
    return () => {
      live = false;
    };
  }, [bridge, busy]);

  const cleanUp = () => {
    setBusy(true);
    setMessage(null);
    bridge
      .applyRetention(settings.keepDays)
      .then(
        (result: RetentionResult) => {
          setMessage(`Removed ${plural(result.articlesDeleted, 'article')} and ${plural(result.imagesDeleted, 'image')} (${bytes(result.bytesFreed)}).`);
          onCleaned();
        },
        (failure: unknown) => setMessage(`The clean-up failed: ${errorMessage(failure)}`),
      )
      .finally(() => setBusy(false));
  };

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
        <NumberField id="keep-days" value={settings.keepDays ?? DEFAULT_DAYS} min={1} max={36500} disabled={forever} onCommit={(n) => update({ keepDays: n })} />
        <span>days</span>
        <button type="button" className="button small" disabled={forever || busy} onClick={cleanUp}>
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
