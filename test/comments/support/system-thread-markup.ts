// Pages of threads split as their systems split them, for the sync tests of those pages: a phpBB
// 3.3 topic (prosilver) over pages of &start=N, with its pager's &sid= for a visitor without
// phpBB's cookie; a Hacker News item whose thread goes on at &p=2 ("More"); an old Reddit post
// whose deep branch goes on on its permalink page ("continue this thread") and whose other replies
// are behind "load more comments" (a script's call); a vBulletin 5 topic over pages of /pageN.
// Each in the markup the system writes, as the
// corpus pages (test/fixtures/corpus/comments/) have it.

export interface ForumPost {
  readonly id: number;
  readonly author: string;
  readonly text: string;
}

/** phpBB's post, with its profile, permalink and time. */
function phpbbPost(post: ForumPost, index: number): string {
  const time = new Date(Date.UTC(2023, 9, 2, 17, 48) + index * 3_600_000).toISOString().replace('.000Z', '+00:00');
  return `<div id="p${post.id}" class="post has-profile bg${(index % 2) + 1}">
<div class="inner"><dl class="postprofile" id="profile${post.id}"><dt class="has-profile-rank no-avatar"><a href="./memberlist.php?mode=viewprofile&amp;u=${post.id % 997}" class="username">${post.author}</a></dt><dd class="profile-rank">Regular</dd></dl>
<div class="postbody"><div id="post_content${post.id}"><h3><a href="./viewtopic.php?p=${post.id}#p${post.id}">Re: Swivel hub seals leaking again</a></h3>
<p class="author"><a class="unread" href="./viewtopic.php?p=${post.id}#p${post.id}" title="Post"><span class="sr-only">Post</span></a><span class="responsive-hide">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=${post.id % 997}" class="username">${post.author}</a></strong> &raquo; </span><time datetime="${time}">${time}</time></p>
<div class="content">${post.text}</div></div></div>
<div class="back2top"><a href="#top" class="top" title="Top"><span class="sr-only">Top</span></a></div></div></div><hr class="divider" />`;
}

/** The pager phpBB writes above and below the posts of page `page` (from 0) of `pages`. */
function phpbbPager(topic: number, page: number, pages: number, perPage: number, total: number, sid: string): string {
  const href = (to: number) => `./viewtopic.php?t=${topic}${to > 0 ? `&amp;start=${to * perPage}` : ''}&amp;sid=${sid}`;
  const items = Array.from({ length: pages }, (_, to) => (to === page ? `<li class="active"><span>${to + 1}</span></li>` : `<li><a class="button" href="${href(to)}" role="button">${to + 1}</a></li>`));
  const previous = page > 0 ? `<li class="arrow previous"><a class="button button-icon-only" href="${href(page - 1)}" rel="prev" role="button"><span class="sr-only">Previous</span></a></li>` : '';
  const next = page < pages - 1 ? `<li class="arrow next"><a class="button button-icon-only" href="${href(page + 1)}" rel="next" role="button"><span class="sr-only">Next</span></a></li>` : '';
  return `<div class="pagination">${total} posts<ul>${previous}${items.join('')}${next}</ul></div>`;
}

