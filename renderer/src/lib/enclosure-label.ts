// How an attachment (an RSS enclosure: a podcast's audio, a video, a PDF) is named under the
// article: what it is, its file name and its size, as a podcast app lists an episode's file.
// Podcast hosts put tracking parameters in the query (Podtrac, Chartable), which name nothing.
import type { Enclosure } from '../../../shared/types';
import { bytes } from './format';

const KINDS: Readonly<Record<string, string>> = { audio: 'Audio', video: 'Video', image: 'Image' };
const NAMED_TYPES: Readonly<Record<string, string>> = { 'application/pdf': 'PDF', 'application/epub+zip': 'EPUB' };

export function enclosureLabel(enclosure: Enclosure): string {
  const size = enclosure.length !== null ? ` (${bytes(enclosure.length)})` : '';
  return `${enclosureKind(enclosure.type)}: ${fileName(enclosure.url)}${size}`;
}

function enclosureKind(type: string | null): string {
  if (!type) return 'Attachment';
  const lowered = type.toLowerCase().split(';')[0]!.trim();
  return NAMED_TYPES[lowered] ?? KINDS[lowered.split('/')[0]!] ?? type;
}

/** The last segment of the address's path, as the person would save it; the whole address when it has none. */
function fileName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const segment = parsed.pathname.split('/').filter((part) => part.length > 0).pop();
  if (!segment) return url;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray % that is no escape: the segment as written.
    return segment;
  }
}
