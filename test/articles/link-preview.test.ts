// A post on an app built by script (a Mastodon status, an X post), linked from an aggregator's
// feed: the page's HTML holds a <noscript> asking for JavaScript and the <meta> tags of its link
// preview, which are the post. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const MASTODON_URL = 'https://harbour.social/@wennarowe/112076845309174521';
const X_URL = 'https://x.com/quaybirds/status/1766914470213347421';
const mastodon = fixtureText('corpus/pages/mastodon-status.html');
const x = fixtureText('corpus/pages/x-status.html');
const BLUESKY_URL = 'https://bsky.app/profile/kittiwake.watch/post/3kngx7q2lmc2t';
const bluesky = fixtureText('corpus/pages/bluesky-post.html');
// What Hacker News's feed says of a link: where its comments are.
const aggregatorItem = '<a href="https://news.ycombinator.example/item?id=39660112">Comments</a>';

const stored = (pageHtml: string, url: string, feedHtml: string | null) => prepareArticle({ pageHtml, pageUrl: url, feedHtml, feedItemUrl: url });
/** The text as one line, as a reader reads it. */
const line = (text: string) => text.replace(/\s+/g, ' ');

describe("a script-built post's link preview", () => {
  it("is the copy of a Mastodon status: its author, its text, its picture, and a note that the page is built by script", () => {
    const article = stored(mastodon, MASTODON_URL, null);
    expect(article.source).toBe('page');
    expect(line(article.text)).toMatch(/^Wenna Rowe \(@wennarowe@harbour\.social\) Attached: 1 image Three weeks of counting eelgrass shoots/);
    expect(article.text).toContain('the scars are filling in.');
    expect(article.text).not.toMatch(/enable JavaScript|native apps/);
    expect(article.html.match(/<p>/g)).toHaveLength(4);
    expect(article.leadImageUrl).toBe('https://files.harbour.social/media_attachments/files/112/076/844/981/228/410/original/7c3e5b1d9a2f6e48.jpeg');
    expect(article.extractionNote).toBe('the page shows its text only with JavaScript; showing its link preview');
  });

  it("follows the feed's own text when the feed says less than the post (an aggregator's link)", () => {
    const article = stored(x, X_URL, aggregatorItem);
    expect(article.source).toBe('page');
    expect(line(article.text)).toBe('Comments Forty-one turnstones on the harbour wall at high water today, the most we have counted here since 2019. Four were wearing colour rings from the Wash study; sightings sent in. Next count Saturday 16th, 08:30, all welcome.');
    expect(article.text).not.toMatch(/JavaScript|Help Center|X Corp/);
    expect(article.leadImageUrl).toBe('https://pbs.twimg.com/media/GIa7fQ2XsAAk3Tb.jpg:large');
    expect(article.extractionNote).toBe("the page shows its text only with JavaScript; showing the feed's content and the page's link preview");
  });

  it('is the copy of a Bluesky post, whose notice says "JavaScript Required"', () => {
    const article = stored(bluesky, BLUESKY_URL, aggregatorItem);
    expect(line(article.text)).toBe('Comments Cliff Watch (@kittiwake.watch) The first kittiwakes are back on the ledges under the lighthouse, eleven days earlier than last year. Counted 64 pairs from the coast path this morning. If you walk past, keep dogs on the lead between the stile and the bench.');
    expect(article.extractionNote).toBe("the page shows its text only with JavaScript; showing the feed's content and the page's link preview");
  });

  it("is left out when the feed says the post already (the account's own feed)", () => {
    const feed = '<p>Forty-one turnstones on the harbour wall at high water today, the most we have counted here since 2019. Four were wearing colour rings from the Wash study; sightings sent in. Next count Saturday 16th, 08:30, all welcome.</p>';
    const article = stored(x, X_URL, feed);
    expect(article.source).toBe('feed');
    expect(article.html).toBe(feed);
    expect(article.extractionNote).toBe("the page shows its text only with JavaScript; showing the feed's content");
  });
});