/** Page `page` (from 0) of topic `topic`, `perPage` posts a page, its first post the topic's opening post. */
export function phpbbTopicPage(topic: number, posts: readonly ForumPost[], page: number, perPage: number, sid: string): string {
  const pages = Math.ceil(posts.length / perPage);
  const shown = posts.slice(page * perPage, (page + 1) * perPage);
  const pager = phpbbPager(topic, page, pages, perPage, posts.length, sid);
  return `<!DOCTYPE html><html dir="ltr" lang="en-gb"><head><meta charset="utf-8" /><title>Swivel hub seals leaking again - Green Lane Forum</title>
<link rel="canonical" href="https://greenlaneforum.example/viewtopic.php?t=${topic}${page > 0 ? `&amp;start=${page * perPage}` : ''}"></head>
<body id="phpbb" class="nojs notouch section-viewtopic ltr "><div id="wrap" class="wrap"><div id="page-body" class="page-body" role="main">
<h2 class="topic-title"><a href="./viewtopic.php?t=${topic}&amp;sid=${sid}">Swivel hub seals leaking again</a></h2>
<div class="action-bar bar-top"><a href="./posting.php?mode=reply&amp;t=${topic}&amp;sid=${sid}" class="button" title="Post a reply"><span>Post Reply</span></a>${pager}</div>
${shown.map((post, index) => phpbbPost(post, page * perPage + index)).join('\n')}
<div class="action-bar bar-bottom"><a href="./posting.php?mode=reply&amp;t=${topic}&amp;sid=${sid}" class="button" title="Post a reply"><span>Post Reply</span></a>${pager}</div>
</div></div></body></html>`;
}

export interface HnComment {
  readonly id: number;
  readonly author: string;
  readonly depth: number;
  readonly text: string;
  /** The comment it answers, which its "parent" link names (a reply, depth past 0). */
  readonly parent?: number;
}

/** One comment row of a Hacker News item page. */
function hnRow(comment: HnComment, item: number): string {
  const seconds = 1706089202 + (comment.id % 1000) * 60;
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return `<tr class='athing comtr' id='${comment.id}'><td><table border='0'>  <tr>    <td class='ind' indent='${comment.depth}'><img src="s.gif" height="1" width="${comment.depth * 40}"></td><td valign="top" class="votelinks">
<center><a id='up_${comment.id}' href='vote?id=${comment.id}&amp;how=up&amp;goto=item%3Fid%3D${item}#${comment.id}'><div class='votearrow' title='upvote'></div></a></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">
<a href="user?id=${comment.author}" class="hnuser">${comment.author}</a> <span class="age" title="${iso} ${seconds}"><a href="item?id=${comment.id}">2 hours ago</a></span> <span id="unv_${comment.id}"></span>          <span class='navs'>
             ${comment.parent === undefined ? '' : `| <a href="#${comment.parent}" class="clicky" aria-hidden="true">parent</a> `}<a class="togg clicky" id="${comment.id}" n="1" href="javascript:void(0)">[–]</a><span class="onstory"></span>          </span></span></div><br><div class="comment">
<div class="commtext c00">${comment.text}</div><div class='reply'><p><font size="1"><u><a href="reply?id=${comment.id}&amp;goto=item%3Fid%3D${item}%23${comment.id}" rel="nofollow">reply</a></u></font></div></div></td></tr></table></td></tr>`;
}

/** An item page holding `comments`, with "More" to page `next` when given. */
export function hnItemPage(item: number, comments: readonly HnComment[], next: number | null): string {
  const more = next === null ? '' : `<tr class="morespace" style="height:10px"></tr><tr><td><a href="item?id=${item}&amp;p=${next}" class="morelink" rel="next">More</a></td></tr>`;
  return `<html lang="en" op="item"><head><meta name="referrer" content="origin"><title>Show HN: A tide-table printer for the back door | Hacker News</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%" bgcolor="#f6f6ef">
<tr id="bigbox"><td><table class="fatitem" border="0"><tr class='athing submission' id='${item}'><td class="title"><span class="titleline"><a href="item?id=${item}">Show HN: A tide-table printer for the back door</a></span></td></tr>
<tr><td colspan="2"></td><td class="subtext"><span class="subline"><a href="user?id=mwren" class="hnuser">mwren</a> <span class="age" title="2024-01-24T09:12:40 1706087560"><a href="item?id=${item}">3 hours ago</a></span></span></td></tr>
<tr><td colspan="2"></td><td><div class="toptext">A thermal printer by the back door prints the day's high and low waters every morning.</div></td></tr></table><br><br>
<table border="0" class='comment-tree'>${comments.map((comment) => hnRow(comment, item)).join('\n')}
${more}</table></td></tr></table></center></body></html>`;
}

