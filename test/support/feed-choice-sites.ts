// Sites whose pages name several feeds (test/fixtures/feed-choice/), for Add feed's choice:
// - Harbour Notes, a WordPress blog: its category page (block theme) names the posts' feed, the
//   comments' and the category's; its home page (an old theme's hard-coded links beside
//   wp_head's) names the posts' feed three ways: RSS at /feed and at https://…/feed/ (its address
//   setting says https, as after a move), and Atom.
// - The Tide Table, a podcast whose page names its MP3 feed and its video feed, one title for both.
// Served with the types and redirects WordPress and podcast hosts use.
import { fixtureText } from './fixtures';
import type { TestServer } from './server';

const HTML = 'text/html; charset=UTF-8';
const RSS = 'application/rss+xml; charset=UTF-8';
const ATOM = 'application/atom+xml; charset=UTF-8';

/** The fixture with the server's origin in it, over https where the page writes {{HTTPS_ORIGIN}}. */
function text(server: TestServer, name: string): string {
  return fixtureText(`feed-choice/${name}`, server.origin).replaceAll('{{HTTPS_ORIGIN}}', server.origin.replace(/^http:/, 'https:'));
}

export const HARBOUR = {
  home: '/',
  category: '/category/ferries/',
  posts: '/feed/',
  comments: '/comments/feed/',
  categoryFeed: '/category/ferries/feed/',
  atom: '/feed/atom/',
} as const;

export function serveHarbourNotes(server: TestServer): void {
  server.serve(HARBOUR.home, { body: text(server, 'classic-home.html'), type: HTML });
  server.serve(HARBOUR.category, { body: text(server, 'category-ferries.html'), type: HTML });
  server.serve(HARBOUR.posts, { body: text(server, 'feed.xml'), type: RSS, etag: true });
  server.serve(HARBOUR.atom, { body: text(server, 'feed-atom.xml'), type: ATOM, etag: true });
  server.serve(HARBOUR.comments, { body: text(server, 'comments-feed.xml'), type: RSS, etag: true });
  server.serve(HARBOUR.categoryFeed, { body: text(server, 'category-ferries-feed.xml'), type: RSS, etag: true });
  // WordPress sends an address without its trailing slash to the one with it.
  server.redirect('/feed', HARBOUR.posts);
}

export const TIDE_TABLE = {
  page: '/',
  audio: '/podcast/mp3/',
  video: '/podcast/mp4/',
} as const;

export function serveTideTable(server: TestServer): void {
  server.serve(TIDE_TABLE.page, { body: text(server, 'podcast.html'), type: HTML });
  server.serve(TIDE_TABLE.audio, { body: text(server, 'podcast-mp3.xml'), type: RSS });
  server.serve(TIDE_TABLE.video, { body: text(server, 'podcast-mp4.xml'), type: RSS });
}
