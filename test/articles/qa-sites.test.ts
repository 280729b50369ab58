// A Stack Overflow question (every Stack Exchange site shares its template) linked from a feed:
// the copy is the question and its answers, accepted answer first as the page shows it, without
// the template's vote cells, post menus and user cards. Through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const URL = 'https://stackoverflow.com/questions/78140422/interpolate-only-the-short-gaps-in-a-pandas-time-series';
const page = fixtureText('corpus/pages/stackoverflow-question.html');

describe('a Stack Overflow question', () => {
  const article = prepareArticle({ pageHtml: page, pageUrl: URL, feedHtml: null, feedItemUrl: URL });
  const lines = article.text.split('\n');

  it('is the question, then the accepted answer, then the other', () => {
    const question = article.text.indexOf('I keep a logbook of tide heights');
    const accepted = article.text.indexOf('Mark the runs of missing values first');
    const other = article.text.indexOf('Since pandas 2.1 there is a shorter way');
    expect(question).toBe(0);
    expect(accepted).toBeGreaterThan(question);
    expect(other).toBeGreaterThan(accepted);
  });

  it("has none of the template's controls: vote buttons' tooltips, scores, post menus, user cards", () => {
    expect(article.text).not.toMatch(/useful|Save this|Show activity on this post|Improve this|Follow|Share|reputation|badges|asked Mar|answered Mar|Not the answer you're looking for/);
    // A score is a line of its own: 14 for the question, 23 and 4 for the answers.
    expect(lines.filter((line) => /^\d+$/.test(line.trim()))).toEqual([]);
  });
});
