// A whole-number input that commits when the value is valid and the field is left (or Enter
// is pressed), so typing "1" on the way to "12" does not save 1.
import { useEffect, useState } from 'react';

export interface NumberFieldProps {
  readonly id: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly disabled?: boolean;
  /** Its name for screen readers where no <label> names it (the words around it are a radio's or a checkbox's). */
  readonly label?: string;
  readonly onCommit: (value: number) => void;
}

export function NumberField({ id, value, min, max, disabled, label, onCommit }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = Number(text);
  const valid = Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const commit = () => {
    if (valid && parsed !== value) onCommit(parsed);
    else if (!valid) setText(String(value));
  };
  return (
    <input
      id={id}
      className="number-field"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={text}
      disabled={disabled}
      aria-label={label}
      aria-invalid={!valid}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}
