// The comment form of an article's page, kept when the page is fetched so that a reply written
// offline can be posted later the way the site's own form would post it. Read from the raw page
// (extraction drops forms) in the worker.
//
// Only forms recognised with confidence are kept: WordPress's (form#commentform first, else any
// form holding WordPress's `comment` textarea and `comment_post_ID` field). Anything else gives
// null, and a reply to that article stays a local draft. Two WordPress pages without that form
// still take comments, where Paperboy cannot post them: one that asks the reader to log in
// (WordPress's p.must-log-in in place of the form) and one whose form is WordPress.com's: Jetpack
// Comments' frame, or the newer "Verbum" form its script fills (no textarea in the page, only
// the post's id and a highlander_comment_nonce). A WordPress form with a captcha widget in it
// (reCAPTCHA, hCaptcha, Turnstile) is no use either: the site wants the token the widget's script
// makes when a person solves it. So is one guarded by reCAPTCHA v3, which shows no widget: its
// script fills a hidden field (g-recaptcha-response, recaptcha_response...) with a token on
// submit, or adds one. That is told by the field in the form, or by a script in the form, or one
// anywhere that calls the captcha and names the form; never by the page loading the API alone
// (api.js?render=<key>): Contact Form 7 loads it on every page for its own forms, and a form
// taken for guarded is one Paperboy never posts to, while a guess the other way costs one refused
// post, which the site's answer explains. And a page whose comments wpDiscuz takes (a plugin on
// hundreds of thousands of sites, which puts a form of its own in place of WordPress's): its
// script sends the comment to admin-ajax.php with fields and a nonce of its own, not to
// wp-comments-post.php, and the page holds no comment_post_ID to post there with. And a page,
// WordPress's or any other, whose comments a service's script shows (Disqus, Facebook, giscus...:
// comment-service.ts), without a WordPress form beside it. They are kept as such, so the reader is
// told so rather than that comments are closed.
//
// A checkbox the form requires (WP GDPR Compliance's privacy consent) is kept with its label: the
// site refuses every comment without it, and only the person may tick it. Optional ones (core's
// "Save my name, email, and website in this browser") are left out, so never sent: unticked.
// Another field the form requires (a plugin's "Your town", a sum to solve, a picture to attach)
// makes the form 'unfillable': the site refuses every comment without it, and Paperboy's composer
// has only WordPress's fields. And a form whose action is on another site than the page's is
// 'offsite': posting there would carry the person's name, email and text to that site. Both are
// told when the page is read, so the reader offers the browser's way at once, not a Send (or a
// Reply under each comment) that could only be refused.
//
// The comment goes in the textarea a person would type into. Anti-spam plugins add others as
// traps that only bots fill: Akismet a hidden `ak_hp_textarea`, and Antispam Bee (on several
// hundred thousand sites) renames the real textarea to a name of its own and leaves a hidden one
// named `comment`, so a reply posted under `comment` is filed as spam and never shows. The traps
// are sent as a browser sends them, with what they hold (nothing).
import type { CommentField, UnpostableFormKind } from '../../../shared/types';
import { commentServiceOf, SERVICE_MARKS } from './comment-service';
import { foreignFormHost } from './form-site';
import { parsePage } from './page-document';
import { parseBase, webUrl } from './urls';

export interface CapturedCommentForm {
  readonly kind: 'wordpress';
  /** Absolute http(s) address the form posts to. */
  readonly action: string;
  /** Hidden inputs in page order (comment_post_ID, comment_parent, anti-spam fields...), then the
   *  form's other textareas (anti-spam traps) with what they hold: sent as they are. */
  readonly hiddenFields: readonly (readonly [string, string])[];
  /** The name the comment goes under: `comment`, or the one an anti-spam plugin gave that textarea. */
  readonly commentName: string;
  /** Which of WordPress's visible fields the form has. */
  readonly fields: readonly CommentField[];
  /** The ones it marks as required (the comment itself always is). */
  readonly requiredFields: readonly CommentField[];
  /** The site's limit on the comment's length (the textarea's maxlength; WordPress says 65525), or null. */
  readonly maxLength: number | null;
  /** The checkboxes it requires ticked, when it has any. */
  readonly consents?: readonly CapturedConsent[];
}

