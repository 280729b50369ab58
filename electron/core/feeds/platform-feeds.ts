// The feeds of the platforms people copy addresses from, read from the address's shape or, for a
// YouTube page, from the channel the page is about. Their pages are the worst way to a feed: a
// YouTube channel or video behind an EU cookie-consent page, Reddit and Medium pages that refuse
// clients which are not browsers, a GitHub repository whose page names no feed at all, a Tumblr
// at tumblr.com/NAME whose feed lives on NAME.tumblr.com. The feed addresses themselves are
// documented and stable, and answer without any of that, so discovery asks them first
// (discover.ts) and reads the page only when the shape names no feed or its feed failed.
//
// Each rule keeps the typed address's scheme and port: only the host is the platform's.

/** The hosts of each platform, as people paste them (the mobile site, a bare domain, old.reddit.com). */
const YOUTUBE = /^(?:www\.|m\.|music\.)?youtube\.com$/;
const REDDIT = /^(?:www\.|old\.|new\.|np\.)?reddit\.com$/;
const GITHUB = /^(?:www\.)?github\.com$/;
const MEDIUM = /^(?:www\.)?medium\.com$/;
const TUMBLR = /^(?:www\.)?tumblr\.com$/;

/** A YouTube channel's id: UC and 22 letters (its uploads' playlist is the same id with UU). */
const CHANNEL_ID = /^UC[\w-]{22}$/;

/** First path segments of GitHub, Medium and Tumblr that are the site's own pages, not an account. */
const GITHUB_PAGES = new Set(['about', 'apps', 'collections', 'enterprise', 'events', 'explore', 'features', 'issues', 'login', 'marketplace', 'new', 'notifications', 'orgs', 'organizations', 'pricing', 'pulls', 'search', 'settings', 'sponsors', 'topics', 'trending']);
const MEDIUM_PAGES = new Set(['feed', 'm', 'me', 'search', 'topics', 'about', 'membership', 'plans', 'creators', 'policy', 'jobs-at-medium', 'signin']);
const TUMBLR_PAGES = new Set(['dashboard', 'explore', 'tagged', 'search', 'login', 'register', 'settings', 'likes', 'following', 'inbox', 'communities', 'docs', 'policy', 'about', 'help']);

/**
 * The feeds an address's shape names on a platform that publishes one per channel, playlist,
 * community, account or repository, the one it stands for first; none when the shape names none
 * (then the page is read). A repository's releases come with its tags after them, for the many
 * repositories that tag their versions and publish no releases: their releases.atom is empty.
 */
export function platformFeedsOf(address: string): readonly string[] {
  const feed = platformFeedOf(address);
  if (feed === null) return [];
  return feed.endsWith('/releases.atom') && GITHUB.test(new URL(feed).hostname) ? [feed, feed.replace(/\/releases\.atom$/, '/tags.atom')] : [feed];
}

