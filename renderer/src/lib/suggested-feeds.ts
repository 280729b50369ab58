// Well-known news feeds offered on first launch, when only the built-in welcome feed exists.
// Their real addresses: subscribing fetches them (with the network), like any other feed.
export interface SuggestedFeed {
  readonly title: string;
  readonly url: string;
  readonly about: string;
}

export const SUGGESTED_FEEDS: readonly SuggestedFeed[] = [
  { title: 'BBC News – World', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', about: 'World news from the BBC' },
  { title: 'NPR News', url: 'https://feeds.npr.org/1001/rss.xml', about: 'Top stories from NPR' },
  { title: 'The Guardian – World', url: 'https://www.theguardian.com/world/rss', about: 'World news from the Guardian' },
  { title: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', about: 'News from Al Jazeera English' },
  { title: 'Deutsche Welle', url: 'https://rss.dw.com/rdf/rss-en-all', about: 'All English stories from DW' },
  { title: 'Ars Technica', url: 'https://feeds.arstechnica.com/arstechnica/index', about: 'Technology, science and policy' },
  { title: 'Hacker News', url: 'https://news.ycombinator.com/rss', about: 'Front page of Hacker News' },
];
