import { describe, expect, it } from 'vitest';
import { splitAddFeedError } from '../../renderer/src/lib/add-feed-error';

describe('an Add feed failure as a person reads it', () => {
  it('keeps the sentence, and the addresses tried for the details', () => {
    const error = splitAddFeedError(
      'No feed found at http://127.0.0.2:4000/. Tried: http://127.0.0.2:4000/ (no feed link in the page), http://127.0.0.2:4000/feed (HTTP 404), http://127.0.0.2:4000/?feed=rss2 (HTTP 404, Not Found)',
    );
    expect(error.sentence).toBe('No feed found at http://127.0.0.2:4000/.');
    expect(error.tried).toEqual([
      'http://127.0.0.2:4000/ (no feed link in the page)',
      'http://127.0.0.2:4000/feed (HTTP 404)',
      'http://127.0.0.2:4000/?feed=rss2 (HTTP 404, Not Found)',
    ]);
  });

  it('leaves a message without addresses whole', () => {
    expect(splitAddFeedError('Not a web address: foo')).toEqual({ sentence: 'Not a web address: foo', tried: [] });
  });
});
