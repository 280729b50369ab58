// The window's layout adapts: the sidebar and the list are resized by dragging (or by keys) and
// keep their widths across restarts; the sidebar folds away; below 1000 px the sidebar becomes a
// drawer over two panes, below 760 px one pane shows at a time with a way back. Screenshots in
// light and dark at 1280x800 and 900x600.
import { beforeAll, describe, expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const SECTIONS = ['Business', 'Politics', 'Science', 'Technology', 'Culture', 'Sport'];

const session = useLibraryApp([
  ...SECTIONS.map((section) => ({ title: `Synthetic Daily — ${section}`, url: `https://daily.invalid/${section.toLowerCase()}.xml`, articles: 6, folder: 'Synthetic Daily' })),
  { title: 'Harbour Gazette', articles: 12 },
  { title: 'Valley Courier', articles: 8, folder: 'Local' },
]);

const widthOf = async (selector: string) => (await session.app.page.locator(selector).boundingBox())?.width ?? 0;

describe('at 1280 x 800', () => {
  it('resizes the sidebar by dragging, so long names fit, and remembers the width', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Synthetic Daily — Technology/).waitFor();
    expect(await widthOf('.sidebar')).toBeCloseTo(240, -1);
    const handle = page.getByRole('separator', { name: 'Resize the sidebar' });
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 123, box.y + 200, { steps: 6 });
    await page.mouse.up();
    expect(await widthOf('.sidebar')).toBeCloseTo(360, -1);
    // The longest name now fits without an ellipsis.
    const label = $.navItem(/Synthetic Daily — Technology/).locator('.nav-label');
    expect(await label.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await expect.poll(async () => (await session.app.core.api.getSettings()).sidebarWidth).toBe(360);

    await page.reload();
    await $.navItem(/Synthetic Daily — Technology/).waitFor();
    expect(await widthOf('.sidebar')).toBeCloseTo(360, -1);
  });

  it('resizes the list with the keyboard', async () => {
    const { page } = session.app;
    const handle = page.getByRole('separator', { name: 'Resize the article list' });
    const before = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBe(before + 32);
    await expect.poll(async () => (await session.app.core.api.getSettings()).listWidth).toBe(before + 32);
    expect(await widthOf('.list-pane')).toBeCloseTo(before + 32, -1);
  });

  it('steps each key press from the one before, even when keys come faster than the page redraws', async () => {
    const { page } = session.app;
    const handle = page.getByRole('separator', { name: 'Resize the sidebar' });
    // Both presses are dispatched in one task, so React has not redrawn between them.
    await handle.evaluate((element) => {
      for (const key of ['End', 'ArrowLeft']) element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await expect.poll(async () => (await session.app.core.api.getSettings()).sidebarWidth).toBe(480 - 16);
    await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBe(480 - 16);
  });

  it('folds the sidebar away and brings it back, across a restart', async () => {
    const { page } = session.app;
    const $ = ui(page);
    const readerBefore = await widthOf('.reader-pane');
    await $.button('Hide the sidebar').click();
    await $.sidebar.waitFor({ state: 'detached' });
    expect(await widthOf('.reader-pane')).toBeGreaterThan(readerBefore + 300);
    await page.reload();
    await $.button('Show the sidebar').waitFor();
    expect(await $.sidebar.count()).toBe(0);
    await $.button('Show the sidebar').click();
    await $.sidebar.waitFor();
    await page.getByRole('separator', { name: 'Resize the sidebar' }).focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await session.app.core.api.getSettings()).sidebarWidth).toBe(160);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await session.app.core.api.getSettings()).sidebarWidth).toBe(480 - 16);
  });
});

describe('narrow windows', () => {
  it('at 900 px: two panes, the reader wide enough, the sidebar a drawer', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await page.setViewportSize({ width: 900, height: 600 });
    await $.sidebar.waitFor({ state: 'detached' });
    await $.row(/Story 11 of Harbour Gazette/).click();
    await waitForText($.articleTitle, /Story 11 of Harbour Gazette/);
    expect(await widthOf('.reader-pane')).toBeGreaterThanOrEqual(480);
    // Headlines break between words, not inside them.
    expect(await $.articleTitle.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    await $.button('Show the sidebar').click();
    await $.navItem(/Valley Courier/).click();
    await waitForText($.listTitle, /Valley Courier/);
    await $.sidebar.waitFor({ state: 'detached' });
  });

  it('at 720 px: one pane at a time, with a way back to the list', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await page.setViewportSize({ width: 720, height: 600 });
    await $.row(/Story 7 of Valley Courier/).click();
    await waitForText($.articleTitle, /Story 7 of Valley Courier/);
    expect(await $.list.count()).toBe(0);
    expect(await widthOf('.reader-pane')).toBeGreaterThan(700);
    await $.button('Back to the list').click();
    await $.row(/Story 7 of Valley Courier/).waitFor();
    expect(await page.locator('.reader-pane').count()).toBe(0);
  });
});

describe.each(['light', 'dark'] as const)('screenshots in the %s theme', (scheme) => {
  beforeAll(async () => {
    await session.app.core.api.updateSettings({ sidebarWidth: 260, listWidth: 380 });
    await session.app.page.reload();
  });

  it.each([
    [1280, 800],
    [900, 600],
  ])('at %i x %i', async (width, height) => {
    const { page } = session.app;
    const $ = ui(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    if (width >= 1000) await $.navItem(/Synthetic Daily — Science/).click();
    await $.row(/Story 5 of/).first().click();
    await waitForText($.articleTitle, /Story 5 of/);
    await screenshot(page, `layout-${scheme}-${width}x${height}`);
  });
});
