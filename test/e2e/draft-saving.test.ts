// A comment draft is the person's own writing: in Chromium on the real core, typed as a person
// types (a key every 120-175 ms, never the half-second pause that used to be the only moment a
// draft was saved). Steady typing is on disk about a second behind, so a process killed mid-word
// keeps what was typed before; one draft open in two windows, or in a window and the CLI, shows
// what the other saved and never overwrites it unseen: both versions are kept.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import type { ArticleId } from '../../shared/types';
import { paperboy, ROOT } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

const HOW_TO = /read the news anywhere/;
const NATO = /NATO is in security dialogue with Russia/;
const PREVIEW_CHILD = fileURLToPath(new URL('./support/preview-child.ts', import.meta.url));
/** A steady typist: about six keys a second. */
const KEY_EVERY_MS = 175;

let rendererDir: string;
let browser: Browser;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const commentBox = (page: Page) => page.locator('section.comments').getByRole('textbox', { name: /Comment/ });
const notice = (page: Page) => page.locator('section.comments .composer-notice');

async function open(page: Page, title: RegExp): Promise<void> {
  const $ = ui(page);
  await $.row(title).first().click();
  await waitForText($.articleTitle, title);
  await page.locator('section.comments').getByRole('heading', { name: 'Leave a Reply' }).waitFor();
}

/** Clicks at the end of the comment box and types `text` key by key, `everyMs` apart. */
async function type(page: Page, text: string, everyMs: number): Promise<void> {
  await commentBox(page).click();
  await page.keyboard.press('End');
  await commentBox(page).pressSequentially(text, { delay: everyMs });
}

describe('steady typing', () => {
  it('is on disk about a second behind: a process killed mid-sentence keeps the words typed before', async () => {
    const dataDir = tempDir('paperboy-e2e-draft-kill-');
    const child = spawn(process.execPath, ['--import', 'tsx', PREVIEW_CHILD, dataDir, rendererDir], { cwd: ROOT });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const page = await browser.context.newPage();
    try {
      await expect.poll(() => /^url (\S+)$/m.test(out), { timeout: 30_000 }).toBe(true);
      await page.goto(out.match(/^url (\S+)$/m)![1]!);
      await open(page, HOW_TO);
      await commentBox(page).click();
      const text = 'The ferry timetable change hits everyone who works the early shift at the port, and nobody asked us.';
      const typedAt: number[] = [];
      for (const key of text) {
        await page.keyboard.type(key);
        typedAt.push(Date.now());
        if (typedAt.length * KEY_EVERY_MS > 5_000) break;
        await sleep(KEY_EVERY_MS);
      }
      // Killed while the person is still typing: no pause ever came.
      const killedAt = Date.now();
      child.kill('SIGKILL');
      await exited;
      const core = openCore({ dataDir, workers: 1 });
      try {
        const bodies = (await core.api.getDrafts()).map((draft) => draft.body);
        const typedTwoSecondsBefore = typedAt.filter((at) => at <= killedAt - 2_000).length;
        expect(bodies).toHaveLength(1);
        expect(text.startsWith(bodies[0]!)).toBe(true);
        expect(bodies[0]!.length).toBeGreaterThanOrEqual(typedTwoSecondsBefore);
      } finally {
        await core.close();
      }
    } finally {
      await page.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});

describe('one draft in two windows and the CLI', () => {
  let dataDir: string;
  let app: AppSession;
  let other: Page;
  let otherErrors: string[];

  beforeAll(async () => {
    dataDir = tempDir('paperboy-e2e-draft-windows-');
    app = await openApp({ browser, dataDir, rendererDir, core: { watchOtherProcesses: true } });
    other = await browser.context.newPage();
    other.setDefaultTimeout(10_000);
    otherErrors = [];
    other.on('pageerror', (error) => otherErrors.push(error.message));
    await other.goto(app.server.url);
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await app?.close();
  });

  const articleId = async (title: RegExp): Promise<ArticleId> =>
    (await app.core.api.listArticles({ filter: { kind: 'all' } })).articles.find((article) => title.test(article.title))!.id;
  const bodies = async (id: ArticleId) => (await app.core.api.getDrafts(id)).map((draft) => draft.body).sort();

  it('a window with nothing unsaved shows what the other window and the CLI saved, and adds to it', async () => {
    const id = await articleId(HOW_TO);
    await open(app.page, HOW_TO);
    await open(other, HOW_TO);
    const first = 'Harbour ferries should run later on Fridays.';
    await type(app.page, first, 120);
    await expect.poll(() => bodies(id), { timeout: 5_000 }).toEqual([first]);
    // The other window, untouched, shows it without a reload.
    await expect.poll(() => commentBox(other).inputValue(), { timeout: 5_000 }).toBe(first);

    const fromTerminal = `${first} And on Sundays, written in a terminal.`;
    const draftId = (await app.core.api.getDrafts(id))[0]!.id;
    const run = await paperboy('call', 'saveDraft', JSON.stringify([{ id: draftId, body: fromTerminal }]), '--data', dataDir);
    expect(run.code, run.stderr).toBe(0);
    await expect.poll(() => commentBox(app.page).inputValue(), { timeout: 5_000 }).toBe(fromTerminal);
    await expect.poll(() => commentBox(other).inputValue(), { timeout: 5_000 }).toBe(fromTerminal);

    // Typing on from what the terminal wrote keeps it: one draft, every word.
    await type(other, ' Signed, a commuter.', 120);
    await expect.poll(() => bodies(id), { timeout: 5_000 }).toEqual([`${fromTerminal} Signed, a commuter.`]);
    await expect.poll(() => commentBox(app.page).inputValue(), { timeout: 5_000 }).toBe(`${fromTerminal} Signed, a commuter.`);
    expect(await notice(app.page).count()).toBe(0);
    expect(await notice(other).count()).toBe(0);
  }, 60_000);

  it('two windows typing into one draft at once overwrite neither: both texts are kept, and the window that kept its own apart says so', async () => {
    const id = await articleId(NATO);
    await app.core.api.saveDraft({ articleId: id, body: 'Start.', name: 'Ada Reader', email: 'ada@example.org' });
    await open(app.page, NATO);
    await open(other, NATO);
    await expect.poll(() => commentBox(other).inputValue()).toBe('Start.');
    const mine = 'Start. Alpha words from the first window.';
    const theirs = 'Start. Bravo words from the second window.';
    const [myWords, theirWords] = [mine.slice('Start.'.length), theirs.slice('Start.'.length)];
    // Each window has an edit of its own before either saves it (half a second after its first
    // key): typed one after the other from the start, a window that began late under load showed
    // the other's save before its first key, as a window with nothing unsaved must.
    await Promise.all([type(app.page, '', 0), type(other, '', 0)]);
    await app.page.keyboard.type(myWords[0]!);
    await other.keyboard.type(theirWords[0]!);
    await Promise.all([commentBox(app.page).pressSequentially(myWords.slice(1), { delay: 130 }), commentBox(other).pressSequentially(theirWords.slice(1), { delay: 150 })]);
    await expect.poll(() => bodies(id), { timeout: 5_000 }).toEqual([mine, theirs]);
    // Each window still shows what was typed in it.
    expect(await commentBox(app.page).inputValue()).toBe(mine);
    expect(await commentBox(other).inputValue()).toBe(theirs);
    const told = (await notice(app.page).allTextContents()).concat(await notice(other).allTextContents());
    expect(told).toEqual([expect.stringMatching(/changed in another window .* Both versions are kept/)]);
    expect(app.pageErrors).toEqual([]);
    expect(otherErrors).toEqual([]);
  }, 60_000);
});
