// Whether a comment form posts to the article's own site. A form whose action points at another
// host would carry the person's name, email and text there, so such a form is never used: read
// from the page, it is kept as 'offsite' (comment-form.ts), and the reader offers the browser's
// way; the sender asks again before a post, naming the host, for a form kept before that. "Same site" is the registrable domain
// as browsers mean it, approximated without the public suffix list: the last two labels, or the
// last three under a two-letter country code with a short second level (example.co.uk); an IP
// address or a single-label host must match exactly.
function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (/^\[|^\d+(\.\d+){3}$/.test(name)) return name;
  const labels = name.split('.');
  if (labels.length <= 2) return name;
  const [second, top] = labels.slice(-2) as [string, string];
  const keep = top.length === 2 && second.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The action's host when it is another site than the page's; null when they are the same site. */
export function foreignFormHost(action: string, pageUrl: string): string | null {
  try {
    const target = new URL(action);
    const page = new URL(pageUrl);
    return siteOf(target.hostname) === siteOf(page.hostname) ? null : target.host;
  } catch {
    return action;
  }
}
