// A block named for the ads a layout places in it, around the story itself: Reuters's <div
// class="story-ad-wrapper">, a theme's <div class="entry-content has-ads">. Our own ad-slot
// removal kept such a block when it held more than two <p>s; a story written in <div>s, one a
// paragraph (Reuters, many React sites), has none, and went whole, leaving the byline.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';

const PARAGRAPHS = [
  'The harbour board voted on Tuesday to close the old ferry slip for repairs over the summer, after an engineer found that two of the timber piles had rotted through below the waterline.',
  'The slip has served the island crossing since 1962. Its replacement, a steel ramp on concrete footings, will take eleven weeks to build, the board said, and the ferry will dock at the fish quay until then.',
  'Traders on the quay said they had not been asked about the move. "We unload at six in the morning, and the ferry comes in at ten past," said one, who has sold crab from the same stall for thirty years.',
  'The board said it would mark out a lane for foot passengers and keep the quay open to vans before nine. It expects the new slip to open in the first week of September.',
  'A public meeting on the works is planned for next Thursday at the harbour office.',
];

function page(wrapperClass: string): string {
  const paragraphs = PARAGRAPHS.map((text, i) => `<div data-testid="paragraph-${i}" class="text__text__x1 article-body__element__y2">${text}</div>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><title>Old ferry slip to close for repairs</title></head><body>
<header class="site-header"><a href="/">The Island Courier</a><nav><a href="/news">News</a><a href="/sport">Sport</a></nav></header>
<main><h1>Old ferry slip to close for repairs</h1><div class="byline">By Ann Quayle</div>
<div class="article-body__container"><div class="${wrapperClass}"><div class="article-body__content">${paragraphs}</div></div></div></main>
<footer class="site-footer"><a href="/about">About us</a></footer></body></html>`;
}

describe('a story in <div> paragraphs inside a block named for ads', () => {
  it.each(['story-ad-wrapper', 'entry ads-enabled'])('div.%s keeps the whole story', (wrapperClass) => {
    const url = 'https://courier.example/2024/03/12/ferry-slip/';
    const article = prepareArticle({ pageHtml: page(wrapperClass), pageUrl: url, feedHtml: null, feedItemUrl: url });
    expect(article.source).toBe('page');
    expect(article.text).toContain(PARAGRAPHS[0]);
    expect(article.text).toContain(PARAGRAPHS.at(-1));
  });
});
