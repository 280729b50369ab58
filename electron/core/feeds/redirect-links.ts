// The article's own address inside a search engine's click-through link. Bing News's RSS links
// each item as www.bing.com/news/apiclick.aspx?...&tid=...&url=<the article>, with a tid that
// changes at every fetch (and gives the same link as the guid), and Google Alerts' Atom feeds link
// each entry as www.google.com/url?...&url=<the article>&usg=..., with a usg that changes too. Taken
// as they are, every refresh made each item a new article, the sync fetched the page through the
// redirector, and "Open in browser" went by way of the search engine. Only these redirectors are
// unwrapped, by exact host and path: elsewhere a url= parameter may be a page's own argument (a
// share page, a proxy, an archive) whose address is not the item's. Google News's article links
// carry the address in their id instead (google-news-links.ts).
import { googleNewsArticleAddress } from './google-news-links';
import { absoluteHttpUrl } from './text';

/** Host and path (lower case) of each redirector whose url= parameter is the item's address. */
const REDIRECTORS: ReadonlySet<string> = new Set(['www.bing.com/news/apiclick.aspx', 'www.google.com/url']);

/** The address a known redirector's link leads to, when it names an absolute http(s) one; else the link as it is. */
export function unwrappedLink(link: string): string {
  // Most links have no url= and are not Google News's: they are not parsed (every item's guid and link pass here).
  if (!link.includes('url=') && !link.includes('news.google.com/')) return link;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return link;
  if (url.hostname === 'news.google.com') return googleNewsArticleAddress(url) ?? link;
  if (!REDIRECTORS.has(`${url.hostname}${url.pathname.toLowerCase()}`)) return link;
  return absoluteHttpUrl(url.searchParams.get('url')) ?? link;
}
