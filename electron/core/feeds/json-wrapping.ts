// A JSON Feed with something around it, as some servers send one: a guard a script tag cannot
// run past (Angular's ")]}'," and Facebook's "for (;;);" against JSON hijacking), a JSONP call
// ("callback({...});" from an API that serves both, WordPress's "/**/callback(...)"), or bytes
// after its closing brace (a page cache's "<!-- served in 0.04 s -->", a PHP notice). JSON.parse
// refused the whole feed; the feed is the JSON object inside, and only what is around it goes:
// what is left must still open as a JSON object, or the text is left as it came.

/** Anti-hijacking guards put before JSON: Angular's and Google's ")]}'", Facebook's "for (;;);", "while(1);". */
const XSSI_GUARD = /^(?:\)\]\}'?,?|for\s*\(\s*;\s*;\s*\)\s*;|while\s*\(\s*1\s*\)\s*;)\s*/;
/**
 * A JSONP call's opening: WordPress's and Rails's "/**\/" first, maybe a guard that the callback
 * exists ("typeof cb === 'function' && "), the callback's name, its parenthesis.
 */
const JSONP_OPENING = /^(?:\/\*\*\/\s*)?(?:typeof\s+[\w$.]+\s*===?\s*(["'])function\1\s*&&\s*)?[A-Za-z_$][\w$.]*\(\s*/;
/** A JSON string, escapes and all, matched where it starts (sticky). */
const JSON_STRING = /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;

/** The JSON object a feed's text holds without what was wrapped around it; the text as it is when it holds none. */
export function withoutJsonWrapping(text: string): string {
  const guard = XSSI_GUARD.exec(text)?.[0].length ?? 0;
  const call = JSONP_OPENING.exec(text.slice(guard))?.[0].length ?? 0;
  const start = guard + call;
  // A feed's JSON is an object; anything else (PHP's print_r of an array, "Array\n(\n  [0] => ...")
  // is left for the parser to name.
  if (text[start] !== '{') return text;
  // A whole object is a feed's last character, in the text of almost every feed: no need to look for its end.
  const end = call === 0 && text.endsWith('}') ? text.length : objectEnd(text, start);
  // A value that never ends (a feed cut short) is left for JSON.parse to say so.
  return start === 0 && (end === text.length || end < 0) ? text : text.slice(start, end < 0 ? text.length : end);
}

/** Just past the brace that closes the object opening at `start`, or -1 when none does. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      JSON_STRING.lastIndex = i;
      if (!JSON_STRING.test(text)) return -1;
      i = JSON_STRING.lastIndex - 1;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * A JSON Feed cut short (a publisher's script that timed out, a dropped connection: the text ends
 * inside it) as far as the last item that arrived whole, with its items list and object closed, as
 * a cut XML feed is read (xml-feed.ts). Null when the text does not end inside the object, or no
 * item ended before the cut: there is nothing to keep. Run only after JSON.parse refused the text.
 */
export function cutAfterLastJsonItem(text: string): string | null {
  let depth = 0;
  let key = '';
  let inItems = false;
  let lastItemEnd = -1;
  let itemsEnd = -1;
  for (let i = text.indexOf('{'); i >= 0 && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      JSON_STRING.lastIndex = i;
      // A string the cut falls in: the text ends here.
      if (!JSON_STRING.test(text)) break;
      if (depth === 1) key = text.slice(i, JSON_STRING.lastIndex);
      i = JSON_STRING.lastIndex - 1;
    } else if (c === '{' || c === '[') {
      if (++depth === 2 && c === '[' && key === '"items"') inItems = true;
    } else if (c === '}' || c === ']') {
      // The object closes: it was not cut, and its fault is another one.
      if (--depth === 0) return null;
      if (inItems && depth === 2 && c === '}') lastItemEnd = i + 1;
      if (inItems && depth === 1) {
        inItems = false;
        itemsEnd = i + 1;
      }
    }
  }
  if (itemsEnd > 0) return `${text.slice(0, itemsEnd)}}`;
  return lastItemEnd > 0 ? `${text.slice(0, lastItemEnd)}]}` : null;
}
