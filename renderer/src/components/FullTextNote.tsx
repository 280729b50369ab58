// Says when the reader shows less than the whole article, and why.
import type { Article } from '../../../shared/types';

export function FullTextNote({ article }: { readonly article: Article }) {
  if (article.fullTextState === 'pending' && article.url) {
    // A pending article may carry why the last try stopped short (a full disk, say): the person
    // should learn it here, not only from the sync's warnings.
    const lastTry = article.fullTextError ? ` The last try stopped: ${article.fullTextError}.` : '';
    return <p className="article-note">This is the feed’s summary. The whole article and its pictures are saved at the next sync.{lastTry}</p>;
  }
  if (article.fullTextState === 'failed') {
    return (
      <p className="article-note warning">
        The whole article could not be saved{article.fullTextError ? ` (${article.fullTextError})` : ''}; this is the feed’s text.
      </p>
    );
  }
  return null;
}
