// Whether a comment form posts to the article's own site. A form whose action points at another
// host would carry the person's name, email and text there, so such a form is never used: read
// from the page, it is kept as 'offsite' (comment-form.ts), and the reader offers the browser's
// way; the sender asks again before a post, naming the host, for a form kept before that. "Same
// site" is the registrable domain as browsers mean it (http/registrable-site.ts).
import { siteOfHost } from '../http';

/** The action's host when it is another site than the page's; null when they are the same site. */
export function foreignFormHost(action: string, pageUrl: string): string | null {
  try {
    const target = new URL(action);
    const page = new URL(pageUrl);
    return siteOfHost(target.hostname) === siteOfHost(page.hostname) ? null : target.host;
  } catch {
    return action;
  }
}
