// The publisher's address inside a Google News link. Google News's RSS (news.google.com/rss/...)
// links every item as news.google.com/rss/articles/<id>?oc=5, a page that sends a browser on to the
// story with a script: fetched for an offline copy it gave Google's page (or its consent wall), not
// the article, and "Open in browser" went by way of Google. Until mid-2024 the id was the
// base64url of a small protobuf message whose field 4 is the story's address (and field 26 its AMP
// page, when it has one): "CBMi..." is field 1 = 19 (08 13) followed by field 4's tag (22). Such
// an id is read here, offline. Ids issued since hold an opaque token in field 4 ("AU_yqL..."),
// which only a request to Google turns into the address: those links stay as they are.
import { absoluteHttpUrl } from './text';

/** Paths whose last segment is an article id: the RSS feeds' and the website's. */
const ARTICLE_PATH = /^\/(?:rss\/)?articles\/([\w-]+)$/;
/** The protobuf field that holds the story's address. */
const ADDRESS_FIELD = 4;
/** A protobuf message this small is all an old id holds; anything longer is not one. */
const MAX_ID_BYTES = 4096;

/** The story's address inside an old-form Google News article link, or null for any other link. */
export function googleNewsArticleAddress(url: URL): string | null {
  if (url.hostname !== 'news.google.com') return null;
  const id = ARTICLE_PATH.exec(url.pathname)?.[1];
  if (id === undefined || id.length > MAX_ID_BYTES) return null;
  const address = stringField(Buffer.from(id, 'base64url'), ADDRESS_FIELD);
  return absoluteHttpUrl(address);
}

/**
 * The first length-delimited field of that number in a protobuf message, as UTF-8, or null when the
 * bytes are not a message of varints and length-delimited fields that holds one (any other wire
 * type, a length past the end): such bytes are an id of another form, never guessed at.
 */
function stringField(bytes: Buffer, wanted: number): string | null {
  let at = 0;
  while (at < bytes.length) {
    const tag = varint(bytes, at);
    if (tag === null) return null;
    at = tag.end;
    const field = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    if (wireType === 0) {
      const value = varint(bytes, at);
      if (value === null) return null;
      at = value.end;
    } else if (wireType === 2) {
      const length = varint(bytes, at);
      if (length === null || length.end + length.value > bytes.length) return null;
      if (field === wanted) return bytes.toString('utf8', length.end, length.end + length.value);
      at = length.end + length.value;
    } else {
      return null;
    }
  }
  return null;
}

/** A protobuf varint at `at` (at most 4 bytes: ids hold small numbers and lengths), or null when cut short. */
function varint(bytes: Buffer, at: number): { value: number; end: number } | null {
  let value = 0;
  for (let i = 0; i < 4 && at + i < bytes.length; i++) {
    const byte = bytes[at + i]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return { value, end: at + i + 1 };
  }
  return null;
}
