// A WordPress site on the loopback test server, as far as comments go: the seed post's page (with
// its comment form), the site feed (slash:comments kept current), the post's comment feed (the
// newest 10 approved comments, newest first, replies led by "In reply to", as WordPress writes
// them: posts_per_rss is 10 by default) and
// /wp-comments-post.php, which answers as wp_handle_comment_submission() does:
//   missing name/email or text   200 wp_die page ("Error: Please fill the required fields.")
//   the same text again           409 ("Duplicate comment detected...")
//   two comments too close        429 ("You are posting comments too quickly...") (flood rule;
//                                 with floodRetryAfter, a Retry-After header too)
//   author "New Commenter" or a link in the text: held for moderation,
//                                 302 to POST?unapproved=N&moderation-hash=...#comment-N
//   otherwise                     302 to POST#comment-N
// With privacyConsent, the form has WP GDPR Compliance's required checkbox (`wpgdprc`) and the
// endpoint refuses a comment without it, as the plugin does (200 wp_die page, "Please accept the
// privacy checkbox.").
// With antispamBee, the page's textarea is renamed and a hidden trap named `comment` added, as the
// Antispam Bee plugin does; the endpoint takes the text from the renamed field when the trap is
// empty, and files anything else as spam (never shown, yet answered like a published comment).
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { fixtureText } from './fixtures';
import { TestServer, sendStatic } from './server';

export const POST_PATH = '/2022/01/13/nato-is-in-security-dialogue-with-russia/';
const COMMENT_ENDPOINT = '/wp-comments-post.php';
const POST_ID = '123';
/** WordPress's posts_per_rss, which a comment feed's length follows: 10 unless the site changed it. */
const COMMENT_FEED_ITEMS = 10;

export interface WordPressOptions {
  /** Least time between two comments (WordPress's flood check); 0, the default, turns it off. */
  readonly floodIntervalMs?: number;
  /** The flood check's 429 says how long to wait (Retry-After), as a proxy or plugin may. */
  readonly floodRetryAfter?: boolean;
  /** The page marks the required fields (true) or, like some older themes, does not. */
  readonly pageMarksRequired?: boolean;
  /** Changes the post's page as served (a hijacked form, a <base href>, ...). */
  readonly editPage?: (html: string) => string;
  /** The site runs Antispam Bee: the comment textarea's secret name (the plugin derives it from the site). */
  readonly antispamBee?: string;
  /** The site runs WP GDPR Compliance: a required privacy checkbox under the fields. */
  readonly privacyConsent?: boolean;
}

/** WP GDPR Compliance's checkbox, as the plugin adds it to WordPress's comment form. */
export const PRIVACY_CHECKBOX =
  '<p class="wpgdprc-checkbox comment-form-wpgdprc"><input type="checkbox" name="wpgdprc" id="wpgdprc" value="1" required /><label for="wpgdprc">By using this form you agree with the storage and handling of your data by this website. <abbr class="wpgdprc-required" title="You need to accept this checkbox">*</abbr></label></p>';

export interface PostedComment {
  readonly id: number;
  readonly parent: number;
  readonly author: string;
  readonly email: string;
  readonly url: string;
  readonly content: string;
  readonly at: number;
  approved: boolean;
}

/** What the endpoint does with the next post instead of answering it. */
export type Misbehaviour = 'none' | 'store-then-cut' | 'store-then-hang';

export class WordPressSite {
  readonly comments: PostedComment[] = [];
  /** Every form posted to the endpoint, in order. */
  readonly posts: URLSearchParams[] = [];
  misbehaviour: Misbehaviour = 'none';
  /** False: the post's page shows no comment form, as WordPress shows closed comments. */
  commentsOpen = true;
  private nextId = 1;
  private postWaiters: (() => void)[] = [];

  private constructor(
    readonly server: TestServer,
    private readonly options: WordPressOptions,
  ) {}

  /** `host`: the loopback address to listen on (a test file's own, so files running at once never share a port's neighbours). */
  static async start(options: WordPressOptions = {}, host?: string): Promise<WordPressSite> {
    const site = new WordPressSite(await TestServer.start(host), options);
    site.install();
    return site;
  }

  get postUrl(): string {
    return this.server.url(POST_PATH);
  }

  get feedUrl(): string {
    return this.server.url('/feed/');
  }

  get commentFeedUrl(): string {
    return this.server.url(`${POST_PATH}feed/`);
  }

