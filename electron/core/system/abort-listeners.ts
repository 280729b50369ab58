// One 'abort' listener per signal, standing for any number of callers. A sync hands one signal to
// thousands of requests, queued slots and worker jobs at once, and Node's EventTarget walks its
// whole list of listeners on every addEventListener (to refuse a duplicate) and on every
// removeEventListener: with the requests of a sync queued, adding and removing theirs was a fifth
// of the HTTP client's CPU. A Set adds and removes in constant time.

type Listener = () => void;

const listenersOf = new WeakMap<AbortSignal, Set<Listener>>();

/**
 * Calls `listener` once when `signal` aborts, as addEventListener('abort', listener, { once: true })
 * would: not at all if it has aborted already (callers check `signal.aborted` themselves). Returns
 * the function that takes the listener off again.
 */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  let listeners = listenersOf.get(signal);
  if (!listeners) {
    const created = new Set<Listener>();
    listeners = created;
    listenersOf.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        // As the DOM dispatches: a listener another one takes off as it runs is not called, and one
        // added meanwhile is not either (the signal never aborts again).
        for (const one of [...created]) if (created.delete(one)) one();
      },
      { once: true },
    );
  }
  const set = listeners;
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
