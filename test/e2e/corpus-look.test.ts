// Articles from the corpus's real publishers' pages, synced from a loopback site and read offline
// in a window 1280 x 900, as a reader would look at them: a recipe blog's portrait photos stay
// within the window, a Chinese news site's caption sits under its picture, a wiki's footnote
// numbers leave the lines' spacing even, a manual's headings stay below its title in scale, a
// technology site's photo credit reads as part of its caption, a news magazine's caption keeps
// to its picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { startCorpusSite, type CorpusSite } from './support/corpus-site';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const HEIGHT = 900;

let browser: Browser;
let site: CorpusSite;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: HEIGHT });
  site = await startCorpusSite(['recipe-soup', 'zh-xinwen-gbk', 'wiki-math-climate', 'techdoc-rust', 'chorus-ereader', 'spiegel-nachtzug']);
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-corpus-look-'), rendererDir, core: { welcome: false, network: site.network } });
  await app.core.api.addFeed(site.feedUrl);
  const summary = await app.core.api.sync();
  if (summary.feedsFailed !== 0 || summary.articlesFetched !== 6) throw new Error(`sync: ${JSON.stringify(summary)}`);
  await site.server.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

/** Opens the article of that corpus page (its name leads its title). */
const open = (name: string) => openArticle(app.page, name);