/** A checkbox the form requires ticked: sent as a browser sends it ticked (name=value), only when the person ticks it. */
export interface CapturedConsent {
  readonly name: string;
  readonly value: string;
  /** The site's label, its required mark left out. */
  readonly label: string;
}

/** A page whose comments go where Paperboy cannot post them: 'login', the site wants its readers
 *  logged in; 'jetpack', they go through WordPress.com's commenting (Jetpack Comments' frame, or
 *  its Verbum form); 'captcha', the form wants a captcha's token; 'offsite', the form posts to
 *  another site; 'unfillable', it requires a field Paperboy cannot fill in; 'wpdiscuz', wpDiscuz's form
 *  takes them; 'forum', they are schema.org Comments posted on the site by its members (tasks.ts
 *  formOrForum); a comment service's kind, they are on that service. */
export interface UnpostableCommentForm {
  readonly kind: UnpostableFormKind;
}

/** What an article's page says about commenting on it. */
export type PageCommentForm = CapturedCommentForm | UnpostableCommentForm;

const VISIBLE_FIELDS: readonly CommentField[] = ['comment', 'author', 'email', 'url'];
const MAX_HIDDEN_FIELDS = 50;
const MAX_VALUE_LENGTH = 4096;
const MAX_CONSENTS = 5;
const MAX_LABEL_LENGTH = 500;
/** Marks of the form's required label, WordPress's and WP GDPR Compliance's. */
const REQUIRED_MARK = '.required, .wpgdprc-required';
/** Jetpack Comments' frame, which takes the place of WordPress's fields. */
const JETPACK_FRAME = 'iframe#jetpack_remote_comment, iframe[name="jetpack_remote_comment"], iframe.jetpack_remote_comment';
/** WordPress.com's Verbum form: an empty box its script fills, and WordPress.com's comment nonce. */
const VERBUM_FORM = '#comment-form__verbum, .comment-form__verbum, input[name="highlander_comment_nonce"]';
/** wpDiscuz's form (its comment field is wc_comment), or its "Please login to comment" in its place. */
const WPDISCUZ_FORM = 'form.wpd_comm_form, #wpdcom textarea[name="wc_comment"]';
const WPDISCUZ_LOGIN = '#wpdcom .wpd-login-to-comment';
/** The widgets of reCAPTCHA, hCaptcha and Cloudflare Turnstile, and any that names its site key as they do. */
const CAPTCHA = '.g-recaptcha, .h-captcha, .cf-turnstile, [data-sitekey]';
/** The hidden field a captcha's script fills with its token, where it shows no widget: reCAPTCHA
 *  v3's under the names plugins give it, hCaptcha's and Turnstile's under their own. */
const CAPTCHA_TOKEN = /recaptcha|^h-captcha-response$|^cf-turnstile-response$/i;
/** A script that loads a captcha's API or asks it for a token. */
const CAPTCHA_SCRIPT_SRC = /\/recaptcha\/(?:api|enterprise)\.js|hcaptcha\.com\/1\/api\.js|challenges\.cloudflare\.com\/turnstile\//i;
const CAPTCHA_CALL = /\b(?:grecaptcha(?:\.enterprise)?|hcaptcha|turnstile)\.(?:execute|render)\b/;
/** What the page's source holds when it may say anything of commenting: the form's field, or
 *  the block comment_form() writes around a form, a login notice or Jetpack's frame alike, or
 *  wpDiscuz's section, or a comment service's embed (comment-service.ts). One pass over the page: it runs on every page a sync reads, and a scan for
 *  each of the marks cost 2% of preparing a page (wpDiscuz's mark adds some 3 us a page; the
 *  services' some 30-50 us on a 33 KB page, under 0.5% of the 10 ms preparing one takes). */
