// What the core had to tell the person when it opened the data folder, until each is dismissed.
// Failing to read them shows nothing: the app itself works.
import { useEffect, useState } from 'react';
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
  const [notices, setNotices] = useState<readonly StartupNotice[]>([]);
  useEffect(() => setNotices(value ?? []), [value]);

  const dismiss = (id: string) => {
    setNotices((shown) => shown.filter((notice) => notice.id !== id));
    void bridge.dismissNotice(id).catch(() => undefined);
  };
  return { notices, dismiss };
}
