// The names the core gives places within an article's stored HTML, which the reader follows
// (electron/core/articles/in-page-links.ts writes them; renderer ArticleBody.tsx goes there).
// Written here once because both sides of the wire read them.

/** Every id kept in an article starts with this, and every in-page link's fragment names one
 *  that does: the article's ids share the reader's document with the app's own. */
export const ANCHOR_PREFIX = 'pb-';

/**
 * The fragment of a link to the article's top ("Back to top"). HTML reads "#top" as the top of
 * the document when no element has that id, so a page's "#top" is kept as this even though no
 * element of the copy carries it.
 */
export const TOP_OF_ARTICLE = `${ANCHOR_PREFIX}top`;
