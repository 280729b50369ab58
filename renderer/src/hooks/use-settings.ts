// The person's preferences, kept in step with changes made elsewhere (the menu, another window).
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface SettingsState {
  readonly settings: Settings | null;
  readonly error: string | null;
  update(patch: Partial<Settings>): Promise<void>;
}

export function useSettings(): SettingsState {
  const bridge = useBridge();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    bridge.getSettings().then(
      (value) => live && setSettings(value),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    const off = bridge.on('settings-changed', setSettings);
    return () => {
      live = false;
      off();
    };
  }, [bridge]);

  // The change shows at once (a radio button must not spring back while the core saves it);
  // the core's answer then replaces it, or the old value returns with the error.
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      let before: Settings | null = null;
      setSettings((current) => {
        before = current;
        return current ? { ...current, ...patch } : current;
      });
      try {
        setSettings(await bridge.updateSettings(patch));
        setError(null);
      } catch (failure) {
        setSettings(before);
        setError(errorMessage(failure));
      }
    },
    [bridge],
  );

  return { settings, error, update };
}
