// What the core had to tell the person when it opened the data folder, until each is dismissed.
// Failing to read them shows nothing: the app itself works.
import { useState } from 'react';
import type { StartupNotice } from '../../../shared/api';
import { useBridge } from './bridge';
import { useCoreValue } from './use-core-value';

export interface StartupNotices {
  readonly notices: readonly StartupNotice[];
  dismiss(id: string): void;
}

export function useStartupNotices(): StartupNotices {
  const bridge = useBridge();
  const { value } = useCoreValue((core) => core.getNotices(), []);
  // Gone at once when dismissed, whether or not the core has recorded it yet.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const dismiss = (id: string) => {
    setDismissed((current) => new Set(current).add(id));
    void bridge.dismissNotice(id).catch(() => undefined);
  };
  return { notices: (value ?? []).filter((notice) => !dismissed.has(notice.id)), dismiss };
}
