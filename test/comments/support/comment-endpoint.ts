// The test WordPress site's /wp-comments-post.php answering as some real sites do, in place of its
// own. It stores comments in the site (its feed and thread show the approved ones) and records
// every post in site.posts, as the site's own endpoint does.
//   'published'        the comment approved: 302 to POST#comment-N
//   'held-no-email'    email optional, a first comment held for moderation (WordPress's default):
//                      302 to POST#comment-N all the same, since WordPress adds
//                      ?unapproved=N&moderation-hash=... only for a comment with an email
//   'thank-you'        Yoast Comment Hacks' first-comment redirect: the comment approved, then
//                      302 to /thank-you-for-your-comment/ (x-redirect-by: WordPress)
//   'thank-you-held'   the same redirect, the comment held for moderation
//   'gateway-timeout'  nginx in front of a slow PHP: WordPress stored the comment (approved), but
//                      nginx had given up and answered 504 Gateway Time-out
//   'bad-gateway'      PHP down: nginx answers 502 Bad Gateway, nothing stored
// As WordPress does, the same text from the same person in the same thread is refused (409).
import type http from 'node:http';
import { POST_PATH, type WordPressSite } from '../../support/wordpress';

export type EndpointMode = 'published' | 'held-no-email' | 'thank-you' | 'thank-you-held' | 'gateway-timeout' | 'bad-gateway';

export const THANK_YOU_PATH = '/thank-you-for-your-comment/';

const NGINX_PAGE = (status: string) =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export class CommentEndpoint {
  private constructor(
    private readonly site: WordPressSite,
    public mode: EndpointMode,
  ) {}

  static install(site: WordPressSite, mode: EndpointMode): CommentEndpoint {
    const endpoint = new CommentEndpoint(site, mode);
    site.server.route('/wp-comments-post.php', (req, res) => endpoint.receive(req, res));
    site.server.route(THANK_YOU_PATH, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      res.end('<!DOCTYPE html><html lang="en-US"><head><title>Thank you for your comment</title></head><body><h1>Thank you for your comment</h1><p>Your comment is in. Thanks for joining the conversation!</p></body></html>');
    });
    return endpoint;
  }

  private async receive(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const form = new URLSearchParams(raw);
    this.site.posts.push(form);
    if (this.mode === 'bad-gateway') return nginx(res, 502, '502 Bad Gateway');
    const field = (name: string) => (form.get(name) ?? '').trim();
    const [author, content, parent] = [field('author'), field('comment'), Number(field('comment_parent') || '0')];
    if (this.site.comments.some((c) => c.parent === parent && c.author === author && c.content === content)) {
      res.writeHead(409, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<body id="error-page"><div class="wp-die-message"><p>Duplicate comment detected; it looks as though you&#8217;ve already said that!</p></div></body>');
      return;
    }
    const comment = this.site.addComment({ author, content, parent });
    comment.approved = this.mode !== 'held-no-email' && this.mode !== 'thank-you-held';
    if (this.mode === 'gateway-timeout') return nginx(res, 504, '504 Gateway Time-out');
    const thanks = this.mode === 'thank-you' || this.mode === 'thank-you-held';
    res.writeHead(302, {
      location: thanks ? this.site.server.url(THANK_YOU_PATH) : `${this.site.server.url(POST_PATH)}#comment-${comment.id}`,
      'x-redirect-by': 'WordPress',
      'content-type': 'text/html; charset=UTF-8',
    });
    res.end();
  }
}

function nginx(res: http.ServerResponse, status: number, title: string): void {
  res.writeHead(status, { server: 'nginx', 'content-type': 'text/html' });
  res.end(NGINX_PAGE(title));
}
