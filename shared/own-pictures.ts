// Whether an article's stored body shows pictures of its own, which decides whether its lead image
// (a page's og:image, a feed item's picture) is shown above the text: it is not when the body has
// its own, which it most likely repeats. The sync fetches a lead image only where it can be shown
// (core/sync/article-sync.ts), and the reader shows it by the same test (LeadImage.tsx).
//
// The stored body is sanitized HTML (core/articles/sanitize.ts), in which an image is exactly an
// <img> tag with its attributes double-quoted. One with neither src nor data-original-src is what
// is left of a tracking pixel, and shows nothing; one with data-original-src only was not saved,
// and shows as a box that says so: it is still the article's own picture.
const SHOWN_IMAGE = /<img\b[^>]*\s(?:src|data-original-src)="/i;

export function showsOwnPictures(html: string): boolean {
  return SHOWN_IMAGE.test(html);
}
