// What Paperboy tells the person about WordPress pages whose comments it cannot simply post: one
// that asks its readers to log in, one whose comments go through Jetpack Comments, one whose form
// asks for a captcha (none is a closed thread), and one whose form requires a privacy checkbox
// that only the person may tick.
import { describe, expect, it } from 'vitest';
import { POST_PATH, WordPressSite } from '../support/wordpress';
import { seedPageWith, syncedSitePerTest } from './support/synced-core';

const synced = syncedSitePerTest();

const jo = { name: 'Jo Reader', email: 'jo@example.org', website: '' };
const FORM = /<div id="respond" class="comment-respond">[\s\S]*?<\/form><\/div>/;

/** The seed post as WordPress serves it with its comment form replaced by `respond`; the head
 *  names the post in the site's REST API, as every WordPress page does. */
const servedWith = (part: (origin: string) => string) => seedPageWith(FORM, part);

/** WordPress's comment_form() on a site where only registered readers comment. */
const mustLogIn = (origin: string) =>
  `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="${origin}/wp-login.php?redirect_to=${encodeURIComponent(origin + POST_PATH)}">logged in</a> to post a comment.</p></div>`;

/** Jetpack Comments: WordPress's form holds only the frame WordPress.com fills. */
const jetpack = (origin: string) => `<div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title">Leave a Reply<small><a rel="nofollow" id="cancel-comment-reply-link" href="${origin}${POST_PATH}#respond" style="display:none;">Cancel reply</a></small></h3>
  <form id="commentform" class="comment-form">
    <iframe title="Comment Form" src="https://jetpack.wordpress.com/jetpack-comment/?blogid=123456&#038;postid=123&#038;comment_registration=0&#038;require_name_email=1&#038;jetpack_comments_nonce=0f1e2d3c4b&#038;sig=abcdef0123456789#parent=${encodeURIComponent(origin + POST_PATH)}"
      name="jetpack_remote_comment" style="width:100%; height: 430px; border:0;" class="jetpack_remote_comment" id="jetpack_remote_comment"
      sandbox="allow-same-origin allow-top-navigation allow-scripts allow-forms allow-popups"></iframe>
    <!--[if !IE]><!--><script>document.addEventListener('DOMContentLoaded', function () { var commentForms = document.getElementsByClassName('jetpack_remote_comment'); });</script><!--<![endif]-->
  </form>
</div>
<input type="hidden" name="comment_parent" id="comment_parent" value="" />`;

/** WordPress's form with Cloudflare Turnstile's widget in it, as captcha plugins add it. */
const turnstile = (origin: string) => `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
  <form action="${origin}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
  <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
  <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required /></p>
  <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" required /></p>
  <div class="cf-turnstile" data-sitekey="0x4AAAAAAAC9dzrPq-KtE3Xy" data-action="wordpress-comment"></div><script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>
  <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID' />
  <input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p></form></div>`;

describe('a page where Paperboy cannot post the comment', () => {
  it('says the site wants its readers logged in, not that comments are closed, and posts nothing', async () => {
    const site = await WordPressSite.start({ editPage: servedWith(mustLogIn) });
    const { core, articleId } = await synced(site);
    expect((await core.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'login' });

    const draft = await core.api.saveDraft({ articleId, body: 'Does this apply to the Baltic states too?', ...jo });
    // Not one Paperboy can send (Draft.canSend), whatever its fields.
    expect(draft.canSend).toBe(false);
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Does this apply to the Baltic states too?' } });
    expect(result.message).toBe(
      'Not sent: this site takes comments only from readers logged in to it, and Paperboy does not log in. The draft stays here: copy the text, then log in and post it from the article in the browser.',
    );
    expect(site.posts).toHaveLength(0);
  });

  it('says the comments go through Jetpack Comments, and posts nothing', async () => {
    const site = await WordPressSite.start({ editPage: servedWith(jetpack) });
    const { core, articleId } = await synced(site);
    expect((await core.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'jetpack' });

    const draft = await core.api.saveDraft({ articleId, body: 'Good summary of the talks.', ...jo });
    expect(draft.canSend).toBe(false);
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft' } });
    expect(result.message).toMatch(/^Not sent: this site takes comments through Jetpack Comments \(a form run by WordPress\.com\), which Paperboy cannot post to\./);
    expect(site.posts).toHaveLength(0);
  });

  it('says the site asks for a captcha, which only its own page can show, and posts nothing', async () => {
    const site = await WordPressSite.start({ editPage: servedWith(turnstile) });
    const { core, articleId } = await synced(site);
    expect((await core.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'captcha' });

    const draft = await core.api.saveDraft({ articleId, body: 'Which lane does the detour use?', ...jo });
    expect(draft.canSend).toBe(false);
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Which lane does the detour use?' } });
    expect(result.message).toBe(
      'Not sent: this site asks for a captcha with every comment, which only its own page can show. The draft stays here: copy the text and post it from the article in the browser.',
    );
    expect(site.posts).toHaveLength(0);
  });

  it('takes the comment once the site opens its own form again', async () => {
    let respond: ((origin: string) => string) | null = mustLogIn;
    const site = await WordPressSite.start({ editPage: (html) => (respond ? servedWith(respond)(html) : html) });
    const { core, articleId } = await synced(site);
    expect((await core.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'login' });
    const draft = await core.api.saveDraft({ articleId, body: 'Open to all again, good.', ...jo });
    respond = null;
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect((await core.api.getArticle(articleId))?.commentForm).toMatchObject({ kind: 'wordpress' });
  });
});

