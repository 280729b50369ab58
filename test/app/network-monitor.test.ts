import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_POLL_MS, NetworkMonitor } from '../../electron/app/network-monitor';

describe('NetworkMonitor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls the host and reports changes only', () => {
    let online = true;
    const changes: boolean[] = [];
    const monitor = new NetworkMonitor({ isOnline: () => online, onChange: (value) => changes.push(value) });
    monitor.start();
    vi.advanceTimersByTime(NETWORK_POLL_MS * 3);
    expect(changes).toEqual([]);
    online = false;
    vi.advanceTimersByTime(NETWORK_POLL_MS);
    vi.advanceTimersByTime(NETWORK_POLL_MS);
    expect(changes).toEqual([false]);
    expect(monitor.online).toBe(false);
    online = true;
    monitor.check(); // on resume from sleep, without waiting for the next tick
    expect(changes).toEqual([false, true]);
    monitor.stop();
    online = false;
    vi.advanceTimersByTime(NETWORK_POLL_MS * 5);
    expect(changes).toEqual([false, true]);
  });

  it('keeps the last known state when the host cannot tell', () => {
    let calls = 0;
    const monitor = new NetworkMonitor({
      isOnline: () => {
        if (calls++ > 0) throw new Error('no network service');
        return false;
      },
      onChange: () => {
        throw new Error('not expected');
      },
    });
    monitor.check();
    expect(monitor.online).toBe(false);
  });
});
