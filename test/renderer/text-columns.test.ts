// A fixed-width block's width in columns, which reader.css fits to the reading column.
import { expect, it } from 'vitest';
import { widestLine } from '../../renderer/src/lib/text-columns';

it('counts the widest line in characters, a tab to the next stop of 8', () => {
  expect(widestLine('Abstract\n\n   This memo describes a layout.\n')).toBe(32);
  expect(widestLine('a\tb')).toBe(9);
  expect(widestLine('1234567\tx\n\t\ty')).toBe(17);
  // One column per character, not per UTF-16 unit.
  expect(widestLine('𝔸𝔹ℂ')).toBe(3);
});
