// Posting a draft the way the site's own form would: application/x-www-form-urlencoded to the
// captured action, the form's hidden fields included, redirects not followed (the redirect is
// the answer: see post-outcome.ts).
import type { CommentField } from '../../../shared/types';
import type { CapturedCommentForm } from '../articles';
import { HttpError, PAGE_ACCEPT, type HttpClient } from '../http';
import { verdictOfError, verdictOfResponse, type PostVerdict } from './post-outcome';

export interface CommentText {
  readonly body: string;
  readonly name: string;
  readonly email: string;
  readonly website: string;
}

const FIELD_LABELS: Readonly<Record<CommentField, string>> = { comment: 'the comment', author: 'your name', email: 'your email', url: 'your website' };
const POST_TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1024 * 1024;

function valueOf(field: CommentField, text: CommentText): string {
  switch (field) {
    case 'comment':
      return text.body;
    case 'author':
      return text.name;
    case 'email':
      return text.email;
    case 'url':
      return text.website;
  }
}

/** The form's required fields left empty, in words ("your name and your email"), or null. */
export function missingFields(form: CapturedCommentForm, text: CommentText): string | null {
  const missing = form.requiredFields.filter((field) => valueOf(field, text).trim() === '').map((field) => FIELD_LABELS[field]);
  const last = missing.pop();
  if (last === undefined) return null;
  return missing.length === 0 ? last : `${missing.join(', ')} and ${last}`;
}

/** The form as posted with the consent checkboxes the person ticked (sent as a browser sends a
 *  ticked box: name=value), or the labels of the ones it requires that are not ticked. */
export function withConsents(form: CapturedCommentForm, ticked: readonly string[]): { form: CapturedCommentForm } | { unticked: string[] } {
  const consents = form.consents ?? [];
  const unticked = consents.filter((box) => !ticked.includes(box.name)).map((box) => box.label);
  if (unticked.length > 0) return { unticked };
  return { form: { ...form, hiddenFields: [...form.hiddenFields, ...consents.map((box) => [box.name, box.value] as const)] } };
}

/** The form's fields as the browser would send them (the comment under the name its textarea has);
 *  comment_parent names the comment answered (0: none). */
export function commentFormBody(form: CapturedCommentForm, text: CommentText, replyToSiteId: string | null): string {
  const params = new URLSearchParams();
  for (const field of form.fields) {
    if (field === 'comment') params.append(form.commentName, text.body);
    else params.append(field, valueOf(field, text).trim());
  }
  for (const [name, value] of form.hiddenFields) if (name !== 'comment_parent') params.append(name, value);
  params.append('comment_parent', replyToSiteId ?? '0');
  return params.toString();
}

export async function postComment(http: HttpClient, form: CapturedCommentForm, body: string, articleUrl: string | null): Promise<PostVerdict> {
  try {
    const response = await http.fetch({
      url: form.action,
      method: 'POST',
      body,
      contentType: 'application/x-www-form-urlencoded',
      followRedirects: false,
      errorBody: true,
      accept: PAGE_ACCEPT,
      // The page the form was on, as a browser says it; some sites refuse comments without it.
      headers: articleUrl ? { referer: articleUrl } : {},
      maxBytes: MAX_ANSWER_BYTES,
      timeoutMs: POST_TIMEOUT_MS,
    });
    return verdictOfResponse(response, form.action, articleUrl);
  } catch (error) {
    // Nothing was sent, and sending again will not change where the form points.
    if (error instanceof HttpError && error.kind === 'blocked') {
      return { kind: 'rejected', message: `Not sent: the comment form sends to ${form.action}, which is on the local network, and this article's feed is not. Copy the text and post it from the article in the browser.` };
    }
    return verdictOfError(error);
  }
}
