// Says when the reader shows less than the whole article, and why.
import type { Article } from '../../../shared/types';
import { pageFailureReason } from '../lib/page-not-read';
import { asSentence, withReason } from '../lib/sentence';

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
    // The sync's reason follows a colon, as a clause: in brackets it nested the brackets of its own
    // ('…for legal reasons (HTTP 451)', '…(it sent the sync to …/login)'). One that says itself
    // that the feed's text is kept has that said once, by the note's last sentence.
    return <p className="article-note warning">The whole article could not be saved{withReason(pageFailureReason(article))} This is the feed’s text.</p>;
  }
  return null;
}
