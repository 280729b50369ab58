// Where a page's inline script sends the reader at once, read from its text and never run: a URL
// shortener's or a cookie check's interstitial (`location.replace("https:\/\/…")`), an old blog's
// "we have moved" page (`window.location = "https://…"`), a stub beside a <noscript> link. A
// browser follows these as it follows a meta refresh, so meta-refresh.ts's refreshTarget asks here
// first (a script runs while the page is parsed, before a refresh's timer) and the sync follows it
// the same way, from a page that says little only.
//
// Only a literal address: absolute, protocol-relative (`"//new.example/x"`) or relative to the
// page (`"/2026/12/moved-post"`), which the caller resolves as a browser does (meta-refresh.ts),
// the same way a <body onload="location='…'"> is read. One built from variables or joined from
// pieces (`"https://" + host`) says nothing certain without running the script, and guessing could
// send the sync somewhere the page never would. A redirect put off by setTimeout past the longest wait
// a refresh may have is the page's idle behaviour, not a way on. One inside a function the page
// only calls when the reader does something (`function login() { location.href = … }`, a click
// handler: a paywall's or an app shell's sign-in) is no way on either: only code that runs as the
// page loads counts (top level, an if, setTimeout, onload, DOMContentLoaded, jQuery's ready, an IIFE).
//
// A cookie check sets its cookie by script (`document.cookie = "cc=1; path=/"`) and reloads
// (`location.reload()`, or a redirect to the page itself); its server answers the check until the
// cookie comes back. A browser passes it; the sync read the check as the article. The cookie a
// literal string sets is read here (scriptCookies), for the sync to send on its next request, and a
// reload is a redirect to the page itself, which the sync follows only with a cookie set first,
// here or by the check's own Set-Cookie (sync/article-sync.ts).

