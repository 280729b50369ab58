// The composer on WordPress pages Paperboy cannot simply post to, in Chromium on the real core: a
// site that takes comments only from logged-in readers offers "Copy text and open the article in
// the browser" and says why (no Send that could only fail), and so does one whose form asks for a
// captcha, one whose form posts to another site or asks for a sum Paperboy cannot solve, one whose
// comments wpDiscuz's own form takes, and one whose comments are on Disqus; a form with WP GDPR Compliance's required checkbox shows it with the site's label,
// unticked, and Send waits until the person ticks it. Where Paperboy cannot post (logged-in readers
// only, Jetpack Comments' frame), the stored comments offer no Reply that would start a draft no
// one could send, as a forum topic's posts do not (forum-topic-replies.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { POST_PATH, WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const NATO = /NATO is in security dialogue with Russia/;
// The asterisk is for the eye (aria-hidden); the checkbox itself says it is required.
const CONSENT = 'By using this form you agree with the storage and handling of your data by this website.';

let rendererDir: string;
let browser: Browser;
let app: AppSession | undefined;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  removeTempDirs();
});

const comments = () => app!.page.locator('section.comments');
const thread = () => comments().locator('.comment-list');

/** Two readers' comments on the post, one answering the other, for the thread to show. */
function discussed(site: WordPressSite): void {
  const first = site.addComment({ author: 'Ada Reader', content: 'Dialogue is better than silence, even now.' });
  site.addComment({ author: 'Bob Answer', content: 'Agreed, talking is the first step.', parent: first.id });
}

/** The stored comments are shown, and none offers a Reply: the composer's button is the way to answer. */
async function threadWithoutReply(): Promise<void> {
  await waitForText(thread(), /Agreed, talking is the first step/);
  expect(await thread().getByRole('article').count()).toBe(2);
  expect(await thread().getByRole('button', { name: 'Reply' }).count()).toBe(0);
  expect(await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).count()).toBe(1);
}
const sendButton = () => comments().getByRole('button', { name: 'Send', exact: true });

async function openSynced(site: WordPressSite, name: string): Promise<void> {
  app = await openApp({ browser, dataDir: tempDir(`paperboy-e2e-${name}-`), rendererDir, core: { welcome: false } });
  await app.core.api.addFeed(site.feedUrl);
  await app.core.api.sync();
  await app.page.reload();
  const $ = ui(app.page);
  await $.row(NATO).first().click();
  await waitForText($.articleTitle, NATO);
}

/** WordPress's comment_form() where only registered readers comment: a notice in place of the form. */
function loginOnly(html: string): string {
  const origin = /<link rel="canonical" href="(https?:\/\/[^/"]+)/.exec(html)![1]!;
  return html.replace(
    /<div id="respond" class="comment-respond">[\s\S]*?<\/form><\/div>/,
    `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="${origin}/wp-login.php?redirect_to=${encodeURIComponent(origin + POST_PATH)}">logged in</a> to post a comment.</p></div>`,
  );
}

