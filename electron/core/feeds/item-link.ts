// An item's link as its identity sees it: without the tracking parameters a newsletter tool or an
// analytics plugin adds (and often changes on every fetch), and, when two links are compared,
// without the scheme a site's move to https changes. The link a person opens is left as the feed
// gave it (but for a search engine's click-through link: parsed.ts); only ids, fingerprints and
// the matching of stored articles use these forms.
import { unwrappedLink } from './redirect-links';

/**
 * Parameters that say who sent the reader, never which page: the Google Analytics campaign
 * parameters (any utm_*), and the click and mail ids of Brave's query filter
 * (brave-core, components/query_filter), which Brave strips from every address it opens, with
 * Mailchimp's campaign id (mc_cid) and HubSpot's mail id (_hsmi), which ClearURLs' global rules
 * strip too. Generic names some of those lists carry (ref, source, cid, campaign) are left out:
 * on some sites they pick the page.
 */
const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  '__hsfp', '__hssc', '__hstc', '__s', '_hsenc', '_hsmi', '_openstat', 'dclid', 'fbclid', 'gbraid', 'gclid', 'hsctatracking',
  'igshid', 'mc_cid', 'mc_eid', 'mkt_tok', 'ml_subscriber', 'ml_subscriber_hash', 'msclkid', 'oly_anon_id', 'oly_enc_id',
  'rb_clickid', 's_cid', 'twclid', 'vero_conv', 'vero_id', 'wbraid', 'wickedid', 'yclid',
]);

function isTrackingParameter(pair: string): boolean {
  const equals = pair.indexOf('=');
  const name = (equals === -1 ? pair : pair.slice(0, equals)).toLowerCase();
  return name.startsWith('utm_') || TRACKING_PARAMETERS.has(name);
}

/**
 * The link without its tracking parameters. A link that has none comes back as the same string,
 * untouched (not re-serialized): ids made from it before this existed stay what they were.
 */
export function withoutTrackingParameters(link: string): string {
  const query = link.indexOf('?');
  if (query === -1) return link;
  const hash = link.indexOf('#', query);
  const end = hash === -1 ? link.length : hash;
  const pairs = link.slice(query + 1, end).split('&');
  const kept = pairs.filter((pair) => !isTrackingParameter(pair));
  if (kept.length === pairs.length) return link;
  return link.slice(0, query) + (kept.length > 0 ? `?${kept.join('&')}` : '') + link.slice(end);
}

/**
 * The link with `&amp;` in its query read as `&`. A CMS escapes its query string for HTML and the
 * feed's template escapes it again (`?a=1&amp;amp;b=2` in the XML), so after the XML's own decoding
 * the link still asks for a parameter named "amp;b", and the site served another page (or its
 * front page). The second decode is safe only there, and only for `&amp;`: no site names a
 * parameter "amp;…", while a path ("/r&amp;d/") or a fragment may hold the characters on purpose,
 * and another entity in a query ("&lt;") may be a value someone searched for.
 */
export function withQueryAmpersandsDecoded(link: string): string {
  const query = link.indexOf('?');
  if (query === -1 || !/&amp;/i.test(link.slice(query))) return link;
  const hash = link.indexOf('#', query);
  const end = hash === -1 ? link.length : hash;
  return link.slice(0, query) + link.slice(query, end).replace(/&amp;/gi, '&') + link.slice(end);
}

/** The form two links are compared in: no tracking parameters, no scheme (http and https name the
 *  same article when a site moves; the feed's guids and links usually move with it), and a search
 *  engine's click-through link as the address it carries (redirect-links.ts): an article stored
 *  with one before items' links were unwrapped is the item that now links to the publisher; so is
 *  one stored with a query escaped twice (withQueryAmpersandsDecoded). */
export function comparableLink(link: string): string {
  return withoutTrackingParameters(withQueryAmpersandsDecoded(unwrappedLink(link))).replace(/^[a-z][a-z0-9+.-]*:/i, '');
}
