// The story's own block with a name Readability weighs down, not removes: a theme's sticky column
// (<div class="col-8 sticky-scroll">), a column named for its share bar, a print stylesheet's
// hidden-print. Readability takes 25 points off such a block, more than a paragraph brings, and a
// sidebar of teasers beside it was read as the story. A name that also weighs it up (entry-content
// has-share-buttons) cancels out, and stays.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, similarity } from '../support/corpus-pages';

const STORY = [
  'The county library will open on Sundays from next month, for the first time since the branch moved into the old corn exchange in 1987, after the council found the money for two more librarians.',
  'Sunday opening was the most common request in a survey of 1,400 borrowers last spring, the head of libraries said, ahead of longer evening hours and a larger children\'s section.',
  'The branch will open from eleven until four. The café on the ground floor, run by a local charity, will keep the same hours, and the reading room upstairs will be open to students during exams.',
  'The library lends some 180,000 items a year. Its busiest day is Saturday, when the queue for the self-service machines can reach the door, staff said.',
  'The Sunday hours will be reviewed after a year.',
];
const TEASERS = [
  'Bypass works to close the ring road for three weekends in April and May, the highways team says.',
  'A bakery on the high street has won a national award for its sourdough, beating 300 entries.',
  'The town\'s swimming pool will reopen after repairs to its roof, two months later than planned.',
  'Plans for 120 homes on the edge of the town have been approved at the third attempt.',
  'A school choir has been invited to sing at the cathedral\'s Easter service this year.',
  'The market will move to the station car park while the square is repaved this summer.',
];

function page(storyClass: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Library to open on Sundays</title></head><body>
<div class="row"><div class="${storyClass}"><h1>Library to open on Sundays</h1>${STORY.map((text) => `<p>${text}</p>`).join('')}</div>
<div class="col-4">${TEASERS.map((text, i) => `<div class="teaser"><a href="/news/${i}/">Read</a><p>${text}</p></div>`).join('')}</div></div></body></html>`;
}

const URL = 'https://courier.example/2024/03/12/library-sundays/';

function stored(storyClass: string) {
  return prepareArticle({ pageHtml: page(storyClass), pageUrl: URL, feedHtml: null, feedItemUrl: URL });
}

describe('the story in a block whose name Readability weighs down', () => {
  it.each(['col-8 sticky-scroll', 'col-md-8 has-share-bar', 'col-md-8 hidden-print'])('div.%s is read as a block named for nothing', (storyClass) => {
    const article = stored(storyClass);
    expect(article.source).toBe('page');
    expect(article.text).toContain(STORY[0]);
    expect(article.text).toContain(STORY.at(-1));
    expect(article.text).toBe(stored('col-8').text);
  });

  it('a story a page builder lays out in sections named alike, each weighed down, is read whole', () => {
    // Avada names every full-width section "fusion-fullwidth ... non-hundred-percent-height-scrolling":
    // taking the name off the one that holds most of the story, not off its sibling, read it alone.
    // The corpus's Avada page, with the paragraphs of its longest text block written as <div>s.
    const page = corpusPages().find((candidate) => candidate.name === 'wp-avada-brewery')!;
    const { document } = parseHTML(page.html);
    const blocks = [...document.querySelectorAll('p')].map((paragraph) => paragraph.parentElement!);
    const longest = blocks.reduce((best, block) => (paragraphChildren(block).length > paragraphChildren(best).length ? block : best));
    for (const paragraph of paragraphChildren(longest)) {
      const line = document.createElement('div');
      line.append(...paragraph.childNodes);
      paragraph.replaceWith(line);
    }
    const html = `<!DOCTYPE html>${document.documentElement.outerHTML}`;
    const article = prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
    const unchanged = prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
    expect(similarity(article.text, page.expected)).toBeGreaterThanOrEqual(similarity(unchanged.text, page.expected) - 0.005);
  });
});

function paragraphChildren(block: Element): Element[] {
  return [...block.children].filter((child) => child.localName === 'p');
}