describe('the composer on forms Paperboy cannot simply post to', () => {
  it('offers to carry the text to the browser where the site wants its readers logged in', async () => {
    const site = await WordPressSite.start({ editPage: loginOnly });
    discussed(site);
    try {
      await openSynced(site, 'login');
      await threadWithoutReply();
      await comments().getByRole('textbox', { name: /Comment/ }).fill('Does this apply to the Baltic states too?');
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).waitFor();
      expect(await sendButton().count()).toBe(0);
      // The person logs in on the site: no name or email is asked for here.
      expect(await comments().getByRole('textbox', { name: /^(?:Name|Email)/ }).count()).toBe(0);
      await waitForText(comments().locator('p.muted').last(), /^This site takes comments only from readers logged in to it, which Paperboy cannot do: the draft stays in Paperboy\.$/);
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).scrollIntoViewIfNeeded();
      await screenshot(app!.page, 'composer-login-required-light');
      expect(site.posts).toHaveLength(0);
      expect(app!.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });

  it("offers to carry the text to the browser where Jetpack Comments' frame takes the comments, and its comments offer no Reply", async () => {
    // Jetpack Comments in place of WordPress's fields: a frame that posts to WordPress.com.
    const withJetpack = (html: string) => html.replace(
      /<div id="respond" class="comment-respond">[\s\S]*?<\/form><\/div>/,
      `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3>
      <form id="commentform" class="comment-form"><iframe title="Comment Form" src="https://jetpack.wordpress.com/jetpack-comment/?blogid=201384756&amp;postid=17&amp;comment_registration=0&amp;require_name_email=1&amp;stc_enabled=1&amp;stb_enabled=1&amp;show_avatars=1&amp;avatar_default=identicon&amp;greeting=Leave+a+Reply&amp;jetpack_comments_nonce=3f9d7c2a1b&amp;greeting_reply=Leave+a+Reply+to+%25s&amp;color_scheme=light&amp;lang=en_GB&amp;jetpack_version=13.4&amp;sig=5b0d3c9e7a41f2c8d6e0b1a7c3f9e2d4a6b8c0e1#parent=https%3A%2F%2Fnewsroom.example%2F" name="jetpack_remote_comment" style="width:100%; height: 430px; border:0;" class="jetpack_remote_comment" id="jetpack_remote_comment" sandbox="allow-same-origin allow-top-navigation allow-scripts allow-forms allow-popups"></iframe>
      <!--[if !IE]><!--><script>document.addEventListener('DOMContentLoaded', function () { var forms = document.getElementsByClassName('jetpack_remote_comment'); for (var i = 0; i < forms.length; i++) { forms[i].allowTransparency = true; forms[i].scrolling = 'no'; } });</script><!--<![endif]-->
      </form></div><input type="hidden" name="comment_parent" id="comment_parent" value="" />`,
    );
    const site = await WordPressSite.start({ editPage: withJetpack });
    discussed(site);
    try {
      await openSynced(site, 'jetpack');
      await threadWithoutReply();
      await comments().getByRole('textbox', { name: /Comment/ }).fill('Does this apply to the Baltic states too?');
      expect(await sendButton().count()).toBe(0);
      await waitForText(comments().locator('p.muted').last(), /^This site takes comments through Jetpack Comments, which Paperboy cannot post to: the draft stays in Paperboy\.$/);
      await thread().scrollIntoViewIfNeeded();
      await screenshot(app!.page, 'composer-jetpack-thread-light');
      expect(site.posts).toHaveLength(0);
      expect(app!.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });

  it('offers to carry the text to the browser where the form asks for a captcha, and says so', async () => {
    const withCaptcha = (html: string) => html.replace(/(<p class="form-submit)/, '<div class="g-recaptcha" data-sitekey="6LcPaperboyTestSiteKey000000000000000000"></div>$1');
    const site = await WordPressSite.start({ editPage: withCaptcha });
    try {
      await openSynced(site, 'captcha');
      await comments().getByRole('textbox', { name: /Comment/ }).fill('Does this apply to the Baltic states too?');
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).waitFor();
      expect(await sendButton().count()).toBe(0);
      await waitForText(comments().locator('p.muted').last(), /^This site asks for a captcha with every comment, which only its own page can show: the reply has to be written on the site itself\. The draft stays in Paperboy\.$/);
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).scrollIntoViewIfNeeded();
      await screenshot(app!.page, 'composer-captcha-light');
      expect(site.posts).toHaveLength(0);
      expect(app!.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });

  // Told when the page is read: no Send, and no Reply under the comments, that could only be refused.
  for (const [name, editPage, note] of [
    [
      'offsite',
      // A site moved to a new address whose theme still posts comments to the old one.
      (html: string) => html.replace(/<form action="[^"]*wp-comments-post\.php"/, '<form action="http://127.0.0.3:9/wp-comments-post.php"'),
      /^This article’s comment form sends comments to another site than the article’s own, and Paperboy does not send your name, email and text there: the draft stays in Paperboy\.$/,
    ],
    [
      'unfillable',
      // The Math Captcha plugin's sum, required, before the submit button.
      (html: string) => html.replace('<p class="form-submit">', '<p class="math-captcha-form"><label>Math Captcha<span class="required">*</span></label><span class="math-captcha-equation">3 + &#56;</span> = <input type="text" size="2" id="mc-input" class="mc-input" name="mc-value" value="" aria-required="true"/></p><p class="form-submit">'),
      /^This site’s comment form also asks for something Paperboy cannot fill in \(a sum to solve, a file, a question of its own\): the reply has to be written on the site itself\. The draft stays in Paperboy\.$/,
    ],
  ] as const) {
    it(`offers to carry the text to the browser where the form is ${name}, says why, and its comments offer no Reply`, async () => {
      const site = await WordPressSite.start({ editPage });
      discussed(site);
      try {
        await openSynced(site, name);
        await threadWithoutReply();
        await comments().getByRole('textbox', { name: /Comment/ }).fill('Does this apply to the Baltic states too?');
        expect(await sendButton().count()).toBe(0);
        await waitForText(comments().locator('p.muted').last(), note);
        await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).scrollIntoViewIfNeeded();
        await screenshot(app!.page, `composer-${name}-light`);
        expect(site.posts).toHaveLength(0);
        expect(app!.pageErrors).toEqual([]);
      } finally {
        await app?.close().catch(() => undefined);
        app = undefined;
        await site.stop();
      }
    });
  }

  it("offers to carry the text to the browser where wpDiscuz's form takes the comments, and says so rather than that comments are closed", async () => {
    // wpDiscuz's section in place of WordPress's form: its own fields, sent by its script.
    const withWpDiscuz = (html: string) => html.replace(
      /<div id="respond" class="comment-respond">[\s\S]*?<\/form><\/div>/,
      `<div id="wpdcom" class="wpdiscuz_unauth wpd-default wpd-layout-1 wpd-comments-open"><div class="wpd-form-wrap">
      <div class="wpd-form wpd-form-wrapper wpd-main-form-wrapper" id="wpd-main-form-wrapper-0_0"><form method="post" enctype="multipart/form-data" data-uploading="false" class="wpd_comm_form wpd_main_comm_form">
      <textarea id="wc-textarea-0_0" name="wc_comment" class="wc_comment wpd-field"></textarea>
      <input id="wc_name-0_0" class="wc_name wpd-field" type="text" name="wc_name" required="required" placeholder="Name*">
      <input id="wc_email-0_0" class="wc_email wpd-field" type="email" name="wc_email" required="required" placeholder="Email*">
      <input id="wpd-field-submit-0_0" class="wc_comm_submit wpd_not_clicked wpd-prim-button" type="submit" name="submit" value="Post Comment">
      <input type="hidden" class="wpdiscuz_unique_id" value="0_0" name="wpdiscuz_unique_id"></form></div></div>
      <div id="wpd-threads" class="wpd-thread-wrapper"><div class="wpd-thread-list"></div></div></div>`,
    );
    const site = await WordPressSite.start({ editPage: withWpDiscuz });
    try {
      await openSynced(site, 'wpdiscuz');
      await comments().getByRole('textbox', { name: /Comment/ }).fill('Does this apply to the Baltic states too?');
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).waitFor();
      expect(await sendButton().count()).toBe(0);
      await waitForText(comments().locator('p.muted').last(), /^This site takes comments through wpDiscuz, a comment form its own script sends, which Paperboy cannot post to: the draft stays in Paperboy\.$/);
      expect(await comments().getByText(/Comments were closed/).count()).toBe(0);
      expect(site.posts).toHaveLength(0);
      expect(app!.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });

  it("says where the comments go on a page whose comments Disqus's WordPress plugin shows, not that comments are closed", async () => {
    // The plugin replaces the theme's comments template: its thread element and its loader, no form.
    const withDisqus = (html: string) => html.replace(
      /<div id="respond" class="comment-respond">[\s\S]*?<\/form><\/div>/,
      `<div id="disqus_thread"></div>
      <script>var disqus_config = function () { this.page.url = document.querySelector('link[rel=canonical]').href; this.page.identifier = '17 https://newsroom.example/?p=17'; };
      (function () { var d = document, s = d.createElement('script'); s.src = 'https://harbour-news.disqus.com/embed.js'; s.setAttribute('data-timestamp', +new Date()); (d.head || d.body).appendChild(s); })();</script>
      <noscript>Please enable JavaScript to view the <a href="https://disqus.com/?ref_noscript" rel="nofollow">comments powered by Disqus.</a></noscript>`,
    );
    const site = await WordPressSite.start({ editPage: withDisqus });
    try {
      await openSynced(site, 'disqus');
      await comments().getByRole('textbox', { name: /Comment/ }).fill('Does this apply to the Baltic states too?');
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).waitFor();
      expect(await sendButton().count()).toBe(0);
      expect(await comments().getByRole('textbox', { name: /^(?:Name|Email)/ }).count()).toBe(0);
      await waitForText(comments().locator('p.muted').last(), /^This page’s comments are on Disqus, which Paperboy cannot post to: the draft stays in Paperboy\.$/);
      expect(await comments().getByText(/Comments were closed/).count()).toBe(0);
      // None could be read from the page: that is not "no comments yet".
      await waitForText(comments().locator('p.muted').first(), /^This page’s comments are on Disqus, which Paperboy cannot read: they are shown on the site only\.$/);
      expect(await comments().getByText(/No comments yet/).count()).toBe(0);
      await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).scrollIntoViewIfNeeded();
      await screenshot(app!.page, 'composer-disqus-light');
      expect(site.posts).toHaveLength(0);
      expect(app!.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });

  it("shows the site's required privacy checkbox unticked, and sends only once the person ticks it", async () => {
    const site = await WordPressSite.start({ privacyConsent: true });
    try {
      await openSynced(site, 'consent');
      await comments().getByRole('textbox', { name: /Comment/ }).fill('Agreed, and thanks for the summary.');
      await comments().getByRole('textbox', { name: /Name/ }).fill('Jo Reader');
      await comments().getByRole('textbox', { name: /Email/ }).fill('jo@example.org');
      const consent = comments().getByRole('checkbox', { name: CONSENT });
      expect(await consent.isChecked()).toBe(false);
      expect(await sendButton().isDisabled()).toBe(true);
      await consent.scrollIntoViewIfNeeded();
      await screenshot(app!.page, 'composer-privacy-checkbox-light');

      await consent.check();
      expect(await sendButton().isDisabled()).toBe(false);
      await sendButton().click();
      await waitForText(comments().locator('.send-outcome'), /Sent/);
      expect(site.posts).toHaveLength(1);
      expect(site.posts[0]!.get('wpgdprc')).toBe('1');
      expect(site.posts[0]!.has('wp-comment-cookies-consent')).toBe(false);
      expect(site.comments.at(-1)?.content).toBe('Agreed, and thanks for the summary.');
      // The next comment is the person's to agree to again.
      expect(await comments().getByRole('checkbox', { name: CONSENT }).isChecked()).toBe(false);
      expect(app!.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });
});
