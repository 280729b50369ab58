// The comment form of an article's page, kept when the page is fetched so that a reply written
// offline can be posted later the way the site's own form would post it. Read from the raw page
// (extraction drops forms) in the worker.
//
// Only forms recognised with confidence are kept: WordPress's (form#commentform first, else any
// form holding WordPress's `comment` textarea and `comment_post_ID` field). Anything else gives
// null, and a reply to that article stays a local draft.
import type { CommentField } from '../../../shared/types';
import { parsePage } from './page-document';
import { parseBase, webUrl } from './urls';

export interface CapturedCommentForm {
  readonly kind: 'wordpress';
  /** Absolute http(s) address the form posts to. */
  readonly action: string;
  /** Hidden inputs in page order (comment_post_ID, comment_parent, anti-spam fields...). */
  readonly hiddenFields: readonly (readonly [string, string])[];
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

  const hiddenFields = Array.from(form.querySelectorAll('input'))
    .filter((input) => input.getAttribute('type')?.trim().toLowerCase() === 'hidden' && input.getAttribute('name'))
    .slice(0, MAX_HIDDEN_FIELDS)
    .map((input) => [input.getAttribute('name')!, (input.getAttribute('value') ?? '').slice(0, MAX_VALUE_LENGTH)] as const);
  const fields = VISIBLE_FIELDS.filter((name) => fieldElement(form, name) !== null);
  const requiredFields = fields.filter((name) => name === 'comment' || isRequired(doc, fieldElement(form, name)!));
  const maxLength = Number.parseInt(fieldElement(form, 'comment')?.getAttribute('maxlength') ?? '', 10);
  return { kind: 'wordpress', action, hiddenFields, fields, requiredFields, maxLength: maxLength > 0 ? maxLength : null };
}

function isWordPressForm(form: Element): boolean {
  return form.querySelector('textarea[name="comment"]') !== null && form.querySelector('input[name="comment_post_ID"]') !== null;
}

function fieldElement(form: Element, name: CommentField): Element | null {
  return form.querySelector(name === 'comment' ? 'textarea[name="comment"]' : `input[name="${name}"]`);
}

/** `required`, the older themes' aria-required, or a label marked with WordPress's `.required` star. */
function isRequired(doc: Document, field: Element): boolean {
  if (field.hasAttribute('required') || field.getAttribute('aria-required') === 'true') return true;
  const id = field.getAttribute('id');
  if (!id) return false;
  const label = Array.from(doc.querySelectorAll('label')).find((l) => l.getAttribute('for') === id);
  return label?.querySelector('.required') != null;
}
