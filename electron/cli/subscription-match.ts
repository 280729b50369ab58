// `sync --feed URL` names a subscription; it never subscribes (that is `add`'s, which fetches and
// checks the feed first). The URL is matched as `add` matches one already subscribed to: as typed
// (trimmed), then as the address it stands for (feed discovery's reading of what was typed,
// typedAddress: a guessed https://, feed: links, no #fragment). An address that differs from a subscription only
// by a trailing slash, http/https or www. is not the same feed to a server, so it is not taken for
// it; it is offered instead.
import type { Feed } from '../../shared/types';
import { typedAddress } from '../core';

export class NotSubscribedError extends Error {}

export function subscriptionFor(typed: string, feeds: readonly Feed[]): Feed {
  const subscribed = feeds.filter((feed) => !feed.builtin);
  const text = typed.trim();
  const address = typedAddress(text);
  const found = subscribed.find((feed) => feed.url === text) ?? subscribed.find((feed) => address !== null && typedAddress(feed.url) === address);
  if (found) return found;
  const alike = address === null ? undefined : subscribed.find((feed) => looselyAlike(feed.url, address));
  const said = `${text} is not one of your subscriptions`;
  if (alike) throw new NotSubscribedError(`${said}; did you mean ${alike.url}? (\`paperboy add URL\` subscribes to a new feed)`);
  throw new NotSubscribedError(`${said}: subscribe to it with \`paperboy add ${text}\`, then sync`);
}

/** The same address but for a trailing slash, http/https, or a leading www. */
function looselyAlike(url: string, address: string): boolean {
  const loose = (href: string | null) => href?.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/+(?=$|\?)/, '') ?? null;
  const a = loose(typedAddress(url));
  return a !== null && a === loose(address);
}