/** The scripts a browser runs: no type, or a JavaScript one (not JSON-LD, not a template). */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SCRIPT_TYPE = /\btype\s*=\s*["']?\s*([^"'\s>]+)/i;
const RUN_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript', 'application/x-javascript']);
/** `location = "…"`, `window.location.href = '…'`, `document.location.replace("…")`, `top.location.assign(…)`:
 *  a string literal that ends the statement (no `+` joining more to it). */
const LOCATION_SET = /(?<![\w$.])(?:(?:window|document|self|top|parent)\s*\.\s*)*location(?:\s*\.\s*href)?\s*=\s*(["'`])((?:[^"'`\\\n]|\\.)*)\1\s*(?=[;,)}\n]|$)/g;
const LOCATION_CALL = /(?<![\w$.])(?:(?:window|document|self|top|parent)\s*\.\s*)*location\s*\.\s*(?:replace|assign)\s*\(\s*(["'`])((?:[^"'`\\\n]|\\.)*)\1\s*\)/g;
/** `location.reload()`, `location.href = location.href`, `location.replace(window.location.href)`: the page itself again. */
const LOCATION = String.raw`(?:(?:window|document|self|top)\s*\.\s*)*location`;
const LOCATION_RELOAD = new RegExp(String.raw`(?<![\w$.])${LOCATION}\s*\.\s*(?:reload\s*\(\s*(?:true|false)?\s*\)|(?:replace|assign)\s*\(\s*${LOCATION}(?:\s*\.\s*href)?\s*\))`
  + String.raw`|(?<![\w$.])${LOCATION}(?:\s*\.\s*href)?\s*=\s*${LOCATION}(?:\s*\.\s*href)?\s*(?=[;,)}\n]|$)`, 'g');
/** `document.cookie = "name=value; path=/; max-age=…"`: a string literal that ends the statement. */
const COOKIE_SET = /(?<![\w$.])document\s*\.\s*cookie\s*=\s*(["'`])((?:[^"'`\\\n]|\\.)*)\1\s*(?=[;,)}\n]|$)/g;
/** setTimeout's delay, written after the function it runs. */
const TIMER_DELAY = /^[\s\S]*?\}\s*,\s*(\d+)\s*\)/;

/** An address as a location string may hold it: http(s), protocol-relative or relative (a path,
 *  `./`, `../`, `?query`); never another scheme (`javascript:`, `mailto:`) nor a fragment alone. */
const FOLLOWED_ADDRESS = /^(?:https?:\/\/|\/\/|\/|\.{1,2}\/|\?|[^\s:/?#]+(?:[/?#]|$))/i;

/** The address the page's first inline script redirect names, as written (absolute or relative to
 *  the page); else null. */
export function scriptRedirectTarget(html: string, delayMaxMs: number): string | null {
  for (const code of inlineScripts(html)) {
    const address = redirectInCode(code, delayMaxMs);
    if (address !== null) return address;
  }
  return null;
}

/** The cookies the page's inline scripts set from a literal string as it loads, each as a
 *  Set-Cookie line (document.cookie takes the same syntax); one marked HttpOnly is none a script
 *  may set, and a browser drops it. */
export function scriptCookies(html: string): string[] {
  const cookies: string[] = [];
  for (const code of inlineScripts(html)) {
    for (const match of code.matchAll(COOKIE_SET)) {
      const line = unescapeJs(match[2]!).trim();
      if (line.includes('=') && !/;\s*httponly\s*(?:;|$)/i.test(line) && runsOnLoad(code, match.index)) cookies.push(line);
    }
  }
  return cookies;
}

/** The code of each inline script a browser runs, without its comments. */
function* inlineScripts(html: string): Generator<string> {
  for (const script of html.matchAll(SCRIPT)) {
    const type = (SCRIPT_TYPE.exec(script[1]!)?.[1] ?? '').toLowerCase();
    if (/\bsrc\s*=/i.test(script[1]!) || !RUN_TYPES.has(type)) continue;
    yield withoutComments(script[2]!);
  }
}

/** The address a literal redirect in `code` (a script's, or an onload attribute's, its entities
 *  decoded) sends the reader to as the page loads; else null. A reload is the empty address: the
 *  page itself. */
export function redirectInCode(code: string, delayMaxMs: number): string | null {
  const found = [...code.matchAll(LOCATION_SET), ...code.matchAll(LOCATION_CALL), ...code.matchAll(LOCATION_RELOAD)].sort((a, b) => a.index - b.index);
  for (const match of found) {
    const reload = match[2] === undefined;
    const address = reload ? '' : unescapeJs(match[2]!).trim();
    if ((!reload && !FOLLOWED_ADDRESS.test(address)) || !runsOnLoad(code, match.index)) continue;
    const delay = /\bset(?:Timeout|Interval)\s*\(/.test(code.slice(0, match.index)) ? TIMER_DELAY.exec(code.slice(match.index))?.[1] : undefined;
    if (delay !== undefined && Number(delay) > delayMaxMs) continue;
    return address;
  }
  return null;
}

/** What opens a function's body: `function name(…) {` or `(…) => {`. */
const FUNCTION_OPENS = /(?:\bfunction\b\s*[\w$]*\s*\([^()]*\)|(?:\([^()]*\)|[\w$]+)\s*=>)\s*$/;
/** What a function that runs as the page loads is handed to, written just before it. */
const RUN_ON_LOAD = /(?:\bset(?:Timeout|Interval)\s*\(|\bonload\s*=|addEventListener\s*\(\s*["'](?:load|DOMContentLoaded)["']\s*,|\$\s*\(|\.ready\s*\(|(?:^|[;(!\s])\(|!)\s*$/;

/** Whether the code at `at` runs as the page loads: each function around it is one the page runs
 *  then (see the file's comment); blocks of an if or a try are no functions. */
function runsOnLoad(code: string, at: number): boolean {
  const open: number[] = [];
  for (let i = 0; i < at; i++) {
    if (code[i] === '{') open.push(i);
    else if (code[i] === '}') open.pop();
  }
  return open.every((brace) => {
    const before = code.slice(Math.max(0, brace - 300), brace);
    const fn = FUNCTION_OPENS.exec(before);
    return fn === null || RUN_ON_LOAD.test(before.slice(0, fn.index));
  });
}

/** A script's code without its comments, so a redirect commented out is not read (a `//` inside a
 *  string, as in an address, is kept: only one that begins a line or follows code's punctuation is cut). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[\s;{}])\/\/[^\n]*/g, '$1');
}

/** A JavaScript string literal's escapes, as minifiers and JSON encoders write addresses (`https:\/\/`, `\u002F`). */
function unescapeJs(text: string): string {
  return text.replace(/\\(?:u\{([0-9a-f]{1,6})\}|u([0-9a-f]{4})|x([0-9a-f]{2})|([\s\S]))/gi, (_, braced?: string, u?: string, x?: string, other?: string) => {
    const hex = braced ?? u ?? x;
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[other!] ?? other!;
  });
}
