// A hotel's, a plane's or a train's Wi-Fi before its sign-in: every http request is answered by
// the network's login page (a 200 page, or a redirect to the portal's host), and https fails with
// the portal's certificate. A sync there would mark every feed failed, or worse, store the
// login page. The portal's mark is that many different sites answer the same thing, so a sync
// watches its first answers until one comes back clean (a feed that is a feed, any 2xx or 304
// that is not a page from elsewhere), which ends the watch for the rest of the sync at no cost. Until
// then an answer that looks like the portal's is held back, unread by the sync, until the
// watch knows:
// - a 511 (Network Authentication Required, RFC 6585), the status portals are asked to send;
// - the same mark from three different sites: a redirect ending on a page of the same host, a
//   certificate naming the same host, the same page (title, address) answered for a feed; or
//   from two, once every request started has answered so (a sync of two feeds);
// - one site whose redirect to another host's page carries the address asked for (portals send
//   "?url=http://..." to come back after the sign-in), once every request has answered so.
// Anything else releases what was held, as it came: a feed that moved its readers to a page is
// judged by the sync as before.
//
// A computer with no network at all (a plane without Wi-Fi, a cable out) is told the same way:
// every name fails to resolve (EAI_AGAIN where no DNS server can be reached; macOS says ENOTFOUND)
// or every route is missing (ENETUNREACH, ENETDOWN). Its mark is one, 'offline', and it decides
// only once every request started has failed so, from three sites or more: a few feeds whose
// domains lapsed fail as their own, while an answer from anywhere ends the watch.
import { HttpError, siteOfHost, type FetchRequest, type FetchResponse } from '../http';

