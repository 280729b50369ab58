// The feed a platform's address names by its shape alone (platform-feeds.ts), and the addresses
// that name none: a feed's own address is taken as typed, and the platforms' own pages are no accounts.
import { describe, expect, it } from 'vitest';
import { platformFeedOf, platformFeedsOf } from '../../electron/core/feeds/platform-feeds';

describe('platformFeedOf', () => {
  it.each([
    ['https://www.youtube.com/channel/UCq3Xf0pVd7rKjZbM1sT9wYg', 'https://www.youtube.com/feeds/videos.xml?channel_id=UCq3Xf0pVd7rKjZbM1sT9wYg'],
    ['https://youtube.com/channel/UCq3Xf0pVd7rKjZbM1sT9wYg/videos?view=0', 'https://www.youtube.com/feeds/videos.xml?channel_id=UCq3Xf0pVd7rKjZbM1sT9wYg'],
    ['https://music.youtube.com/playlist?list=OLAK5uy_kq2WzR7n0Xb', 'https://www.youtube.com/feeds/videos.xml?playlist_id=OLAK5uy_kq2WzR7n0Xb'],
    ['https://reddit.com/r/woodworking/top/?t=week', 'https://reddit.com/r/woodworking/.rss'],
    ['https://www.reddit.com/user/oakandiron/comments/', 'https://www.reddit.com/user/oakandiron/.rss'],
    ['https://github.com/quillwork', 'https://github.com/quillwork.atom'],
    ['https://github.com/quillwork/inkpot/tags', 'https://github.com/quillwork/inkpot/tags.atom'],
    ['https://github.com/quillwork/inkpot/issues/12#issuecomment-1', 'https://github.com/quillwork/inkpot/releases.atom'],
    ['https://tumblr.com/blog/view/woodshavings', 'https://woodshavings.tumblr.com/rss'],
    ['https://ana-lindqvist.medium.com/what-a-year-of-code-review-taught-our-team-4e1b7c9a2f30', 'https://ana-lindqvist.medium.com/feed'],
  ])('reads %s as %s', (address, feed) => {
    expect(platformFeedOf(address)).toBe(feed);
  });

  it.each([
    'https://www.youtube.com/@marshworkshop',
    'https://www.youtube.com/watch?v=Qm4zT7aLwXc',
    'https://www.youtube.com/feeds/videos.xml?channel_id=UCq3Xf0pVd7rKjZbM1sT9wYg',
    'https://www.reddit.com/r/woodworking/top/.rss?t=week',
    'https://www.reddit.com/',
    'https://github.com/quillwork/inkpot/releases.atom',
    'https://github.com/trending',
    'https://github.com/',
    'https://medium.com/feed/@ana.lindqvist',
    'https://ana-lindqvist.medium.com/feed',
    'https://medium.com/search?q=review',
    'https://www.tumblr.com/dashboard',
    'https://woodshavings.tumblr.com/',
    'https://example.com/r/woodworking',
  ])('names no feed for %s', (address) => {
    expect(platformFeedOf(address)).toBeNull();
  });

  it("offers a repository's tags after its releases, and nothing after any other feed", () => {
    expect(platformFeedsOf('https://github.com/quillwork/inkpot')).toEqual(['https://github.com/quillwork/inkpot/releases.atom', 'https://github.com/quillwork/inkpot/tags.atom']);
    expect(platformFeedsOf('https://github.com/quillwork')).toEqual(['https://github.com/quillwork.atom']);
    expect(platformFeedsOf('https://example.com/quillwork/inkpot')).toEqual([]);
  });
});
