// Pages that show their text only with JavaScript: the server sends a shell (a mount point, a
// skeleton, the site's header and footer) and the app's state, and a script writes the article in.
// A reader that runs no scripts finds nearly nothing in them; what such a page still says without
// its scripts is the schema.org description that search engines read (a NewsArticle's
// articleBody in <script type="application/ld+json">), and that it is such a shell. The same
// JSON-LD lists a post's comments for some sites, which tells their thread (comment-threads.ts).

/** The longest articleBody of the page's JSON-LD entities (each script's top-level entity, the
 *  entities of an array or of its @graph: a page's own article, not one it nests, as a live blog
 *  nests each of its updates), as plain text; null when none has one. */
export function structuredArticleBody(scripts: readonly string[]): string | null {
  let longest: string | null = null;
  for (const script of scripts) {
    for (const entity of topLevelEntities(parseJsonLd(script))) {
      const body = entity.articleBody;
      if (typeof body === 'string' && body.length > (longest?.length ?? 0)) longest = body;
    }
  }
  return longest;
}

/** The longest description of a VideoObject the page's JSON-LD describes (Vimeo's clip page, a
 *  news site's video page): the whole of what its <meta> tags cut short, or replace with the
 *  site's own line. Only scripts that name a VideoObject are parsed. */
export function structuredVideoDescription(scripts: readonly string[]): string | null {
  let longest: string | null = null;
  for (const script of scripts) {
    if (!script.includes('VideoObject')) continue;
    for (const entity of topLevelEntities(parseJsonLd(script))) {
      const type = entity['@type'];
      const description = entity.description;
      const isVideo = type === 'VideoObject' || (Array.isArray(type) && type.includes('VideoObject'));
      if (isVideo && typeof description === 'string' && description.length > (longest?.length ?? 0)) longest = description;
    }
  }
  return longest;
}

/** The texts of the comments the page's JSON-LD lists (a post's `comment`, schema.org Comment
 *  entities, and their replies' own `comment`), as plain text. Only scripts that name a Comment are
 *  parsed: most pages' JSON-LD lists none. */
export function structuredCommentTexts(scripts: readonly string[]): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_COMMENT_DEPTH) return;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isEntity(item)) continue;
      const type = item['@type'];
      if ((type === 'Comment' || (Array.isArray(type) && type.includes('Comment'))) && typeof item.text === 'string') texts.push(item.text);
      if (item.comment !== undefined) visit(item.comment, depth + 1);
    }
  };
  for (const script of scripts) {
    if (!script.includes('"Comment"')) continue;
    for (const entity of topLevelEntities(parseJsonLd(script))) visit(entity, 0);
  }
  return texts;
}

// A thread's replies nest their own replies: deep enough for any real one, and the JSON is the page's.
const MAX_COMMENT_DEPTH = 12;

type Entity = Record<string, unknown>;