/** Both colour schemes of what the window shows now. */
async function screenshots(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await screenshot(app.page, `${name}-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

describe('real-world articles in the reader', () => {
  it("keeps a recipe blog's portrait photo within the window, whole and undistorted", async () => {
    const { page } = app;
    await open('recipe-soup');
    const photo = ui(page).articleBody.getByRole('img', { name: 'A stick blender in a pot of orange soup.' });
    expect(await loadedImageWidth(photo)).toBe(1200);
    await photo.scrollIntoViewIfNeeded();
    // 1200 x 1800: across the column it stood 1104 pixels high, in a window of 900.
    const box = (await photo.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(HEIGHT * 0.7 + 1);
    // Its box keeps the column's width: the picture is drawn inside it at its own proportions.
    expect(await photo.evaluate((image) => getComputedStyle(image).objectFit)).toBe('contain');
    await screenshots('corpus-recipe-portrait');
  });

  it("puts a Chinese news site's caption under its picture, not beside its bottom corner", async () => {
    await open('zh-xinwen-gbk');
    const picture = ui(app.page).articleBody.getByRole('img', { name: '长江江豚在武汉白沙洲江段跃出水面' });
    expect(await loadedImageWidth(picture)).toBe(550);
    const layout = await picture.evaluate((image) => {
      const caption = document.createRange();
      caption.selectNodeContents(image.nextElementSibling!);
      const body = image.closest('.article-body')!.getBoundingClientRect();
      return { picture: image.getBoundingClientRect().toJSON() as DOMRect, caption: caption.getClientRects()[0]!.toJSON() as DOMRect, column: body.left };
    });
    // The caption's first line begins at the column's edge, below the picture.
    expect(layout.caption.top).toBeGreaterThanOrEqual(layout.picture.bottom - 1);
    expect(layout.caption.left).toBeCloseTo(layout.column, 0);
    await screenshots('corpus-chinese-caption');
  });

  it("keeps a wiki's lines evenly spaced where a footnote number is raised", async () => {
    await open('wiki-math-climate');
    const paragraph = ui(app.page).articleBody.locator('p').filter({ has: app.page.locator('sup') }).first();
    await paragraph.scrollIntoViewIfNeeded();
    const lines = await paragraph.evaluate((element) => {
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
      return element.getBoundingClientRect().height / lineHeight;
    });
    await screenshots('corpus-wiki-footnotes');
    // A whole number of lines: a raised number made its line taller than the others.
    expect(Math.abs(lines - Math.round(lines))).toBeLessThan(0.05);
  });

  it("sets a technology site's photo credit as its caption, under it", async () => {
    await open('chorus-ereader');
    const figure = ui(app.page).articleBody.locator('figure').filter({ hasText: 'back cover removed' });
    await figure.scrollIntoViewIfNeeded();
    const look = await figure.evaluate((element) => {
      const style = (selector: string) => {
        const { fontSize, fontStyle, color } = getComputedStyle(element.querySelector(selector)!);
        return { fontSize, fontStyle, color };
      };
      const caption = element.querySelector('figcaption')!.getBoundingClientRect();
      const credit = element.querySelector('cite')!.getBoundingClientRect();
      return { caption: style('figcaption'), credit: style('cite'), gap: credit.top - caption.bottom };
    });
    // It was the text's own size, in italics: larger than the caption it belongs to.
    expect(look.credit).toEqual(look.caption);
    expect(look.gap).toBeGreaterThanOrEqual(0);
    expect(look.gap).toBeLessThan(8);
    await screenshots('corpus-photo-credit');
  });

  it("keeps a news magazine's caption, written as a paragraph, close under its picture", async () => {
    await open('spiegel-nachtzug');
    const figure = ui(app.page).articleBody.locator('figure').filter({ hasText: 'Neuer Schlafwagen' });
    await figure.scrollIntoViewIfNeeded();
    const gaps = await figure.evaluate((element) => {
      const top = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects()[0]!;
      };
      const picture = element.querySelector('img')!.getBoundingClientRect();
      const caption = element.querySelector('figcaption p')!;
      const credit = top(element.querySelector('figcaption span')!);
      return { caption: top(caption).top - picture.bottom, credit: credit.top - caption.getBoundingClientRect().bottom };
    });
    // Its paragraph's margins put 14px between picture and caption (7 without them), and a blank
    // line before the credit.
    expect(gaps.caption).toBeLessThan(10);
    expect(gaps.credit).toBeLessThan(6);
    await screenshots('corpus-paragraph-caption');
  });

  it("keeps a manual's headings between its title and its text in size, and its code in proportion, at every text size", async () => {
    const { page } = app;
    await open('techdoc-rust');
    const sizes = () =>
      page.evaluate(() => {
        const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        return {
          title: size('article h1'),
          heading: size('article .article-body h2'),
          text: size('article .article-body p'),
          code: size('article .article-body pre code'),
        };
      });
    for (const textSize of [17, 28]) {
      await app.core.api.updateSettings({ articleFontSize: textSize });
      await expect.poll(async () => (await sizes()).text).toBe(textSize);
      const { title, heading, text, code } = await sizes();
      // A step apart each: at 28 the title (a fixed 28px) was the text's size, and its headings' two thirds.
      expect(title).toBeGreaterThanOrEqual(heading * 1.2);
      expect(heading).toBeGreaterThanOrEqual(text * 1.2);
      // A code block was a fixed 12.6px: three quarters of the text at 17, under half at 28.
      expect(code).toBeGreaterThanOrEqual(text * 0.8);
    }
    await screenshots('corpus-manual-headings-large-text');
    await app.core.api.updateSettings({ articleFontSize: 17 });
    await expect.poll(async () => (await sizes()).text).toBe(17);
    await screenshots('corpus-manual-headings');
  });

  it('keeps the portrait photo within a narrow window too (the reader alone)', async () => {
    const { page } = app;
    await open('recipe-soup');
    await page.setViewportSize({ width: 700, height: HEIGHT });
    const photo = ui(page).articleBody.getByRole('img', { name: 'A stick blender in a pot of orange soup.' });
    await photo.waitFor();
    await photo.scrollIntoViewIfNeeded();
    expect((await photo.boundingBox())!.height).toBeLessThanOrEqual(HEIGHT * 0.7 + 1);
    await screenshots('corpus-recipe-portrait-narrow');
  });

  it('came from the cache only, with no error on the page', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
