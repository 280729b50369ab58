// A redirect chain that ends at a sign-in page: a members' post, a paywall that sends readers
// without a session to "/login?next=/2026/12/post" or WordPress's "wp-login.php?redirect_to=…".
// Read as the article, the login form became its copy. The client cannot sign in, so the person is
// told the site asks them to, and the article keeps the feed's text (sync/article-sync.ts). A feed
// that lands on a login page is told by the page itself (feeds/page-instead-of-feed.ts).
//
// The rule is the one such redirects share on the real web: the chain was sent on by a temporary
// redirect (a login is never a permanent move), the answer is a page (HTML), and the last part of
// its path names a sign-in (login, log-in, signin, sign_in, logon, wp-login.php, login.aspx, ...),
// or its host is one kept for signing in (login., signin., sso., auth., accounts.). A picture or a
// file that happens to sit under such a path is no page and never matches.

import type { FetchResponse } from './client';

const SIGN_IN_SEGMENT = /^(?:log[-_]?in|log[-_]?on|sign[-_]?in|wp-login\.php|(?:log[-_]?in|sign[-_]?in|log[-_]?on)\.(?:php|aspx?|jsp|html?|do|cgi))$/i;
const SIGN_IN_HOST = /^(?:login|signin|sso|auth|accounts)\./i;
const TEMPORARY = new Set([302, 303, 307]);

/** The sign-in page a redirected answer landed on, as host and path ("example.org/wp-login.php"); else null. */
export function signInPageOf(response: Pick<FetchResponse, 'url' | 'redirectStatuses' | 'contentType'>): string | null {
  const last = response.redirectStatuses.at(-1);
  if (last === undefined || !TEMPORARY.has(last) || !/html/i.test(response.contentType ?? '')) return null;
  const url = new URL(response.url);
  const segment = url.pathname.split('/').filter((part) => part !== '').at(-1) ?? '';
  return SIGN_IN_SEGMENT.test(segment) || SIGN_IN_HOST.test(url.hostname) ? `${url.host}${url.pathname}` : null;
}
