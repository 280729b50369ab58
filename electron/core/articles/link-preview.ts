// What a page built by script still says without its scripts: the card it gives link previews.
// A Mastodon status page and an X post are apps whose HTML is a mount point, a <noscript> asking
// for JavaScript and the <meta> tags chat apps and other sites read to show a link: Open Graph's
// og:title, og:description and og:image (Twitter's cards as a second source). For a status those
// are the post itself: its author, its text (Mastodon's with "Attached: 1 image" and the hashtags),
// its first picture. Aggregators (Hacker News, Lobsters, Reddit) link to such pages, and their
// feeds say nothing of the post: the card is all a reader who runs no scripts can keep.
import { paragraphsOf, sharedWords } from './script-rendered';
import { webUrl, parseBase } from './urls';

export interface LinkPreview {
  /** The card's words as paragraphs, in the shape of Readability's content (paragraphsOf). */
  readonly content: Element;
  /** og:image, absolute: the post's picture, for the reader to show above the text. */
  readonly image: string | null;
}

// Each field's names, the first the page fills winning.
const TITLE = ['og:title', 'twitter:title'];
const DESCRIPTION = ['og:description', 'twitter:description', 'description'];
const IMAGE = ['og:image:secure_url', 'og:image', 'twitter:image', 'twitter:image:src'];
// A title that is mostly the description's words ("Quay Birds on X: "Forty-one turnstones…" / X")
// says nothing more; one that is not (Mastodon's "Wenna Rowe (@wennarowe@harbour.social)") names
// who wrote the post.
const TITLE_SHARE_OF_DESCRIPTION = 0.5;

/** The page's link preview as a copy of the post; null when it has no description (a title alone
 *  is the reader's headline already). `doc`: the page's DOM, <head> and all. */
export function linkPreviewOf(doc: Document, pageUrl: string): LinkPreview | null {
  const metas = metaContents(doc);
  const first = (names: readonly string[]) => names.map((name) => metas.get(name)).find((value) => value !== undefined && value.trim() !== '') ?? null;
  const description = first(DESCRIPTION);
  if (description === null) return null;
  const title = first(TITLE);
  const titleSays = title !== null && (sharedWords(title, description) ?? 0) < TITLE_SHARE_OF_DESCRIPTION;
  const content = paragraphsOf(titleSays ? `${title}\n\n${description}` : description, doc);
  return { content, image: webUrl(first(IMAGE), parseBase(pageUrl)) };
}

/** The content of each <meta> by its property or name, in lower case; the first of a name wins. */
function metaContents(doc: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name'))?.toLowerCase();
    if (name && !contents.has(name)) contents.set(name, meta.getAttribute('content')!);
  }
  return contents;
}