const FORM_MARKS = new RegExp(`comment(?:_post_ID|-respond)|wpdcom|${SERVICE_MARKS.source}`);

/** Whether the page may hold a WordPress comment form: most pages do not, and need no DOM for it. */
export function mayHoldCommentForm(pageHtml: string): boolean {
  return FORM_MARKS.test(pageHtml);
}

/** The page's WordPress comment form (or what takes its place where Paperboy cannot post), or
 *  null. Reads `parsed` (the page's DOM, unchanged) when given instead of parsing the page. Never throws. */
export function captureCommentForm(pageHtml: string, pageUrl: string, parsed?: Document): PageCommentForm | null {
  if (!mayHoldCommentForm(pageHtml)) return null;
  try {
    return capture(parsed ?? parsePage(pageHtml), pageUrl);
  } catch {
    return null;
  }
}

function capture(doc: Document, pageUrl: string): PageCommentForm | null {
  const forms = Array.from(doc.querySelectorAll('form')).filter(isWordPressForm);
  const form = forms.find((f) => f.id === 'commentform') ?? forms[0];
  if (!form) return unpostableForm(doc);
  // WordPress posts; a form that says GET is something else wearing its field names.
  const method = (form.getAttribute('method') ?? 'get').trim().toLowerCase();
  if (method !== 'post') return null;
  if (asksCaptcha(doc, form)) return { kind: 'captcha' };
  const pageBase = parseBase(pageUrl);
  const declaredBase = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (declaredBase ? parseBase(webUrl(declaredBase, pageBase)) : null) ?? pageBase;
  const action = webUrl(form.getAttribute('action') || pageUrl, base);
  if (!action) return null;
  // Posting there would carry the person's name, email and text to another site: the reader offers
  // the browser's way from the start, rather than a Send that would only refuse.
  if (foreignFormHost(action, pageUrl) !== null) return { kind: 'offsite' };

  const commentTextarea = commentTextareaOf(form);
  if (!commentTextarea) return null;
  const hiddenInputs = Array.from(form.querySelectorAll('input'))
    .filter((input) => input.getAttribute('type')?.trim().toLowerCase() === 'hidden' && input.getAttribute('name'))
    .map((input) => [input.getAttribute('name')!, input.getAttribute('value') ?? ''] as const);
  const traps = namedTextareas(form)
    .filter((textarea) => textarea !== commentTextarea)
    .map((textarea) => [textarea.getAttribute('name')!, textarea.textContent ?? ''] as const);
  const hiddenFields = [...hiddenInputs, ...traps]
    .slice(0, MAX_HIDDEN_FIELDS)
    .map(([name, value]) => [name, value.slice(0, MAX_VALUE_LENGTH)] as const);
  const element = (name: CommentField) => (name === 'comment' ? commentTextarea : form.querySelector(`input[name="${name}"]`));
  const fields = VISIBLE_FIELDS.filter((name) => element(name) !== null);
  const requiredFields = fields.filter((name) => name === 'comment' || isRequired(doc, element(name)!));
  const maxLength = Number.parseInt(commentTextarea.getAttribute('maxlength') ?? '', 10);
  const consents = requiredCheckboxes(doc, form);
  const unfillable = requiredOthers(doc, form, [commentTextarea, ...VISIBLE_FIELDS.map(element)]);
  // The site refuses every comment without them, and only its own page can take them.
  if (unfillable.length > 0) return { kind: 'unfillable' };
  return {
    kind: 'wordpress', action, hiddenFields, commentName: commentTextarea.getAttribute('name')!, fields, requiredFields,
    maxLength: maxLength > 0 ? maxLength : null,
    ...(consents.length > 0 ? { consents } : {}),
  };
}

