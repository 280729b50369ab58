// How long a comment is where a site limits it: WordPress refuses a comment whose text, trimmed as
// PHP's trim() does, is longer than comment_content's limit in bytes of UTF-8 (65,525:
// wp_check_comment_data_max_lengths() measures with mb_strlen(..., '8bit')), not in characters,
// so "é" counts 2 and "日" 3. The composer's counter and the core's refusal before posting both
// measure and word it here, so they agree with each other and with the site.

// PHP's trim(): space, tab, newline, carriage return, NUL, vertical tab (and nothing else).
const PHP_TRIM = /^[ \t\n\r\0\v]+|[ \t\n\r\0\v]+$/g;
const ENCODER = new TextEncoder();

/** The comment's length as the site measures it: UTF-8 bytes of the trimmed text. */
export function commentBytes(body: string): number {
  return ENCODER.encode(body.replace(PHP_TRIM, '')).length;
}

/** Why the site would refuse this text for its length, in plain words; null when it fits (or there is no limit). */
export function overLimitMessage(body: string, limit: number | null): string | null {
  if (limit === null) return null;
  const over = commentBytes(body) - limit;
  if (over <= 0) return null;
  return `${over.toLocaleString('en-US')} ${over === 1 ? 'byte' : 'bytes'} over the site's limit of ${limit.toLocaleString('en-US')} bytes (a plain letter is 1, an accented one 2, most other scripts 3 or 4): shorten it to send it.`;
}

/** The counter under the comment box: what is used of the limit, or how far over it is. */
export function commentLengthNote(body: string, limit: number): string {
  return overLimitMessage(body, limit) ?? `${commentBytes(body).toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} bytes`;
}
