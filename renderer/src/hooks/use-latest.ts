// A ref that always holds the value of the last committed render. Event listeners registered
// once read it at event time; assigning it during render instead would leak values of renders
// React threw away (it may render a component and never commit that render).
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** A function of stable identity that calls the latest one given: memoized rows need not re-render. */
export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useLatest(fn);
  return useCallback((...args: A) => ref.current(...args), [ref]);
}
