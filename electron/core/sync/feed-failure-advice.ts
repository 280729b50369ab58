// What the person can do about a subscribed feed that could not be fetched, said in the feed list
// after what happened (errors.ts words that: "connection refused", "HTTP 404 Not Found"). What
// happened alone left them to guess whether to wait, look for a new address or tell the site. Each
// cause a feed meets has one thing worth saying:
// - the site down, slow, failing (a refused connection, no answer, a 5xx): nothing to do, the next
//   sync tries again, and the feed's articles stay;
// - a name that no longer resolves: the computer offline, or the site's domain lapsed;
// - 401: a private feed wants a login (HTTP Basic, given in the address as feed readers take it),
//   or no longer takes the one the address holds (a changed password);
// - 403: a firewall that lets only browsers in, or a feed for members;
// - 404, 410, redirects that lead nowhere: the feed moved or went (a new CMS, a new theme): the
//   site's own pages link the new one, and adding the site's address finds it.
// A refused certificate says its own (errors.ts: it holds for pages and pictures too), and the
// waits a server asked for have their own words (feed-sync.ts). Advice follows a colon, never a
// semicolon: the failure list shows a reason up to its first semicolon (renderer's sync-failures.ts),
// and at most 160 characters of it, so each is short.
import type { HttpError } from '../http';

const NEXT_SYNC = 'Paperboy tries again at the next sync';

/** Advice by Node's error code, for a request that met it or was skipped for its host having met it. */
const CODE_ADVICE: Readonly<Record<string, string>> = {
  ECONNREFUSED: `the site may be down, and ${NEXT_SYNC}`,
  ENOTFOUND: "if this computer is online, the site's name may have lapsed (open its address in a browser to check)",
  EHOSTUNREACH: `the site's server or the network on the way is down, and ${NEXT_SYNC}`,
  EHOSTDOWN: `the site's server is down, and ${NEXT_SYNC}`,
  ENETUNREACH: `this computer's network may be down, and ${NEXT_SYNC}`,
  ENETDOWN: `this computer's network may be down, and ${NEXT_SYNC}`,
  ECONNRESET: `the site may be overloaded, and ${NEXT_SYNC}`,
  EPIPE: `the site may be overloaded, and ${NEXT_SYNC}`,
  ECONNABORTED: `the site may be overloaded, and ${NEXT_SYNC}`,
};

const NO_ANSWER = `the site may be overloaded or down, and ${NEXT_SYNC}`;
const MOVED = "the site's redirects lead nowhere: if the site works in a browser, add its address again to find the feed";

/** The advice for a feed's failed fetch, or null when what happened says it all (or nothing helps). */
export function feedFailureAdvice(error: HttpError, feedUrl: string): string | null {
  switch (error.kind) {
    case 'http-status':
      return error.status === null ? null : statusAdvice(error.status, feedUrl);
    case 'network':
    case 'unreachable':
      // A host given up on for its timeouts carries no code: it did not answer.
      return error.errorCode !== null ? (CODE_ADVICE[error.errorCode] ?? null) : error.kind === 'unreachable' ? NO_ANSWER : null;
    case 'connect-timeout':
    case 'no-response':
    case 'timeout':
      return NO_ANSWER;
    case 'too-many-redirects':
    case 'redirect-loop':
      return MOVED;
    default:
      return null;
  }
}

function statusAdvice(status: number, feedUrl: string): string | null {
  if (status === 401) {
    return hasLogin(feedUrl)
      ? 'the site did not accept the name and password in the address: subscribe again with the ones it takes now'
      // Not as an address: the feed list shows every address's password as *** (address-login.ts).
      : 'the feed needs a login: with an account there, subscribe again with your name and password in the address, as name:password@ before its host';
  }
  if (status === 403) {
    return "the site refuses this feed reader: if the feed is for members, subscribe again with your name and password in the address, else ask the site's owner to let feed readers through";
  }
  if (status === 404) return "the feed is no longer at this address: add the site's address to find where it is now";
  if (status === 410) return "the site says it removed the feed: add the site's address to find a new one, if it has one";
  // Without a Retry-After (with one, the feed waits: feed-sync.ts).
  if (status === 429) return `the site wants fewer requests, and ${NEXT_SYNC}`;
  if (status >= 500 && status <= 599) return `a fault on the site's side, and ${NEXT_SYNC}`;
  return null;
}

function hasLogin(address: string): boolean {
  try {
    return new URL(address).username !== '';
  } catch {
    return false;
  }
}
