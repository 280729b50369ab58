// Pages that send the reader on with <meta http-equiv="refresh" content="0; url=…">, as a browser
// follows them: a page moved by a static site's redirect stub (jekyll-redirect-from, Hugo's
// aliases), an old site's "this page has moved", a link shortener's or a newsletter tracker's
// interstitial. Read as the article, such a page was "Redirecting… Click here if you are not
// redirected." The sync fetches where it points instead (sync/article-sync.ts).
//
// Only a refresh that leads elsewhere soon (http/redirects.ts reads its value, as it reads a
// `Refresh` header, which the HTTP client follows itself): a news page that reloads itself every few minutes
// ("300"), or sends an idle reader to the front page after ten ("600; url=/"), is the article. And
// only from a page that says little itself (workers/tasks.ts preparePage): a story with a refresh
// written into it (a hostile comment, a pasted snippet) is the story the reader came for.
//
// A page that sends the reader on from an inline script (`location.replace("…")`: a URL shortener,
// a cookie check, an old blog's move) is read here too (script-redirect.ts), never run: one path,
// so a script redirect meets the same limits as a refresh (a page that says little, five in a row).

import { refreshAddress, REFRESH_DELAY_MAX } from '../http';
import { redirectInCode, scriptCookies, scriptRedirectTarget } from './script-redirect';

/** Where a page sends the reader at once, and the cookies its script sets first (Set-Cookie lines,
 *  for the page's own host: the sync's jar takes them as from its response). */
export interface PageRedirect {
  readonly to: string;
  readonly cookies: readonly string[];
}

/** A redirecting page says so in its head, near the start; a page this long before it is a page. */
const HEAD_MAX = 32 * 1024;
/** `<body onload="location='…'">`: the attribute's code, as a browser runs it once the page has loaded. */
const BODY_ONLOAD = /<body\b[^>]*?\sonload\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const REFRESH_META = /<meta\b[^>]*?\bhttp-equiv\s*=\s*["']?refresh\b[^>]*>/i;
const CONTENT = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Where the page sends the reader at once, as an absolute http(s) address; its own is a reload,
 *  which the sync follows only when a cookie was set for it first (by this script, or by the page's
 *  own Set-Cookie: a cookie check's reload), else the page is the article; null: nowhere.
 *  A script's redirect comes first, as in a browser: it runs while the page is read, the body's
 *  onload once it is, a refresh after. Relative addresses resolve against the page, as there. */
export function refreshTarget(html: string, pageUrl: string | null): PageRedirect | null {
  if (pageUrl === null) return null;
  const head = html.slice(0, HEAD_MAX);
  const address = scriptRedirectTarget(head, REFRESH_DELAY_MAX * 1000) ?? onloadRedirect(head) ?? metaRefreshAddress(head);
  if (address === null) return null;
  let target: URL;
  try {
    target = new URL(address, pageUrl);
  } catch {
    return null;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
  target.hash = '';
  return { to: target.href, cookies: scriptCookies(head) };
}

/** The address a <body onload> attribute's literal redirect names; else null. */
function onloadRedirect(head: string): string | null {
  const onload = BODY_ONLOAD.exec(head);
  return onload ? redirectInCode(decodeBasicEntities(onload[1] ?? onload[2]!), REFRESH_DELAY_MAX * 1000) : null;
}

/** The address a <meta http-equiv=refresh> sends the reader to soon; else null. */
function metaRefreshAddress(head: string): string | null {
  const meta = REFRESH_META.exec(head)?.[0];
  if (meta === undefined) return null;
  const content = CONTENT.exec(meta);
  return refreshAddress(decodeBasicEntities(content?.[1] ?? content?.[2] ?? content?.[3] ?? ''));
}

/** The entities an attribute's address holds in practice (&amp; between its parameters). */
function decodeBasicEntities(text: string): string {
  return text.replace(/&amp;/gi, '&').replace(/&#0*38;/g, '&').replace(/&quot;/gi, '"').replace(/&#0*39;|&apos;/gi, "'");
}
