// The section's name a news page sets just above its headline, with no class that names it a
// kicker: a link to the section's or the tag's page ("War" -> /tag/war/, Ghost's primary tag;
// "Schouwen-Duiveland" -> /regio/schouwen-duiveland, a regional broadcaster's), or the section's
// word alone where the page's address names it ("Lokales" over /lokales/neue-buslinie-….html).
// Readability kept it as the text's first line, and the reader shows the feed's name there; a
// link above the headline is the site's way around, not a word of the story.

/** A section's name: a few words, no digits, no sentence. */
const SECTION_TEXT = 40;
const SECTION_WORDS = 4;
const DIGIT = /\d/;
/** A section's or a tag's page: one or two steps below the site's root ("/tag/war/", "/lokales/"). */
const SECTION_DEPTH = 2;

/** Whether a line above the headline is the section's name (see above). */
export function isSectionLabel(line: Element, pageUrl: string): boolean {
  const text = (line.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > SECTION_TEXT || DIGIT.test(text) || text.split(' ').length > SECTION_WORDS) return false;
  if (line.getElementsByTagName('img').length > 0) return false;
  const links = line.localName.toLowerCase() === 'a' ? [line] : [...line.getElementsByTagName('a')];
  if (links.length > 1) return false;
  const page = parsedUrl(pageUrl, undefined);
  if (page === null) return false;
  if (links.length === 1) {
    const link = links[0]!;
    if ((link.textContent ?? '').replace(/\s+/g, ' ').trim() !== text) return false;
    const target = parsedUrl(link.getAttribute('href') ?? '', page);
    return target !== null && target.host === page.host && target.pathname !== page.pathname && steps(target.pathname).length <= SECTION_DEPTH;
  }
  // The section's word unlinked: the page's address says the story is in it.
  const folders = steps(page.pathname).slice(0, -1).map((step) => decoded(step).toLowerCase());
  return folders.includes(slug(text));
}

/** Whether a line above the headline is the section's word beside the story's date, and nothing
 *  else (a scientific publisher's "<li>NEWS</li><li><time>11 March 2024</time></li>", "Analysis ·
 *  <time>"): the reader shows the date itself, and the word read as the text's first line. */
export function isSectionAndDate(line: Element): boolean {
  const times = line.getElementsByTagName('time');
  if (times.length !== 1 || line.getElementsByTagName('a').length > 0 || line.getElementsByTagName('img').length > 0) return false;
  const date = times[0]!.textContent ?? '';
  const text = (line.textContent ?? '').replace(date, ' ').replace(/[\s|·•,–—-]+/g, ' ').trim();
  return text !== '' && text.length <= SECTION_TEXT && !DIGIT.test(text) && text.split(' ').length <= SECTION_WORDS;
}

function parsedUrl(address: string, base: URL | undefined): URL | null {
  try {
    return new URL(address, base);
  } catch {
    return null;
  }
}

function decoded(step: string): string {
  try {
    return decodeURIComponent(step);
  } catch {
    return step;
  }
}

function steps(pathname: string): string[] {
  return pathname.split('/').filter((step) => step !== '');
}

/** A name as a site writes it in its addresses: "Schouwen-Duiveland" -> "schouwen-duiveland". */
function slug(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '-');
}
