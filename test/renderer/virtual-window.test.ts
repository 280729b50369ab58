import { describe, expect, it } from 'vitest';
import { scrollToReveal, visibleRange } from '../../renderer/src/lib/virtual-window';

describe('list windowing', () => {
  it('renders the rows in view plus a margin, never more, whatever the length', () => {
    expect(visibleRange(0, 880, 88, 100_000, 8)).toEqual({ start: 0, end: 18 });
    const deep = visibleRange(88 * 50_000, 880, 88, 100_000, 8);
    expect(deep).toEqual({ start: 49_992, end: 50_018 });
    expect(deep.end - deep.start).toBeLessThanOrEqual(200);
  });

  it('stays within the list at its ends and when it is empty', () => {
    expect(visibleRange(88 * 95, 880, 88, 100, 8)).toEqual({ start: 87, end: 100 });
    expect(visibleRange(-50, 880, 88, 3, 8)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 880, 88, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(0, 0, 88, 10, 0)).toEqual({ start: 0, end: 1 });
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(5, 0, 880, 88)).toBeNull();
    expect(scrollToReveal(10, 0, 880, 88)).toBe(88);
    expect(scrollToReveal(2, 880, 880, 88)).toBe(176);
  });
});
