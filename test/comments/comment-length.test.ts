// A comment's length as WordPress measures it against its limit: UTF-8 bytes of the text trimmed
// as PHP trims, worded the same for the composer's counter and the refusal before posting.
import { describe, expect, it } from 'vitest';
import { commentBytes, commentLengthNote, overLimitMessage } from '../../shared/comment-length';

describe('a comment’s length', () => {
  it('is counted in bytes of UTF-8, as WordPress counts it', () => {
    expect(commentBytes('Short and sweet.')).toBe(16);
    expect(commentBytes('Grüße')).toBe(7);
    expect(commentBytes('日本語')).toBe(9);
    expect(commentBytes('👍')).toBe(4);
  });

  it('leaves out what PHP’s trim() takes off, and only that', () => {
    expect(commentBytes(' \t\nYes.\r\n ')).toBe(4);
    // A no-break space is not PHP whitespace: WordPress keeps (and counts) it.
    expect(commentBytes('\u00a0Yes.')).toBe(6);
  });

  it('is shown against the limit, and over it in plain words', () => {
    expect(commentLengthNote('Grüße', 65_525)).toBe('7 / 65,525 bytes');
    expect(overLimitMessage('é'.repeat(32_762) + 'a', 65_525)).toBeNull();
    expect(overLimitMessage('é'.repeat(32_763), 65_525)).toBe(
      "1 byte over the site's limit of 65,525 bytes (a plain letter is 1, an accented one 2, most other scripts 3 or 4): shorten it to send it.",
    );
    expect(commentLengthNote('x'.repeat(65_530), 65_525)).toMatch(/^5 bytes over the site's limit of 65,525 bytes /);
    expect(overLimitMessage('x'.repeat(100_000), null)).toBeNull();
  });
});
