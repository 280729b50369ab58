// A network that can serve nothing of the sync: a proxy that does not answer or wants a login, a
// hotel's or a train's sign-in page answering for every site, no network at all (network-watch.ts). Every feed
// would fail with it, each with the same words, and each failure would count against the feed
// (its backoff, its articles' five tries). At the first sure sign the sync stops instead, as a
// cancel does, so what it had not finished is left as it was, and the person reads one sentence
// saying what to do.
import { setMaxListeners } from 'node:events';
import { HttpError, type FetchRequest, type HttpClient } from '../http';
import { NetworkWatch, type NetworkVerdict } from './network-watch';

/** What the person reads when the network wants them to sign in first. */
export const PORTAL_MESSAGE = 'This network asks you to sign in first (hotel or plane Wi-Fi?): open a browser, sign in, then sync again. Nothing was changed.';
/** What the person reads when no site could be reached at all. */
export const OFFLINE_MESSAGE = 'No site could be reached: this computer seems to be offline. Connect to a network, then sync again. Nothing was changed, and everything saved is here to read.';

const VERDICT_MESSAGES: Record<NetworkVerdict, string> = { portal: PORTAL_MESSAGE, offline: OFFLINE_MESSAGE };

export class NetworkStop {
  /** The sync's signal: the person's cancel, or this stop. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private why: string | null = null;
  private readonly watch = new NetworkWatch((verdict) => this.stop(VERDICT_MESSAGES[verdict]));

  constructor(cancel: AbortSignal) {
    this.signal = AbortSignal.any([cancel, this.controller.signal]);
    // Every request, queue and worker call of the sync listens on it, as on the cancel.
    setMaxListeners(0, this.signal);
  }

  /** What stopped the sync, in words for the person; null while it runs or when it ran through. */
  get reason(): string | null {
    return this.why;
  }

  stop(reason: string): void {
    if (this.why !== null || this.signal.aborted) return;
    this.why = reason;
    this.controller.abort();
  }

  /**
   * The client with its failures that speak for the whole network turned into the stop: the
   * fetch that met one ends as cancelled, as do all the others at once. Its first answers are
   * watched for a sign-in page's, and for no network's (network-watch.ts).
   */
  guard(http: HttpClient): HttpClient {
    const fetch = async (request: FetchRequest) => {
      try {
        return await this.watch.watch(request, http.fetch(request));
      } catch (error) {
        if (!(error instanceof HttpError) || error.kind !== 'proxy') throw error;
        this.stop(proxyStopMessage(error.message));
        throw new HttpError('aborted', 'cancelled', request.url);
      }
    };
    return { fetch, close: () => http.close(), contentScopes: () => http.contentScopes() };
  }
}

function proxyStopMessage(failure: string): string {
  return `${failure.charAt(0).toUpperCase()}${failure.slice(1)}, so the sync stopped: nothing it had not finished was changed. `
    + 'Check the proxy settings (or ask the network\'s administrator), then sync again.';
}
