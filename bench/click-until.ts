// What the UI benchmarks time: a click in the page to the frame that shows its outcome, measured
// in the page (the test driver's round trips would add their own).
import type { Page } from 'playwright-core';

/** Clicks an element in the page and waits (frame by frame) until `done` holds; returns the ms between. */
export async function clickUntil(target: Page, selector: string, label: string, done: string): Promise<number> {
  return target.evaluate(
    async ({ selector, label, done }) => {
      const element = [...document.querySelectorAll<HTMLElement>(selector)].find((candidate) => candidate.textContent?.includes(label));
      if (!element) throw new Error(`nothing matches ${selector} with "${label}"`);
      const check = new Function('label', `return (${done})`) as (label: string) => boolean;
      const t0 = performance.now();
      element.click();
      // A plain loop: tsx would wrap a named inner function in a helper the page does not have.
      while (!check(label)) await new Promise((resolve) => requestAnimationFrame(resolve));
      // The frame that shows it.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - t0;
    },
    { selector, label, done },
  );
}
