// A pull quote (a line of the story set again in large type beside it) is read once: in the copy,
// with no float and no large type, it was the line said twice in a row. A quotation the page names
// a pull quote but says nowhere else stays, and so does the long-read's footnotes list.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, storedText } from '../support/corpus-pages';

const PAGE_URL = 'https://northlight-magazine.example/features/the-harbour-pilots/';
const paragraphs = [
  'The pilots board every tanker that comes into the firth, climbing a rope ladder from a launch that rises and falls beside the hull.',
  '“You learn to time it with the swell, or you don’t do it for long,” said Iain Moar, who has been a pilot for 31 years.',
  'There are eleven pilots now, and the port says it needs fourteen. Training one takes six years.',
];

function stored(pullQuote: string) {
  const body = `${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}\n${pullQuote}\n<p>The port authority will advertise three posts in the spring, it said, for the first time since 2011.</p>`;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The harbour pilots</title></head><body>
<header class="site-header"><a href="/">Northlight</a><nav><a href="/features/">Features</a></nav></header>
<main><article><h1>The harbour pilots</h1><div class="entry-content">${body}</div></article></main><footer class="site-footer"><p>© Northlight</p></footer></body></html>`;
  return prepareArticle({ pageHtml: html, pageUrl: PAGE_URL, feedHtml: null, feedItemUrl: PAGE_URL }).text;
}

const count = (text: string, words: string) => text.split(words).length - 1;

describe('a pull quote', () => {
  it.each([
    ["WordPress's pull quote block, its punctuation changed and its speaker named", '<figure class="wp-block-pullquote"><blockquote><p>You learn to time it with the swell, or you don’t do it for long.</p><cite>Iain Moar</cite></blockquote></figure>'],
    ["a theme's floated aside", '<aside class="pull-quote alignright"><p>“You learn to time it with the swell, or you don’t do it for long”</p></aside>'],
  ])('that repeats a line of the story is read once: %s', (_name, pullQuote) => {
    const text = stored(pullQuote);
    expect(count(text, 'time it with the swell')).toBe(1);
    expect(text).not.toContain('Iain Moar\n');
    expect(text).toContain('advertise three posts in the spring');
  });

  it('that says what the story does not is kept', () => {
    const text = stored('<figure class="wp-block-pullquote"><blockquote><p>Nobody has fallen from the ladder at this port since 1987.</p><cite>Port authority</cite></blockquote></figure>');
    expect(text).toContain('Nobody has fallen from the ladder at this port since 1987.');
  });

  it("leaves a long-read's text and its footnotes whole", () => {
    const page = corpusPages().find((candidate) => candidate.name === 'longread-pullquotes-footnotes')!;
    const text = storedText(page);
    expect(count(text, 'You never slept through a night in your life')).toBe(1);
    expect(text).toContain('R. W. Munro, Scottish Lighthouses (Stornoway: Thule Press, 1979), p. 212.');
  });
});
