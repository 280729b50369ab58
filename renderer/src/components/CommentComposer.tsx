// "Leave a Reply", like the site's form: the text is kept on disk as it is typed and goes to the
// site only when the person presses Send. A counter shows the site's length limit (its form's
// maxlength, in bytes as WordPress counts it: shared/comment-length.ts). Where comments were closed at the last sync, Send is still offered: it
// reads the page again first, and a reopened form takes the comment. Where the site takes comments
// only from readers logged in to it, or through Jetpack Comments, or whose comments are on a
// service (Disqus, giscus...), or whose form posts to another site or asks for what Paperboy cannot
// fill in (a sum, a file), Paperboy cannot post: the person is told where the comments go, and
// the text is copied and the article opened in the browser, as for a form Paperboy does not know.
// An article whose page was never read (pending, refused) asks for no name or email either: its
// form is not known, and the draft is carried to the browser or kept for when the next sync reads it.
// A checkbox the site requires (a privacy consent) shows with the site's own label, unticked until
// the person ticks it, and Send waits for it.
// For screen readers: the counter is read with the comment box, and announced only when the text
// comes near the limit or goes over it (not at every key); after Send, focus stays in the
// composer, on what the send did, rather than falling to the page with the disabled button.
import { useEffect, useId, useRef, useState } from 'react';
import { commentBytes, commentLengthNote, overLimitMessage } from '../../../shared/comment-length';
import { isCommentServiceKind, whereCommentsGo } from '../../../shared/comment-services';
import { isUnpostableFormKind, type Article } from '../../../shared/types';
import type { DraftComposerState } from '../hooks/use-draft-composer';
import { DISCUSSION_IDS } from '../lib/discussion-link';
import { pageNotRead, type PageNotRead } from '../lib/page-not-read';
import { CopyToBrowserButton } from './CopyToBrowserButton';
import { SendOutcome } from './SendOutcome';

export interface CommentComposerProps {
  readonly article: Article;
  readonly composer: DraftComposerState;
  readonly onOpenLink: (url: string) => void;
}

/** What the composer says of the form of a page the sync has not read. The draft is offered all the
 *  same: a reply thought of offline is kept, and either sent from here once the next sync reads the
 *  form, or carried to the site in the browser (where the person may be signed in, as a page
 *  behind a sign-in needs). */
const UNREAD_FORM: Readonly<Record<PageNotRead, string>> = {
  pending: 'The site’s comment form is read with the whole article at the next sync: until then the draft stays in Paperboy.',
  failed: 'Paperboy could not read the article’s page, so it does not know the site’s comment form: the draft stays in Paperboy, to paste into the site’s form in the browser.',
  skipped: 'Paperboy does not read this feed’s pages (Full text is off), so it does not know the site’s comment form: the draft stays in Paperboy, to paste into the site’s form in the browser.',
};

/** From this share of the site's limit on, the person is told the comment is getting long. */
const NEAR_LIMIT_SHARE = 0.9;

/** What the live region says about the length: it changes only when the text crosses a threshold. */
function lengthAlert(body: string, limit: number | null): string {
  if (limit === null) return '';
  if (overLimitMessage(body, limit) !== null) return 'The comment is over the site’s length limit: shorten it to send it.';
  if (commentBytes(body) >= limit * NEAR_LIMIT_SHARE) return 'The comment is close to the site’s length limit.';
  return '';
}

