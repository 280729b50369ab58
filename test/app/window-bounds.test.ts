import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, MIN_SIZE, restoreWindowState } from '../../electron/app/window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoring the window', () => {
  it('keeps a saved place and size that fit the screens', () => {
    expect(restoreWindowState({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: false });
    expect(restoreWindowState({ x: 1600, y: 40, width: 2000, height: 1200, maximized: true }, [laptop, external])).toEqual({ x: 1600, y: 40, width: 2000, height: 1200, maximized: true });
  });

  it('centers a window whose screen is gone', () => {
    expect(restoreWindowState({ x: 1600, y: 40, width: 1200, height: 800, maximized: false }, [laptop])).toEqual({ width: 1200, height: 800, maximized: false });
    expect(restoreWindowState({ x: -5000, y: -5000, width: 800, height: 600 }, [laptop])).toEqual({ width: 800, height: 600, maximized: false });
    // Only the bottom edge peeks out: the title bar is unreachable.
    expect(restoreWindowState({ x: 100, y: -590, width: 800, height: 600 }, [laptop])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('clamps sizes between the minimum and the largest screen', () => {
    expect(restoreWindowState({ width: 100, height: 50 }, [laptop])).toEqual({ width: MIN_SIZE.width, height: MIN_SIZE.height, maximized: false });
    expect(restoreWindowState({ width: 9000, height: 9000 }, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('falls back to the default for anything odd in the file', () => {
    for (const saved of [undefined, null, 'big', 42, [], {}, { width: '800', height: 600 }, { width: Number.NaN, height: 600 }, { width: Infinity, height: 600 }]) {
      expect(restoreWindowState(saved, [laptop]), JSON.stringify(saved)).toEqual(DEFAULT_STATE);
    }
    expect(restoreWindowState({ x: 'a', y: 0, width: 800, height: 600 }, [laptop])).toEqual({ width: 800, height: 600, maximized: false });
    expect(restoreWindowState({ width: 800, height: 600 }, [])).toEqual(DEFAULT_STATE);
  });
});