/** WordPress's form with a sum to solve, as the Math Captcha plugin adds it before the submit button. */
const mathCaptcha = (html: string) =>
  html.replace(
    '<p class="form-submit">',
    '<p class="math-captcha-form"><label>Math Captcha<span class="required">*</span></label><span class="math-captcha-equation">3 + &#56;</span> = <input type="text" size="2" length="2" id="mc-input" class="mc-input" name="mc-value" value="" aria-required="true"/></p><p class="form-submit">',
  );

/** A theme's "attach a photo" field that the site requires, the form sent as multipart. */
const requiredPhoto = (html: string) =>
  html
    .replace('id="commentform"', 'id="commentform" enctype="multipart/form-data"')
    .replace('<p class="form-submit">', '<p class="comment-form-attachment"><label for="attachment">Photo of your catch <span class="required">*</span></label> <input id="attachment" name="attachment" type="file" accept="image/*" required /></p><p class="form-submit">');

/** A site moved to a new address whose theme still posts comments to the old one. */
const oldAddress = (html: string) => html.replace(/<form action="[^"]*wp-comments-post\.php"/, '<form action="http://127.0.0.3:9/wp-comments-post.php"');

describe('a WordPress form Paperboy sees it cannot post to', () => {
  for (const [what, editPage, kind] of [
    ['a sum to solve', mathCaptcha, 'unfillable'],
    ['a required file', requiredPhoto, 'unfillable'],
    ['an action on another site', oldAddress, 'offsite'],
  ] as const) {
    it(`is told when the page is read (${what}), not when Send is pressed, and nothing is posted`, async () => {
      const site = await WordPressSite.start({ editPage });
      const { core, articleId } = await synced(site);
      expect((await core.api.getArticle(articleId))?.commentForm).toEqual({ kind });
      const draft = await core.api.saveDraft({ articleId, body: 'Caught two off the pier on Sunday.', ...jo });
      expect(draft.canSend).toBe(false);
      const result = await core.api.sendDraft(draft.id);
      expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Caught two off the pier on Sunday.' } });
      expect(result.message).toMatch(/^Not sent: .* The draft stays here: copy the text and post it from the article in the browser\.$/);
      expect(site.posts).toHaveLength(0);
    });
  }
});

describe("a form's required privacy checkbox", () => {
  it("shows with the site's label, is sent only when the person ticked it, and the cookies box never is", async () => {
    const site = await WordPressSite.start({ privacyConsent: true });
    const { core, articleId } = await synced(site);
    expect((await core.api.getArticle(articleId))?.commentForm).toMatchObject({
      kind: 'wordpress',
      consents: [{ name: 'wpgdprc', label: 'By using this form you agree with the storage and handling of your data by this website.' }],
    });

    const draft = await core.api.saveDraft({ articleId, body: 'Agreed, and thanks for the summary.', ...jo });
    const unticked = await core.api.sendDraft(draft.id);
    expect(unticked).toMatchObject({ outcome: 'incomplete', draft: { state: 'draft' } });
    expect(unticked.message).toBe(
      'Not sent: the site takes a comment only with its box ticked (“By using this form you agree with the storage and handling of your data by this website.”). Tick it in the article\'s comment form in Paperboy, then Send.',
    );
    expect(site.posts).toHaveLength(0);

    const sent = await core.api.sendDraft(draft.id, ['wpgdprc']);
    expect(sent).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(Object.fromEntries(site.posts.at(-1)!)).toEqual({
      comment: 'Agreed, and thanks for the summary.', author: 'Jo Reader', email: 'jo@example.org', url: '',
      comment_post_ID: '123', wpgdprc: '1', comment_parent: '0',
    });
    expect(site.comments.at(-1)).toMatchObject({ content: 'Agreed, and thanks for the summary.', approved: true });
  });

  it('is asked for again by "Send all queued", which the person is not there to tick', async () => {
    const site = await WordPressSite.start({ privacyConsent: true });
    const { core, articleId } = await synced(site);
    const draft = await core.api.saveDraft({ articleId, body: 'Queued while offline.', ...jo });
    await site.stop();
    // Offline: the kept form is used, the tick is there, the post fails to reach the site: queued.
    expect(await core.api.sendDraft(draft.id, ['wpgdprc'])).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
    const [again] = await core.api.sendQueuedDrafts();
    expect(again).toMatchObject({ outcome: 'incomplete', message: expect.stringMatching(/only with its box ticked/), draft: { state: 'queued' } });
  });
});
