// Every pair of palette colours the stylesheets put together, in both themes, against WCAG 2.x
// AA: 4.5:1 for text, 3:1 for icons and focus rings (non-text contrast). The palette is read
// from base.css itself, so a colour changed there is checked here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve(__dirname, '../../renderer/src/styles/base.css'), 'utf8');

type Scheme = 'light' | 'dark';

function palette(): Map<string, { light: string; dark: string }> {
  const tokens = new Map<string, { light: string; dark: string }>();
  for (const [, name, value] of css.matchAll(/^\s*(--[a-z-]+):\s*([^;]+);/gm)) {
    const pair = /^light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)$/i.exec(value!.trim());
    if (pair) tokens.set(name!, { light: pair[1]!, dark: pair[2]! });
    else if (/^#[0-9a-f]{6}$/i.test(value!.trim())) tokens.set(name!, { light: value!.trim(), dark: value!.trim() });
  }
  return tokens;
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

const SURFACES = ['--bg', '--bg-sidebar', '--bg-raised', '--bg-hover', '--bg-selected'];

/** [foreground, background, minimum ratio]: where the stylesheets draw one colour on another. */
const PAIRS: readonly (readonly [string, string, number])[] = [
  ...SURFACES.flatMap((surface) => [
    ['--fg', surface, 4.5] as const,
    ['--fg-muted', surface, 4.5] as const,
    ['--danger', surface, 4.5] as const,
    ['--focus', surface, 3] as const,
  ]),
  ['--accent', '--bg', 4.5],
  ['--accent', '--bg-sidebar', 4.5],
  ['--accent', '--bg-raised', 4.5],
  ['--fg', '--danger-bg', 4.5],
  ['--fg', '--warn-bg', 4.5],
  ['--mark-fg', '--mark-bg', 4.5],
  ['--fg-on-strong', '--accent-strong', 4.5],
  ['--fg-on-strong', '--accent-strong-hover', 4.5],
  // The error badge: the page colour on the danger colour.
  ['--bg', '--danger', 4.5],
  // The ★ on list rows: plain, hovered and selected.
  ['--star', '--bg', 3],
  ['--star', '--bg-hover', 3],
  ['--star', '--bg-selected', 3],
];

describe.each(['light', 'dark'] as Scheme[])('the %s theme', (scheme) => {
  const tokens = palette();

  it('defines every colour of the pairs, once for each theme', () => {
    for (const [fg, bg] of PAIRS) {
      expect(tokens.has(fg), fg).toBe(true);
      expect(tokens.has(bg), bg).toBe(true);
    }
  });

  it.each(PAIRS.map(([fg, bg, min]) => [`${fg} on ${bg}`, fg, bg, min] as const))('%s meets AA', (_, fg, bg, min) => {
    const ratio = contrast(tokens.get(fg)![scheme], tokens.get(bg)![scheme]);
    expect(ratio, `${fg} ${tokens.get(fg)![scheme]} on ${bg} ${tokens.get(bg)![scheme]}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(min);
  });
});
