// The window's size and place across launches. What was saved is checked against the displays
// present now: a window is never restored off-screen (a monitor unplugged since), smaller than
// usable or larger than the biggest screen; anything odd in the file falls back to the default.
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** Absent: let the system center the window. */
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const MIN_SIZE = { width: 720, height: 480 } as const;
export const DEFAULT_STATE: WindowState = { width: 1200, height: 800, maximized: false };
/** How much of the title bar must fall on a screen for the window to be reachable. */
const GRIP = { width: 120, height: 24 } as const;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The state to open the window with, given what was saved and the displays' work areas. */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  if (typeof saved !== 'object' || saved === null || workAreas.length === 0) return DEFAULT_STATE;
  const s = saved as Record<string, unknown>;
  const maximized = s.maximized === true;
  if (!isNumber(s.width) || !isNumber(s.height)) return { ...DEFAULT_STATE, maximized };
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = Math.round(Math.min(Math.max(s.width, MIN_SIZE.width), Math.max(maxWidth, MIN_SIZE.width)));
  const height = Math.round(Math.min(Math.max(s.height, MIN_SIZE.height), Math.max(maxHeight, MIN_SIZE.height)));
  if (!isNumber(s.x) || !isNumber(s.y)) return { width, height, maximized };
  const x = Math.round(s.x);
  const y = Math.round(s.y);
  const titleBar: Rect = { x, y, width, height: GRIP.height };
  const reachable = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(GRIP.width, width) && o.height >= GRIP.height;
  });
  return reachable ? { x, y, width, height, maximized } : { width, height, maximized };
}
