// The person's preferences, kept in step with changes made elsewhere (the menu, another window).
import { useCallback, useEffect, useRef, useState } from 'react';
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
  // The event for one of this page's own updates travels on another connection than its answer
  // and may arrive after a newer update was made (two quick key presses on a splitter): it must
  // not bring the older value back. While an update is in flight its answer decides; afterwards
  // an event that only repeats an older answer of ours is an echo and is dropped.
  const pending = useRef(0);
  const answers = useRef<string[]>([]);

  useEffect(() => {
    let live = true;
    bridge.getSettings().then(
      (value) => live && setSettings(value),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    const off = bridge.on('settings-changed', (next) => {
      const text = JSON.stringify(next);
      const latest = answers.current.at(-1);
      if (pending.current > 0 || (text !== latest && answers.current.includes(text))) return;
      setSettings(next);
    });
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
      pending.current += 1;
      try {
        const answer = await bridge.updateSettings(patch);
        answers.current = [...answers.current.slice(-9), JSON.stringify(answer)];
        setSettings(answer);
        setError(null);
      } catch (failure) {
        setSettings(before);
        setError(errorMessage(failure));
      } finally {
        pending.current -= 1;
      }
    },
    [bridge],
  );

  return { settings, error, update };
}
