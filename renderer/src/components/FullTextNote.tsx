// Says when the reader shows less than the whole article, and why.
import type { Article } from '../../../shared/types';
import { asSentence } from '../lib/sentence';

/** A sync's reason that says itself that the feed's text is kept (sync/article-sync.ts). */
const FEED_TEXT_KEPT = /^(.+); the feed['’]s text is kept$/s;

export function FullTextNote({ article }: { readonly article: Article }) {
  if (article.fullTextState === 'pending' && article.url) {
    // A pending article may carry why the last try stopped short (a full disk, say): the person
    // should learn it here, not only from the sync's warnings.
    const lastTry = article.fullTextError ? ` The last try stopped: ${article.fullTextError}.` : '';
    // An article edited on its site after its page was saved (a correction) is fetched again;
    // until then the reader shows the copy saved before, not the feed's text.
    if (article.contentSource === 'page') {
      return <p className="article-note">The article changed on its site since this copy was saved. The next sync saves it again.{lastTry}</p>;
    }
    return <p className="article-note">This is the feed’s summary. The whole article and its pictures are saved at the next sync.{lastTry}</p>;
  }
  if (article.fullTextState === 'done' && article.fullTextError) {
    // What the sync said of the copy it kept: the page's text was shorter than the feed's, the
    // edited article's new page could not be saved (the copy is from before), and the like.
    return <p className="article-note">{asSentence(article.fullTextError)}</p>;
  }
  if (article.fullTextState === 'failed') {
    // A reason the core wrote as a sentence of its own, ending with what it kept ("the site asks you
    // to sign in to read this page (…); the feed's text is kept"), is said as that sentence: put in
    // brackets after "could not be saved" it read with brackets in brackets and the feed's text twice.
    const sentence = article.fullTextError?.match(FEED_TEXT_KEPT)?.[1];
    if (sentence) return <p className="article-note warning">{asSentence(sentence)} This is the feed’s text.</p>;
    return (
      <p className="article-note warning">
        The whole article could not be saved{article.fullTextError ? ` (${article.fullTextError})` : ''}; this is the feed’s text.
      </p>
    );
  }
  return null;
}
