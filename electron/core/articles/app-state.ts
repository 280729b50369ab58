// The article inside a client-rendered page's app state. A Next.js site (pages router) that
// writes its article with JavaScript ships the article's data in <script id="__NEXT_DATA__"
// type="application/json">, and its HTML is a skeleton beside the site's header and legal notice.
// Each CMS shapes that data its own way (a body string of HTML; an array of blocks, {type, text},
// Arc's {type: 'text', content}, Portable Text's spans, Contentful's nodes), so nothing here
// knows key names: the article is the longest prose the data holds, a string or an array's
// paragraphs, that tells the feed's story (the caller's test: other stories' teasers, the site's
// legal text and its menus are prose too).

const NEXT_DATA = /<script\b[^>]*\bid=["']?__NEXT_DATA__\b[^>]*>([\s\S]*?)<\/script\s*>/i;
// Large sites ship their whole data cache in it: the walk stops after so many values and so deep.
const MAX_VALUES = 200_000;
const MAX_DEPTH = 40;
// A block whose prose is longer than this is a whole story or section, not one paragraph (a
// list of stories, each with its body, is no article's paragraphs).
const PARAGRAPH_CHARS = 3000;
// How many of the longest candidates are asked whether they tell the story.
const CANDIDATES_TRIED = 5;

/** The app state's article body (paragraphs parted by blank lines, or a string of HTML), for
 *  paragraphsOf; null when the page has no app state or nothing in it `tellsTheStory`. */
export function appStateArticleBody(pageHtml: string, tellsTheStory: (text: string) => boolean): string | null {
  const json = NEXT_DATA.exec(pageHtml)?.[1];
  if (json === undefined) return null;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return null;
  }
  const candidates = proseCandidates(state).sort((a, b) => b.length - a.length);
  return candidates.slice(0, CANDIDATES_TRIED).find(tellsTheStory) ?? null;
}

/** Every prose string of the data, and each array's paragraphs joined: the array's elements that
 *  are prose or hold some, in order (pictures and embeds between them are left out). */
function proseCandidates(state: unknown): string[] {
  const candidates: string[] = [];
  const budget = { values: MAX_VALUES };
  const walk = (value: unknown, depth: number): void => {
    if (--budget.values < 0 || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      if (isProse(value)) candidates.push(value);
    } else if (Array.isArray(value)) {
      const paragraphs = value.map((element) => proseOf(element, depth + 1, budget)).filter((text) => text !== '' && text.length <= PARAGRAPH_CHARS);
      if (paragraphs.length > 1) candidates.push(paragraphs.join('\n\n'));
      for (const element of value) walk(element, depth + 1);
    } else if (isObject(value)) {
      for (const key in value) walk(value[key], depth + 1);
    }
  };
  walk(state, 0);
  return candidates;
}

/** The prose a block holds, its strings in order (a paragraph's text, or its spans'); read no
 *  further than a paragraph's length. */
function proseOf(value: unknown, depth: number, budget: { values: number }): string {
  if (--budget.values < 0 || depth > MAX_DEPTH) return '';
  if (typeof value === 'string') return isProse(value) ? value : '';
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  let prose = '';
  for (const child of children) {
    const part = proseOf(child, depth + 1, budget);
    if (part !== '') prose = prose === '' ? part : `${prose} ${part}`;
    if (prose.length > PARAGRAPH_CHARS) break;
  }
  return prose;
}

// Words: a string with a space between letters, or in a script written without spaces. Not a
// slug, an id, a type name, a date or an address.
const WORDS = /\p{L}\s+\S|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]{4}/u;
const ADDRESS = /^(?:https?:|\/|data:)/i;

function isProse(value: string): boolean {
  return WORDS.test(value) && !ADDRESS.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