export function CommentComposer({ article, composer, onOpenLink }: CommentComposerProps) {
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const wasSending = useRef(false);
  const [note, setNote] = useState<string | null>(null);
  const { fields, draft } = composer;
  // Reply under a comment moves the person to the text box, as the site's reply link does.
  const replyToId = fields?.replyTo?.commentId;
  useEffect(() => {
    if (replyToId) textareaRef.current?.focus();
  }, [replyToId]);
  // A sent comment empties the box, which disables Send: focus would fall to the page. It goes to
  // the outcome instead (or the comment box when there is none), where the person can go on.
  useEffect(() => {
    const finished = wasSending.current && !composer.sending;
    wasSending.current = composer.sending;
    if (!finished) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || (active === sendRef.current && sendRef.current.disabled);
    if (!lost) return;
    if (outcomeRef.current?.hasChildNodes()) outcomeRef.current.focus();
    else textareaRef.current?.focus();
  }, [composer.sending]);
  if (!fields) return null;
  const form = article.commentForm?.kind === 'wordpress' ? article.commentForm : null;
  const closed = article.commentForm?.kind === 'closed';
  const elsewhere = isUnpostableFormKind(article.commentForm?.kind) ? article.commentForm.kind : null;
  // A page never read says nothing of its form: no fields of WordPress's are asked for as if it did.
  const unread = article.commentForm ? null : pageNotRead(article);
  const siteFields = !elsewhere && !unread;
  const consents = form?.consents ?? [];
  const unticked = consents.some((box) => !composer.ticked.includes(box.name));
  const required = new Set(form?.requiredFields ?? ['comment', 'author', 'email']);
  // The asterisk is for the eye; screen readers hear "required" from the field itself.
  const star = (field: 'author' | 'email') =>
    required.has(field) ? (
      <>
        {' '}
        <span aria-hidden="true">*</span>
      </>
    ) : null;
  const status = composer.saving
    ? 'Saving…'
    : composer.unsaved
      ? 'Not saved'
      : draft
        ? `Draft saved${draft.state === 'draft' ? '' : ` (${draft.state})`}`
        : '';
  const limit = form?.maxLength ?? null;
  const over = overLimitMessage(fields.body, limit) !== null;
  return (
    <form id={DISCUSSION_IDS['reply-form']} className="comment-composer" aria-labelledby={`${id}-heading`} onSubmit={(event) => event.preventDefault()}>
      <h3 id={`${id}-heading`}>{fields.replyTo ? `Reply to ${fields.replyTo.author || 'Anonymous'}` : 'Leave a Reply'}</h3>
      {fields.replyTo && (
        <button type="button" className="link-button" onClick={() => composer.edit({ replyTo: null })}>
          Cancel reply
        </button>
      )}
      {siteFields && <p className="muted">Your email address will not be published.</p>}
      <label htmlFor={`${id}-comment`}>
        Comment <span aria-hidden="true">*</span>
      </label>
      <textarea
        id={`${id}-comment`}
        ref={textareaRef}
        rows={6}
        required
        value={fields.body}
        aria-describedby={limit !== null ? `${id}-count` : undefined}
        aria-invalid={over || undefined}
        onChange={(event) => composer.edit({ body: event.target.value })}
      />
      {limit !== null && (
        <p id={`${id}-count`} className={over ? 'composer-count error' : 'muted composer-count'}>
          {commentLengthNote(fields.body, limit)}
        </p>
      )}
      <p className="sr-only" aria-live="polite">
        {lengthAlert(fields.body, limit)}
      </p>
      {/* A site that takes comments only from its logged-in readers, or through Jetpack, asks for
          no name or email here: the person gives them on the site itself. */}
      {siteFields && (
        <div className="composer-identity">
          <label>
            <span>Name{star('author')}</span>
            <input
              type="text"
              autoComplete="name"
              required={required.has('author')}
              value={fields.name}
              onChange={(event) => composer.edit({ name: event.target.value })}
            />
          </label>
          <label>
            <span>Email{star('email')}</span>
            <input
              type="email"
              autoComplete="email"
              required={required.has('email')}
              value={fields.email}
              onChange={(event) => composer.edit({ email: event.target.value })}
            />
          </label>
          <label>
            Website
            <input type="url" autoComplete="url" value={fields.website} onChange={(event) => composer.edit({ website: event.target.value })} />
          </label>
        </div>
      )}
      {consents.map((box) => (
        <label key={box.name} className="composer-consent">
          <input
            type="checkbox"
            required
            checked={composer.ticked.includes(box.name)}
            onChange={(event) => composer.tick(box.name, event.target.checked)}
          />{' '}
          <span>
            {box.label} <span aria-hidden="true">*</span>
          </span>
        </label>
      ))}
      <div className="composer-actions">
        {form || closed ? (
          // While it sends, Send stays focusable (aria-disabled): a disabled button would drop the focus.
          <button
            ref={sendRef}
            type="button"
            className="button primary"
            disabled={!fields.body.trim() || over || unticked}
            aria-disabled={composer.sending || undefined}
            onClick={() => {
              if (!composer.sending) void composer.send();
            }}
          >
            {composer.sending ? 'Sending…' : 'Send'}
          </button>
        ) : (
          <CopyToBrowserButton
            text={fields.body}
            url={article.commentsUrl ?? article.url}
            textareaRef={textareaRef}
            onOpenLink={onOpenLink}
            onNote={setNote}
          />
        )}
        {/* Not live: "Saving…" and "Draft saved" at every pause in typing would talk over it; a
            save that fails is announced by the alert below. */}
        <span className={composer.unsaved ? 'composer-status error' : 'muted composer-status'}>{status}</span>
      </div>
      {closed && (
        <p className="muted">
          Comments were closed on this article when Paperboy last read its page. Send reads the page again first: if the site has
          reopened comments, the comment goes.
        </p>
      )}
      {elsewhere === 'login' && (
        <p className="muted">This site takes comments only from readers logged in to it, which Paperboy cannot do: the draft stays in Paperboy.</p>
      )}
      {elsewhere === 'jetpack' && (
        <p className="muted">This site takes comments through Jetpack Comments, which Paperboy cannot post to: the draft stays in Paperboy.</p>
      )}
      {elsewhere === 'captcha' && (
        <p className="muted">
          This site asks for a captcha with every comment, which only its own page can show: the reply has to be written on the site itself. The draft
          stays in Paperboy.
        </p>
      )}
      {elsewhere === 'offsite' && (
        <p className="muted">
          This article’s comment form sends comments to another site than the article’s own, and Paperboy does not send your name, email and text
          there: the draft stays in Paperboy.
        </p>
      )}
      {elsewhere === 'unfillable' && (
        <p className="muted">
          This site’s comment form also asks for something Paperboy cannot fill in (a sum to solve, a file, a question of its own): the reply has to
          be written on the site itself. The draft stays in Paperboy.
        </p>
      )}
      {elsewhere === 'forum' && (
        <p className="muted">Replies here are posted on the site by its signed-in members, which Paperboy cannot do: the draft stays in Paperboy.</p>
      )}
      {elsewhere === 'wpdiscuz' && (
        <p className="muted">This site takes comments through wpDiscuz, a comment form its own script sends, which Paperboy cannot post to: the draft stays in Paperboy.</p>
      )}
      {isCommentServiceKind(elsewhere) && (
        <p className="muted">This page’s comments are {whereCommentsGo(elsewhere)}, which Paperboy cannot post to: the draft stays in Paperboy.</p>
      )}
      {!article.commentForm &&
        (article.linkedFile !== null ? (
          <p className="muted">The article’s link is a file, which takes no comments: the draft stays in Paperboy.</p>
        ) : unread ? (
          <p className="muted">{UNREAD_FORM[unread]}</p>
        ) : (
          <p className="muted">The site’s comment form is not known: the draft stays in Paperboy.</p>
        ))}
      {note && <p role="status">{note}</p>}
      {/* Queued: said before the first change, which takes it out of the queue (the notice below says when it did). */}
      {draft?.state === 'queued' && (
        <p className="muted composer-queued">
          Queued to send: when you are online, press Send here or “Send all queued” in Drafts. Changing it takes it out of the queue until you press
          Send again.
        </p>
      )}
      {/* What this window typed was kept apart from another window's (or the CLI's) version, or taken out of the queue. */}
      {composer.notice && (
        <p className="composer-notice" role="status">
          {composer.notice}
        </p>
      )}
      <div ref={outcomeRef} className="composer-outcome" tabIndex={-1}>
        {composer.result && <SendOutcome result={composer.result} onOpenLink={onOpenLink} />}
        {composer.error && (
          <p className="error" role="alert">
            {composer.error}
          </p>
        )}
      </div>
    </form>
  );
}
