// The search box sends at most what the API takes (a longer query is refused whole, and the
// list would show the refusal): it cuts the query, never inside a character.
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_QUERY, queryToSend } from '../../shared/search-query';

describe('the query the search box sends', () => {
  it('is trimmed and kept whole when it fits', () => {
    expect(queryToSend('  harbour  ')).toBe('harbour');
    const fits = 'a'.repeat(MAX_SEARCH_QUERY);
    expect(queryToSend(fits)).toBe(fits);
  });

  it('is cut to the limit, without half of a character beyond the basic plane', () => {
    expect(queryToSend('harbour '.repeat(100))).toBe('harbour '.repeat(100).slice(0, MAX_SEARCH_QUERY).trimEnd());
    const emoji = queryToSend(`x${'😀'.repeat(300)}`);
    expect(emoji.length).toBe(MAX_SEARCH_QUERY - 1);
    expect(emoji.endsWith('😀')).toBe(true);
  });
});
