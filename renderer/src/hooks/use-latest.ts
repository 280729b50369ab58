// A ref that always holds the value of the last committed render. Event listeners registered
// once read it at event time; assigning it during render instead would leak values of renders
// React threw away (it may render a component and never commit that render).
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
