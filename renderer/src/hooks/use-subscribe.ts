// Subscribing to feeds by address, several at once (the suggested feeds each have a button):
// each address has its own state, busy, refused with the core's sentence, added, or a page's
// feeds to choose from (the core subscribes to none of them: the one chosen is subscribed to by
// its own address, with this same call).
import { useCallback, useState } from 'react';
import type { AddFeedResult, FeedChoice } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';
import { useLatest } from './use-latest';

export type SubscribeState =
  | { readonly kind: 'busy' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'added'; readonly result: AddFeedResult }
  | { readonly kind: 'choice'; readonly choice: FeedChoice };

export interface Subscribing {
  readonly states: Readonly<Record<string, SubscribeState>>;
  subscribe(url: string): void;
}

export function useSubscribe(onAdded: (result: AddFeedResult) => void): Subscribing {
  const bridge = useBridge();
  const [states, setStates] = useState<Readonly<Record<string, SubscribeState>>>({});
  const added = useLatest(onAdded);
  const subscribe = useCallback(
    (url: string) => {
      const set = (state: SubscribeState) => setStates((current) => ({ ...current, [url]: state }));
      set({ kind: 'busy' });
      bridge.addFeed(url, null, { offerChoice: true }).then(
        (result) => {
          if (result.kind === 'choice') {
            set({ kind: 'choice', choice: result });
            return;
          }
          set({ kind: 'added', result });
          added.current(result);
        },
        (failure: unknown) => set({ kind: 'error', message: errorMessage(failure) }),
      );
    },
    [bridge, added],
  );
  return { states, subscribe };
}