/** Input types a person fills in, or a file a person attaches (a hidden field, a checkbox or a
 *  button is none of them): Paperboy's composer has none of them but WordPress's own. */
const FILLED_IN = new Set(['', 'text', 'email', 'url', 'tel', 'number', 'search', 'date', 'password', 'file']);

/** The labels of the fields the form requires besides WordPress's own (`known`) and its checkboxes. */
function requiredOthers(doc: Document, form: Element, known: readonly (Element | null)[]): string[] {
  return Array.from(form.querySelectorAll('input, select, textarea'))
    .filter((field) => !known.includes(field) && field.getAttribute('name') && !field.hasAttribute('disabled'))
    .filter((field) => field.tagName !== 'INPUT' || FILLED_IN.has((field.getAttribute('type') ?? '').trim().toLowerCase()))
    .filter((field) => field.tagName !== 'TEXTAREA' || !isTrap(field, form))
    .filter((field) => isRequired(doc, field))
    .slice(0, MAX_CONSENTS)
    .map((field) => labelOf(doc, field).slice(0, MAX_LABEL_LENGTH));
}

/** Whether the form wants a captcha's token: a widget in it, or reCAPTCHA v3's signs (see the top). */
function asksCaptcha(doc: Document, form: Element): boolean {
  if (form.querySelector(CAPTCHA)) return true;
  const names = Array.from(form.querySelectorAll('input[name], textarea[name]')).map((field) => field.getAttribute('name')!);
  if (names.some((name) => CAPTCHA_TOKEN.test(name))) return true;
  const callsCaptcha = (script: Element) => CAPTCHA_CALL.test(script.textContent ?? '');
  if (Array.from(form.querySelectorAll('script')).some((script) => CAPTCHA_SCRIPT_SRC.test(script.getAttribute('src') ?? '') || callsCaptcha(script))) return true;
  const id = form.getAttribute('id')?.trim();
  if (!id) return false;
  // Named as a script names an element: 'commentform', "commentform", #commentform.
  const namesForm = (text: string) => [`'${id}'`, `"${id}"`, `#${id}`].some((name) => text.includes(name));
  return Array.from(doc.querySelectorAll('script:not([src])')).some((script) => callsCaptcha(script) && namesForm(script.textContent ?? ''));
}

/** WordPress.com's frame or Verbum form in place of WordPress's, WordPress's "You must be logged
 *  in to post a comment." (or wpDiscuz's), wpDiscuz's form, or a comment service's embed (Disqus,
 *  giscus...: on a WordPress page its plugin took the theme's comments template). */
function unpostableForm(doc: Document): UnpostableCommentForm | null {
  if (doc.querySelector(`${JETPACK_FRAME}, ${VERBUM_FORM}`)) return { kind: 'jetpack' };
  if (doc.querySelector(`.must-log-in, ${WPDISCUZ_LOGIN}`)) return { kind: 'login' };
  if (doc.querySelector(WPDISCUZ_FORM)) return { kind: 'wpdiscuz' };
  const service = commentServiceOf(doc);
  return service ? { kind: service } : null;
}

/** The form's checkboxes a browser would send that it marks required, with their labels. */
function requiredCheckboxes(doc: Document, form: Element): CapturedConsent[] {
  return Array.from(form.querySelectorAll('input'))
    .filter((input) => input.getAttribute('type')?.trim().toLowerCase() === 'checkbox' && input.getAttribute('name') && !input.hasAttribute('disabled'))
    .filter((input) => isRequired(doc, input))
    .slice(0, MAX_CONSENTS)
    .map((input) => ({
      name: input.getAttribute('name')!,
      // What a browser sends for a ticked box without a value.
      value: (input.getAttribute('value') ?? 'on').slice(0, MAX_VALUE_LENGTH),
      label: labelOf(doc, input).slice(0, MAX_LABEL_LENGTH),
    }));
}

/** The text of the field's label (label[for] or the one around it) without its required mark;
 *  else its aria-label or title; else its name. */
