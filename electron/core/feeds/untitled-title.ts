// The title an untitled post (Micro.blog, Mastodon, Bluesky, Tumblr) is listed under, made from its
// text: its first sentence when that is short enough to read as a headline, else its opening cut
// at a word with an ellipsis. A cut at 80 characters alone ran on past the first sentence and
// stopped inside the next ("…back on the canal. Three this…"). Ids and fingerprints keep hashing
// the cut they were made from (formerUntitledTitle, article-id.ts): a stored untitled post must not
// come back as edited, or as a new article, because its listed title is made another way.
import { truncateText } from './text';

/** The longest title made from a post's text. */
export const UNTITLED_TITLE_LENGTH = 80;

/**
 * Where a sentence ends: '.', '!', '?' or '…' (and a closing quote or bracket) before a space and
 * what a sentence starts with (a capital, a digit, an opening quote), or a CJK full stop, which
 * takes no space. "v2.1", "example.com/x" and "e.g. the" end nothing.
 */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{Lt}\p{N}])|[。！？]+/gu;
/** A dot that ends an abbreviation, not a sentence: after an initial ("J.") or a short capitalised word ("Dr.", "St.", "Mrs."). */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|\p{Lu}\p{Ll}{1,2})\.$/u;

/** The title an untitled post's text gives: its first sentence, or its opening cut at a word. */
export function untitledTitle(text: string): string {
  // A sentence is looked for in the opening only: a post may be megabytes of text.
  const opening = text.slice(0, UNTITLED_TITLE_LENGTH * 2);
  for (const end of opening.matchAll(SENTENCE_END)) {
    const sentence = opening.slice(0, end.index + end[0].length).trim();
    if (sentence.length > UNTITLED_TITLE_LENGTH) break;
    if (end[0] !== '.' || !ABBREVIATION.test(sentence)) return sentence;
  }
  return truncateText(text, UNTITLED_TITLE_LENGTH);
}

/** The title an untitled post was listed under before untitledTitle (its opening cut at 80 characters), which its id and fingerprint hash. */
export function formerUntitledTitle(text: string): string {
  return truncateText(text, UNTITLED_TITLE_LENGTH);
}
