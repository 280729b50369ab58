// The comment form of an article's page, kept when the page is fetched so that a reply written
// offline can be posted later the way the site's own form would post it. Read from the raw page
// (extraction drops forms) in the worker.
//
// Only forms recognised with confidence are kept: WordPress's (form#commentform first, else any
// form holding WordPress's `comment` textarea and `comment_post_ID` field). Anything else gives
// null, and a reply to that article stays a local draft.
//
// The comment goes in the textarea a person would type into. Anti-spam plugins add others as
// traps that only bots fill: Akismet a hidden `ak_hp_textarea`, and Antispam Bee (on several
// hundred thousand sites) renames the real textarea to a name of its own and leaves a hidden one
// named `comment`, so a reply posted under `comment` is filed as spam and never shows. The traps
// are sent as a browser sends them, with what they hold (nothing).
import type { CommentField } from '../../../shared/types';
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
}

const VISIBLE_FIELDS: readonly CommentField[] = ['comment', 'author', 'email', 'url'];
const MAX_HIDDEN_FIELDS = 50;
const MAX_VALUE_LENGTH = 4096;

/** Whether the page may hold a WordPress comment form: most pages do not, and need no DOM for it. */
export function mayHoldCommentForm(pageHtml: string): boolean {
  return pageHtml.includes('comment_post_ID');
}

/** The page's WordPress comment form, or null. Reads `parsed` (the page's DOM, unchanged) when
 *  given instead of parsing the page. Never throws. */
export function captureCommentForm(pageHtml: string, pageUrl: string, parsed?: Document): CapturedCommentForm | null {
  if (!mayHoldCommentForm(pageHtml)) return null;
  try {
    return capture(parsed ?? parsePage(pageHtml), pageUrl);
  } catch {
    return null;
  }
}

function capture(doc: Document, pageUrl: string): CapturedCommentForm | null {
  const forms = Array.from(doc.querySelectorAll('form')).filter(isWordPressForm);
  const form = forms.find((f) => f.id === 'commentform') ?? forms[0];
  if (!form) return null;
  // WordPress posts; a form that says GET is something else wearing its field names.
  const method = (form.getAttribute('method') ?? 'get').trim().toLowerCase();
  if (method !== 'post') return null;
  const pageBase = parseBase(pageUrl);
  const declaredBase = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (declaredBase ? parseBase(webUrl(declaredBase, pageBase)) : null) ?? pageBase;
  const action = webUrl(form.getAttribute('action') || pageUrl, base);
  if (!action) return null;

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
  return {
    kind: 'wordpress', action, hiddenFields, commentName: commentTextarea.getAttribute('name')!, fields, requiredFields,
    maxLength: maxLength > 0 ? maxLength : null,
  };
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

/** `required`, the older themes' aria-required, or a label marked with WordPress's `.required` star. */
function isRequired(doc: Document, field: Element): boolean {
  if (field.hasAttribute('required') || field.getAttribute('aria-required') === 'true') return true;
  const id = field.getAttribute('id');
  if (!id) return false;
  const label = Array.from(doc.querySelectorAll('label')).find((l) => l.getAttribute('for') === id);
  return label?.querySelector('.required') != null;
}
