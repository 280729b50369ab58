// A video's card between a story's paragraphs (its still, title, running time and source) is no
// line of the story: the player it starts is not in the stored copy, and the card read as
// "Video shows … 01:12 - Source: …" in the middle of the text.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PAGE_URL = 'https://coast-news.example/2024/03/10/storm-closes-passes/';
const paragraph = (n: number, extra = '') =>
  `<p>Paragraph ${n}: the storm brought more than a metre of snow to the passes overnight, and the highway patrol closed the road over the summit until ploughs could clear it${extra}.</p>`;

function stored(card: string, around = '') {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storm closes the passes</title></head><body>
<header class="site-header"><a href="/">Coast News</a><nav><ul><li><a href="/weather/">Weather</a></li><li><a href="/video/">Video</a></li></ul></nav></header>
<main><article><h1>Storm closes the passes</h1><div class="article__content">${paragraph(1)}${paragraph(2)}${card}${paragraph(3, around)}${paragraph(4)}</div></article></main>
<footer class="site-footer"><p>© 2024 Coast News</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL });
}

describe('a video card between the paragraphs', () => {
  it.each([
    ['a still, a title, its running time and its source', `<div class="video-resource"><div class="video-resource__wrapper"><div class="video-resource__image"><img src="https://media.coast-news.example/stills/summit-ploughs.jpg" alt="" loading="lazy"></div><div class="video-resource__details"><h3 class="video-resource__headline">Video shows ploughs stuck on the summit road</h3><div class="video-resource__duration">01:12</div><div class="video-resource__source">- Source: Coast News</div></div></div></div>`],
    ['a lazy still, and a running time written as a duration', `<div class="media-teaser"><a href="/video/2024/03/10/ploughs/"><img data-src="https://media.coast-news.example/stills/summit-ploughs.jpg" width="640" height="360" alt=""></a><span class="media-teaser__title">Video shows ploughs stuck on the summit road</span> <time datetime="PT1M2S">1:02</time></div>`],
  ])('is left out: %s', (_name, card) => {
    const article = stored(card);
    expect(article.text).not.toContain('Video shows ploughs');
    expect(article.text).not.toMatch(/1:(?:12|02)/);
    expect(article.text).toContain('Paragraph 3:');
    expect(article.text).toContain('Paragraph 4:');
  });

  it('is left out when its player describes its video in JSON-LD beside its still and title', () => {
    const card = `<div class="enhancement"><ps-jw-player class="jw-player" data-media-id="k9P2mXqa"><div class="jw-player-still"><img src="https://media.coast-news.example/stills/summit.jpg" alt="" width="840" height="473"></div><div class="jw-player-info"><p class="jw-player-title">Watch: ploughs stuck on the summit road</p><p class="jw-player-credit">Coast News</p></div><script type="application/ld+json">{"@context":"http://schema.org","@type":"VideoObject","name":"Watch: ploughs stuck on the summit road","duration":"PT3M12S"}</script></ps-jw-player></div>`;
    const article = stored(card);
    expect(article.text).not.toContain('Watch: ploughs');
    expect(article.text).toContain('Paragraph 3:');
  });

  it('keeps a captioned picture with a time beside it: a live update that is a photo', () => {
    const update = '<div class="update"><span class="update__time">17:31</span><figure><img src="https://media.coast-news.example/photos/summit-queue.jpg" alt="" width="1200" height="800"><figcaption>Lorries queue below the summit this afternoon.</figcaption></figure></div>';
    expect(stored(update).text).toContain('Lorries queue below the summit this afternoon.');
  });

  it('keeps a story line that says a time, and a player the page embeds', () => {
    const player = '<div class="embed"><iframe src="https://www.youtube.com/embed/abc123" width="640" height="360"></iframe><div class="embed__title">Ploughs on the summit</div><div class="embed__duration">01:12</div></div>';
    const article = stored(player, ' by 10:30 on Monday');
    expect(article.text).toContain('by 10:30 on Monday');
    // The sanitizer makes the frame a link to the video; its title stays beside it.
    expect(article.html).toContain('youtube.com/watch?v=abc123');
    expect(article.text).toContain('Ploughs on the summit');
  });
});
