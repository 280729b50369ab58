// Every draft across articles, for the Drafts view; deletions can be undone (restoreDraft).
import { useCallback, useEffect, useState } from 'react';
import type { Draft, SendResult } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface DraftsState {
  readonly drafts: readonly Draft[] | null;
  readonly error: string | null;
  /** The last deleted draft, while its deletion can still be undone here. */
  readonly deleted: Draft | null;
  readonly results: readonly SendResult[] | null;
  reload(): void;
  remove(draft: Draft): Promise<void>;
  undoRemove(): Promise<void>;
  sendQueued(): Promise<void>;
}

export function useDrafts(): DraftsState {
  const bridge = useBridge();
  const [drafts, setDrafts] = useState<readonly Draft[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Draft | null>(null);
  const [results, setResults] = useState<readonly SendResult[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let live = true;
    bridge.getDrafts().then(
      (value) => live && setDrafts(value),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [bridge, generation]);

  // Saved by the composer beside this view, another window or the CLI: the core says so.
  useEffect(() => bridge.on('drafts-changed', reload), [bridge, reload]);

  const run = useCallback(
    async (action: () => Promise<void>) => {
      try {
        await action();
        setError(null);
      } catch (failure) {
        setError(errorMessage(failure));
      }
      reload();
    },
    [reload],
  );

  return {
    drafts,
    error,
    deleted,
    results,
    reload,
    remove: (draft) =>
      run(async () => {
        await bridge.deleteDraft(draft.id);
        setDeleted(draft);
      }),
    undoRemove: () =>
      run(async () => {
        if (deleted) await bridge.restoreDraft(deleted.id);
        setDeleted(null);
      }),
    sendQueued: () =>
      run(async () => {
        setResults(await bridge.sendQueuedDrafts());
      }),
  };
}
