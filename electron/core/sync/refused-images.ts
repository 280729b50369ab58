// Pictures a sync refused for what they were, not for a passing failure: over the size a picture
// may be, declaring more pixels than any screen shows, a web page or another file in a picture's
// place, an empty answer. Each stays a hole in its article whose box says why; asking again will
// not change them, and the person reading the sync's notes should know that some pictures were
// not kept and where. One line per reason for the whole sync, naming the first picture and
// counting the rest: a feed that puts one broken picture in every item adds one line, not fifty.
import { withoutPasswords } from '../../../shared/address-login';

export type RefusalReason = 'too-large' | 'too-many-pixels' | 'web-page' | 'not-image' | 'empty' | 'drawing';

// Reported in this order: the reasons a person can least guess first.
const REASONS: readonly RefusalReason[] = ['web-page', 'not-image', 'empty', 'too-large', 'too-many-pixels', 'drawing'];
// A picture's address is cut to this many characters in a note (image CDNs' run to hundreds).
const ADDRESS_CHARS = 120;

export class RefusedImages {
  private readonly byReason = new Map<RefusalReason, { first: string; count: number }>();

  constructor(private readonly limits: { readonly imageBytes: number; readonly imagePixels: number }) {}

  add(url: string, reason: RefusalReason): void {
    const seen = this.byReason.get(reason);
    if (seen) seen.count++;
    else this.byReason.set(reason, { first: url, count: 1 });
  }

  /** The sync's notes: "2 pictures were not kept: the site sent a web page in their place (...)". */
  report(): string[] {
    return REASONS.flatMap((reason) => {
      const seen = this.byReason.get(reason);
      if (!seen) return [];
      const one = seen.count === 1;
      const which = `${shortAddress(seen.first)}${one ? '' : ` and ${seen.count - 1} more`}`;
      return [`${one ? '1 picture was' : `${seen.count} pictures were`} not kept: ${this.inWords(reason, one)} (${which})`];
    });
  }

  private inWords(reason: RefusalReason, one: boolean): string {
    switch (reason) {
      case 'web-page':
        return `the site sent a web page in ${one ? 'its' : 'their'} place`;
      case 'not-image':
        return `the site sent a file that is no picture in ${one ? 'its' : 'their'} place`;
      case 'empty':
        return `the site sent ${one ? 'an empty file' : 'empty files'}`;
      case 'too-large':
        return `larger than the ${megabytes(this.limits.imageBytes)} a picture may be`;
      case 'too-many-pixels':
        return `more than the ${this.limits.imagePixels / 1_000_000} megapixels a picture may have`;
      case 'drawing':
        return `${one ? 'an SVG drawing' : 'SVG drawings'} too large or too intricate to keep safely`;
    }
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function shortAddress(url: string): string {
  const address = withoutPasswords(url);
  return address.length <= ADDRESS_CHARS ? address : `${address.slice(0, ADDRESS_CHARS - 1)}…`;
}
