// One page of a WordPress site's comments as its REST API serves them (wp/v2/comments): a JSON
// array of {id, parent, author_name, author_url, date_gmt, content.rendered, link}. Each comment
// is identified as the comment feed identifies it (POST#comment-ID, after its link), so a thread
// read from either source is the same thread; the parent is named the same way.
/** A comment as a WordPress site gives it whole, by its REST API or in its article's page. */
export interface SiteComment {
  readonly uniqueId: string;
  readonly parentUniqueId: string | null;
  readonly author: string | null;
  readonly authorUrl: string | null;
  readonly publishedAt: number | null;
  readonly html: string;
  readonly link: string | null;
}

/** The page's comments; entries that are not comments are skipped. Throws when it is not JSON. */
export function parseWordPressComments(text: string, pageUrl: string): SiteComment[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('the site sent something other than a list of comments');
  const comments: SiteComment[] = [];
  for (const entry of data as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== 'number' || !Number.isInteger(id)) continue;
    const link = typeof record.link === 'string' ? absolute(record.link, pageUrl) : null;
    const post = (link ?? pageUrl).replace(/#.*$/, '');
    const parent = typeof record.parent === 'number' && record.parent > 0 ? record.parent : null;
    const content = record.content as Record<string, unknown> | undefined;
    comments.push({
      uniqueId: `${post}#comment-${id}`,
      parentUniqueId: parent === null ? null : `${post}#comment-${parent}`,
      author: typeof record.author_name === 'string' && record.author_name !== '' ? record.author_name : null,
      authorUrl: typeof record.author_url === 'string' && record.author_url !== '' ? absolute(record.author_url, pageUrl) : null,
      publishedAt: typeof record.date_gmt === 'string' ? dateOf(record.date_gmt) : null,
      html: typeof content?.rendered === 'string' ? content.rendered : '',
      link,
    });
  }
  return comments;
}

function absolute(value: string, base: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** WordPress's date_gmt has no zone: it is UTC. */
function dateOf(value: string): number | null {
  const ms = Date.parse(`${value.replace(/Z$/, '')}Z`);
  return Number.isNaN(ms) ? null : ms;
}
