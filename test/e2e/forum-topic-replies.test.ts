// A forum topic (Discourse's view without JavaScript) in the reader: the opening post is the
// article, its replies show in the comment section below it, in order, with their authors and
// dates, from the stored copy. Replies there are posted on the forum by its members, as the
// composer says: no post offers a Reply that would start a draft to it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscourseTopic } from '../comments/support/discourse-topic';
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

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  topic = await DiscourseTopic.start([
    { author: 'ria_k', at: Date.UTC(2024, 2, 2, 11, 40), likes: 1, paragraphs: ['Same here on a single gauge in a river mouth, but ours reads about 2 cm high. Ours is brackish at high water.'] },
    { author: 'tjensen', at: Date.UTC(2024, 2, 3, 8, 2), likes: 9, paragraphs: ['It is the density. 2.4 changed the default water density from 1025 to 1000 kg/m³ when the setup wizard is skipped.', 'Settings, Sensor, Water density: put it back to 1025 and the offset goes.'] },
    { author: 'mhollis', at: Date.UTC(2024, 2, 3, 9, 31), paragraphs: ['That was it, thank you. Both gauges back within a centimetre at this morning’s high water.'] },
  ]);
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await topic?.stop().catch(() => undefined);
  removeTempDirs();
});

it('shows the topic’s replies in its comment section, in order, with their authors', async () => {
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-forum-topic-'), rendererDir });
  await app.core.api.addFeed(topic.feedUrl);
  await app.core.api.sync();
  await app.page.reload();
  const $ = ui(app.page);
  await $.row(TITLE).first().click();
  await waitForText($.articleTitle, TITLE);

  const thread = app.page.locator('section.comments .comment-list');
  const last = thread.getByRole('article', { name: 'Comment by mhollis' });
  await waitForText(last, /Both gauges back within a centimetre/);
  const authors = await thread.getByRole('article').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
  expect(authors).toEqual(['Comment by ria_k', 'Comment by tjensen', 'Comment by mhollis']);
  // The reply box says where replies go, not that comments were closed.
  const comments = app.page.locator('section.comments');
  await waitForText(comments, /Replies here are posted on the site by its signed-in members/);
  expect(await comments.textContent()).not.toMatch(/Comments were closed/);
  // No post offers a Reply of its own; the composer's one button takes the draft to the topic.
  expect(await thread.getByRole('button', { name: 'Reply' }).count()).toBe(0);
  expect(await thread.getByRole('button').count()).toBe(0);
  await expect.poll(() => comments.getByRole('button', { name: /Copy text and open/ }).count()).toBe(1);
  await app.page.locator('section.comments').scrollIntoViewIfNeeded();
  await screenshot(app.page, 'forum-topic-replies');
});
