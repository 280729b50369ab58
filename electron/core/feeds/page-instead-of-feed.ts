// What a web page served where a feed was expected is, when it is one of the pages that stand in
// front of a site rather than being part of it, and what the person can do about it. "not a feed:
// got an HTML page" told them nothing of the three such pages a feed reader meets most:
// - a check for robots that only a browser passes (a script to run, a cookie to earn), which
//   hosting and CDN firewalls put in front of whole sites, feeds included, often with a 2xx
//   status (SiteGround answers 202, Sucuri's and Anubis's checks 200);
// - a login page, where a members-only site (a WordPress behind a private-site plugin, a paid
//   newsletter) sends every request without its session;
// - a parked domain, the registrar's or a domain market's page once the site's name lapsed.
// Each is told by what its maker writes into it (a firewall's script path, a parking service's
// address) or by what the whole page is for (a password form on a page titled for logging in, a
// heading saying the name is for sale), never by words a site's article or sidebar may hold. A
// check sent with an error status (Cloudflare's managed challenge answers 403) is told by the
// header its maker documents for that (botCheckRefusal).
import { HttpError } from '../http';

/**
 * The firewalls whose check pages feed readers meet, each by a name only its check page carries:
 * not the scripts the same firewalls put into every page they pass (Cloudflare's bot detection
 * loads /cdn-cgi/challenge-platform/scripts/jsd/main.js, Imperva's /_Incapsula_Resource, on
 * ordinary pages of the site).
 */
const BOT_CHECKS: readonly { readonly service: string; readonly marker: RegExp }[] = [
  // The managed challenge ("Just a moment...") and the older "Checking your browser" page.
  { service: 'Cloudflare', marker: /\bwindow\._cf_chl_opt\b|\/cdn-cgi\/challenge-platform\/h\/\w+\/orchestrate\// },
  { service: 'SiteGround', marker: /\/\.well-known\/sgcaptcha\// },
  { service: 'Sucuri', marker: /\bsucuri_cloudproxy_js\b/ },
  { service: 'Imperva', marker: /\bIncapsula incident ID\b/ },
  { service: 'AWS WAF', marker: /\bwindow\.gokuProps\b/ },
  { service: 'Vercel', marker: /\/\.well-known\/vercel\/security\/request-challenge\b/ },
  { service: 'Anubis', marker: /\bid=["']?anubis_challenge\b/ },
];

/** A page titled for logging in: WordPress's "Log In ‹ Site — WordPress", "Sign in – Members". */
const LOGIN_TITLE = /\b(?:log ?in|sign ?in)\b/i;

/** Domain parking services, by the hosts their pages load from or send to, and GoDaddy's parked page's /lander. */
const PARKING = /\b(?:sedoparking\.com|parkingcrew\.net|bodis\.com|above\.com\/marketplace|afternic\.com|dan\.com\/buy-domain|hugedomains\.com)\b|window\.location\.href\s*=\s*["']\/lander["']/i;
/** The most text a parked page holds (a heading, an offer, a few sponsored links): a site's own
 *  page that mentions or links a parking service in an article has more. */
const PARKED_PAGE_TEXT = 2000;
/** A parked page's own heading: "example.com is for sale", "This domain may be for sale". */
const FOR_SALE = /\bdomain (?:name )?(?:is|may be) for sale\b|^[\w.-]+\.[a-z]{2,} is for sale\b/i;

/**
 * What to tell the person about a page that stands in front of the site (see above), or null for
 * any other page: what it is, then what they can do. `html` is the page as served (the markers sit
 * in its scripts), `document` it parsed. The sync (parse.ts) and the adding of a feed (discover.ts)
 * both say it.
 */
export function pageInsteadOfFeed(html: string, document: Document): string | null {
  const check = BOT_CHECKS.find(({ marker }) => marker.test(html));
  if (check !== undefined) return botCheck(check.service);
  if (isLoginPage(document)) {
    return "got a login page: the feed is for the site's members; subscribe with the private feed address the site gives its members";
  }
  const heading = `${document.title} ${document.querySelector('h1')?.textContent ?? ''}`;
  const littleText = (document.body?.textContent ?? '').replace(/\s+/g, ' ').length <= PARKED_PAGE_TEXT;
  if ((littleText && PARKING.test(html)) || FOR_SALE.test(heading.trim())) {
    return 'the address now shows a parked domain (the name is for sale or has lapsed): the site may have closed or moved; find its new address, or unsubscribe';
  }
  return null;
}

/** A password field on a page titled for logging in: a site's page with a login form in its
 *  sidebar (posting to wp-login.php, say) is the site's, and may link the feed. */
function isLoginPage(document: Document): boolean {
  return LOGIN_TITLE.test(document.title) && [...document.querySelectorAll('input')].some((input) => input.getAttribute('type')?.toLowerCase() === 'password');
}

/**
 * What to tell the person about a refusal (an error status) that is a firewall's check for robots,
 * or null for any other error. Told by the header its maker documents for clients that cannot run
 * the check, without reading the page: Cloudflare's cf-mitigated: challenge, on the 403 of the
 * managed challenge its Bot Fight Mode gives feed readers. Said after the status.
 */
export function botCheckRefusal(error: unknown): string | null {
  if (!(error instanceof HttpError) || error.kind !== 'http-status') return null;
  return error.headers?.['cf-mitigated']?.toLowerCase() === 'challenge' ? botCheck('Cloudflare') : null;
}

function botCheck(service: string): string {
  return `the site answered with a check for robots (${service}) that only a web browser can pass: ask the site's owner to let feed readers through`;
}
