// The writer an article's page names (Readability's byline: rel="author", a byline's class, the
// JSON-LD author), as the article's author where its feed names none: a blog's RSS often has no
// <author> or <dc:creator>, and the reader's header then showed no name although the page did.
// A byline Readability took with the date or the site glued on ("Lee MarshJan 22, 2024• 4 min
// read", "By Yonhap Published : May 22, 2024", "Hanbit Ilbo | Naver") is no name to show:
// none is better than a wrong one, so such a line gives no author.

/** A byline's leading word for "by", in the languages of the bylines the pages write. */
const BY = /^(?:by|von|par|por|di|da|door|av|af|przez)\s+/iu;
/** Longer is a line, not names: "Mei Lin Zhou, Jack Farrant" is 26. */
const LONGEST = 80;
/** A name opens with a letter ("[deleted]" is a forum's mark) and holds no digit (a date, a
 *  time, a reading time) nor a separator a template sets between a name and what follows. */
const NAME = /^\p{L}[^\d|•·\n]*$/u;

/** The page's byline as an author's name, or null when it is none (see above). */
export function pageAuthor(byline: string | null): string | null {
  const name = (byline ?? '').replace(/\s+/g, ' ').trim().replace(BY, '');
  return name.length > 0 && name.length <= LONGEST && NAME.test(name) ? name : null;
}