  /** A comment as if posted from a browser, approved. */
  addComment(fields: { author: string; content: string; parent?: number; at?: number }): PostedComment {
    return this.store({ author: fields.author, email: `${fields.author.toLowerCase().replace(/\W+/g, '.')}@example.net`, url: '', content: fields.content, parent: fields.parent ?? 0, approved: true, at: fields.at });
  }

  approve(id: number): void {
    const comment = this.comments.find((c) => c.id === id);
    if (comment) comment.approved = true;
  }

  /** Resolves when the endpoint has received (and handled) its next post. */
  nextPost(): Promise<void> {
    return new Promise((resolve) => this.postWaiters.push(resolve));
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private install(): void {
    const origin = this.server.origin;
    this.server.route(POST_PATH, (req, res) => sendStatic(req, res, { body: this.page(), type: 'text/html; charset=UTF-8' }));
    this.server.route('/feed/', (req, res) =>
      sendStatic(req, res, { body: this.siteFeed(), type: 'application/rss+xml; charset=UTF-8', etag: true }),
    );
    this.server.route(`${POST_PATH}feed/`, (req, res) =>
      sendStatic(req, res, { body: this.commentFeed(origin), type: 'application/rss+xml; charset=UTF-8', etag: true }),
    );
    this.server.route(COMMENT_ENDPOINT, (req, res) => this.receive(req, res));
  }

  private page(): string {
    const seed = fixtureText('seed/article.html', this.server.origin);
    const consenting = this.options.privacyConsent ? seed.replace('<p class="form-submit">', `${PRIVACY_CHECKBOX}<p class="form-submit">`) : seed;
    const html = (this.options.editPage ?? ((page: string) => page))(antispamBeeForm(consenting, this.options.antispamBee));
    const open = this.commentsOpen ? html : html.replace(/<form action="[^"]*wp-comments-post\.php"[\s\S]*?<\/form>/, '<p class="no-comments">Comments are closed.</p>');
    if (this.options.pageMarksRequired !== false) return open;
    return open.replace(/ required>/g, '>').replace(/ <span class="required">\*<\/span>/g, '');
  }

  private siteFeed(): string {
    const approved = this.comments.filter((c) => c.approved).length;
    return fixtureText('seed/feed.xml', this.server.origin).replace('<slash:comments>0</slash:comments>', `<slash:comments>${approved}</slash:comments>`);
  }

  private commentFeed(origin: string): string {
    const approved = this.comments.filter((c) => c.approved).sort((a, b) => b.at - a.at || b.id - a.id);
    const items = approved.slice(0, COMMENT_FEED_ITEMS).map((comment) => {
      const parent = this.comments.find((c) => c.id === comment.parent);
      const lead = parent ? `<p>In reply to <a href="${this.postUrl}#comment-${parent.id}">${escapeXml(parent.author)}</a>.</p>\n` : '';
      return `	<item>
		<title>By: ${escapeXml(comment.author)}</title>
		<link>${this.postUrl}#comment-${comment.id}</link>
		<dc:creator><![CDATA[${comment.author}]]></dc:creator>
		<pubDate>${new Date(comment.at).toUTCString()}</pubDate>
		<guid isPermaLink="false">${origin}/?p=${POST_ID}#comment-${comment.id}</guid>
		<description><![CDATA[${comment.content}]]></description>
		<content:encoded><![CDATA[${lead}<p>${comment.content.replace(/\n\n/g, '</p>\n<p>')}</p>
]]></content:encoded>
	</item>`;
    });
    return fixtureText('seed/comments-feed.xml', origin).replace(
      '<rss version="2.0"',
      '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ).replace('</channel>', `${items.join('\n')}\n</channel>`);
  }

  private async receive(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const form = new URLSearchParams(raw);
    this.posts.push(form);
    try {
      this.answer(req, res, form);
    } finally {
      for (const resolve of this.postWaiters.splice(0)) resolve();
    }
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, form: URLSearchParams): void {
    if (req.method !== 'POST') return wpDie(res, 405, 'Comment Submission Failure', '<strong>Error:</strong> Comments are posted.');
    const field = (name: string) => (form.get(name) ?? '').trim();
    const [author, email, url] = [field('author'), field('email'), field('url')];
    const secret = this.options.antispamBee;
    const spam = secret !== undefined && (field('comment') !== '' || field(secret) === '');
    const content = secret !== undefined && !spam ? field(secret) : field('comment');
    if (field('comment_post_ID') !== POST_ID) return wpDie(res, 404, 'Comment Submission Failure', '<strong>Error:</strong> Invalid post.');
    if (author === '' || email === '') return wpDie(res, 200, 'Comment Submission Failure', '<strong>Error:</strong> Please fill the required fields.');
    if (!email.includes('@')) return wpDie(res, 200, 'Comment Submission Failure', '<strong>Error:</strong> Please enter a valid email address.');
    if (content === '') return wpDie(res, 200, 'Comment Submission Failure', '<strong>Error:</strong> Please type your comment text.');
    if (this.options.privacyConsent && field('wpgdprc') !== '1') return wpDie(res, 200, 'Comment Submission Failure', '<strong>Error</strong>: Please accept the privacy checkbox.');
    const parent = Number(field('comment_parent') || '0');
    if (this.comments.some((c) => c.parent === parent && (c.author === author || c.email === email) && c.content === content)) {
      return wpDie(res, 409, 'Comment Submission Failure', 'Duplicate comment detected; it looks as though you&#8217;ve already said that!');
    }
    const last = this.comments.at(-1);
    const flood = this.options.floodIntervalMs ?? 0;
    if (flood > 0 && last && Date.now() - last.at < flood) {
      // WordPress itself says no Retry-After; a caching proxy or a plugin in front of it may.
      const retryAfter = this.options.floodRetryAfter ? Math.ceil((flood - (Date.now() - last.at)) / 1000) : null;
      return wpDie(res, 429, 'Comment Submission Failure', 'You are posting comments too quickly. Slow down.', retryAfter);
    }
    const held = !spam && (author === 'New Commenter' || /https?:\/\//.test(content));
    const comment = this.store({ author, email, url, content, parent, approved: !held && !spam });
    if (this.misbehaviour === 'store-then-cut') {
      res.socket?.destroy();
      return;
    }
    if (this.misbehaviour === 'store-then-hang') return;
    const hash = createHash('sha1').update(`${comment.id}${email}`).digest('hex').slice(0, 12);
    const location = held ? `${this.postUrl}?unapproved=${comment.id}&moderation-hash=${hash}#comment-${comment.id}` : `${this.postUrl}#comment-${comment.id}`;
    res.writeHead(302, { location, 'content-type': 'text/html; charset=UTF-8' });
    res.end();
  }

  private store(fields: Omit<PostedComment, 'id' | 'at'> & { at?: number }): PostedComment {
    const comment: PostedComment = { ...fields, id: this.nextId++, at: fields.at ?? Date.now() };
    this.comments.push(comment);
    return comment;
  }
}

/** The seed form as Antispam Bee rewrites it: the textarea people see takes the secret name (and,
 *  by script, the id), and a trap named `comment` follows it, hidden from people. */
function antispamBeeForm(html: string, secret: string | undefined): string {
  if (secret === undefined) return html;
  const textarea = '<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea>';
  return html.replace(
    textarea,
    `<textarea autocomplete="new-password"  id="${secret}"  name="${secret}"   cols="45" rows="8" maxlength="65525" required></textarea>` +
      '<textarea id="comment" aria-label="hp-comment" aria-hidden="true" name="comment" autocomplete="new-password" style="padding:0 !important;clip:rect(1px, 1px, 1px, 1px) !important;position:absolute !important;white-space:nowrap !important;height:1px !important;width:1px !important;overflow:hidden !important;" tabindex="-1"></textarea>' +
      `<script data-noptimize>document.getElementById("comment").setAttribute( "id", "a5f0e2c81d47b3a96e0c2d4f18b7a3e5" );document.getElementById("${secret}").setAttribute( "id", "comment" );</script>`,
  );
}

/** WordPress's wp_die() page, as it answers a refused comment. */
function wpDie(res: http.ServerResponse, status: number, title: string, message: string, retryAfterSeconds: number | null = null): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...(retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) }) });
  res.end(`<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width">
	<title>${title}</title>
	<style type="text/css">html { background: #f1f1f1; } body { background: #fff; } #error-page p { font-size: 14px; }</style>
</head>
<body id="error-page">
	<div class="wp-die-message"><p>${message}</p></div>
	<p><a href='javascript:history.back()'>&laquo; Back</a></p>
</body>
</html>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
