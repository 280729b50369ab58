// The carousel of the site's own videos that news templates drop into a story (Forbes' "Forbes
// Daily Cover Stories", a "Watch more" rail): a playlist of other stories' clips, each a poster
// and a title, which Readability kept as a heading and a run of unrelated titles in the middle of
// the text. The story's own video stands alone, with its caption, and stays. Told by a name that
// says video and carousel (or playlist, rail), two players or more, and titles alone for text.

/** "video-carousel", "vid-promo-wrapper", "videoPlaylist", "carousel-video", "video_rail". */
const PLAYLIST_NAME = /(?:video|vid)[-_]?(?:carousel|playlist|rail|strip|promo|shelf)|(?:carousel|playlist)[-_]?(?:video|vid)/i;
/** A player in it: a <video>, a frame, or a block named for its video. */
const PLAYER = 'video, iframe, [class*="video-container"], [class*="video-player"], [class*="video-item"], [class*="video-card"], [data-video-id]';
/** Titles only: no line of it is a paragraph of prose. */
const TITLE_TEXT = 120;
/** What never is in a playlist: the story's own blocks. */
const NOT_PLAYLIST = 'h1, article, main, blockquote, table';

/** An element named as a carousel of videos that holds two players or more and only their titles. */
export function isVideoPlaylist(element: Element, classAttribute: string): boolean {
  if (!PLAYLIST_NAME.test(classAttribute) || element.querySelectorAll(PLAYER).length < 2 || element.querySelector(NOT_PLAYLIST)) return false;
  for (const line of element.querySelectorAll('p, li, figcaption')) if ((line.textContent ?? '').trim().length > TITLE_TEXT) return false;
  return true;
}
