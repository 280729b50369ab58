// A video's own page (a YouTube watch page, Vimeo's, a news site's video page): what a reader
// keeps of it offline is what the page says of the video, its description, under its thumbnail
// (the og:image, which the reader shows as the lead image). YouTube writes its page with
// JavaScript: the HTML's only visible words are its player's hidden "An error occurred. Try again
// later." and its guide's links, and the <meta> description is cut at some 160 characters. The
// whole description is in the player's data, which the page assigns to ytInitialPlayerResponse
// in an inline script (videoDetails.shortDescription, whatever its name says). Vimeo's clip page is
// written by its script too, and its <meta> description is Vimeo's own line ("This is "…" by … on
// Vimeo, the home for high quality videos…"), its og:description the first words: the whole
// description is its JSON-LD VideoObject's, as on many sites' video pages.
import { sharedWords, structuredVideoDescription } from './script-rendered';

/** Open Graph's types of a video's page (video.other, video.movie, video.episode). */
const VIDEO_TYPE = /^\s*video\./i;
const PLAYER_DATA = /\bytInitialPlayerResponse\s*=\s*\{/;
// A page that shows this share of the description's words shows the description itself.
const SHOWN_SHARE = 0.5;

/** The video's description, one paragraph to a line as the site shows it, when the page is a video's
 *  (`ogType`) and its readable text (`pageText`; null for none) does not show it; else null.
 *  `structuredData`: the texts of the page's JSON-LD scripts. */
export function videoDescription(pageHtml: string, structuredData: readonly string[], ogType: string | null, ogDescription: string | null, pageText: string | null): string | null {
  if (ogType === null || !VIDEO_TYPE.test(ogType)) return null;
  const description = playerDescription(pageHtml) ?? structuredVideoDescription(structuredData) ?? ogDescription;
  if (description === null || description.trim() === '') return null;
  if (pageText !== null && (sharedWords(description, pageText) ?? 0) >= SHOWN_SHARE) return null;
  // YouTube's descriptions are written line by line (chapters, credits, links): each its own.
  return description.replace(/\r?\n/g, '\n\n');
}

/** YouTube's videoDetails.shortDescription, from the player's data in the page's script. */
function playerDescription(pageHtml: string): string | null {
  const found = PLAYER_DATA.exec(pageHtml);
  if (!found) return null;
  const json = objectAt(pageHtml, found.index + found[0].length - 1);
  if (json === null) return null;
  try {
    const details = (JSON.parse(json) as { videoDetails?: { shortDescription?: unknown } }).videoDetails;
    return typeof details?.shortDescription === 'string' ? details.shortDescription : null;
  } catch {
    return null;
  }
}

/** The JSON object that opens at `start` (its '{'), as written: up to its matching brace, strings
 *  and their escapes read past. Null when it does not close. */
function objectAt(text: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (char === OPEN) depth++;
    else if (char === CLOSE && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

const BACKSLASH = 92;
const QUOTE = 34;
const OPEN = 123;
const CLOSE = 125;
