// What Add feed fetched in the last few minutes, kept by the core so that subscribing to a feed
// picked from the list it offered (feed-choice.ts: each candidate is fetched and parsed to be
// described) reads the bytes fetched for that description rather than asking the site again: a
// choice costs one request per feed, as it would have without one. The app's dialog and
// `paperboy add` pick by a second addFeed call, a moment after the first.
//
// Only for a few minutes (a feed read long ago may have new items), and never across the network
// policy (http/network-scope.ts): content that may reach only the public internet ('public') is
// never served an answer fetched under a wider scope (an intranet page's links, a typed address).
// The address the person picks is served whatever its description was fetched under: those bytes
// were fetched for them, from the page they typed, to be picked from.
import type { FetchText } from '../feeds';
import type { FetchScope } from '../http';

type Answer = Awaited<ReturnType<FetchText>>;
type Kind = Parameters<FetchText>[1];

/** How long an answer is reused: long enough to read a list and pick, short enough to stay news. */
export const FRESH_FOR_MS = 5 * 60_000;
/** Answers kept at most (a news site's page may name a feed per section); the oldest go first. */
const MOST_ANSWERS = 40;
/** Characters kept at most over all answers: a few feeds near the 20 MB a feed may have must not
 *  hold the app's memory for minutes. An answer larger than this alone is not kept. */
const MOST_CHARACTERS = 16 * 1024 * 1024;

interface Kept {
  readonly at: number;
  readonly kind: Kind;
  readonly scope: FetchScope;
  readonly answer: Answer;
}

export class RecentAnswers {
  private readonly kept = new Map<string, Kept>();
  private characters = 0;

  constructor(private readonly now: () => number) {}

  /**
   * The answer fetched for this address lately, when it serves this fetch: fresh, within the
   * fetch's scope (above), and read as a feed (the larger limit) unless a page is asked for.
   */
  get(url: string, kind: Kind, scope: FetchScope): Answer | null {
    const kept = this.kept.get(url);
    if (!kept) return null;
    if (this.now() - kept.at > FRESH_FOR_MS) {
      this.forget(url);
      return null;
    }
    if (scope === 'public' && kept.scope !== 'public') return null;
    return kept.kind === 'feed' || kind === 'page' ? kept.answer : null;
  }

  keep(url: string, kind: Kind, scope: FetchScope, answer: Answer): void {
    const at = this.now();
    for (const [key, old] of this.kept) if (at - old.at > FRESH_FOR_MS) this.forget(key);
    this.forget(url);
    if (answer.text.length > MOST_CHARACTERS) return;
    this.kept.set(url, { at, kind, scope, answer });
    this.characters += answer.text.length;
    // Map keys iterate oldest first.
    while (this.kept.size > MOST_ANSWERS || this.characters > MOST_CHARACTERS) this.forget(this.kept.keys().next().value!);
  }

  private forget(url: string): void {
    const kept = this.kept.get(url);
    if (!kept) return;
    this.characters -= kept.answer.text.length;
    this.kept.delete(url);
  }
}
