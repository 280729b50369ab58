// What blog and newsletter platforms write into every post's feed copy besides the author's text,
// each known by the class the platform always gives it: Substack's subscribe box ("Thanks for
// reading X! Subscribe for free...") and its buttons to share the post, subscribe and comment;
// Jetpack's "Share this:" and "Like this:" (WordPress.com and Jetpack sites); Blogger's feed footer,
// the same line under every post; Ghost's signup form; beehiiv's "Powered by beehiiv"; FeedBurner's
// share buttons; the header and footer of a Mailchimp campaign in its archive's feed ("View this
// email in your browser"; the list's copyright, postal address, "unsubscribe from this list", its
// social icons). And what a post hides by its style (an email's preview text, hidden in the inbox
// view with display:none): the sanitizer drops styles, which would show it. The sanitizer drops
// each with its content, and raw-text.ts leaves it out as well, so neither the list's snippet nor
// search reads it.

// Classes each platform writes on a <div> or <p> of furniture, in every post.
const FURNITURE_CLASSES: ReadonlySet<string> = new Set([
  'subscription-widget-wrap', 'subscription-widget-wrap-editor', 'sharedaddy', 'blogger-post-footer',
  'kg-signup-card', 'beehiiv__footer', 'feedflare',
]);
// Ids each platform writes on the element that holds its furniture, in every post: Mailchimp's
// templates put a campaign's footer in one cell, td#templateFooter, under the author's body cell
// (td#templateBody), and its "View this email in your browser" line in one above it,
// td#templatePreheader: nothing of the author's in either.
const FURNITURE_IDS: ReadonlySet<string> = new Set(['templatePreheader', 'templateFooter']);
// Substack's buttons (p.button-wrapper, alone or with a caption in div.captioned-button-wrap) name
// what they link to in data-attrs, as JSON. One to an action on the post itself (share it,
// subscribe, comment) is the platform's; one to anything else ("Read the report") is the author's.
const SUBSTACK_BUTTONS: ReadonlySet<string> = new Set(['button-wrapper', 'captioned-button-wrap']);
// page-cleanup.ts asks the same of a page's buttons' links.
export const SUBSTACK_ACTION = /[?&]action=share\b|\/subscribe\/?(?:[?#]|$)|\/comments\/?(?:[?#]|$)/;
const HIDDEN_STYLE = /(?:^|;)\s*display\s*:\s*none\b/i;

// What an HTML text holds when some element in it may be furniture: the class names and the hidden
// style, as written. Most items hold none, and raw-text.ts reads no attribute of theirs.
const HINTS = [...FURNITURE_CLASSES, ...FURNITURE_IDS, ...SUBSTACK_BUTTONS, 'display:none', 'display: none'];

/** Whether the HTML may hold furniture (isPlatformFurniture): false for most items. */
export function mayHoldFurniture(html: string): boolean {
  return HINTS.some((hint) => html.includes(hint));
}

/** Whether an element, by its name and its attributes (decoded), is a platform's furniture or
 *  hidden: to be dropped with its content. Asked only in HTML that mayHoldFurniture. */
export function isPlatformFurniture(name: string, attribute: (name: string) => string | null | undefined): boolean {
  const style = attribute('style');
  if (style && style.includes('none') && HIDDEN_STYLE.test(style)) return true;
  const id = attribute('id');
  if (id && FURNITURE_IDS.has(id)) return true;
  if (name !== 'div' && name !== 'p') return false;
  const classes = attribute('class');
  if (!classes) return false;
  for (const className of classes.split(/\s+/)) {
    if (FURNITURE_CLASSES.has(className)) return true;
    if (SUBSTACK_BUTTONS.has(className)) return SUBSTACK_ACTION.test(buttonTarget(attribute('data-attrs')));
  }
  return false;
}

/** The address a Substack button's data-attrs names ('' when it names none). */
function buttonTarget(json: string | null | undefined): string {
  if (!json) return '';
  try {
    const url: unknown = (JSON.parse(json) as { url?: unknown }).url;
    return typeof url === 'string' ? url : '';
  } catch {
    return '';
  }
}
