// Comment services a page loads by script in place of a form of the site's own: the thread and its
// form live on the service, which takes a comment only from its own widget, with its own sign-in
// (a Disqus, Facebook or GitHub account, a Ghost site's membership). Many WordPress sites use them:
// the Disqus plugin replaces the theme's comments template, so the page names WordPress's API and
// has no WordPress form, which used to read as "comments are closed". Blogs on Ghost, Hugo or
// Jekyll use them as their only comments; news sites run Coral, OpenWeb, Viafoura or Vuukle. Paperboy cannot post there; the person is told where the
// comments go, and the draft stays, to be carried to the browser.

export const COMMENT_SERVICE_KINDS = ['disqus', 'facebook', 'hyvor', 'commento', 'coral', 'openweb', 'viafoura', 'vuukle', 'giscus', 'utterances', 'ghost'] as const;
export type CommentServiceKind = (typeof COMMENT_SERVICE_KINDS)[number];

const WHERE_COMMENTS_GO: Readonly<Record<CommentServiceKind, string>> = {
  disqus: 'on Disqus',
  facebook: 'on Facebook, in its comments plugin',
  hyvor: 'on Hyvor Talk',
  commento: 'on Commento',
  coral: 'in Coral, the comment platform the site runs for its readers',
  openweb: 'on OpenWeb (formerly Spot.IM), the comment platform the site runs for its readers',
  viafoura: 'on Viafoura, the comment platform the site runs for its readers',
  vuukle: 'on Vuukle',
  giscus: "on GitHub, in the discussions of the site's repository (giscus)",
  utterances: "on GitHub, in the issues of the site's repository (utterances)",
  ghost: "in Ghost's member comments, for readers signed in to the site",
};

/** Whether a form's kind is a comment service's. */
export function isCommentServiceKind(kind: string | null | undefined): kind is CommentServiceKind {
  return (COMMENT_SERVICE_KINDS as readonly (string | null | undefined)[]).includes(kind);
}

/** Where a service's comments go, as the end of a sentence: "This page's comments are on Disqus". */
export function whereCommentsGo(kind: CommentServiceKind): string {
  return WHERE_COMMENTS_GO[kind];
}
