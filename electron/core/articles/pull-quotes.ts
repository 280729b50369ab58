// A pull quote: a line of the story set again in large type beside it (WordPress's
// wp-block-pullquote, a theme's aside.pull-quote, Arc's blockquote.pull-quote), for the eye
// running down the page. In the stored copy, with no float and no large type, it reads as the
// line said twice. Removed when its words are a paragraph's of the story; a quotation the page
// names a pull quote but says nowhere else is the story's, and stays.

/** The tags a pull quote is written as. */
const PULL_QUOTE_TAGS = new Set(['figure', 'blockquote', 'aside', 'div']);
/** Its name: "pullquote", "pull-quote", "c-pullquote", "wp-block-pullquote". */
const PULL_QUOTE_NAME = /pull-?quote/i;
/** Fewer letters are no sentence to look for: "Yes." is in any story. */
const MIN_QUOTE = 20;

/** Asked of every element with a class in the walk of findPageParts. */
export function isPullQuote(tag: string, classAttribute: string): boolean {
  return PULL_QUOTE_TAGS.has(tag) && classAttribute.includes('ull') && PULL_QUOTE_NAME.test(classAttribute);
}

/** Removes each pull quote whose words (its attribution aside) stand in one of `paragraphs`. */
export function removeRepeatedPullQuotes(pullQuotes: readonly Element[], paragraphs: readonly Element[]): void {
  for (const quote of pullQuotes) {
    if (!quote.isConnected) continue;
    const words = quoteWords(quote);
    if (words.length < MIN_QUOTE) continue;
    if (paragraphs.some((paragraph) => paragraph.isConnected && !quote.contains(paragraph) && !paragraph.contains(quote) && wordsOf(paragraph.textContent).includes(words))) quote.remove();
  }
}

function quoteWords(quote: Element): string {
  const copy = quote.cloneNode(true) as Element;
  for (const attribution of copy.querySelectorAll('cite, figcaption, footer')) attribution.remove();
  return wordsOf(copy.textContent);
}

/** Its words alone, in lower case: a pull quote drops or changes the line's punctuation ("…your
 *  life," in the text, "…your life." in the quote) and its quotation marks. */
function wordsOf(text: string | null): string {
  return (text ?? '').toLowerCase().replace(NOT_A_WORD, ' ').replace(/\s+/g, ' ').trim();
}

const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;
