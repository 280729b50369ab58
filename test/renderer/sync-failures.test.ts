import { describe, expect, it } from 'vitest';
import { shortReason } from '../../renderer/src/lib/sync-failures';

describe('sync failures as a person reads them', () => {
  it('keeps one short line, without the address', () => {
    expect(shortReason('GET http://127.0.0.2:4000/feed.xml: connection refused')).toBe('Connection refused');
    expect(shortReason('HTTP 500 Internal Server Error\nat line 2')).toBe('HTTP 500 Internal Server Error');
    expect(shortReason('x'.repeat(200))).toHaveLength(160);
    // A host given up on earlier in the sync: the reason, not the host again.
    expect(shortReason('127.0.0.2:39029 unreachable (connection refused)')).toBe('Connection refused');
    // With what to do about it after the host's reason.
    expect(shortReason('127.0.0.2:39029 unreachable (connection refused): the site may be down, and Paperboy tries again at the next sync'))
      .toBe('Connection refused: the site may be down, and Paperboy tries again at the next sync');
  });

  it('cuts a long reason after its first clause or a whole word, never inside a word', () => {
    expect(shortReason('the site sent an empty answer where the feed should be (HTTP 200); the articles already here are kept'))
      .toBe('The site sent an empty answer where the feed should be (HTTP 200)');
    const long = shortReason('the server answered with a page that names neither a feed nor an error of its own, and no address to follow, so nothing could be read, and it went on to say a great deal more');
    expect(long).toBe('The server answered with a page that names neither a feed nor an error of its own, and no address to follow, so nothing could be read, and it went on to say a…');
    expect(long.length).toBeLessThanOrEqual(160);
  });

  it('keeps what a reason says to do, at its end, whole', () => {
    expect(shortReason("HTTP 404 Not Found: the feed is no longer at this address: add the site's address to find where it is now"))
      .toBe("HTTP 404 Not Found: the feed is no longer at this address: add the site's address to find where it is now");
  });
});
