// The full-size picture behind a Blogger feed's thumbnail. Blogger gives each post's first
// picture only as a 72-pixel media:thumbnail (https://blogger.googleusercontent.com/img/b/.../s72-c/
// photo.jpg, .../w72-h72-p-k-no-nu/photo.jpg, the older N.bp.blogspot.com/.../s72-c/photo.jpg, and
// uploads without a file name that end in =s72-c), cropped square: as the item's picture it
// showed as a 72-pixel stamp above the text and a blur in the list. Its image server makes any
// size of the upload from that size segment: s1600, the size Blogger itself links a picture to,
// is the picture of the story.

/** Blogger's image hosts: its current one, and the numbered ones of older uploads. */
const BLOGGER_IMAGE_HOST = /^(?:blogger\.googleusercontent\.com|[1-4]\.bp\.blogspot\.com)$/;
/** A size segment: a side (s72), a width or height (w72, h72), with options after it (-c, -p-k-no-nu). */
const SIZE = /^[swh]\d+(?:-[a-z]+\d*)*$/;
const FULL_SIZE = 's1600';

/** The address of the upload at full size when `thumbnail` is a Blogger image at another size; else null. */
export function bloggerFullSize(thumbnail: string | null): string | null {
  if (thumbnail === null) return null;
  let url: URL;
  try {
    url = new URL(thumbnail.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !BLOGGER_IMAGE_HOST.test(url.hostname)) return null;
  const segments = url.pathname.split('/');
  const last = segments.length - 1;
  // An upload without a file name carries its size after '=' in its last segment.
  const equals = segments[last]!.lastIndexOf('=');
  if (equals !== -1 && SIZE.test(segments[last]!.slice(equals + 1))) {
    segments[last] = `${segments[last]!.slice(0, equals + 1)}${FULL_SIZE}`;
  } else if (last >= 2 && SIZE.test(segments[last - 1]!)) {
    segments[last - 1] = FULL_SIZE;
  } else {
    return null;
  }
  url.pathname = segments.join('/');
  return url.href;
}
