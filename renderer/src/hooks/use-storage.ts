// What the cache holds, and a clean-up now by the person's retention setting. The figures are
// read again after a clean-up.
import { useState } from 'react';
import type { StorageInfo } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { bytes, plural } from '../lib/format';
import { useBridge } from './bridge';
import { useCoreValue } from './use-core-value';

export interface Storage {
  readonly info: StorageInfo | null;
  readonly message: string | null;
  readonly busy: boolean;
  cleanUp(keepDays: number | null): void;
}

export function useStorage(onCleaned: () => void): Storage {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [cleanups, setCleanups] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const figures = useCoreValue((core) => core.storageInfo(), [cleanups]);

  const cleanUp = (keepDays: number | null) => {
    setBusy(true);
    setMessage(null);
    bridge
      .applyRetention(keepDays)
      .then(
        (result) => {
          const removed = `Removed ${plural(result.articlesDeleted, 'article')} and ${plural(result.imagesDeleted, 'image')} (${bytes(result.bytesFreed)}).`;
          setMessage(result.notCompacted ? `${removed} ${result.notCompacted}` : removed);
          onCleaned();
        },
        (failure: unknown) => setMessage(`The clean-up failed: ${errorMessage(failure)}`),
      )
      .finally(() => {
        setBusy(false);
        setCleanups((count) => count + 1);
      });
  };

  const unavailable = figures.error ? `Storage figures unavailable: ${figures.error}` : null;
  return { info: figures.value, message: message ?? unavailable, busy, cleanUp };
}