export interface RedditComment {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly replies?: readonly RedditComment[];
  /** The branch goes on on this comment's permalink page ("continue this thread"). */
  readonly continued?: true;
  /** Replies hidden behind "load more comments" (ids for the script). */
  readonly more?: readonly string[];
  /** When it was written: minutes after 15:00 on 2 October 2023. */
  readonly minute: number;
}

export const REDDIT_POST = '/r/vegetablegardening/comments/16xq2lm/whats_the_best_way_to_store_winter_squash/';

function redditThing(comment: RedditComment, origin: string): string {
  const permalink = `${REDDIT_POST}${comment.id}/`;
  const time = new Date(Date.UTC(2023, 9, 2, 15, comment.minute)).toISOString().replace('.000Z', '+00:00');
  const children = (comment.replies ?? []).map((reply) => redditThing(reply, origin)).join('');
  const continued = comment.continued
    ? `<div class=" thing id-t1_${comment.id} morerecursion" data-type="morerecursion"><p class="tagline"></p><div class="deepthread"><a href="${origin}${permalink}">continue this thread</a>&nbsp;<span class="gray">&rarr;</span></div></div>`
    : '';
  const more = comment.more
    ? `<div class=" thing id-t1_${comment.more[0]} morechildren" data-type="morechildren"><div class="entry unvoted"><span class="morecomments"><a class="button" id="more_t1_${comment.more[0]}" href="javascript:void(0)" onclick="return morechildren(this, 't3_16xq2lm', 'confidence', '${comment.more.join(',')}', 'False', '')">load more comments</a><span class="gray">&nbsp;(${comment.more.length} replies)</span></span></div></div>`
    : '';
  return `<div class=" thing id-t1_${comment.id} noncollapsed comment " id="thing_t1_${comment.id}" data-fullname="t1_${comment.id}" data-type="comment" data-author="${comment.author}" data-permalink="${permalink}"><p class="parent"><a name="${comment.id}"></a></p>
<div class="entry unvoted"><p class="tagline"><a href="javascript:void(0)" class="expand" onclick="return togglecomment(this)">[&ndash;]</a><a href="${origin}/user/${comment.author}" class="author may-blank">${comment.author}</a>&#32;<span class="score unvoted" title="12">12 points</span>&#32;<time title="" datetime="${time}" class="live-timestamp">2 months ago</time>&nbsp;<span class="morecomments"></span></p>
<form action="#" class="usertext warn-on-unload"><div class="usertext-body may-blank-within md-container "><div class="md"><p>${comment.text}</p></div></div></form>
<ul class="flat-list buttons"><li class="first"><a href="${origin}${permalink}" data-event-action="permalink" class="bylink" rel="nofollow">permalink</a></li><li class="reply-button"><a class="access-required" href="javascript: void 0;" onclick="return reply(this)">reply</a></li></ul></div>
<div class="child"><div id="siteTable_t1_${comment.id}" class="sitetable listing">${children}${continued}${more}</div></div><div class="clearleft"></div></div>`;
}

/** The post's page (or a comment's permalink page: `comments` is then that comment alone, with its replies). */
export function redditPage(origin: string, comments: readonly RedditComment[], topMore: readonly string[] = []): string {
  const more = topMore.length > 0
    ? `<div class=" thing id-t1_${topMore[0]} morechildren" data-type="morechildren"><div class="entry unvoted"><span class="morecomments"><a class="button" href="javascript:void(0)" onclick="return morechildren(this, 't3_16xq2lm', 'confidence', '${topMore.join(',')}', 'False', '')">load more comments</a><span class="gray">&nbsp;(${topMore.length} replies)</span></span></div></div>`
    : '';
  return `<!doctype html><html lang="en"><head><title>What's the best way to store winter squash? : r/vegetablegardening</title><link rel="canonical" href="${origin}${REDDIT_POST}" /></head>
<body class="listing-page comments-page"><div class="content" role="main"><div class="sitetable linklisting" id="siteTable"><div class=" thing id-t3_16xq2lm link self" id="thing_t3_16xq2lm" data-fullname="t3_16xq2lm" data-type="link" data-author="allotment_annie" data-permalink="${REDDIT_POST}">
<div class="entry unvoted"><p class="title"><a class="title may-blank" href="${REDDIT_POST}">What's the best way to store winter squash?</a></p><div class="expando"><form action="#" class="usertext"><div class="usertext-body may-blank-within md-container "><div class="md"><p>Harvested 30 butternuts and a dozen crown prince this weekend. Where do I keep them so they last until March? We have a cold garage and a spare bedroom.</p></div></div></form></div></div></div></div>
<div class="commentarea"><div class="sitetable nestedlisting" id="siteTable_t3_16xq2lm">${comments.map((comment) => redditThing(comment, origin)).join('')}${more}</div></div></div></body></html>`;
}