function parseJsonLd(script: string): unknown {
  // Some CMSs wrap it for old XHTML parsers; many write the body's line breaks as raw newlines,
  // which JSON does not allow inside a string (browsers' search-engine readers are lenient).
  const json = script.replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/)|(?:-->|\/\*\s*\]\]>\s*\*\/)\s*$/g, '');
  try {
    return JSON.parse(json);
  } catch {
    try {
      return JSON.parse(json.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

function topLevelEntities(value: unknown): Entity[] {
  const entities: Entity[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!isEntity(item)) continue;
    entities.push(item);
    const graph = item['@graph'];
    if (Array.isArray(graph)) for (const node of graph) if (isEntity(node)) entities.push(node);
  }
  return entities;
}

function isEntity(value: unknown): value is Entity {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as the article's paragraphs, elements of `doc` holding text only, in the shape of
 *  Readability's content (a page's <div> in it). An articleBody is plain text by the schema, but
 *  some CMSs put their HTML (or its entities) in it: that is read as text, its paragraphs kept,
 *  and none of its markup. */
export function paragraphsOf(body: string, doc: Document): Element {
  const content = doc.createElement('div');
  const page = content.appendChild(doc.createElement('div'));
  for (const paragraph of paragraphTexts(/[<&]/.test(body) ? textOfMarkup(body, doc) : body)) {
    const p = doc.createElement('p');
    p.textContent = paragraph;
    page.appendChild(p);
  }
  return content;
}

function paragraphTexts(text: string): string[] {
  // Blank lines part the paragraphs; a body with none parts them with its single line breaks.
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  return blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block !== '');
}

const BLOCK_END = /<br\s*\/?>|<\/(?:p|div|h[1-6]|li|blockquote|figcaption|pre|section)\s*>/gi;

/** The text of a body written as HTML, each block's end a paragraph break. Parsed in a detached
 *  element: nothing in it runs or loads, and only its text is read. */
function textOfMarkup(markup: string, doc: Document): string {
  const holder = doc.createElement('div');
  holder.innerHTML = markup.replace(BLOCK_END, '$&\n\n');
  for (const element of [...holder.querySelectorAll('script, style, template')]) element.remove();
  return holder.textContent ?? '';
}

// The state a client-rendered app ships in its shell (Next.js, Nuxt, Redux, Apollo, Gatsby), an
// empty element it mounts on, or the notice it shows to readers without scripts.
const APP_STATE = /\bid=["']?__N[EU]XT_DATA__\b|\bwindow\.__(?:NUXT|INITIAL_STATE|PRELOADED_STATE|APOLLO_STATE|INITIAL_DATA)__\b|\b__NUXT__\s*=/;
const EMPTY_MOUNT = /<div\s+id=["']?(?:root|app|__next|__nuxt|___gatsby)["']?\s*>\s*<\/div>/i;
const NO_SCRIPT = /<noscript\b[^>]*>/gi;
// What is read of a <noscript>: its notice comes first, and many hold only a tracking pixel.
const NOTICE_CHARS = 1000;
// "Please enable JavaScript", "requires JavaScript"; and the notice written the other way round
// (Bluesky's "JavaScript Required", X's "JavaScript is not available", "cannot work without JavaScript").
const JAVASCRIPT_NOTICE = /\b(?:enable|turn on|requires?)\b[^.!?]*?\bjavascript\b|\bjavascript(?: is)? (?:required|disabled|not available|turned off)\b|\bwithout javascript\b/i;

/** Whether the page (its raw HTML) is the shell of an app that writes its text with JavaScript.
 *  Asked only of a page whose text extraction found too little, or nothing of the story: many
 *  pages that do show their text also carry an app's state. */
export function isScriptRendered(pageHtml: string): boolean {
  return APP_STATE.test(pageHtml) || EMPTY_MOUNT.test(pageHtml) || hasNoScriptNotice(pageHtml);
}

/** Whether the text asks the reader to turn JavaScript on: all a shell says without its scripts,
 *  in its <noscript> or in the element the app will replace. */
export function asksForJavaScript(text: string): boolean {
  return JAVASCRIPT_NOTICE.test(text);
}

/** Whether a <noscript> says that the page needs JavaScript, however it is marked up (a heading
 *  and a paragraph in a box: <noscript><div><h1>Please enable JavaScript</h1>...). */
function hasNoScriptNotice(pageHtml: string): boolean {
  for (const open of pageHtml.matchAll(NO_SCRIPT)) {
    const start = open.index + open[0].length;
    const inside = pageHtml.slice(start, start + NOTICE_CHARS).split(/<\/noscript/i)[0]!;
    if (asksForJavaScript(inside.replace(/<[^>]*>/g, ' '))) return true;
  }
  return false;
}

// Words of four letters or more (which leaves out "the", "and", "for"), lower case.
const LONG_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]{3,}/gu;
// Fewer distinct words than this (a "Read more", or Chinese and Japanese, written without spaces)
// tell nothing either way.
const WORDS_TO_JUDGE = 4;

/** The share of `source`'s distinct long words that `text` has too: how much of the article a
 *  shell's text (its footer, its skeleton) or a summary is. Null when `source` has too few to tell. */
export function sharedWords(source: string, text: string): number | null {
  const wanted = new Set(source.toLowerCase().match(LONG_WORD));
  if (wanted.size < WORDS_TO_JUDGE) return null;
  const found = new Set(text.toLowerCase().match(LONG_WORD));
  let shared = 0;
  for (const word of wanted) if (found.has(word)) shared++;
  return shared / wanted.size;
}
