// A forum topic longer than one sync reads (300 replies, 16 pages of Discourse's view without
// JavaScript; a sync reads 10) in the reader: after the first sync its comment section says how
// much of the thread is stored and that more comes in later syncs (not "at the next sync": an
// older thread waits for its turn), where it said nothing and the topic looked whole at 199
// replies. A page that fails at the next sync is named in the note, with what the site answered,
// rather than the note promising more again and again. Once a sync has read the rest, the note goes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscourseTopic, type ForumReply } from '../comments/support/discourse-topic';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const TITLE = /Tide gauge reads 4 cm high/;

let rendererDir: string;
let browser: Browser;
let topic: DiscourseTopic;
let app: AppSession;

/** `count` replies by different members, an hour apart. */
function manyReplies(count: number): ForumReply[] {
  return Array.from({ length: count }, (_, index) => ({
    author: `member${index + 1}`,
    at: Date.UTC(2024, 2, 2, 10) + index * 3_600_000,
    paragraphs: [`Reply number ${index + 1}: the same offset here, about ${(index % 5) + 1} cm at springs.`],
  }));
}

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  topic = await DiscourseTopic.start(manyReplies(300));
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await topic?.stop().catch(() => undefined);
  removeTempDirs();
});

async function openTopic(): Promise<void> {
  await app.page.reload();
  const $ = ui(app.page);
  await $.row(TITLE).first().click();
  await waitForText($.articleTitle, TITLE);
}

it('says how much of a long topic is stored and that more comes in later syncs, and why not when a page fails, until it is whole', async () => {
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-forum-read-on-'), rendererDir });
  await app.core.api.addFeed(topic.feedUrl);
  await app.core.api.sync();
  await openTopic();
  const comments = app.page.locator('section.comments');
  const note = comments.getByRole('note');
  await waitForText(note, /^199 replies stored; more in later syncs\.$/);
  await note.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'forum-topic-read-on');

  // The forum's server fails on page 12 at the next sync: the pages after it are read, it is not.
  topic.failingPages.add(12);
  await app.core.api.sync();
  await openTopic();
  const page12 = topic.server.url(topic.pagePath(12)).replace(/[.?]/g, '\\$&');
  await waitForText(
    note,
    new RegExp(`^\\d+ replies stored; more in later syncs\\. The last sync could not read all of it: the comment page ${page12} could not be read: HTTP 500 Internal Server Error\\.$`),
  );
  await note.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'forum-topic-page-failing');

  topic.failingPages.clear();
  await app.core.api.sync();
  await openTopic();
  await comments.getByRole('heading', { name: 'Comments (300)' }).waitFor();
  expect(await comments.getByRole('note').count()).toBe(0);
  expect(app.pageErrors).toEqual([]);
});
