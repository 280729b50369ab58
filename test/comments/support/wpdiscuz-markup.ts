// wpDiscuz's comment section as its version 7 writes it in place of the theme's (layout 1, its
// default look): its own form at the top, which its script posts to admin-ajax.php, then the thread:
// each comment a <div id="wpd-comm-N_PARENT"> holding its replies, the author, the date (shown as
// "2 days ago", the site's date and time in its title) and Share and link buttons above the text,
// "Reply to NAME" above a reply's, the votes, Reply and Hide Replies below it. It lists the newest
// threads up to the site's number, then a "Load more comments" button its script fetches the rest with.

export interface WpdComment {
  readonly id: number;
  readonly parent: number;
  readonly author: string;
  readonly authorUrl?: string;
  /** The site's date and time ("March 11, 2024 9:40 am"), which the comment's title holds. */
  readonly siteDate: string;
  /** What the comment shows: "3 years ago" by default, the site's date when set so. */
  readonly shownDate: string;
  readonly html: string;
  readonly votes?: number;
  /** comment_class's first mark: 'pingback' for a pingback, which wpDiscuz lists like a comment. */
  readonly type?: 'comment' | 'pingback';
  /** The name of the comment a reply answers, as "Reply to" shows it. */
  readonly parentAuthor?: string;
}

