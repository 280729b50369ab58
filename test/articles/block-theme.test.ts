// A post from a block theme (Twenty Twenty-Three's single template): the date, categories,
// author and tags sit in blocks of their own between one-word paragraphs ("Posted", "in", "by",
// "Tags:") under the content; the offline copy keeps the post and none of those lines.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const URL = 'https://courier.example/2026/11/28/night-buses-return/';

describe('a block theme’s post', () => {
  it('keeps the whole body, and drops the post meta lines', () => {
    const article = extractArticle(fixtureText('articles/block-theme-post.html'), URL)!;
    const lines = article.html.replace(/<[^>]+>/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean);
    expect(lines).toEqual([
      'Night buses are back.',
      'Which routes',
      expect.stringMatching(/^After eighteen months without them, the N4 .* the riders had missed it\.$/),
      'The N7 runs along the river road again.',
      'Fares stay as they are.',
      expect.stringMatching(/^Shift workers at the hospital .* was worth it\.$/),
      'The county reviews it in March.',
    ]);
  });

  it('keeps a short paragraph of the post that reads like meta', () => {
    const page = fixtureText('articles/block-theme-post.html').replace('<p>The county reviews it in March.</p>', '<p>Posted in haste.</p><p>Tags: none.</p>');
    const article = extractArticle(page, URL)!;
    expect(article.html).toContain('<p>Posted in haste.</p><p>Tags: none.</p>');
    expect(article.html).not.toContain('night shift');
    expect(article.html).not.toContain('Morag Ellis');
  });
});
