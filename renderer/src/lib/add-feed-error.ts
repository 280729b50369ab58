// Why a subscription failed, for the Add feed dialog: the core's message is one sentence and
// then every address it tried with that address's reason ("Tried: a (HTTP 404), b (...)"). A
// person reads the sentence; the addresses wait behind a "details" toggle.
export interface AddFeedError {
  readonly sentence: string;
  /** Each address tried, with its own reason. */
  readonly tried: readonly string[];
}

export function splitAddFeedError(message: string): AddFeedError {
  const match = /^([\s\S]*?)\s*Tried:\s*([\s\S]+)$/.exec(message);
  if (!match) return { sentence: message, tried: [] };
  const sentence = match[1]!.trim();
  const tried = match[2]!
    .split(/,\s+(?=[a-z][a-z0-9+.-]*:\/\/)/i)
    .map((entry) => entry.trim().replace(/\.$/, ''))
    .filter((entry) => entry.length > 0);
  return { sentence: /[.!?]$/.test(sentence) ? sentence : `${sentence}.`, tried };
}
