// Comments against a real WordPress 6.1 (test/wordpress/setup.sh; one file, so that no two tests
// share the site at once). Threads: a post with 53 comments and nested replies is read whole
// through the REST API its page names, or without it from the post's comment pages, with plain
// and pretty permalinks (the comment feed alone gives the newest 10). Sending: comments closed then reopened, a refusal in the site's words,
// moderation, a lost answer then a retry, and the flood check during "Send all queued". After the
// site changed: the same words from a second draft, the post deleted, trashed or unpublished,
// maintenance mode, and a reply whose parent was trashed.
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { openApp, type AppSession } from '../e2e/support/app';
import { launchBrowser, type Browser } from '../e2e/support/browser';
import { ui, waitForText } from '../e2e/support/pages';
import { buildRendererForTests } from '../e2e/support/renderer-build';
import { screenshot } from '../e2e/support/screenshots';
import { removeTempDirs, tempDir } from '../support/temp';
import { WORDPRESS_MISSING, freshPost, siteFeedUrl, wp, type SiteComment } from './support/real-site';
import { sitePhp } from './support/site-php';

/** WordPress is down for maintenance while this file exists (wp_maintenance()). */
const MAINTENANCE = '/usr/share/wordpress/.maintenance';

/** A real site (PHP, MariaDB) on a shared two-core machine: a few syncs can take a minute. */
const SLOW = 180_000;

let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  removeTempDirs();
});

