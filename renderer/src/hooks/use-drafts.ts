// Every draft across articles, for the Drafts view; deletions can be undone (restoreDraft).
// "Send all queued" can take minutes (each site's flood check is waited out between comments), so
// while it runs the drafts are read again every second and the view counts what is done.
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
  /** While "Send all queued" runs: how many of the drafts it took are no longer waiting. */
  readonly sending: { readonly done: number; readonly total: number } | null;
  reload(): void;
  remove(draft: Draft): Promise<void>;
  undoRemove(): Promise<void>;
  sendQueued(): Promise<void>;
}

const PROGRESS_POLL_MS = 1_000;

export function useDrafts(): DraftsState {
  const bridge = useBridge();
  const [drafts, setDrafts] = useState<readonly Draft[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Draft | null>(null);
  const [results, setResults] = useState<readonly SendResult[] | null>(null);
  const [sending, setSending] = useState<{ done: number; total: number } | null>(null);
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
        const taken = new Set((drafts ?? []).filter((draft) => draft.state === 'queued').map((draft) => draft.id));
        setSending({ done: 0, total: taken.size });
        const poll = setInterval(() => {
          bridge.getDrafts().then(
            (value) => {
              setDrafts(value);
              const done = value.filter((draft) => taken.has(draft.id) && draft.state !== 'queued' && draft.state !== 'sending').length;
              setSending((current) => current && { ...current, done });
            },
            () => undefined,
          );
        }, PROGRESS_POLL_MS);
        try {
          setResults(await bridge.sendQueuedDrafts());
        } finally {
          clearInterval(poll);
          setSending(null);
        }
      }),
  };
}