/** One comment with its replies (already written) inside it. */
export function wpdComment(comment: WpdComment, depth: number, postUrl: string, replies = ''): string {
  const { id, parent, author } = comment;
  const name = comment.authorUrl ? `<a rel="nofollow" href="${comment.authorUrl}" target="_blank">${author}</a>` : author;
  const classes = [comment.type ?? 'comment', depth % 2 ? 'even' : 'odd alt', `thread-even depth-${depth}`, parent ? 'wpd-reply' : '', 'wpd-comment', `wpd_comment_level-${depth}`];
  return `<div id="wpd-comm-${id}_${parent}" class="${classes.filter(Boolean).join(' ')}">
<div class="wpd-comment-wrap wpd-blog-guest">
<div class="wpd-comment-left "><div class="wpd-avatar "><img alt="${author}" src="https://secure.gravatar.example/avatar/${id}?s=64&amp;d=mm&amp;r=g" class="avatar avatar-64 photo" height="64" width="64" loading="lazy" decoding="async"></div></div>
<div id="comment-${id}" class="wpd-comment-right">
<div class="wpd-comment-header"><div class="wpd-comment-author ">${name}</div>
<div class="wpd-comment-date" title="${comment.siteDate}"><i class="far fa-clock" aria-hidden="true"></i> ${comment.shownDate}</div>
<div class="wpd-comment-share wpd-hidden wpd-tooltip wpd-top"><i class="fas fa-share-alt" aria-hidden="true"></i><div class="wpd-tooltip-content"><a class="wc_tw" rel="noreferrer" target="_blank" href="https://twitter.com/intent/tweet?url=${encodeURIComponent(`${postUrl}#comment-${id}`)}" title="Share On X"><i class="fab fa-twitter wpf-cta" aria-hidden="true"></i></a><a class="wc_whatsapp" rel="noreferrer" target="_blank" href="https://web.whatsapp.com/send?text=${encodeURIComponent(`${postUrl}#comment-${id}`)}" title="Share On WhatsApp"><i class="fab fa-whatsapp wpf-cta" aria-hidden="true"></i></a></div></div>
<div class="wpd-space"></div>
<div class="wpd-comment-link wpd-hidden"><span wpd-tooltip="Comment Link" wpd-tooltip-position="left"><i class="fas fa-link" aria-hidden="true" data-wpd-clipboard="${postUrl}#comment-${id}"></i></span></div>
</div>
${parent ? `<div class="wpd-reply-to"><i class="far fa-comments"></i>Reply to&nbsp;<a href="#comment-${parent}">${comment.parentAuthor ?? ''}</a></div>` : ''}
<div class="wpd-comment-text">${comment.html}</div>
<div class="wpd-comment-footer">
<div class="wpd-vote"><div class="wpd-vote-up wpd_not_clicked"><svg aria-hidden="true" viewBox="0 0 24 24"><path d="M12 4l8 9h-5v7H9v-7H4z"/></svg></div><div class="wpd-vote-result" title="${comment.votes ?? 0}">${comment.votes ?? 0}</div><div class="wpd-vote-down wpd_not_clicked wpd-dislike-hidden"><svg aria-hidden="true" viewBox="0 0 24 24"><path d="M12 20l-8-9h5V4h6v7h5z"/></svg></div></div>
<div class="wpd-reply-button"><svg aria-hidden="true" viewBox="0 0 24 24"><path d="M9 8V4L2 11l7 7v-4c5 0 8 1.5 11 5-1-5-4-10-11-11z"/></svg><span>Reply</span></div>
<div class="wpd-space"></div>
${replies ? '<div class="wpd-toggle wpd-hidden wpd_not_clicked" wpd-tooltip="Hide Replies"><i class="fas fa-chevron-up"></i></div>' : ''}
</div></div></div>
<div id="wpdiscuz_form_anchor-${id}_${parent}"></div>
${replies}</div>`;
}

/** wpDiscuz's section: its form, then the threads written (newest first), then "Load more comments" when the site has more. */
export function wpdSection(origin: string, count: number, threads: string, more: boolean): string {
  return `<div class="wpdiscuz_top_clearing"></div>
<div id="comments" class="comments-area"><div id="respond" style="width: 0;height: 0;clear: both;margin: 0;padding: 0;"></div>
<div id="wpdcom" class="wpdiscuz_unauth wpd-default wpd-layout-1 wpd-comments-open">
<div class="wc_social_plugin_wrapper"></div>
<div class="wpd-form-wrap">
<div class="wpd-form-head"><div class="wpd-sbs-toggle"><i class="far fa-envelope"></i> <span class="wpd-sbs-title">Subscribe</span> <i class="fas fa-caret-down"></i></div><div class="wpd-auth"><div class="wpd-login"></div></div></div>
<div class="wpd-form wpd-form-wrapper wpd-main-form-wrapper" id="wpd-main-form-wrapper-0_0">
<form method="post" enctype="multipart/form-data" data-uploading="false" class="wpd_comm_form wpd_main_comm_form">
<div class="wpd-field-comment"><div class="wpdiscuz-item wc-field-textarea"><div class="wpdiscuz-textarea-wrap ">
<div class="wpd-avatar"><img alt="guest" src="https://secure.gravatar.example/avatar/?s=56&amp;d=mm&amp;r=g" class="avatar avatar-56 photo" height="56" width="56"></div>
<div id="wpd-editor-wraper-0_0" style="display: none;"><div id="wpd-editor-char-counter-0_0" class="wpd-editor-char-counter"></div>
<label style="display: none;" for="wc-textarea-0_0">Label</label>
<textarea id="wc-textarea-0_0" name="wc_comment" class="wc_comment wpd-field"></textarea>
<div id="wpd-editor-0_0"></div></div></div></div></div>
<div class="wpd-form-foot" style="display:none;"><div class="wpdiscuz-textarea-foot"></div>
<div class="wpd-form-row"><div class="wpd-form-col-left">
<div class="wpdiscuz-item wc_name-wrapper wpd-has-icon"><div class="wpd-field-icon"><i class="fas fa-user"></i></div><input id="wc_name-0_0" value="" required="required" aria-required="true" class="wc_name wpd-field" type="text" name="wc_name" placeholder="Name*" maxlength="50" pattern=".{3,50}" title=""><label for="wc_name-0_0" class="wpdlb">Name*</label></div>
<div class="wpdiscuz-item wc_email-wrapper wpd-has-icon"><div class="wpd-field-icon"><i class="fas fa-at"></i></div><input id="wc_email-0_0" value="" required="required" aria-required="true" class="wc_email wpd-field" type="email" name="wc_email" placeholder="Email*"><label for="wc_email-0_0" class="wpdlb">Email*</label></div>
<div class="wpdiscuz-item wc_website-wrapper wpd-has-icon"><div class="wpd-field-icon"><i class="fas fa-link"></i></div><input id="wc_website-0_0" value="" class="wc_website wpd-field" type="text" name="wc_website" placeholder="Website"><label for="wc_website-0_0" class="wpdlb">Website</label></div>
</div>
<div class="wpd-form-col-right"><div class="wc-field-submit"><input id="wpd-field-submit-0_0" class="wc_comm_submit wpd_not_clicked wpd-prim-button" type="submit" name="submit" value="Post Comment" aria-label="Post Comment"></div></div>
<div class="clearfix"></div></div></div>
<input type="hidden" class="wpdiscuz_unique_id" value="0_0" name="wpdiscuz_unique_id">
<p style="display: none;"><input type="hidden" id="akismet_comment_nonce" name="akismet_comment_nonce" value="4c1d7e9a20" /></p>
</form></div>
<div id="wpdiscuz_hidden_secondary_form" style="display: none;"></div>
</div>
<div id="wpd-threads" class="wpd-thread-wrapper">
<div class="wpd-thread-head"><div class="wpd-thread-info " data-comments-count="${count}"><span class='wpdtc' title='${count}'>${count}</span> Comments</div>
<div class="wpd-space"></div>
<div class="wpd-thread-filter"><div class="wpd-filter wpdf-reacted wpd_not_clicked" wpd-tooltip="Most reacted comment"><i class="fas fa-bolt"></i></div><div class="wpd-filter wpdf-sorting"><span class="wpdiscuz-sort-button wpdiscuz-date-sort-desc wpdiscuz-sort-button-active" data-sorting="newest">Newest</span> <i class="fas fa-sort-down"></i></div></div></div>
<div class="wpd-comment-info-bar"><div class="wpd-current-view"><i class="fas fa-quote-left"></i> Inline Feedbacks</div><div class="wpd-filter-view-all">View all comments</div></div>
<div class="wpd-thread-list">
${threads}
<div class="wpdiscuz-comment-pagination">${more ? `<div class="wpd-load-more-submit-wrap"><button name="submit" data-lastparentid="0" class="wpd-load-more-submit wpd-loaded wpd-prim-button">Load more comments</button></div><span id="wpdiscuzHasMoreComments" data-is_show_load_more="1"></span>` : ''}</div>
</div></div></div></div>
<div id="wpdiscuz-loading-bar" class="wpdiscuz-loading-bar-unauth"></div>
<div id="wpdiscuz-comment-message" class="wpdiscuz-comment-message-unauth"></div>
<script id="wpdiscuz-ajax-js-extra">var wpdiscuzAjaxObj = {"wc_post_comment":"Post Comment","url":"${origin}/wp-admin/admin-ajax.php","wpdiscuz_nonce":"a9f3c20d7e","isLoadOnlyParentComments":"0"};</script>`;
}
