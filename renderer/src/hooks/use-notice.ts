// One-line messages about actions that failed in the background (marking read, starring...).
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../shared/error-message';

export interface NoticeState {
  readonly notice: string | null;
  fail(what: string): (error: unknown) => void;
  dismiss(): void;
}

export function useNotice(): NoticeState {
  const [notice, setNotice] = useState<string | null>(null);
  const fail = useCallback((what: string) => (error: unknown) => setNotice(`${what}: ${errorMessage(error)}`), []);
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, fail, dismiss };
}
