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

  it("takes a redirect to another page of the site (a plugin's thank-you page) for a comment taken, not a refusal", () => {
    expect(redirect('https://brief.example/thank-you-for-your-comment/')).toEqual({ kind: 'taken', page: 'https://brief.example/thank-you-for-your-comment/' });
    expect(redirect('/welcome/?first=1')).toMatchObject({ kind: 'taken' });
    // A login page, or another site, is still no comment taken.
    expect(redirect('https://brief.example/login/?redirect_to=%2F2022%2F01%2F13%2Fnato%2F')).toMatchObject({ kind: 'rejected' });
    expect(redirect('https://brief.example/my-account/sign-in/')).toMatchObject({ kind: 'rejected' });
    expect(redirect('https://accounts.example.net/thank-you/')).toMatchObject({ kind: 'rejected' });
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
  });

  it('says a post that may have reached the site (no answer, a 5xx, a dropped connection) may have been posted', () => {
    expect(verdictOfError(new HttpError('timeout', 'no answer within 30 s', ACTION))).toEqual({
      kind: 'unreachable',
      message: 'It may have been posted: no answer within 30 s, and the site may have stored the comment before its answer was lost. It stays queued; Send looks for it on the site first and posts it only if it is not there.',
      mayHavePosted: true,
    });
    expect(verdictOfError(new HttpError('http-status', 'HTTP 504 Gateway Timeout', ACTION, 504))).toMatchObject({ mayHavePosted: true, message: expect.stringMatching(/^It may have been posted: HTTP 504/) });
    expect(verdictOfError(new HttpError('network', 'connection reset by the server', ACTION, null, null, 'ECONNRESET'))).toMatchObject({ mayHavePosted: true });
    // No connection was made: nothing can have been stored.
    expect(verdictOfError(new HttpError('network', 'connection refused', ACTION, null, null, 'ECONNREFUSED'))).toEqual({
      kind: 'unreachable', message: 'Not sent yet: connection refused. It stays queued.', mayHavePosted: false,
    });
    expect(verdictOfError(new HttpError('connect-timeout', 'no connection within 10 s', ACTION))).toMatchObject({ mayHavePosted: false, message: expect.stringMatching(/^Not sent yet/) });
  });
});
