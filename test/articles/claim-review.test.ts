// A fact check's claim and verdict, in a card above its text, kept with it (claim-review.ts): the
// corpus's fact check, as a fact-checker publishes it with its ClaimReview. Through prepareArticle,
// the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages } from '../support/corpus-pages';

const page = corpusPages().find((candidate) => candidate.name === 'factcheck-bin-lids')!;
const text = (html: string) => prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url }).text;

describe("a fact check's claim and verdict", () => {
  it('open the text, above the check itself', () => {
    const read = text(page.html);
    expect(read).toMatch(/^What was claimed\nA post shared thousands of times says councils in England can now fine households £100/);
    expect(read).toContain('Our verdict\nThis is incorrect.');
    expect(read.indexOf('Our verdict')).toBeLessThan(read.indexOf('A post shared widely on Facebook'));
  });

  it('are left to Readability on a page whose structured data reviews no claim', () => {
    const read = text(page.html.replace('"@type": "ClaimReview"', '"@type": "NewsArticle"'));
    expect(read).not.toContain('What was claimed');
    expect(read).toContain('A post shared widely on Facebook');
  });
});