async function subscribe(permalinks: 'plain' | 'pretty' = 'plain'): Promise<string> {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
  await core.api.addFeed(siteFeedUrl(permalinks));
  await core.api.sync();
  return (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
}

/** The stored thread is the site's: every comment, each under its parent on the site. */
async function expectWholeThread(articleId: string, postId: number, count: number): Promise<void> {
  const onSite = wp<SiteComment[]>('list', String(postId));
  const stored = await core!.api.listComments(articleId);
  expect(stored).toHaveLength(count);
  const numberOf = new Map(stored.map((comment) => [comment.id, /#comment-(\d+)$/.exec(comment.url ?? '')?.[1]]));
  const parentOnSite = new Map(onSite.map((comment) => [String(comment.id), String(comment.parent)]));
  for (const comment of stored) {
    const number = numberOf.get(comment.id)!;
    const parent = comment.parentId === null ? '0' : numberOf.get(comment.parentId);
    expect(parent, `parent of comment ${number}`).toBe(parentOnSite.get(number));
  }
  const article = await core!.api.getArticle(articleId);
  expect(article?.commentCount).toBe(count);
}

describe.skipIf(WORDPRESS_MISSING !== null)('a real WordPress thread', { timeout: SLOW }, () => {
  for (const permalinks of ['plain', 'pretty'] as const) {
    it(`is read whole, replies under their parents (${permalinks} permalinks)`, async () => {
      const post = freshPost(`A long discussion (${permalinks})`, permalinks);
      wp('comments', String(post.id), '53');
      const articleId = await subscribe(permalinks);
      await expectWholeThread(articleId, post.id, 53);
      expect((await core!.api.listComments(articleId)).filter((comment) => comment.parentId !== null)).toHaveLength(17);
    });

    it(`is read whole from the post's comment pages where the page names no REST API (${permalinks} permalinks)`, async () => {
      const post = freshPost(`A discussion without an API (${permalinks})`, permalinks);
      wp('comments', String(post.id), '53');
      wp('option', 'paperboy_hide_rest_link', '1');
      wp('option', 'page_comments', '1');
      wp('option', 'comments_per_page', '10');
      const articleId = await subscribe(permalinks);
      await expectWholeThread(articleId, post.id, 53);
    });
  }

  it('finds new comments at the next sync, and none twice', async () => {
    const post = freshPost('A discussion that goes on');
    wp('comments', String(post.id), '12');
    const articleId = await subscribe('plain');
    expect(await core!.api.listComments(articleId)).toHaveLength(12);
    wp('comments', String(post.id), '3');
    await core!.api.sync();
    expect(await core!.api.listComments(articleId)).toHaveLength(15);
    await core!.api.sync();
    expect(await core!.api.listComments(articleId)).toHaveLength(15);
  });
});

const ada = { name: 'Ada Reader', email: 'ada@example.org', website: '' };
const onSite = (postId: number) => wp<SiteComment[]>('list', String(postId));

describe.skipIf(WORDPRESS_MISSING !== null)('sending to a real WordPress', { timeout: SLOW }, () => {
  it('says comments are closed (not "form unknown"), posts nothing, and sends once the site reopens them', async () => {
    const post = freshPost('Closed for now');
    wp('comment-status', String(post.id), 'closed');
    const articleId = await subscribe();
    expect((await core!.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'closed' });
    const draft = await core!.api.saveDraft({ articleId, body: 'Worth saying when they reopen.', ...ada });
    const refused = await core!.api.sendDraft(draft.id);
    expect(refused).toMatchObject({ outcome: 'no-form', draft: { state: 'draft' } });
    expect(refused.message).toMatch(/^Comments are closed on this article/);
    expect(onSite(post.id)).toEqual([]);

    wp('comment-status', String(post.id), 'open');
    const sent = await core!.api.sendDraft(draft.id);
    expect(sent).toMatchObject({ outcome: 'sent', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) } });
    expect(onSite(post.id).map((c) => [c.author, c.content, c.approved])).toEqual([['Ada Reader', 'Worth saying when they reopen.', '1']]);
    // Read again at once: the comment is in the thread without a sync.
    expect((await core!.api.listComments(articleId)).map((c) => c.author)).toEqual(['Ada Reader']);
  });

  it("shows the site's own words when it refuses a comment", async () => {
    const post = freshPost('Brevity');
    const articleId = await subscribe();
    const draft = await core!.api.saveDraft({ articleId, body: 'My address has a typo in it.', ...ada, email: 'ada(at)example.org' });
    const refused = await core!.api.sendDraft(draft.id);
    expect(refused).toMatchObject({ outcome: 'rejected', draft: { state: 'failed' } });
    expect(refused.message).toBe('The site said: “Error: Please enter a valid email address.” It did not take the comment.');
    expect(onSite(post.id)).toEqual([]);
  });

  it("agrees with the site's length limit in bytes: takes 65,525, refuses one more before posting", async () => {
    const post = freshPost('Length limits');
    const articleId = await subscribe();
    expect((await core!.api.getArticle(articleId))?.commentForm).toMatchObject({ kind: 'wordpress', maxLength: 65525 });
    // 32,763 characters, 65,526 bytes: WordPress would refuse it ("Your comment is too long.").
    const long = await core!.api.saveDraft({ articleId, body: 'é'.repeat(32_763), ...ada });
    const refused = await core!.api.sendDraft(long.id);
    expect(refused).toMatchObject({ outcome: 'too-long', draft: { state: 'draft' } });
    expect(refused.message).toBe(
      "Not sent: the comment is 1 byte over the site's limit of 65,525 bytes (a plain letter is 1, an accented one 2, most other scripts 3 or 4): shorten it to send it.",
    );
    expect(onSite(post.id)).toEqual([]);
    // Exactly the limit: the site takes it whole.
    const fits = await core!.api.saveDraft({ id: long.id, articleId, body: `${'é'.repeat(32_762)}a`, ...ada });
    expect(await core!.api.sendDraft(fits.id)).toMatchObject({ outcome: 'sent' });
    expect(onSite(post.id).map((c) => Buffer.byteLength(c.content))).toEqual([65_525]);
  });

  it('records a comment held for moderation, keeps it out of the thread, and confirms it once approved', async () => {
    const post = freshPost('Moderated');
    wp('option', 'comment_moderation', '1');
    const articleId = await subscribe();
    const draft = await core!.api.saveDraft({ articleId, body: 'Awaiting a moderator.', ...ada });
    const held = await core!.api.sendDraft(draft.id);
    expect(held).toMatchObject({ outcome: 'held', draft: { state: 'held', commentUrl: expect.stringMatching(/unapproved=\d+/) } });
    expect(await core!.api.listComments(articleId)).toEqual([]);

    wp('approve', String(onSite(post.id)[0]!.id));
    await core!.api.sync();
    expect(await core!.api.getDraft(draft.id)).toMatchObject({ state: 'sent', message: 'Approved: the comment now shows on the site.' });
    expect((await core!.api.listComments(articleId)).map((c) => c.author)).toEqual(['Ada Reader']);
  });

  it('after a lost answer, finds a published comment instead of posting it again', async () => {
    const post = freshPost('Lost answer, published');
    const articleId = await subscribe();
    const draft = await core!.api.saveDraft({ articleId, body: 'The answer to this one got lost.', ...ada });
    wp('option', 'paperboy_lose_next_answer', '1');
    expect(await core!.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
    const retried = await core!.api.sendDraft(draft.id);
    expect(retried).toMatchObject({ outcome: 'found', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) } });
    expect(onSite(post.id)).toHaveLength(1);
  });

  it('after a lost answer to a held comment, retries, is refused as a duplicate, and says held (never "sent")', async () => {
    const post = freshPost('Lost answer, held');
    wp('option', 'comment_moderation', '1');
    const articleId = await subscribe();
    const draft = await core!.api.saveDraft({ articleId, body: 'Held, and the answer got lost.', ...ada });
    wp('option', 'paperboy_lose_next_answer', '1');
    expect(await core!.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
    const retried = await core!.api.sendDraft(draft.id);
    expect(retried).toMatchObject({ outcome: 'duplicate', draft: { state: 'held', commentUrl: null } });
    expect(retried.message).toMatch(/^The site said: “Duplicate comment detected; it looks as though you’ve already said that!”/);
    expect(retried.message).toMatch(/does not show it yet: it probably awaits moderation/);
    expect(onSite(post.id)).toHaveLength(1);
  });

  it('"Send all queued" waits out the flood check and sends every draft', async () => {
    const post = freshPost('Many thoughts');
    const articleId = await subscribe();
    const bodies = ['First thought.', 'Second thought.', 'Third thought.'];
    const results = [];
    for (const body of bodies) {
      const draft = await core!.api.saveDraft({ articleId, body, ...ada });
      results.push(await core!.api.sendDraft(draft.id));
    }
    expect(results.map((r) => r.outcome)).toEqual(['sent', 'too-fast', 'too-fast']);
    expect(results[1]!.message).toMatch(/^The site said: “You are posting comments too quickly. Slow down.”/);

    const progress: { done: number; total: number; waitingMs: number | null }[] = [];
    const queued = await core!.sender.sendQueued((step) => progress.push(step));
    expect(queued.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    expect(onSite(post.id).map((c) => c.content)).toEqual(bodies);
    expect(progress.filter((step) => step.waitingMs !== null).length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(WORDPRESS_MISSING !== null)('sending after the real site changed', { timeout: SLOW }, () => {
  it('refuses the same words from a second draft as the first draft’s comment, and does not hold it as awaiting moderation', async () => {
    const post = freshPost('Said twice');
    const articleId = await subscribe();
    const first = await core!.api.saveDraft({ articleId, body: 'Same words.', ...ada });
    const sent = await core!.api.sendDraft(first.id);
    expect(sent).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    const second = await core!.api.saveDraft({ articleId, body: 'Same words.', ...ada });
    const refused = await core!.api.sendDraft(second.id);
    expect(refused).toMatchObject({ outcome: 'rejected', draft: { state: 'failed' } });
    expect(refused.message).toBe(
      `The site said: “Duplicate comment detected; it looks as though you’ve already said that!” The site already has this exact comment from you, sent from an earlier draft; it shows on the site (${sent.draft.commentUrl}). This one was not posted again: change its words to post it as a new comment, or delete it.`,
    );
    await core!.api.sync();
    expect(await core!.api.getDraft(second.id)).toMatchObject({ state: 'failed' });
    expect(onSite(post.id)).toHaveLength(1);
  });

  for (const [change, code] of [
    ['deleted', (id: number) => `wp_delete_post(${id}, true);`],
    ['moved to the trash', (id: number) => `wp_trash_post(${id});`],
    ['unpublished', (id: number) => `wp_update_post(['ID' => ${id}, 'post_status' => 'draft']);`],
  ] as const) {
    it(`says the article is no longer on the site when it was ${change}, and posts nothing`, async () => {
      const post = freshPost(`Soon ${change}`);
      const articleId = await subscribe();
      sitePhp(code(post.id));
      const draft = await core!.api.saveDraft({ articleId, body: 'Is it still there?', ...ada });
      const result = await core!.api.sendDraft(draft.id);
      expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Is it still there?' } });
      expect(result.message).toMatch(/^The article is no longer on the site \(HTTP 404\)/);
      expect(JSON.parse(sitePhp(`echo json_encode(get_comments(['post_id' => ${post.id}, 'status' => 'all']));`))).toEqual([]);
    });
  }

  it('quotes the maintenance page, posts nothing, and sends once the site is back', async () => {
    const post = freshPost('Upgrading');
    const articleId = await subscribe();
    const draft = await core!.api.saveDraft({ articleId, body: 'During the upgrade.', ...ada });
    writeFileSync(MAINTENANCE, `<?php $upgrading = ${Math.floor(Date.now() / 1000)}; ?>`);
    try {
      const result = await core!.api.sendDraft(draft.id);
      expect(result).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
      expect(result.message).toBe(
        'The site said: “Briefly unavailable for scheduled maintenance. Check back in a minute.” It did not take the comment. The draft stays queued: press Send again in 10 minutes, the wait it asked for.',
      );
    } finally {
      rmSync(MAINTENANCE, { force: true });
    }
    expect(onSite(post.id)).toEqual([]);
    expect(await core!.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(onSite(post.id)).toHaveLength(1);
  });

  it('does not post a reply whose parent was trashed (WordPress would make it a comment of its own); the draft stays', async () => {
    const post = freshPost('Threads');
    wp('comments', String(post.id), '4');
    const articleId = await subscribe();
    const parent = (await core!.api.listComments(articleId)).find((comment) => comment.author === 'Reader 2')!;
    const draft = await core!.api.saveDraft({ articleId, replyToCommentId: parent.id, body: 'Replying to two.', ...ada });
    sitePhp(`wp_trash_comment(${/#comment-(\d+)$/.exec(parent.url!)![1]});`);
    const result = await core!.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'rejected', draft: { state: 'failed', body: 'Replying to two.' } });
    expect(result.message).toMatch(/^Not sent: Reader 2's comment, which this answers, is no longer on the site/);
    expect(onSite(post.id).filter((comment) => comment.author === ada.name)).toEqual([]);
  });
});

describe.skipIf(WORDPRESS_MISSING !== null)('a real WordPress in the reader (Chromium)', { timeout: SLOW }, () => {
  let rendererDir: string;
  let browser: Browser;
  let app: AppSession | undefined;

  beforeAll(async () => {
    rendererDir = await buildRendererForTests();
    browser = await launchBrowser({ width: 1280, height: 1000 });
  }, SLOW);
  afterEach(async () => {
    await app?.close().catch(() => undefined);
    app = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const comments = () => app!.page.locator('section.comments');

  /** The stored thread on screen: the heading says the feed's count while the thread still loads,
   *  and the thread's comments all appear at once when it has. */
  async function threadShown(): Promise<void> {
    await comments().getByRole('heading', { name: 'Comments (53)' }).waitFor();
    await comments().locator('.comment-list > .comment').first().waitFor();
  }

  async function openPost(title: RegExp): Promise<void> {
    app = await openApp({ browser, dataDir: tempDir('paperboy-wp-e2e-'), rendererDir, core: { welcome: false } });
    await app.core.api.addFeed(siteFeedUrl());
    await app.core.api.sync();
    await app.page.reload();
    await ui(app.page).row(title).first().click();
    await waitForText(ui(app.page).articleTitle, title);
  }

  it('shows a long thread whole, replies nested under their parents', async () => {
    const post = freshPost('A long discussion');
    wp('comments', String(post.id), '53');
    await openPost(/A long discussion/);
    await threadShown();
    expect(await comments().locator('.comment-list > .comment').count()).toBe(36);
    expect(await comments().locator('.comment-replies .comment').count()).toBe(17);
    expect(await comments().locator('.thread-partial').count()).toBe(0);
    // The page's own copy of the thread and its form are not in the article body: shown once.
    const body = await ui(app!.page).articleBody.first().textContent();
    expect(body).not.toContain('Comment number');
    expect(body).not.toContain('Leave a Reply');
    await comments().getByText('Comment number 3 on this article.').scrollIntoViewIfNeeded();
    await screenshot(app!.page, 'wordpress-long-thread-light');
  });

  it('shows a thread read from the post’s comment pages whole where the page names no REST API', async () => {
    const post = freshPost('A discussion over comment pages');
    wp('comments', String(post.id), '53');
    wp('option', 'paperboy_hide_rest_link', '1');
    wp('option', 'page_comments', '1');
    wp('option', 'comments_per_page', '10');
    await openPost(/A discussion over comment pages/);
    await threadShown();
    expect(await comments().locator('.comment-list > .comment').count()).toBe(36);
    expect(await comments().locator('.comment-replies .comment').count()).toBe(17);
    expect(await comments().locator('.thread-partial').count()).toBe(0);
    await comments().getByText('Comment number 3 on this article.').scrollIntoViewIfNeeded();
    await screenshot(app!.page, 'wordpress-thread-from-pages-light');
  });

  it('says the thread is partial where only the comment feed can be read', async () => {
    const post = freshPost('A discussion without an API');
    wp('comments', String(post.id), '53');
    wp('option', 'paperboy_hide_rest_link', '1');
    wp('option', 'paperboy_hide_page_comments', '1');
    await openPost(/A discussion without an API/);
    const note = comments().locator('.thread-partial');
    await waitForText(note, /^Showing 10 of 53 comments: the site lists only the newest\.$/);
    await comments().getByRole('heading', { name: 'Comments (53)' }).waitFor();
    await note.scrollIntoViewIfNeeded();
    await screenshot(app!.page, 'wordpress-partial-thread-light');
  });

  it("shows a refusal in the site's own words, and a held comment in the thread at once", async () => {
    freshPost('Careful with your address');
    wp('option', 'comment_moderation', '1');
    await openPost(/Careful with your address/);
    const page = app!.page;
    await page.getByRole('textbox', { name: /Comment/ }).fill('My address has a typo in it.');
    await page.getByRole('textbox', { name: /Name/ }).fill('Ada Reader');
    await page.getByRole('textbox', { name: /Email/ }).fill('ada(at)example.org');
    await comments().getByRole('button', { name: 'Send', exact: true }).click();
    const outcome = comments().locator('.send-outcome[data-outcome="rejected"]');
    await waitForText(outcome, /^The site said: “Error: Please enter a valid email address\.” It did not take the comment\.$/);
    await outcome.scrollIntoViewIfNeeded();
    await screenshot(page, 'wordpress-refusal-light');

    await page.getByRole('textbox', { name: /Email/ }).fill('ada@example.org');
    await comments().getByText('Draft saved').waitFor();
    await comments().getByRole('button', { name: 'Send', exact: true }).click();
    await comments().locator('.send-outcome[data-outcome="held"]').waitFor();
    const own = comments().locator('.own-comments .comment');
    await waitForText(own, /Ada Reader.*Awaiting moderation.*My address has a typo in it\./);
    await own.scrollIntoViewIfNeeded();
    await screenshot(page, 'wordpress-held-light');
    expect(app!.foreignRequests).toEqual([]);
    expect(app!.pageErrors).toEqual([]);
  });
});
