// What people who do not read the screen as drawn by default still get: Windows high contrast
// (forced colours) keeps the list's focus, its selection and the unread dots visible; at high zoom
// (a narrow window in CSS pixels) every toolbar control stays on screen and clear of the others;
// Settings' number fields have names; the star is said once, as a word.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { colourShare, paintedColour } from './support/pixels';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 12 },
  { title: 'Valley Courier', articles: 8, folder: 'Local' },
]);

afterAll(async () => {
  await session.app.page.emulateMedia({ forcedColors: 'none' });
});

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

describe('in forced colours (Windows high contrast)', () => {
  it('shows the focused list, its selected row, the unread dots, the current view and the focused splitter', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.rows.first().waitFor();
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
    const highlight = await paintedColour(page, 'Highlight');
    const canvasText = await paintedColour(page, 'CanvasText');
    await $.list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.locator('.row.selected').waitFor();
    await screenshot(page, 'forced-colours-list-focus');

    // The selected row is painted in the system's selection colour.
    expect(await colourShare(page, await boxOf(page, '.row.selected'), highlight)).toBeGreaterThan(0.4);
    // The focused list has a ring: its left edge, beside a row that is not selected.
    const list = await boxOf(page, '.article-list');
    const other = await boxOf(page, '.row:not(.selected)');
    expect(await colourShare(page, { x: list.x, y: other.y + 2, width: 2, height: other.height - 4 }, highlight)).toBeGreaterThan(0.8);
    // An unread row's dot is still a dot.
    expect(await colourShare(page, await boxOf(page, '.row.unread:not(.selected) .unread-dot'), canvasText)).toBeGreaterThan(0.3);
    // The sidebar's current view is marked.
    expect(await colourShare(page, await boxOf(page, '.nav-item[aria-current="page"]'), highlight)).toBeGreaterThan(0.3);

    const splitter = page.getByRole('separator', { name: 'Resize the article list' });
    await splitter.focus();
    const handle = (await splitter.boundingBox())!;
    expect(await colourShare(page, { x: handle.x - 1, y: handle.y + 100, width: handle.width + 2, height: 200 }, highlight)).toBeGreaterThan(0.3);
    await screenshot(page, 'forced-colours-splitter-focus');
    await page.emulateMedia({ forcedColors: 'none' });
  });
});

describe('the star', () => {
  it('is read as "starred" in the list, not as a glyph, and the reader’s Star button says its state once', async () => {
    const { page, core } = session.app;
    const $ = ui(page);
    const first = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!;
    await core.api.setStarred(first.id, true);
    await page.reload();
    const row = $.row(first.title);
    await row.waitFor();
    const spoken = await row.ariaSnapshot();
    expect(spoken).toContain('starred');
    expect(spoken).not.toContain('★');

    await row.click();
    await waitForText($.articleTitle, new RegExp(first.title));
    const star = $.reader.getByRole('button', { name: 'Star', exact: true });
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    expect(await $.reader.getByRole('button', { name: 'Starred' }).count()).toBe(0);
  });
});

describe('Settings', () => {
  it('names the number fields that sit beside a radio button or a checkbox', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.button('Settings').click();
    await $.dialog.waitFor();
    expect(await $.dialog.getByRole('spinbutton', { name: 'Days to keep articles' }).count()).toBe(1);
    expect(await $.dialog.getByRole('spinbutton', { name: 'Hours between automatic syncs' }).count()).toBe(1);
    // No number field is left without a name ("- spinbutton: 90" in the tree).
    expect(await $.dialog.ariaSnapshot()).not.toMatch(/- spinbutton(:|$)/m);
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
  });
});

describe('at high zoom', () => {
  it('keeps every toolbar control on screen and clear of the others, down to 320 CSS px', async () => {
    const { page } = session.app;
    const $ = ui(page);
    // A selected feed adds "Sync this feed", the widest toolbar there is.
    await $.navItem(/Harbour Gazette/).click();
    await $.button('Sync this feed').waitFor();
    try {
      for (const [width, height] of [
        [760, 600],
        [640, 400],
        [480, 400],
        [427, 267],
        [320, 400],
      ] as const) {
        await page.setViewportSize({ width, height });
        // The panes are laid out again after the resize event (App picks the layout for the width).
        const where = `at ${width} px`;
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), { message: where }).toBe(true);
        const layout = await page.evaluate(() => {
          const toolbar = document.querySelector('.toolbar')!;
          const parts = [...toolbar.querySelectorAll('button, input, .brand')].map((element) => {
            const r = element.getBoundingClientRect();
            return { name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped: element.scrollWidth > element.clientWidth + 1 };
          });
          return { parts, pageWidth: document.documentElement.scrollWidth, innerWidth };
        });
        expect(layout.pageWidth, where).toBeLessThanOrEqual(layout.innerWidth);
        for (const part of layout.parts) {
          expect(part.left, `${part.name} ${where}`).toBeGreaterThanOrEqual(0);
          expect(part.right, `${part.name} ${where}`).toBeLessThanOrEqual(layout.innerWidth + 0.5);
          expect(part.clipped, `${part.name} clipped ${where}`).toBe(false);
        }
        const controls = layout.parts.filter((part) => part.name !== 'Paperboy' || part.right > part.left);
        for (const [i, a] of controls.entries()) {
          for (const b of controls.slice(i + 1)) {
            const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            const nested = a.name === 'Paperboy' && b.name === 'Paperboy';
            if (!nested) expect(overlap, `${a.name} overlaps ${b.name} ${where}`).toBe(false);
          }
        }
        if (width === 427) {
          await $.button('Settings').focus();
          expect(await page.evaluate(() => scrollX)).toBe(0);
        }
        if (width === 760 || width === 480 || width === 320) await screenshot(page, `toolbar-reflow-${width}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
