import { describe, expect, it } from 'vitest';
import { verdictOfError, verdictOfResponse, wordPressErrorMessage } from '../../electron/core/comments/post-outcome';
import { HttpError } from '../../electron/core/http';

const ACTION = 'https://brief.example/wp-comments-post.php';
const POST = 'https://brief.example/2022/01/13/nato/';

function redirect(location: string) {
  return verdictOfResponse({ status: 302, headers: { location }, body: Buffer.alloc(0) }, ACTION, POST);
}

describe('verdictOfResponse', () => {
  it('reads the redirect: #comment-N is sent, unapproved= is held, the bare post is held, elsewhere is refused', () => {
    expect(redirect(`${POST}#comment-7`)).toMatchObject({ kind: 'sent', commentUrl: `${POST}#comment-7` });
    expect(redirect('/2022/01/13/nato/?unapproved=8&moderation-hash=ab12#comment-8')).toMatchObject({ kind: 'held', commentUrl: `${POST}?unapproved=8&moderation-hash=ab12#comment-8` });
    expect(redirect(POST)).toMatchObject({ kind: 'held', commentUrl: null });
    expect(redirect('https://brief.example/wp-login.php?redirect_to=x')).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/wp-login\.php/) });
  });
});

describe('wordPressErrorMessage', () => {
  it("finds the reason on WordPress 5+ and older wp_die pages, and nothing on other pages", () => {
    const modern = `<body id="error-page">\n\t<div class="wp-die-message"><p><strong>Error:</strong> Please type your comment text.</p></div>\n\t<p><a href='javascript:history.back()'>&laquo; Back</a></p></body>`;
    const old = `<html><head><title>WordPress &rsaquo; Error</title></head><body id="error-page"><p><strong>ERROR</strong>: please fill the required fields (name, email).</p><p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`;
    expect(wordPressErrorMessage(modern)).toBe('Error: Please type your comment text.');
    expect(wordPressErrorMessage(old)).toBe('ERROR: please fill the required fields (name, email).');
    expect(wordPressErrorMessage('<html><body><div>Thanks!</div></body></html>')).toBeNull();
  });
});

describe('verdictOfError', () => {
  it('tells duplicate, too fast and refused from a post that may or may not have got through', () => {
    const status = (code: number) => new HttpError('http-status', `HTTP ${code}`, ACTION, code);
    expect(verdictOfError(status(409)).kind).toBe('duplicate');
    expect(verdictOfError(status(429)).kind).toBe('too-fast');
    expect(verdictOfError(status(403))).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/closed/) });
    expect(verdictOfError(status(404)).kind).toBe('rejected');
    expect(verdictOfError(status(503)).kind).toBe('unreachable');
    // With the error page, the site's own words come first.
    const closedPage = Buffer.from('<body id="error-page"><div class="wp-die-message">Sorry, comments are closed for this item.</div></body>');
    expect(verdictOfError(new HttpError('http-status', 'HTTP 403 Forbidden', ACTION, 403, null, null, closedPage)).message).toBe(
      'The site said: “Sorry, comments are closed for this item.” (HTTP 403: it refused the comment.)',
    );
    expect(verdictOfError(new HttpError('timeout', 'no answer within 30 s', ACTION))).toMatchObject({ kind: 'unreachable', message: 'Not sent yet: no answer within 30 s. It stays queued.' });
  });
});
