// A right-to-left article's row reads right to left: its title and snippet start at the row's
// right edge, also when it is unread (the title opens with a hidden "Unread: ", whose U used to
// decide the direction) and when they open with a Latin brand name ("Samsung ...", "Galaxy Z Fold
// 6 ..."); a search hit's snippet too. Left-to-right rows are untouched. Screenshots to look at:
// test-output/screenshots/row-direction-list.png and row-direction-search.png.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import type { IncomingItem } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const START = Date.UTC(2026, 9, 1);

interface Story {
  readonly title: string;
  readonly text: string;
  readonly dir: 'ltr' | 'rtl';
  readonly read?: boolean;
}

const BRAND = 'Samsung تطلق هاتف Galaxy Z Fold 6 في الإمارات بسعر ٧٤٩٩ درهمًا';
const UNREAD_ARABIC = 'أبل تكشف عن iPhone 16 بسعر ٩٩٩ دولارًا وتراهن على الذكاء الاصطناعي';
const READ_HEBREW = 'בנק ישראל הותיר את הריבית על 4.5% בפעם החמישית ברציפות';
const ENGLISH = 'Harbour council approves the ferry budget';

const STORIES: readonly Story[] = [
  {
    title: BRAND, dir: 'rtl',
    text: 'Galaxy Z Fold 6 متوفر الآن في متاجر الإمارات بعد إطلاقه رسميًا، ويأتي بشاشة داخلية قابلة للطي بقياس ٧٫٦ بوصة ومعالج Snapdragon 8 Gen 3، مع ضمان لمدة عامين من الوكيل المحلي.',
  },
  {
    title: UNREAD_ARABIC, dir: 'rtl',
    text: 'أعلنت شركة أبل مساء الاثنين عن هاتفها الجديد iPhone 16 في مؤتمرها السنوي بمدينة كوبرتينو، وقالت إن سعره يبدأ من ٩٩٩ دولارًا.',
  },
  {
    title: READ_HEBREW, dir: 'rtl', read: true,
    text: 'הוועדה המוניטרית של בנק ישראל החליטה היום להותיר את הריבית ללא שינוי ברמה של 4.5%, על רקע האינפלציה הגבוהה.',
  },
  { title: ENGLISH, dir: 'ltr', text: 'The ferry will run every twenty minutes from May, the council said on Tuesday.' },
];

function items(): IncomingItem[] {
  return STORIES.map((story, i) => ({
    id: createHash('md5').update(`direction-${i}`).digest('hex'),
    uniqueId: `direction-${i}`,
    fingerprint: `fp-${i}`,
    url: `https://mideast-tech.invalid/${i}`,
    title: story.title,
    author: null,
    publishedAt: START - i * 3_600_000,
    updatedAt: null,
    snippet: story.text,
    categories: [],
    enclosures: [],
    imageUrl: null,
    commentsUrl: null,
    commentFeedUrl: null,
    commentCount: null,
    feedHtml: `<p>${story.text}</p>`,
    feedText: story.text,
    dir: story.dir,
  }));
}

let browser: Browser | undefined;
let app: AppSession | undefined;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  const dataDir = tempDir('paperboy-e2e-');
  const core = new Core({ dataDir, workers: 1, welcome: false });
  try {
    const feedId = core.storage.feeds.add({ url: 'https://mideast-tech.invalid/feed', title: 'عالم التقنية', siteUrl: null, description: null, folderId: null }, START);
    const made = items();
    core.storage.articles.upsertFeedItems(feedId, made, START);
    core.storage.articles.setRead(made.filter((_, i) => STORIES[i]!.read).map((item) => item.id), true, START);
  } finally {
    await core.close();
  }
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

interface Laid {
  readonly direction: string;
  /** Where the text's first word stands in its box: at its start edge for the box's direction. */
  readonly firstWordSide: 'left' | 'right';
}

/** How the row's title or snippet is laid out: its direction, and which side its first word is on. */
async function laidOut(page: Page, title: string, part: '.row-title' | '.row-snippet'): Promise<Laid> {
  return ui(page).row(title).locator(part).evaluate((box) => {
    // The first word of what is shown (a hidden "Unread: " aside).
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('.sr-only') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const text = walker.nextNode() as Text;
    const range = document.createRange();
    const word = /^\s*\S+/.exec(text.data)![0];
    range.setStart(text, word.length - word.trimStart().length);
    range.setEnd(text, word.length);
    const wordBox = range.getBoundingClientRect();
    const rowBox = box.getBoundingClientRect();
    const middle = rowBox.left + rowBox.width / 2;
    return { direction: getComputedStyle(box).direction, firstWordSide: wordBox.left + wordBox.width / 2 > middle ? 'right' : 'left' };
  });
}

describe('the article list', () => {
  it('lays right-to-left rows out right to left, unread or read, whatever letter they open with', async () => {
    const { page } = app!;
    await waitForText(ui(page).rows, new RegExp(ENGLISH));
    const rtl: Laid = { direction: 'rtl', firstWordSide: 'right' };
    for (const title of [UNREAD_ARABIC, READ_HEBREW, BRAND]) {
      expect(await laidOut(page, title, '.row-title'), title).toEqual(rtl);
      expect(await laidOut(page, title, '.row-snippet'), title).toEqual(rtl);
    }
    const ltr: Laid = { direction: 'ltr', firstWordSide: 'left' };
    expect(await laidOut(page, ENGLISH, '.row-title')).toEqual(ltr);
    expect(await laidOut(page, ENGLISH, '.row-snippet')).toEqual(ltr);
    await screenshot(page, 'row-direction-list');
  });

  it('lays a right-to-left search hit\'s snippet out right to left, when it opens with a brand name too', async () => {
    const { page } = app!;
    const $ = ui(page);
    await $.search.fill('Galaxy');
    await waitForText(page.locator('.list-count'), /^1 found$/);
    expect(await page.locator('.row-snippet mark').first().textContent()).toBe('Galaxy');
    expect(await laidOut(page, BRAND, '.row-snippet')).toEqual({ direction: 'rtl', firstWordSide: 'right' });
    expect(await laidOut(page, BRAND, '.row-title')).toEqual({ direction: 'rtl', firstWordSide: 'right' });
    await screenshot(page, 'row-direction-search');
  });
});
