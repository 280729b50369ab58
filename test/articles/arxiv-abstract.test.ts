// An arXiv abstract page linked from a feed: the copy is the paper's authors, abstract, comments
// and subjects, not the page's links, citation rows and submission history. Through
// prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const URL = 'https://arxiv.org/abs/2403.05127';
const page = fixtureText('corpus/pages/arxiv-abstract.html');

describe('an arXiv abstract page', () => {
  const article = prepareArticle({ pageHtml: page, pageUrl: URL, feedHtml: null, feedItemUrl: URL });

  it('opens with its authors, then the abstract', () => {
    expect(article.text).toMatch(/^Authors: Morwenna Penhallow, Chidi Okafor, Tove Lindqvist\s+Abstract: Twelve years of readings/);
    expect(article.text).toContain('Subjects: Atmospheric and Oceanic Physics (physics.ao-ph)');
  });

  it('leaves out the links to the PDF, the citation rows and the submission history', () => {
    expect(article.text).not.toMatch(/View PDF|experimental|Cite as|doi\.org|DataCite|Submission history|view email|2,418 KB|arXivLabs/);
  });
});
