// The core writes its reasons as clauses ("the site sent an empty answer where the feed should
// be (HTTP 200); the articles already here are kept"), as the sync log and `paperboy sync` print
// them after a colon. Where the reader shows one standing alone, it is a sentence: capital first
// letter, full stop at the end, as the sync's own list of failures shows it.

/** The clause as a sentence of its own. */
export function asSentence(clause: string): string {
  const text = clause.charAt(0).toUpperCase() + clause.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The end of a sentence that gives its reason after a colon, as a clause ('…: HTTP 451.'), or
 *  its full stop alone when there is none. */
export function withReason(reason: string | null | undefined): string {
  return reason ? `: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}` : '.';
}
