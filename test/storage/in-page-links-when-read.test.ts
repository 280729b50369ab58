// A reader copy stored before the in-page link rules it was made under had changed keeps its
// HTML as it was: in a copy with no web address, a table of contents' links to an old page's
// named anchors (not yet kept as places) and its "2 comments" were left as "#pb-..." links with
// nothing to go to, which did nothing when clicked. Read now, they are their words, as in a copy
// made today, and the links that do lead somewhere (a footnote, "Back to top") stay. Its "Back to
// top", written as its page's address with "#top", goes to the article's top, not the site.
import { afterEach, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const NOW = Date.UTC(2026, 11, 1);

afterEach(removeTempDirs);

// As the sanitizer of the round before wrote such a page: the anchors' <a name> were dropped.
const OLD_COPY =
  '<p><a href="#pb-comments" rel="noopener noreferrer">2 comments</a></p>' +
  '<ul><li><a href="#pb-intro" rel="noopener noreferrer">1. Introduction</a></li><li><a href="#pb-tables" rel="noopener noreferrer"><b>2.</b> The tables</a></li></ul>' +
  '<h2>1. Introduction</h2><p>The harbour office measured the tide.<sup><a href="#pb-fn1" rel="noopener noreferrer">1</a></sup></p>' +
  '<h2>2. The tables</h2><p>Twice a day.</p><ol><li id="pb-fn1">At each quay.</li></ol>' +
  '<p><a href="#pb-top" rel="noopener noreferrer">Back to top</a></p>';

it("shows an old copy's links that lead nowhere as their words, and keeps those that lead somewhere", () => {
  const storage = Storage.open(tempDir());
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/harbour.xml', title: 'Harbour Office', siteUrl: null, description: null, folderId: null });
  const stored = item({ url: null, feedHtml: OLD_COPY });
  storage.articles.upsertFeedItems(feedId, [stored], NOW);

  const html = storage.articles.get(stored.id)!.html;

  expect(html).toBe(
    '<p>2 comments</p><ul><li>1. Introduction</li><li><b>2.</b> The tables</li></ul>' +
      '<h2>1. Introduction</h2><p>The harbour office measured the tide.<sup><a href="#pb-fn1" rel="noopener noreferrer">1</a></sup></p>' +
      '<h2>2. The tables</h2><p>Twice a day.</p><ol><li id="pb-fn1">At each quay.</li></ol>' +
      '<p><a href="#pb-top" rel="noopener noreferrer">Back to top</a></p>',
  );
  storage.close();
});

it("takes an old copy's \"Back to top\", written as its page's address, to the article's top", () => {
  const storage = Storage.open(tempDir());
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/gazette.xml', title: 'Coast Gazette', siteUrl: null, description: null, folderId: null });
  const page = 'https://coast-gazette.example/2026/12/07/ferry-timetable/';
  // As the sanitizer of the round before wrote it against the page's address: "#top" named no element.
  const stored = item({
    url: page,
    feedHtml: `<p>Sailings from the north quay.</p><p><a href="${page}#top" rel="noopener noreferrer">Back to top</a> · ` +
      `<a href="${page}#comments" rel="noopener noreferrer">3 comments</a> · <a href="https://coast-gazette.example/2026/12/06/storm/#top" rel="noopener noreferrer">Yesterday</a></p>`,
  });
  storage.articles.upsertFeedItems(feedId, [stored], NOW);

  expect(storage.articles.get(stored.id)!.html).toBe(
    '<p>Sailings from the north quay.</p><p><a href="#pb-top" rel="noopener noreferrer">Back to top</a> · ' +
      `<a href="${page}#comments" rel="noopener noreferrer">3 comments</a> · <a href="https://coast-gazette.example/2026/12/06/storm/#top" rel="noopener noreferrer">Yesterday</a></p>`,
  );
  storage.close();
});