/** The one feed an address's shape stands for, or null. */
export function platformFeedOf(address: string): string | null {
  const url = new URL(address);
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((segment) => segment !== '').map(decodeSegment);
  const [first = '', second = '', third = '', fourth = ''] = segments;
  const at = (hostname: string, path: string) => {
    const feed = new URL(url.href);
    feed.hostname = hostname;
    feed.username = '';
    feed.password = '';
    feed.hash = '';
    const [pathname = '', query = ''] = path.split('?');
    feed.pathname = pathname;
    feed.search = query;
    return feed.href;
  };
  if (YOUTUBE.test(host)) {
    const playlist = url.searchParams.get('list');
    if (first === 'playlist' && playlist) return at('www.youtube.com', `/feeds/videos.xml?playlist_id=${encodeURIComponent(playlist)}`);
    if (first === 'channel' && CHANNEL_ID.test(second)) return youtubeChannelFeed(url, second);
    return null;
  }
  if (REDDIT.test(host)) {
    // A post's address (/r/name/comments/id/slug/) is taken for its community: the feed a reader follows.
    // An address of one of its feeds (/r/name/top/.rss, /r/name.rss) is that feed, typed.
    if (/\.(?:rss|json|xml)(?:\/|$)/i.test(url.pathname)) return null;
    if ((first === 'r' || first === 'user' || first === 'u') && second) {
      return at(host, `/${first === 'u' ? 'user' : first}/${encodeURIComponent(second)}/.rss`);
    }
    return null;
  }
  if (GITHUB.test(host)) {
    if (!first || GITHUB_PAGES.has(first.toLowerCase()) || /\.atom$/i.test(url.pathname)) return null;
    const owner = encodeURIComponent(first);
    if (!second) return at('github.com', `/${owner}.atom`);
    const repo = `/${owner}/${encodeURIComponent(second)}`;
    // A repository's commits on one branch and its tags have feeds of their own; anything else of it, its releases.
    if (third === 'commits' && fourth) return at('github.com', `${repo}/commits/${encodeURIComponent(fourth)}.atom`);
    if (third === 'tags') return at('github.com', `${repo}/tags.atom`);
    return at('github.com', `${repo}/releases.atom`);
  }
  // An author's or publication's own subdomain (ana.medium.com): its feed is its /feed.
  if (host.endsWith('.medium.com') && !MEDIUM.test(host) && url.pathname !== '/feed') return at(host, '/feed');
  if (MEDIUM.test(host)) {
    if (!first || MEDIUM_PAGES.has(first.toLowerCase())) return null;
    // medium.com/@author/a-post-1a2b3c is the author's; medium.com/publication/a-post its publication's.
    if (first === 'tag' && second) return at('medium.com', `/feed/tag/${encodeURIComponent(second)}`);
    if (first === 'tag') return null;
    return at('medium.com', `/feed/${first.startsWith('@') ? `@${encodeURIComponent(first.slice(1))}` : encodeURIComponent(first)}`);
  }
  if (TUMBLR.test(host)) {
    // tumblr.com/NAME, tumblr.com/NAME/123/a-post and the older tumblr.com/blog/view/NAME.
    const name = first === 'blog' && second === 'view' ? third : first;
    if (!/^[a-z0-9-]+$/i.test(name) || TUMBLR_PAGES.has(name.toLowerCase()) || name === 'blog') return null;
    return at(`${name.toLowerCase()}.tumblr.com`, '/rss');
  }
  return null;
}

/**
 * The feed of the YouTube channel a page of youtube.com is about, for the pages whose address does
 * not name it (/@handle, /c/name, /user/name, a video's watch?v=): a channel page names it in its
 * canonical link or og:url, a video's page in its player's data ("channelId":"UC..."), older pages
 * in <meta itemprop="channelId">. Null on any other site, or when the page names no channel.
 */
export function youtubeFeedOfPage(pageUrl: string, document: Document, text: string): string | null {
  const url = new URL(pageUrl);
  if (!YOUTUBE.test(url.hostname.toLowerCase())) return null;
  const named = [
    document.querySelector('meta[itemprop="channelId" i]')?.getAttribute('content'),
    channelInAddress(document.querySelector('link[rel="canonical" i]')?.getAttribute('href')),
    channelInAddress(document.querySelector('meta[property="og:url" i]')?.getAttribute('content')),
    // The player's data comes first in a video's page: the first channel id there is the video's own.
    /"(?:channelId|externalId)":"(UC[\w-]{22})"/.exec(text)?.[1],
  ].find((id) => id && CHANNEL_ID.test(id.trim()));
  return named ? youtubeChannelFeed(url, named.trim()) : null;
}

/**
 * What a cookie-consent page that YouTube (or Google) shows visitors from the EU in place of the
 * address asked for means for the person, or null when the page is not one. The page names no
 * feed, and guessing paths on it finds none: "no feed found" would be untrue.
 */
export function consentWall(pageUrl: string, asked: string): string | null {
  const host = new URL(pageUrl).hostname.toLowerCase();
  if (host !== 'consent.youtube.com' && host !== 'consent.google.com') return null;
  return (
    `${host} answered with its cookie-consent page instead of ${asked}, so the channel could not be read from it. ` +
    "Add the channel's own address in the form https://www.youtube.com/channel/UC… (YouTube shows it under the channel's About, Share channel, Copy channel ID), " +
    'or its feed, https://www.youtube.com/feeds/videos.xml?channel_id=UC…'
  );
}

function youtubeChannelFeed(typed: URL, channelId: string): string {
  const feed = new URL(`/feeds/videos.xml?channel_id=${channelId}`, typed.origin);
  feed.hostname = 'www.youtube.com';
  return feed.href;
}

/** The channel id in a youtube.com/channel/UC... address, or null. */
function channelInAddress(href: string | null | undefined): string | null {
  return href ? (/\/channel\/(UC[\w-]{22})(?:[/?#]|$)/.exec(href)?.[1] ?? null) : null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