/** Different sites answering with one mark that make it the network's, not theirs. */
const SITES_FOR_SURE = 3;
/** The mark of a request that met no network: its host's name or its route missing. */
const OFFLINE = 'offline';
/** Node's codes for a lookup or a connection that found no network to go through. */
const NO_NETWORK = new Set(['EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'ENETDOWN']);

/** What the watch found the network to be, when it stops the sync. */
export type NetworkVerdict = 'portal' | 'offline';
/** The longest an answer is held back (a request still in flight on a black hole leaves the rest undecided). */
const HOLD_MS = 5_000;

interface Held {
  readonly site: string;
  readonly marks: readonly string[];
  /** The redirect carried the address asked for. */
  readonly strong: boolean;
  readonly release: () => void;
  readonly cancel: () => void;
}

type Look = { readonly kind: 'clean' } | { readonly kind: 'neutral' } | { readonly kind: 'portal' } | { readonly kind: 'mark'; readonly marks: readonly string[]; readonly strong: boolean };

export class NetworkWatch {
  private watching = true;
  private inFlight = 0;
  private held: Held[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly onVerdict: (verdict: NetworkVerdict) => void) {}

  /** The answer as the sync should see it: held while it may be the portal's, cancelled when it is. */
  watch(request: FetchRequest, answer: Promise<FetchResponse>): Promise<FetchResponse> {
    if (!this.watching) return answer;
    this.inFlight++;
    return answer.then(
      (response) => this.judged(request, lookOfResponse(request, response), () => response),
      (error: unknown) => this.judged(request, lookOfError(error), () => {
        throw error;
      }),
    );
  }

  private judged(request: FetchRequest, look: Look, give: () => FetchResponse): Promise<FetchResponse> {
    this.inFlight--;
    if (!this.watching) return Promise.resolve().then(give);
    if (look.kind === 'portal') {
      this.found('portal');
      return Promise.reject(cancelledFetch(request));
    }
    if (look.kind === 'clean') this.stopWatching();
    if (look.kind !== 'mark') {
      this.decide();
      return Promise.resolve().then(give);
    }
    return new Promise<FetchResponse>((resolve, reject) => {
      // Cancelled by the person while held: it ends now, not when the watch does.
      request.signal?.addEventListener('abort', () => reject(cancelledFetch(request)), { once: true });
      this.held.push({
        site: siteOf(request.url), marks: look.marks, strong: look.strong,
        release: () => {
          try {
            resolve(give());
          } catch (error) {
            reject(error as Error);
          }
        },
        cancel: () => reject(cancelledFetch(request)),
      });
      this.timer ??= setTimeout(() => this.stopWatching(), HOLD_MS);
      this.decide();
    });
  }

  /**
   * Whether what is held is the portal's (sure from three sites, or from what is there once nothing
   * else is awaited), or no network's (every request failed so, from three sites).
   */
  private decide(): void {
    if (!this.watching || this.held.length === 0) return;
    const sites = new Map<string, Set<string>>();
    for (const { site, marks } of this.held) for (const mark of marks) sites.set(mark, (sites.get(mark) ?? new Set()).add(site));
    const settled = this.inFlight === 0;
    const offlineSites = sites.get(OFFLINE)?.size ?? 0;
    sites.delete(OFFLINE);
    const most = Math.max(0, ...[...sites.values()].map((set) => set.size));
    if (most >= SITES_FOR_SURE || (settled && (most >= 2 || this.held.some((held) => held.strong)))) this.found('portal');
    else if (settled && offlineSites >= SITES_FOR_SURE && offlineSites === new Set(this.held.map((held) => held.site)).size) this.found('offline');
    else if (settled) this.stopWatching();
  }

  private found(verdict: NetworkVerdict): void {
    const held = this.held;
    this.end();
    this.onVerdict(verdict);
    for (const one of held) one.cancel();
  }

  /** No portal: what was held goes on as it came, and nothing more is watched. */
  private stopWatching(): void {
    const held = this.held;
    this.end();
    for (const one of held) one.release();
  }

  private end(): void {
    this.watching = false;
    this.held = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function cancelledFetch(request: FetchRequest): HttpError {
  return new HttpError('aborted', 'cancelled', request.url);
}

function lookOfResponse(request: FetchRequest, response: FetchResponse): Look {
  if (response.status === 511) return { kind: 'portal' };
  const asked = new URL(request.url);
  // A portal can answer only plain http for another host; https meets its certificate (lookOfError).
  // An https feed sent to a sign-in elsewhere (a company's single sign-on) is the feed's own affair.
  const html = asked.protocol === 'http:' && /html/i.test(response.contentType ?? '');
  const landed = new URL(response.url);
  if (html && response.redirects.length > 0 && siteOf(landed.href) !== siteOf(asked.href)) {
    // Portals keep the address asked for in the login page's to come back to it: encoded or not.
    const strong = landed.search.includes(asked.hostname) || landed.search.includes(encodeURIComponent(asked.hostname));
    return { kind: 'mark', marks: [`host ${landed.hostname}`], strong };
  }
  if (request.purpose === 'feed' && html && response.redirects.length === 0 && response.status >= 200 && response.status < 300) {
    return { kind: 'mark', marks: [`page ${response.servedBy?.address ?? ''} ${titleOf(response)}`], strong: false };
  }
  return (response.status >= 200 && response.status < 300) || response.notModified ? { kind: 'clean' } : { kind: 'neutral' };
}

/** An https address answered with a certificate for another host: the hosts it names are the mark. A
 *  request that found no network: its own mark. */
function lookOfError(error: unknown): Look {
  if (!(error instanceof HttpError)) return { kind: 'neutral' };
  if (error.errorCode !== null && NO_NETWORK.has(error.errorCode)) return { kind: 'mark', marks: [OFFLINE], strong: false };
  if (error.errorCode !== 'ERR_TLS_CERT_ALTNAME_INVALID') return { kind: 'neutral' };
  const names = /it is for ([^)]*)\)/.exec(error.message)?.[1]?.replace(/ and \d+ more$/, '').split(', ') ?? [];
  return names.length > 0 ? { kind: 'mark', marks: names.map((name) => `host ${name}`), strong: false } : { kind: 'neutral' };
}

/** The page's title from its first bytes (a body still compressed has none to read). */
function titleOf(response: FetchResponse): string {
  if (response.encoding) return '';
  return /<title[^>]*>([^<]{0,200})/i.exec(response.body.subarray(0, 4096).toString('latin1'))?.[1]?.trim() ?? '';
}

/** The site of an address (news.example.org and www.example.org are one, whose feeds may share a page). */
function siteOf(href: string): string {
  try {
    return siteOfHost(new URL(href).hostname);
  } catch {
    return href;
  }
}
