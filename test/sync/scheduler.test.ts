import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncScheduler } from '../../electron/core/sync/scheduler';
import { DEFAULT_SETTINGS } from '../../shared/types';

const HOUR = 60 * 60 * 1000;

describe('SyncScheduler', () => {
  let syncs: number;
  const target = { running: () => false, sync: async () => void syncs++ };
  let scheduler: SyncScheduler;

  beforeEach(() => {
    vi.useFakeTimers();
    syncs = 0;
    scheduler = new SyncScheduler(target);
  });
  afterEach(() => {
    scheduler.stop();
    vi.useRealTimers();
  });

  it('never syncs by itself with the default settings', () => {
    scheduler.start(DEFAULT_SETTINGS);
    vi.advanceTimersByTime(30 * 24 * HOUR);
    expect(syncs).toBe(0);
  });

  it('syncs on start and every N hours when turned on, and stops when turned off', () => {
    scheduler.start({ ...DEFAULT_SETTINGS, syncOnStart: true, syncEveryHours: 2 });
    expect(syncs).toBe(1);
    vi.advanceTimersByTime(4 * HOUR);
    expect(syncs).toBe(3);
    scheduler.apply({ ...DEFAULT_SETTINGS, syncEveryHours: null });
    vi.advanceTimersByTime(10 * HOUR);
    expect(syncs).toBe(3);
  });

  it('never arms a timer shorter than asked: an interval past what setInterval holds waits the longest it can', () => {
    // 1000 hours overflow setInterval's 32-bit delay, which Node then treats as 1 ms.
    scheduler.start({ ...DEFAULT_SETTINGS, syncEveryHours: 1000 });
    vi.advanceTimersByTime(24 * HOUR);
    expect(syncs).toBe(0);
    vi.advanceTimersByTime(25 * 24 * HOUR);
    expect(syncs).toBe(1);
  });

  it('leaves a running sync alone', () => {
    const busy = new SyncScheduler({ running: () => true, sync: async () => void syncs++ });
    busy.start({ ...DEFAULT_SETTINGS, syncOnStart: true, syncEveryHours: 1 });
    vi.advanceTimersByTime(3 * HOUR);
    busy.stop();
    expect(syncs).toBe(0);
  });
});
