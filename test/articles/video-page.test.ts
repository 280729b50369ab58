// A video's page linked from a feed (YouTube's watch page, which it writes with JavaScript): the
// offline copy is the video's whole description under its thumbnail, not the player's hidden error
// line. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const URL = 'https://www.youtube.com/watch?v=q7Rm2xK9pLw';
const watchPage = fixtureText('corpus/pages/youtube-watch.html');
const aggregatorItem = '<a href="https://lobste.rs.example/s/k2x9qa">Comments</a>';
const stored = (pageHtml: string, feedHtml: string | null = aggregatorItem) => prepareArticle({ pageHtml, pageUrl: URL, feedHtml, feedItemUrl: URL });

describe("a YouTube watch page's copy", () => {
  it('is the whole description, a line to a paragraph, under the thumbnail', () => {
    const article = stored(watchPage);
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^We rowed the old pilot gig from the slipway/);
    // Past the 160 characters of the <meta> description, to its last line.
    expect(article.text).toContain('The tide tables we used are linked in the pinned comment.');
    expect(article.html).toContain('<p>2:41 Crossing the bay on the flood</p>');
    expect(article.text).not.toMatch(/An error occurred|Try again later|Google LLC|Privacy/);
    expect(article.leadImageUrl).toBe('https://i.ytimg.com/vi/q7Rm2xK9pLw/maxresdefault.jpg');
  });

  it("gives way to a video page that shows its own text (a news site's video with its story)", () => {
    const story = ['The harbour commission voted on Tuesday to dredge the inner basin before the summer season, at a cost of 1.2 million pounds.', 'Boat owners had complained for two years that the basin dried out at low water on spring tides, leaving their keels in the mud.', 'Work starts in April and should take six weeks, during which the visitors\u2019 pontoon will be closed.'];
    const page = `<!DOCTYPE html><html lang="en"><head><title>Harbour basin to be dredged</title><meta property="og:type" content="video.other"><meta property="og:description" content="Watch: the harbour commission explains why the inner basin will be dredged."><link rel="canonical" href="https://news.example/video/dredging"></head><body><main><article><h1>Harbour basin to be dredged</h1><div class="player" data-video-id="991"></div>${story.map((text) => `<p>${text}</p>`).join('')}</article></main></body></html>`;
    const article = stored(page, null);
    expect(article.source).toBe('page');
    expect(article.text.replace(/\s+/g, ' ')).toBe(story.join(' '));
  });
});

describe("a Vimeo clip page's copy", () => {
  const CLIP = 'https://vimeo.com/873164205';
  const clipPage = fixtureText('corpus/pages/vimeo-clip.html');

  it("is the whole description its JSON-LD VideoObject gives, not Vimeo's line nor the first words its og:description keeps", () => {
    const article = prepareArticle({ pageHtml: clipPage, pageUrl: CLIP, feedHtml: null, feedItemUrl: CLIP });
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^A year in the life of the Lammermuir Farriers' Cooperative/);
    expect(article.text).toContain('Selected for the Edinburgh Short Film Festival 2023.');
    expect(article.html).toContain('<p>Colour grade by Fergus Lyall</p>');
    expect(article.text).not.toMatch(/home for high quality videos|enable JavaScript|Log in|Cookies/);
    expect(article.leadImageUrl).toMatch(/^https:\/\/i\.vimeocdn\.com\/video\/.*_1280x720$/);
  });
});
