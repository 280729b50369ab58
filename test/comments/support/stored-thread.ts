// What the reader shows of an article's thread, in the site's own numbers: for comparing a stored
// thread with the test site's.
import type { Core } from '../../../electron/core/core';

/** Each stored comment's site number mapped to its parent's (0 at the top level). */
export async function storedParents(core: Core, articleId: string): Promise<Map<number, number>> {
  const stored = await core.api.listComments(articleId);
  const numberOf = new Map(stored.map((comment) => [comment.id, Number(/#comment-(\d+)$/.exec(comment.url ?? '')?.[1])]));
  return new Map(stored.map((comment) => [numberOf.get(comment.id)!, comment.parentId === null ? 0 : numberOf.get(comment.parentId)!]));
}

/** The site's comments in the same form. */
export function siteParents(comments: readonly { id: number; parent: number }[]): Map<number, number> {
  return new Map(comments.map((comment) => [comment.id, comment.parent]));
}
