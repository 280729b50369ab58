import { describe, expect, it } from 'vitest';
import { captureCommentForm, mayHoldCommentForm } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://world-brief.example';
const POST = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;

function page(form: string): string {
  return `<!doctype html><html><head><title>Post</title></head><body><article><p>Text.</p></article>${form}</body></html>`;
}

describe('captureCommentForm', () => {
  it("keeps the seed article's WordPress form: action, hidden fields, fields and which are required", () => {
    expect(captureCommentForm(fixtureText('seed/article.html', ORIGIN), POST)).toEqual({
      kind: 'wordpress',
      action: `${ORIGIN}/wp-comments-post.php`,
      hiddenFields: [['comment_post_ID', '123'], ['comment_parent', '0']],
      commentName: 'comment',
      fields: ['comment', 'author', 'email', 'url'],
      requiredFields: ['comment', 'author', 'email'],
      maxLength: 65525,
    });
  });

  it('reads older themes (aria-required, a relative action, anti-spam fields) and prefers #commentform', () => {
    const html = page(`
      <form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea><input type="hidden" name="comment_post_ID" value="7"></form>
      <form action="wp-comments-post.php" method="POST" id="commentform">
        <label for="author">Name <span class="required">*</span></label><input id="author" name="author">
        <input name="email" aria-required="true"><input name="url">
        <textarea name="comment"></textarea>
        <input type="hidden" name="comment_post_ID" value="123"><input type="HIDDEN" name="akismet_comment_nonce" value="a1b2c3">
        <input type="hidden" name="ak_js" value="1642068760"><input type="hidden" value="no name">
      </form>`);
    expect(captureCommentForm(html, POST)).toMatchObject({
      action: `${POST}wp-comments-post.php`,
      hiddenFields: [['comment_post_ID', '123'], ['akismet_comment_nonce', 'a1b2c3'], ['ak_js', '1642068760']],
      requiredFields: ['comment', 'author', 'email'],
    });
  });

  it("takes the textarea people see on an Antispam Bee site (with Akismet too); the traps go empty", () => {
    // Antispam Bee renames WordPress's textarea and adds a hidden one named `comment` that only bots fill.
    const html = page(`<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
      <form action="${ORIGIN}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
      <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
      <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea autocomplete="new-password"  id="b81f0c3e9a"  name="b81f0c3e9a"   cols="45" rows="8" maxlength="65525" required="required"></textarea><textarea id="comment" aria-label="hp-comment" aria-hidden="true" name="comment" autocomplete="new-password" style="padding:0 !important;clip:rect(1px, 1px, 1px, 1px) !important;position:absolute !important;white-space:nowrap !important;height:1px !important;width:1px !important;overflow:hidden !important;" tabindex="-1"></textarea><script data-noptimize>document.getElementById("comment").setAttribute( "id", "a3c5e7f9b1d2c4e6f8a0b2c4d6e8f0a1" );document.getElementById("b81f0c3e9a").setAttribute( "id", "comment" );</script></p>
      <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required="required" /></p>
      <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required="required" /></p>
      <p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID' />
      <input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p>
      <p style="display: none;"><input type="hidden" id="akismet_comment_nonce" name="akismet_comment_nonce" value="5d2e8a91c4" /></p>
      <p style="display: none !important;" class="akismet-fields-container" data-prefix="ak_"><label>&#916;<textarea name="ak_hp_textarea" cols="45" rows="8" maxlength="100"></textarea></label><input type="hidden" id="ak_js_1" name="ak_js" value="163"/></p>
      </form></div>`);
    expect(captureCommentForm(html, POST)).toEqual({
      kind: 'wordpress',
      action: `${ORIGIN}/wp-comments-post.php`,
      hiddenFields: [
        ['comment_post_ID', '123'], ['comment_parent', '0'], ['akismet_comment_nonce', '5d2e8a91c4'], ['ak_js', '163'],
        ['comment', ''], ['ak_hp_textarea', ''],
      ],
      commentName: 'b81f0c3e9a',
      fields: ['comment', 'author', 'email', 'url'],
      requiredFields: ['comment', 'author', 'email'],
      maxLength: 65525,
    });
  });

  it("knows a trap `comment` however it is hidden, and keeps a form whose comment textarea it cannot tell from another out", () => {
    const form = (textareas: string) =>
      page(`<form action="/wp-comments-post.php" method="post" id="commentform">${textareas}<input name="author"><input type="hidden" name="comment_post_ID" value="9"></form>`);
    const real = '<textarea id="x7" name="x7f2a0" maxlength="5000" required></textarea>';
    for (const trap of [
      '<textarea name="comment" hidden></textarea>',
      '<textarea name="comment" aria-hidden="true"></textarea>',
      '<textarea name="comment" tabindex="-1"></textarea>',
      '<textarea name="comment" style="display:none"></textarea>',
      '<div style="position: absolute; left: -9999px"><textarea name="comment"></textarea></div>',
      '<p aria-hidden="true"><label>Leave this empty <textarea name="comment"></textarea></label></p>',
    ]) {
      expect(captureCommentForm(form(trap + real), POST)).toMatchObject({ commentName: 'x7f2a0', hiddenFields: [['comment_post_ID', '9'], ['comment', '']], maxLength: 5000 });
    }
    // A `comment` that shows wins; alone, it is the comment even when it looks hidden (a form opened by script).
    expect(captureCommentForm(form('<textarea name="comment"></textarea><textarea name="notes"></textarea>'), POST)).toMatchObject({ commentName: 'comment', hiddenFields: [['comment_post_ID', '9'], ['notes', '']] });
    expect(captureCommentForm(form('<div style="display:none"><textarea name="comment"></textarea></div>'), POST)).toMatchObject({ commentName: 'comment', hiddenFields: [['comment_post_ID', '9']] });
    // The trap hidden and two others showing: posting into the wrong one would lose the reply.
    expect(captureCommentForm(form('<textarea name="comment" hidden></textarea><textarea name="a1"></textarea><textarea name="b2"></textarea>'), POST)).toBeNull();
  });

  it('keeps a checkbox the form requires (WP GDPR Compliance), with its label less the required mark; not the optional cookies one', () => {
    const form = (checkboxes: string) => page(`<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
      <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" maxlength="65525" required></textarea></p>
      <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
      ${checkboxes}
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID' /></p></form>`);
    expect(captureCommentForm(form(''), POST)).not.toHaveProperty('consents');
    const gdpr = '<p class="wpgdprc-checkbox comment-form-wpgdprc"><input type="checkbox" name="wpgdprc" id="wpgdprc" value="1" required /><label for="wpgdprc">By using this form you agree with the storage and handling of your data by this website. <abbr class="wpgdprc-required" title="You need to accept this checkbox">*</abbr></label></p>';
    expect(captureCommentForm(form(gdpr), POST)).toMatchObject({
      hiddenFields: [['comment_post_ID', '123']],
      consents: [{ name: 'wpgdprc', value: '1', label: 'By using this form you agree with the storage and handling of your data by this website.' }],
    });
    // Marked only by the plugin's star; a label around the box; no value (a browser sends "on").
    const starred = gdpr.replace(' required />', ' />');
    const wrapped = '<p><label><input type="checkbox" name="terms" aria-required="true"> I have read the <a href="/privacy/">privacy policy</a>.</label></p>';
    expect(captureCommentForm(form(starred + wrapped), POST)).toMatchObject({
      consents: [
        { name: 'wpgdprc', value: '1', label: 'By using this form you agree with the storage and handling of your data by this website.' },
        { name: 'terms', value: 'on', label: 'I have read the privacy policy.' },
      ],
    });
  });

  it('tells a page that asks its readers to log in, or whose comments go through Jetpack, from one with comments closed', () => {
    const loginPage = page(`<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="${ORIGIN}/wp-login.php?redirect_to=${encodeURIComponent(POST)}">logged in</a> to post a comment.</p></div>`);
    const jetpackPage = page(`<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
      <form id="commentform" class="comment-form"><iframe title="Comment Form" src="https://jetpack.wordpress.com/jetpack-comment/?blogid=123456&#038;postid=123&#038;sig=abcdef#parent=${encodeURIComponent(POST)}" name="jetpack_remote_comment" class="jetpack_remote_comment" id="jetpack_remote_comment" sandbox="allow-same-origin allow-top-navigation allow-scripts allow-forms allow-popups"></iframe></form></div>
      <input type="hidden" name="comment_parent" id="comment_parent" value="" />`);
    expect(mayHoldCommentForm(loginPage)).toBe(true);
    expect(mayHoldCommentForm(jetpackPage)).toBe(true);
    expect(captureCommentForm(loginPage, POST)).toEqual({ kind: 'login' });
    expect(captureCommentForm(jetpackPage, POST)).toEqual({ kind: 'jetpack' });
    // WordPress's own form wins over a login notice elsewhere on the page (a sidebar's, say).
    const both = fixtureText('seed/article.html', ORIGIN).replace('</aside>', '<p class="must-log-in">You must be logged in.</p></aside>');
    expect(captureCommentForm(both, POST)).toMatchObject({ kind: 'wordpress' });
    expect(captureCommentForm(page('<p class="no-comments">Comments are closed.</p>'), POST)).toBeNull();
  });

  it("tells a form with a captcha widget in it (its token made by the site's script), for each widget, as unpostable", () => {
    const withWidget = (widget: string) => page(`<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
      <form action="${ORIGIN}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
      <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
      <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required /></p>
      ${widget}
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID' />
      <input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p></form></div>`);
    for (const widget of [
      '<div class="g-recaptcha" data-sitekey="6LdQ0aUpAAAAAJb1xWq8rT3yZ-commentform" data-theme="light"></div><script src="https://www.google.com/recaptcha/api.js" async defer></script>',
      '<div class="h-captcha" data-sitekey="4c7e21f0-9a3b-4d58-b1e2-6f0a9c3d2e11"></div>',
      '<div class="cf-turnstile" data-sitekey="0x4AAAAAAAC9dzrPq-KtE3Xy" data-action="comment"></div>',
      '<p class="comment-form-captcha"><span class="anti-spam-widget" data-sitekey="ab12cd34"></span></p>',
    ]) {
      expect(captureCommentForm(withWidget(widget), POST)).toEqual({ kind: 'captcha' });
    }
    expect(captureCommentForm(withWidget(''), POST)).toMatchObject({ kind: 'wordpress' });
  });

  it('tells a form guarded by reCAPTCHA v3 or an invisible captcha (no widget, a token its script fills on submit) as unpostable', () => {
    const KEY = '6LfT4aUqAAAAAMkN2xq9vY7sW1bZp3eRd8cHj0uL';
    const api = `<script src="https://www.google.com/recaptcha/api.js?render=${KEY}&#038;ver=3.0" id="google-recaptcha-js"></script>`;
    const withGuard = (inForm: string, elsewhere = '') => page(`<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
      <form action="${ORIGIN}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
      <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
      <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required /></p>
      ${inForm}
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID' />
      <input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p></form></div>${elsewhere}`);
    for (const [inForm, elsewhere] of [
      // A plugin's box holding only the hidden field, the API loaded in the footer with the site key.
      ['<div class="gglcptch gglcptch_v3"><input type="hidden" id="g-recaptcha-response" name="g-recaptcha-response" /><br /></div>', api],
      // Other names plugins and themes give the field.
      ['<input type="hidden" name="g-recaptcha-response-v3" id="grecaptcha-comment-token" value="">', api],
      ['<input type="hidden" name="recaptcha_response" id="recaptchaResponse">', api],
      // The field made by the script itself, the API loaded and called inside the form.
      [`${api}<script>grecaptcha.ready(function () { grecaptcha.execute('${KEY}', { action: 'comment' }).then(function (token) {
        var field = document.createElement('input'); field.type = 'hidden'; field.name = 'g-recaptcha-response'; field.value = token;
        document.getElementById('commentform').appendChild(field); }); });</script>`, ''],
      // ...or in the footer, naming the comment form.
      ['', `${api}<script id="comment-recaptcha-js-after">document.getElementById('commentform').addEventListener('submit', function (event) {
        event.preventDefault(); var form = this; grecaptcha.execute('${KEY}', { action: 'comment' }).then(function (token) {
        form.insertAdjacentHTML('beforeend', '<input type="hidden" name="g-recaptcha-response" value="' + token + '">'); form.submit(); }); });</script>`],
      // hCaptcha's and Turnstile's invisible modes keep their widget's element.
      ['<div class="h-captcha" data-sitekey="9e4b1c2a-7d3f-4e8a-b5c6-0f1e2d3c4b5a" data-size="invisible"></div>', ''],
      ['<div id="cf-turnstile-c-1" class="cf-turnstile" data-sitekey="0x4AAAAAAAB3kXzRq-Pt9mLw" data-appearance="interaction-only" data-action="comment"></div>', ''],
    ]) {
      expect(captureCommentForm(withGuard(inForm!, elsewhere), POST)).toEqual({ kind: 'captcha' });
    }
    // The API loaded for another form (Contact Form 7 loads it on every page for its own): the comment form takes comments as it is.
    const newsletter = `<footer><div class="wpcf7 js" id="wpcf7-f88-o1"><form action="/2022/01/13/nato-is-in-security-dialogue-with-russia/#wpcf7-f88-o1" method="post" class="wpcf7-form init" novalidate>
      <input type="hidden" name="_wpcf7" value="88" /><input type="hidden" name="_wpcf7_recaptcha_response" value="" />
      <p><label>Your email<br /><input size="40" class="wpcf7-form-control wpcf7-email" type="email" name="your-email" /></label></p>
      <p><input class="wpcf7-form-control wpcf7-submit" type="submit" value="Subscribe" /></p></form></div></footer>
      ${api}<script id="wpcf7-recaptcha-js-before">var wpcf7_recaptcha = { "sitekey": "${KEY}", "actions": { "homepage": "homepage", "contactform": "contactform" } };</script>`;
    expect(captureCommentForm(withGuard('', newsletter), POST)).toMatchObject({ kind: 'wordpress' });
  });

  it("tells WordPress.com's Verbum form (filled in by its script, no textarea in the page) as WordPress.com's, not as comments closed", () => {
    const verbum = page(`<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a comment<small><a rel="nofollow" id="cancel-comment-reply-link" href="${POST}#respond" style="display:none;">Cancel reply</a></small></h3>
      <form action="${ORIGIN}/wp-comments-post.php" method="post" id="commentform" class="comment-form">
      <div id="comment-form__verbum" class="comment-form__verbum transparent"></div>
      <p class="form-submit wp-block-button"><input name="submit" type="submit" id="comment-submit" class="submit wp-block-button__link" value="Comment" />
      <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID' />
      <input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p>
      <input type="hidden" name="highlander_comment_nonce" id="highlander_comment_nonce" value="8e2b7c41d0" />
      <input type="hidden" name="verbum_show_subscription_modal" value="" /></form></div>`);
    expect(captureCommentForm(verbum, POST)).toEqual({ kind: 'jetpack' });
  });

  it("tells a page whose comments wpDiscuz's own form takes (sent by its script to admin-ajax.php), or that wants its readers logged in, from one with comments closed", () => {
    const wpdcom = (inside: string, state = 'wpd-comments-open') => page(`<div class="wpdiscuz_top_clearing"></div>
      <div id="comments" class="comments-area"><div id="respond" style="width: 0;height: 0;clear: both;margin: 0;padding: 0;"></div>
      <div id="wpdcom" class="wpdiscuz_unauth wpd-default wpd-layout-2 ${state}"><div class="wpd-form-wrap">${inside}</div>
      <div id="wpd-threads" class="wpd-thread-wrapper"><div class="wpd-thread-list"></div></div></div></div>`);
    const form = wpdcom(`<div class="wpd-form wpd-form-wrapper wpd-main-form-wrapper" id="wpd-main-form-wrapper-0_0">
      <form method="post" enctype="multipart/form-data" data-uploading="false" class="wpd_comm_form wpd_main_comm_form">
      <div class="wpd-field-comment"><div class="wpdiscuz-item wc-field-textarea"><textarea id="wc-textarea-0_0" name="wc_comment" class="wc_comment wpd-field"></textarea></div></div>
      <input id="wc_name-0_0" class="wc_name wpd-field" type="text" name="wc_name" required="required" placeholder="Name*">
      <input id="wc_email-0_0" class="wc_email wpd-field" type="email" name="wc_email" required="required" placeholder="Email*">
      <input id="wpd-field-submit-0_0" class="wc_comm_submit wpd_not_clicked wpd-prim-button" type="submit" name="submit" value="Post Comment">
      <input type="hidden" class="wpdiscuz_unique_id" value="0_0" name="wpdiscuz_unique_id"></form></div>`);
    expect(mayHoldCommentForm(form)).toBe(true);
    expect(captureCommentForm(form, POST)).toEqual({ kind: 'wpdiscuz' });
    expect(captureCommentForm(wpdcom('<div class="wpd-login-to-comment">Please login to comment</div>'), POST)).toEqual({ kind: 'login' });
    // Closed: wpDiscuz writes its thread and no form.
    expect(captureCommentForm(wpdcom('', 'wpd-comments-closed'), POST)).toBeNull();
  });

  it("tells a page whose comments a service's script shows (Disqus, Facebook, giscus, Ghost...), on WordPress or any other blog", () => {
    const embeds: Record<string, string> = {
      // Disqus's universal code, as a Jekyll or Hugo blog pastes it.
      disqus: `<div id="disqus_thread"></div><script>var disqus_config = function () { this.page.url = '${POST}'; this.page.identifier = 'nato-dialogue'; };
        (function () { var d = document, s = d.createElement('script'); s.src = 'https://world-brief.disqus.com/embed.js'; s.setAttribute('data-timestamp', +new Date()); (d.head || d.body).appendChild(s); })();</script>
        <noscript>Please enable JavaScript to view the <a href="https://disqus.com/?ref_noscript">comments powered by Disqus.</a></noscript>`,
      facebook: `<div id="fb-root"></div><script async defer crossorigin="anonymous" src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&version=v19.0"></script>
        <div class="fb-comments" data-href="${POST}" data-width="" data-numposts="5"></div>`,
      hyvor: `<hyvor-talk-comments website-id="10472" page-id="nato-dialogue"></hyvor-talk-comments><script async src="https://talk.hyvor.com/embed/embed.js" type="module"></script>`,
      commento: `<script defer src="https://cdn.commento.io/js/commento.js"></script><div id="commento"></div>`,
      // A news site names Coral's element its own way: its script's call tells it.
      coral: `<div id="story-discussion"></div><script>(function() { var d = document, s = d.createElement('script');
        s.src = 'https://talk.world-brief.example/assets/js/embed.js'; s.async = false; s.defer = true;
        s.onload = function() { Coral.createStreamEmbed({ id: "story-discussion", autoRender: true, rootURL: 'https://talk.world-brief.example' }); };
        (d.head || d.body).appendChild(s); })();</script>`,
      // The news sites' platforms: OpenWeb's conversation module beside its launcher, Viafoura's element, Vuukle's box.
      openweb: `<script async src="https://launcher.spot.im/spot/sp_Wb7Rk2Qz" data-spotim-module="spotim-launcher" data-post-id="nato-dialogue-4471"></script>
        <div data-spotim-module="conversation" data-post-url="${POST}" data-article-tags="nato, russia" data-post-id="nato-dialogue-4471"></div>`,
      viafoura: `<div class="viafoura"><vf-conversations vf-container-id="4471"></vf-conversations></div><script async src="//cdn.viafoura.net/entry/index.js"></script>`,
      vuukle: `<div id="vuukle-comments"></div><script>var VUUKLE_CONFIG = { apiKey: '8c1e5a2f-0d3b-4b8e-9f27-6a1d2c3e4f50', articleId: '4471' };
        (function() { var d = document, s = d.createElement('script'); s.async = true; s.src = 'https://cdn.vuukle.com/platform.js'; (d.head || d.body).appendChild(s); })();</script>`,
      giscus: `<script src="https://giscus.app/client.js" data-repo="worldbrief/site" data-repo-id="R_kgDOH1xY0w" data-category="Announcements"
        data-mapping="pathname" data-theme="preferred_color_scheme" crossorigin="anonymous" async></script>`,
      utterances: `<script src="https://utteranc.es/client.js" repo="worldbrief/site" issue-term="pathname" theme="github-light" crossorigin="anonymous" async></script>`,
      ghost: `<section class="article-comments gh-canvas"><div style="max-width: 100%"><script defer src="https://cdn.jsdelivr.net/ghost/comments-ui@~0.17/umd/comments-ui.min.js"
        data-ghost-comments="${ORIGIN}/" data-api="${ORIGIN}/ghost/api/content/" data-admin="${ORIGIN}/ghost/" data-key="5a1c2b3d4e5f60718293a4b5c6"
        data-title="" data-count="true" data-post-id="65a1f0c2b3d4e5f607182930" data-color-scheme="auto" data-avatar-saturation="60" data-accent-color="#d04a2f"
        data-comments-enabled="all" data-publication="World Brief" crossorigin="anonymous"></script></div></section>`,
    };
    for (const [kind, embed] of Object.entries(embeds)) {
      expect(mayHoldCommentForm(page(embed)), kind).toBe(true);
      expect(captureCommentForm(page(embed), POST), kind).toEqual({ kind });
    }
    // The Disqus plugin on WordPress: the page names the API, and the theme's template is gone.
    const wordpressDisqus = `<!doctype html><html><head><link rel="https://api.w.org/" href="${ORIGIN}/wp-json/"></head><body class="post-template-default single single-post postid-123">
      <article id="post-123"><p>Text.</p></article><div id="disqus_thread"></div>
      <script id="disqus_embed-js-extra">var embedVars = {"disqusConfig":{"integration":"wordpress 3.1.1"},"disqusIdentifier":"123 ${ORIGIN}\\/?p=123","postId":"123"};</script>
      <script src="${ORIGIN}/wp-content/plugins/disqus-comment-system/public/js/comment_embed.js?ver=3.1.1" id="disqus_embed-js"></script></body></html>`;
    expect(captureCommentForm(wordpressDisqus, POST)).toEqual({ kind: 'disqus' });
  });

  it("keeps the site's own form beside a service's, and tells no service from a count, a loader, a word or a link", () => {
    const seed = fixtureText('seed/article.html', ORIGIN);
    const withFacebookToo = seed.replace('</main>', `<div class="fb-comments" data-href="${POST}" data-numposts="5"></div></main>`);
    expect(captureCommentForm(withFacebookToo, POST)).toMatchObject({ kind: 'wordpress' });
    // A list page's comment counts, an article about the services, a link to a discussion.
    expect(captureCommentForm(page(`<span class="fb-comments-count" data-href="${POST}"></span> comments`), POST)).toBeNull();
    expect(captureCommentForm(page('<script async src="https://launcher.spot.im/spot/sp_Wb7Rk2Qz" data-spotim-module="spotim-launcher"></script>'), POST)).toBeNull();
    expect(captureCommentForm(page('<p>We moved our comments from Disqus to giscus, then to utterances, and on to Hyvor Talk.</p>'), POST)).toBeNull();
    expect(captureCommentForm(page(`<p><a href="https://github.com/worldbrief/site/discussions/12">Discuss on GitHub</a> (giscus)</p>`), POST)).toBeNull();
  });

  it('recognises nothing else: no form, a search form, a GET form, a javascript: action', () => {
    expect(captureCommentForm(page('<p>Comments are closed.</p>'), POST)).toBeNull();
    expect(captureCommentForm(page('<form role="search" method="get" action="/"><input name="s"></form>'), POST)).toBeNull();
    const wordpressFields = '<textarea name="comment"></textarea><input type="hidden" name="comment_post_ID" value="1">';
    expect(captureCommentForm(page(`<form method="get" action="/wp-comments-post.php">${wordpressFields}</form>`), POST)).toBeNull();
    expect(captureCommentForm(page(`<form method="post" action="javascript:steal()">${wordpressFields}</form>`), POST)).toBeNull();
    expect(captureCommentForm(page(`<form method="post" action="/contact"><textarea name="message"></textarea><input type="hidden" name="comment_post_ID" value="1"></form>`), POST)).toBeNull();
  });
});
