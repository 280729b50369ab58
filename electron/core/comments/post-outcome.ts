// What a comment endpoint's answer means, after WordPress's wp-comments-post.php:
//   302 to the post's #comment-N             taken as comment N: sent, if the thread shows it (a
//                                            comment held without an email gets this link too)
//   302 with ?unapproved=N&moderation-hash   held for moderation (the link shows it to its author)
//   302 to another page of the site          taken (a plugin's thank-you page): the thread tells
//                                            whether it shows or is held; a login page refuses
//   409                                      the same comment was already posted: a duplicate
//   429                                      comments too fast (the flood check): try again later
//   200 (or 403...) with wp_die()'s page     refused, with the site's reason in its first <p>
//   no answer, 5xx, a dropped connection     unknown: the comment may or may not have got through
//   no connection at all                     not sent
// Every refusal quotes the site's own words from its error page (WordPress says exactly why:
// "Sorry, comments are closed for this item.") and adds Paperboy's short explanation.
import { htmlToPlainText } from '../articles';
import { HttpError, type FetchResponse } from '../http';
import { errorMessage } from '../../../shared/error-message';

export type PostVerdict =
  | { readonly kind: 'sent' | 'held'; readonly commentUrl: string | null; readonly message: string }
  | { readonly kind: 'duplicate'; readonly message: string }
  | { readonly kind: 'rejected'; readonly message: string }
  /** mayHavePosted: the request may have reached the site (a 5xx, no answer), which may have stored it. */
  | { readonly kind: 'unreachable'; readonly message: string; readonly mayHavePosted: boolean }
  /** The site took the post and sent the browser to another of its pages: where the comment is, it does not say. */
  | { readonly kind: 'taken'; readonly page: string }
  /** retryAfterMs: the site's Retry-After, when it said one (WordPress does not). */
  | { readonly kind: 'too-fast'; readonly message: string; readonly retryAfterMs: number | null };

const MAX_MESSAGE = 500;

export function verdictOfResponse(response: Pick<FetchResponse, 'status' | 'headers' | 'body'>, action: string, articleUrl: string | null): PostVerdict {
  if (response.status >= 300 && response.status < 400) return verdictOfRedirect(response.headers.location, action, articleUrl);
  const reason = wordPressErrorMessage(response.body.toString('utf8'));
  return {
    kind: 'rejected',
    message: reason
      ? siteSaid(reason, 'It did not take the comment.')
      : 'The site answered with a page instead of taking the comment; open the article in the browser to see why.',
  };
}

/** The site's words, quoted, then ours. */
function siteSaid(words: string, explanation: string): string {
  return `The site said: “${words}” ${explanation}`;
}

function verdictOfRedirect(location: string | undefined, action: string, articleUrl: string | null): PostVerdict {
  let target: URL;
  try {
    target = new URL(location ?? '', action);
  } catch {
    return { kind: 'held', commentUrl: null, message: 'The site took the comment without saying where it shows; it may await moderation.' };
  }
  if (target.searchParams.has('unapproved')) {
    return { kind: 'held', commentUrl: target.href, message: 'Held for moderation: it shows once the site approves it.' };
  }
  if (/^#comment-\d+$/.test(target.hash)) return { kind: 'sent', commentUrl: target.href, message: 'Sent: the comment shows on the site.' };
  if (articleUrl !== null && samePage(target, articleUrl)) {
    return { kind: 'held', commentUrl: null, message: 'The site took the comment without saying where it shows; it may await moderation.' };
  }
  // WordPress refuses a post only with its error page; a redirect elsewhere on the site follows a
  // comment it took (Yoast Comment Hacks' thank-you page), unless it asks for a login first.
  if (target.origin === new URL(action).origin && !isLoginPage(target)) return { kind: 'taken', page: target.href };
  return { kind: 'rejected', message: `The site sent Paperboy to ${target.href} instead of taking the comment (it may want you to log in).` };
}

/** wp-login.php, a plugin's /login/ or /sign-in/ page, or any page asked to send the visitor back after it. */
function isLoginPage(target: URL): boolean {
  return /(?:^|[/_-])(?:wp-login\.php|log-?in|sign-?in)(?:$|[/._-])/i.test(target.pathname) || target.searchParams.has('redirect_to');
}

function samePage(target: URL, articleUrl: string): boolean {
  try {
    const article = new URL(articleUrl);
    return target.origin === article.origin && target.pathname === article.pathname;
  } catch {
    return false;
  }
}

export function verdictOfError(error: unknown): Exclude<PostVerdict, { readonly kind: 'taken' }> {
  if (error instanceof HttpError) {
    const words = error.body ? wordPressErrorMessage(error.body.toString('utf8')) : null;
    const said = (explanation: string, fallback: string) => (words ? siteSaid(words, explanation) : fallback);
    if (error.status === 409) {
      return { kind: 'duplicate', message: said('It already has this comment.', 'The site already had this comment (it refused a duplicate).') };
    }
    if (error.status === 429) {
      return {
        kind: 'too-fast',
        message: said('Comments are coming too fast for it; it waits to be sent again.', 'The site says comments are coming too fast; it waits to be sent again.'),
        retryAfterMs: error.retryAfterMs,
      };
    }
    if (error.status === 403) {
      return { kind: 'rejected', message: said(`(HTTP 403: it refused the comment.)`, 'The site refused the comment (HTTP 403): comments may be closed, or need an account.') };
    }
    if (error.status !== null && error.status < 500) {
      return { kind: 'rejected', message: said(`(${error.message}: it refused the comment.)`, `The site refused the comment (${error.message}).`) };
    }
    if (error.kind === 'invalid-url' || error.kind === 'unsupported-scheme') return { kind: 'rejected', message: `The comment form's address is not usable (${error.message}).` };
  }
  const reason = errorMessage(error);
  if (!mayHaveReachedSite(error)) return { kind: 'unreachable', message: `Not sent yet: ${reason}. It stays queued.`, mayHavePosted: false };
  return {
    kind: 'unreachable',
    message: `It may have been posted: ${reason}, and the site may have stored the comment before its answer was lost. It stays queued; Send looks for it on the site first and posts it only if it is not there.`,
    mayHavePosted: true,
  };
}

// Failures before the request could leave: no connection, no such host, a certificate refused.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

/** Whether the post may have got to the site: anything but a connection never made. */
function mayHaveReachedSite(error: unknown): boolean {
  if (!(error instanceof HttpError)) return true;
  if (error.kind === 'connect-timeout' || error.kind === 'unreachable' || error.kind === 'blocked') return false;
  if (error.kind !== 'network' || error.errorCode === null) return true;
  return !NOT_CONNECTED.has(error.errorCode) && !/CERT|^ERR_TLS_|^ERR_SSL_|^EPROTO$/.test(error.errorCode);
}

/**
 * The reason on a wp_die() page: WordPress 5+ puts it in div.wp-die-message, older versions in
 * the body's first paragraph. Null when the page is not one of those.
 */
export function wordPressErrorMessage(html: string): string | null {
  const body = /<body\b[^>]*>([\s\S]*)/i.exec(html)?.[1] ?? html;
  const block = /<div[^>]*class=["'][^"']*wp-die-message[^"']*["'][^>]*>([\s\S]*?)<\/div>/i.exec(body)?.[1] ?? /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(body)?.[0];
  if (!block) return null;
  const text = htmlToPlainText(block).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_MESSAGE);
}
