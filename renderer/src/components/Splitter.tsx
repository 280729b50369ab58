// The handle between two panes: drag it, or focus it and use the arrow keys (Home and End for
// the limits). The width shows live while dragging and is saved once, when the drag ends.
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Where the handle sits, from the start of the panes, in CSS pixels. */
  readonly at: number;
  readonly onChange: (width: number) => void;
  readonly onCommit: (width: number) => void;
}

const KEY_STEP = 16;

export function Splitter({ label, value, min, max, at, onChange, onCommit }: SplitterProps) {
  const drag = useRef<{ startX: number; startValue: number; last: number } | null>(null);
  // Keys may come faster than the page redraws (key repeat, End then Left): each press steps from
  // the width the previous press chose, not from the width last drawn.
  const keyed = useRef(value);
  useEffect(() => {
    keyed.current = value;
  }, [value]);
  const clamp = (width: number) => Math.round(Math.min(max, Math.max(min, width)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startValue: value, last: value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current.last = clamp(drag.current.startValue + event.clientX - drag.current.startX);
    onChange(drag.current.last);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    const { last, startValue } = drag.current;
    drag.current = null;
    if (last !== startValue) onCommit(last);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft' ? keyed.current - KEY_STEP
      : event.key === 'ArrowRight' ? keyed.current + KEY_STEP
      : event.key === 'Home' ? min
      : event.key === 'End' ? max
      : null;
    if (next === null) return;
    event.preventDefault();
    keyed.current = clamp(next);
    onCommit(keyed.current);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      style={{ insetInlineStart: at - 3 }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
