// What a comment endpoint's answer means, after WordPress's wp-comments-post.php:
//   302 to the post's #comment-N             taken as comment N: sent, if the thread shows it (a
//                                            comment held without an email gets this link too)
//   302 with ?unapproved=N&moderation-hash   held for moderation (the link shows it to its author)
//   302 to another page of the site          taken (a plugin's thank-you page): the thread tells
//                                            whether it shows or is held; a login page refuses
//   409                                      the same comment was already posted: a duplicate
//   429                                      comments too fast (the flood check): try again later
//   200 (or 403...) with wp_die()'s page     refused, with the site's reason in its first <p>
//   200 with nothing in it                   refused without a word: WordPress exits so when the
//                                            post is gone (deleted, in the trash, unpublished)
//   503 with wp_die()'s page                 down for maintenance (.maintenance): WordPress stops
//                                            before it reads the post, so nothing was stored
//   no answer, 5xx, a dropped connection     unknown: the comment may or may not have got through
//   no connection at all                     not sent
// Every refusal quotes the site's own words from its error page (WordPress says exactly why:
// "Sorry, comments are closed for this item.") and adds Paperboy's short explanation.
import { htmlToPlainText } from '../articles';
import { HttpError, type FetchResponse } from '../http';
import { errorMessage } from '../../../shared/error-message';

export type PostVerdict =
  | { readonly kind: 'sent' | 'held'; readonly commentUrl: string | null; readonly message: string }
  /** siteWords: the refusal's own words, when its page had them. */
  | { readonly kind: 'duplicate'; readonly message: string; readonly siteWords: string | null }
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
  const page = response.body.toString('utf8');
  const reason = wordPressErrorMessage(page);
  if (reason) return { kind: 'rejected', message: siteSaid(reason, 'It did not take the comment.') };
  if (page.trim() === '') return { kind: 'rejected', message: SILENT_REFUSAL };
  return { kind: 'rejected', message: 'The site answered with a page instead of taking the comment; open the article in the browser to see why.' };
}

// wp-comments-post.php ends with an empty page, and stores nothing, when the post is not one that
// takes comments any more: deleted, in the trash, or no longer published.
const SILENT_REFUSAL =
  'The site took nothing and said nothing, as WordPress does when the article is no longer published (deleted, in the trash or unpublished). Open the article in the browser to see.';

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
    const page = error.body?.toString('utf8') ?? '';
    const words = wordPressErrorMessage(page);
    const said = (explanation: string, fallback: string) => (words ? siteSaid(words, explanation) : fallback);
    if (error.status === 409) {
      return { kind: 'duplicate', message: said('It already has this comment.', 'The site already had this comment (it refused a duplicate).'), siteWords: words };
    }
    if (error.status === 429) {
      // Nothing sends it by itself: the person does, once the site's flood check lets them.
      const again = `Nothing was posted: press Send again ${error.retryAfterMs ? `in ${duration(error.retryAfterMs)}` : 'in a few seconds'}, or “Send all queued” in Drafts, which waits for the site.`;
      return {
        kind: 'too-fast',
        message: said(`Comments are coming too fast for it. ${again}`, `The site says comments are coming too fast. ${again}`),
        retryAfterMs: error.retryAfterMs,
      };
    }
    if (error.status === 503 && words !== null && isWordPressErrorPage(page)) {
      // WordPress's maintenance stop (wp_maintenance()) comes before it reads the post: nothing was stored.
      const when = error.retryAfterMs ? `in ${duration(error.retryAfterMs)}, the wait it asked for` : 'once the site is back';
      return { kind: 'unreachable', message: siteSaid(words, `It did not take the comment. The draft stays queued: press Send again ${when}.`), mayHavePosted: false };
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

/** WordPress's own error page (wp_die()), not a proxy's or a host's page that happens to say something. */
function isWordPressErrorPage(html: string): boolean {
  return /<body\b[^>]*\bid=["']error-page["']/i.test(html);
}

/** A wait in words: "40 seconds", "10 minutes", "2 hours". */
function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.round(minutes / 60)} hours`;
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
