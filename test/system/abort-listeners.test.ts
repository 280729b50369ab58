// One listener per signal standing for many (system/abort-listeners.ts): each caller is told once,
// in the order it asked, and a caller that stopped listening is not told.
import { describe, expect, it } from 'vitest';
import { onAbort } from '../../electron/core/system/abort-listeners';

describe('onAbort', () => {
  it('tells every listener once, in order, and not those taken off', () => {
    const controller = new AbortController();
    const told: string[] = [];
    onAbort(controller.signal, () => told.push('first'));
    const stop = onAbort(controller.signal, () => told.push('taken off'));
    onAbort(controller.signal, () => told.push('last'));
    stop();
    controller.abort();
    controller.abort();
    expect(told).toEqual(['first', 'last']);
  });

  it('does not tell a listener another one took off as the signal aborted', () => {
    const controller = new AbortController();
    const told: string[] = [];
    let stopSecond = (): void => undefined;
    onAbort(controller.signal, () => {
      told.push('first');
      stopSecond();
    });
    stopSecond = onAbort(controller.signal, () => told.push('second'));
    controller.abort();
    expect(told).toEqual(['first']);
  });

  it('keeps the listeners of each signal apart', () => {
    const one = new AbortController();
    const other = new AbortController();
    const told: string[] = [];
    onAbort(one.signal, () => told.push('one'));
    onAbort(other.signal, () => told.push('other'));
    other.abort();
    expect(told).toEqual(['other']);
  });
});
