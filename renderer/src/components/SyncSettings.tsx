// How syncing behaves: feeds at once, and the optional automatic syncs (off by default).
import type { Settings } from '../../../shared/types';
import { NumberField } from './NumberField';

export interface SyncSettingsProps {
  readonly settings: Settings;
  readonly update: (patch: Partial<Settings>) => void;
}

const DEFAULT_HOURS = 6;

export function SyncSettings({ settings, update }: SyncSettingsProps) {
  const periodic = settings.syncEveryHours !== null;
  return (
    <fieldset className="settings-group">
      <legend>Sync</legend>
      <div className="setting">
        <label htmlFor="sync-concurrency">Feeds fetched at once</label>
        <NumberField id="sync-concurrency" value={settings.syncConcurrency} min={1} max={32} onCommit={(n) => update({ syncConcurrency: n })} />
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.syncOnStart} onChange={(event) => update({ syncOnStart: event.target.checked })} /> Sync when
          Paperboy starts
        </label>
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.notifyAfterSync} onChange={(event) => update({ notifyAfterSync: event.target.checked })} /> Notify me when
          a sync brings new articles (the app)
        </label>
      </div>
      <div className="setting">
        <label>
          <input
            type="checkbox"
            checked={periodic}
            onChange={(event) => update({ syncEveryHours: event.target.checked ? DEFAULT_HOURS : null })}
          />{' '}
          Sync automatically every
        </label>
        <NumberField
          id="sync-every-hours"
          label="Hours between automatic syncs"
          value={settings.syncEveryHours ?? DEFAULT_HOURS}
          min={1}
          max={168}
          disabled={!periodic}
          onCommit={(n) => update({ syncEveryHours: n })}
        />
        <span>hours</span>
      </div>
      <p className="setting-help">Off by default: Paperboy syncs only when you ask.</p>
    </fieldset>
  );
}
