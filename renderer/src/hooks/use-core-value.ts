// A value the core is asked for whenever its inputs change. The answer for older inputs is
// dropped when it arrives late (a slow export in Markdown must not replace the text one asked
// for since), and a failure becomes a sentence beside the value rather than an exception.
import { useEffect, useState } from 'react';
import type { PaperboyBridge } from '../../../shared/api';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface CoreValue<T> {
  readonly value: T | null;
  readonly error: string | null;
}

/** `inputs` are what the answer depends on besides the bridge: a change asks again. */
export function useCoreValue<T>(load: (bridge: PaperboyBridge) => Promise<T>, inputs: readonly unknown[]): CoreValue<T> {
  const bridge = useBridge();
  const [state, setState] = useState<CoreValue<T>>({ value: null, error: null });
  useEffect(() => {
    let live = true;
    load(bridge).then(
      (value) => live && setState({ value, error: null }),
      (failure: unknown) => live && setState((current) => ({ value: current.value, error: errorMessage(failure) })),
    );
    return () => {
      live = false;
    };
    // The inputs stand for `load`, which is a new closure at every render.
  }, [bridge, ...inputs]);
  return state;
}