function labelOf(doc: Document, field: Element): string {
  const label = labelFor(doc, field) ?? field.closest('label');
  let text = '';
  if (label) {
    const copy = label.cloneNode(true) as Element;
    for (const mark of Array.from(copy.querySelectorAll(REQUIRED_MARK))) mark.remove();
    text = copy.textContent ?? '';
  }
  text = text.replace(/\s+/g, ' ').trim() || (field.getAttribute('aria-label') ?? field.getAttribute('title') ?? '').trim();
  return text || field.getAttribute('name')!;
}

function labelFor(doc: Document, field: Element): Element | null {
  const id = field.getAttribute('id');
  return id ? (Array.from(doc.querySelectorAll('label')).find((l) => l.getAttribute('for') === id) ?? null) : null;
}

function isWordPressForm(form: Element): boolean {
  return form.querySelector('textarea[name="comment"]') !== null && form.querySelector('input[name="comment_post_ID"]') !== null;
}

/**
 * The textarea a person types the comment into: WordPress's `comment` when it shows, else the one
 * other textarea that shows (Antispam Bee's renamed one). Several others showing: no telling
 * which, so null. None showing (a theme that hides the form until asked): `comment`, as always.
 */
function commentTextareaOf(form: Element): Element | null {
  const textareas = namedTextareas(form);
  const shown = textareas.filter((textarea) => !isTrap(textarea, form));
  const named = (list: Element[]) => list.find((textarea) => textarea.getAttribute('name') === 'comment');
  if (shown.length === 0) return named(textareas) ?? null;
  return named(shown) ?? (shown.length === 1 ? shown[0]! : null);
}

/** The textareas a browser sends (named, not disabled). */
function namedTextareas(form: Element): Element[] {
  return Array.from(form.querySelectorAll('textarea')).filter((textarea) => textarea.getAttribute('name') && !textarea.hasAttribute('disabled'));
}

const KNOWN_TRAPS: ReadonlySet<string> = new Set(['ak_hp_textarea']);

/** A textarea kept from people: by name (Akismet's), out of the tab order, or hidden, itself or
 *  by a container inside the form, the ways anti-spam plugins hide theirs (no stylesheet is read). */
function isTrap(textarea: Element, form: Element): boolean {
  if (KNOWN_TRAPS.has(textarea.getAttribute('name')!)) return true;
  if (Number.parseInt(textarea.getAttribute('tabindex') ?? '', 10) < 0) return true;
  for (let node: Element | null = textarea; node && node !== form; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
    if (hiddenByStyle(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** Inline CSS that takes an element out of sight: display, visibility, clipping, no opacity, a box
 *  of a pixel or less, or a place far off the page. */
function hiddenByStyle(style: string): boolean {
  return style.split(';').some((declaration) => {
    const colon = declaration.indexOf(':');
    if (colon < 0) return false;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).replace(/!\s*important/i, '').trim().toLowerCase();
    const length = Number.parseFloat(value);
    switch (property) {
      case 'display':
        return value === 'none';
      case 'visibility':
        return value === 'hidden' || value === 'collapse';
      case 'clip':
        return value.startsWith('rect(');
      case 'clip-path':
        return value !== 'none' && value !== '';
      case 'opacity':
        return length === 0;
      case 'width':
      case 'height':
      case 'max-width':
      case 'max-height':
        return /^[\d.]+(px)?$/.test(value) && length <= 1;
      case 'left':
      case 'top':
      case 'margin-left':
      case 'text-indent':
        return length <= -500;
      default:
        return false;
    }
  });
}

/** `required`, the older themes' aria-required, or a label marked with WordPress's `.required` star
 *  (or WP GDPR Compliance's). */
function isRequired(doc: Document, field: Element): boolean {
  if (field.hasAttribute('required') || field.getAttribute('aria-required') === 'true') return true;
  return labelFor(doc, field)?.querySelector(REQUIRED_MARK) != null;
}
