// Every draft across articles, for the Drafts view; deletions can be undone (restoreDraft).
// "Send all queued" can take minutes (each site's flood check is waited out between comments), so
// the core says how far it is (the send-progress event: drafts done, the wait under way) and the
// view shows it, whichever window or process pressed the button.
import { useCallback, useEffect, useState } from 'react';
import type { Draft, SendQueueProgress, SendResult } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface DraftsState {
  readonly drafts: readonly Draft[] | null;
  readonly error: string | null;
  /** The last deleted draft, while its deletion can still be undone here. */
  readonly deleted: Draft | null;
  readonly results: readonly SendResult[] | null;
  /** While "Send all queued" runs: how many of the drafts it took are done, and any wait for a site. */
  readonly sending: SendQueueProgress | null;
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
  const [sending, setSending] = useState<SendQueueProgress | null>(null);
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

  // Each step of "Send all queued" changed a draft's state: show the step and the drafts as they are now.
  useEffect(
    () =>
      bridge.on('send-progress', (progress) => {
        setSending(progress.done < progress.total ? progress : null);
        reload();
      }),
    [bridge, reload],
  );

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
    sending,
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
        const queued = (drafts ?? []).filter((draft) => draft.state === 'queued').length;
        setSending({ done: 0, total: queued, waitingMs: null });
        try {
          setResults(await bridge.sendQueuedDrafts());
        } finally {
          setSending(null);
        }
      }),
  };
}
