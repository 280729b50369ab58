// The article inside a client-rendered page's app state. A Next.js site (pages router) that
// writes its article with JavaScript ships the article's data in <script id="__NEXT_DATA__"
// type="application/json">, a Nuxt 3 site in <script id="__NUXT_DATA__"> (the same data written
// flat: see unflattenPayload), and its HTML is a skeleton beside the site's header and legal notice.
// Each CMS shapes that data its own way (a body string of HTML; an array of blocks, {type, text},
// Arc's {type: 'text', content}, Portable Text's spans, Contentful's nodes), so nothing here
// knows key names: the article is the longest prose the data holds, a string or an array's
// paragraphs, that tells the story (the caller's test: other stories' teasers, the site's
// legal text and its menus are prose too). Nuxt 2 writes its state as a script's expression
// (nuxt2-state.ts), read as data too.
import { NUXT2_STATE_OPENING, nuxt2State } from './nuxt2-state';
import { TEXT_NODE } from './page-walk';

/** The ids of the <script type="application/json"> an app ships its state in: Next.js's as JSON,
 *  Nuxt 3's as its payload (devalue's flat array). */
export const APP_STATE_IDS = new Set(['__NEXT_DATA__', '__NUXT_DATA__']);
const APP_STATE_SCRIPT = /<script\b[^>]*\bid=["']?(__NEXT_DATA__|__NUXT_DATA__)\b[^>]*>([\s\S]*?)<\/script\s*>/i;

/** The id appStateArticleBody knows Nuxt 2's script by: it has none, and opens with NUXT2_STATE_OPENING. */
const NUXT2_STATE_ID = '__NUXT__';

/** Whether a <script> without an id is Nuxt 2's state: asked of its first letters alone. */
export function isNuxt2StateScript(script: Element): boolean {
  const first = script.firstChild;
  return first !== null && first.nodeType === TEXT_NODE && (first as CharacterData).data.startsWith(NUXT2_STATE_OPENING);
}

/** The id of an app state script of the page's (its own, or NUXT2_STATE_ID for Nuxt 2's). */
export function appStateId(script: Element): string {
  return script.getAttribute('id') ?? (isNuxt2StateScript(script) ? NUXT2_STATE_ID : '');
}

/** An app state script's id and JSON, as appStateArticleBody reads them. */
export interface AppStateScript {
  readonly id: string;
  readonly json: string;
}

/** The page's app state script, found in its source (for a page whose DOM extraction has cut up). */
export function appStateScriptOf(pageHtml: string): AppStateScript | null {
  const match = APP_STATE_SCRIPT.exec(pageHtml);
  return match ? { id: match[1]!, json: match[2]! } : null;
}

// Large sites ship their whole data cache in it: the walk stops after so many values and so deep.
const MAX_VALUES = 200_000;
const MAX_DEPTH = 40;
// A block whose prose is longer than this is a whole story or section, not one paragraph (a
// list of stories, each with its body, is no article's paragraphs).
const PARAGRAPH_CHARS = 3000;
// How many of the longest candidates are asked whether they tell the story.
const CANDIDATES_TRIED = 5;

/** The app state's article body (paragraphs parted by blank lines, or a string of HTML), for
 *  paragraphsOf; null when the state cannot be read or nothing in it `tellsTheStory`. */
export function appStateArticleBody(script: AppStateScript, tellsTheStory: (text: string) => boolean): string | null {
  let state: unknown;
  try {
    state = script.id === NUXT2_STATE_ID ? nuxt2State(script.json) : JSON.parse(script.json);
  } catch {
    return null;
  }
  if (script.id === '__NUXT_DATA__') state = Array.isArray(state) ? unflattenPayload(state) : null;
  const candidates = proseCandidates(state).sort((a, b) => b.length - a.length);
  return candidates.slice(0, CANDIDATES_TRIED).find(tellsTheStory) ?? null;
}

/** Nuxt 3's payload as the data it writes (devalue's format): each value once in a flat array,
 *  the first the root; an object's values and an array's items are the indices of theirs, a
 *  negative one a value with no place (undefined, NaN, the infinities); an array that opens with
 *  a string is a typed value (Nuxt's "Reactive", "Ref" and the like around the index of what they
 *  hold; "Set" and "Map" before their items; "Date" before its text). A value shared is read once;
 *  as deep as any app state is walked (MAX_DEPTH), as its chain of indices may be any length. */
export function unflattenPayload(table: readonly unknown[]): unknown {
  const read = new Map<number, unknown>();
  const hydrate = (index: unknown, depth: number): unknown => {
    if (typeof index !== 'number' || index < 0 || index >= table.length || depth > MAX_DEPTH) return undefined;
    if (read.has(index)) return read.get(index);
    const value = table[index];
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string') {
        const [type, ...rest] = value as [string, ...unknown[]];
        if (type === 'Set' || type === 'Map') return fill(index, rest, depth);
        return rest.length === 1 && typeof rest[0] === 'number' ? hydrate(rest[0], depth + 1) : undefined;
      }
      return fill(index, value, depth);
    }
    if (isObject(value)) {
      const object: Record<string, unknown> = {};
      read.set(index, object);
      for (const key in value) object[key] = hydrate(value[key], depth + 1);
      return object;
    }
    return value;
  };
  // An array is known before its items are read: an item may lead back to it.
  const fill = (index: number, items: readonly unknown[], depth: number): unknown[] => {
    const array: unknown[] = [];
    read.set(index, array);
    for (const item of items) array.push(hydrate(item, depth + 1));
    return array;
  };
  return hydrate(0, 0);
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