/** vBulletin 5's post: its node id, exact time, number and text, as li.b-post in the topic's list. */
function vb5Post(post: ForumPost, number: number, topicUrl: string): string {
  const seconds = 1709894480 + number * 3_600;
  return `<li data-node-id="${post.id}" data-node-publishdate="${seconds}" class="b-post js-post js-comment-entry__parent h-restore--on-preview b-post--text${number === 1 ? ' b-post--first' : ''}">
<div class="b-userinfo" data-userid="${post.id % 997}"><div class="b-userinfo__details"><div class="author h-text-size--14"><strong><div class="b-userinfo__name"><a href="/member/${post.id % 997}-${post.author}" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">${post.author}</span></a></div></strong></div><div class="usertitle">Member</div></div></div>
<div class="b-post__body"><div class="b-post__content js-post__content"><div class="b-media"><div class="b-media__img--rev"><a class="b-post__count js-show-post-link" href="${topicUrl}?p=${post.id}#post${post.id}">#${number}</a></div>
<div class="b-media__body"><div class="b-post__timestamp"><time itemprop="dateCreated" datetime="${new Date((seconds - 18_000) * 1000).toISOString().slice(0, 19)}">03-08-2024</time></div></div></div>
<div class="js-post__content-wrapper"><div class="b-post__content-text js-post__content-text restore h-wordwrap" itemprop="text">${post.text}</div></div></div>
<div class="b-post__footer"><ul class="js-post-controls b-comment-controls"><li><a href="#" class="js-post-control__quote b-button">Quote</a></li></ul></div></div></li>`;
}

/** Page `page` (from 0) of a vBulletin 5 topic at `topicPath`, `perPage` posts a page, linked as /pageN. */
export function vb5TopicPage(topicPath: string, posts: readonly ForumPost[], page: number, perPage: number): string {
  const pages = Math.ceil(posts.length / perPage);
  const href = (to: number) => (to === 0 ? topicPath : `${topicPath}/page${to + 1}`);
  const pager = `<div class="pagenav-container h-clearfix"><div class="js-pagenav pagenav h-right">${Array.from({ length: pages }, (_, to) => `<a class="js-pagenav-button b-button b-button--narrow${to === page ? ' h-disabled' : ''}" data-page="${to + 1}" href="${href(to)}">${to + 1}</a>`).join('')}</div></div>`;
  const shown = posts.slice(page * perPage, (page + 1) * perPage);
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8" /><title>Swivel hub seals leaking again - Green Lane Forums</title><meta name="generator" content="vBulletin 5.6.9" /><link rel="canonical" href="${href(page)}" /></head>
<body id="vb-page-body" class="l-desktop vb-page view-mode logged-out"><main id="content"><h1 class="main-title js-main-title">Swivel hub seals leaking again</h1>${pager}
<div id="thread-view-tab" class="conversation-view conversation-thread-view"><ul class="conversation-list list-container h-clearfix thread-view">
${shown.map((post, index) => vb5Post(post, page * perPage + index + 1, topicPath)).join('\n')}
</ul></div>${pager}</main></body></html>`;
}
