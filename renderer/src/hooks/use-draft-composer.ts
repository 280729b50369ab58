// The "Leave a Reply" composer's draft: saved as the person types (500 ms after the last key,
// and never more than 1 s after the first unsaved one, however steady the typing; at once when
// the page is hidden or closed: a reload or a closed window must not lose the last words), and
// sent only when the person asks. A save that fails (a full disk) is tried again, 1 s, 2 s,
// 4 s... up to 30 s apart, and the status says "Not saved" until one succeeds. Saves run one
// after the other so the first one's new id is used by the next (two saves must not make two drafts).
// One composer serves one article: ArticleView is keyed by it, so the ids never mix.
// Another window or the CLI may write the same draft. A composer with nothing unsaved takes what
// they wrote (drafts-changed); one with unsaved words never overwrites what it has not seen: its
// save carries the text it last loaded or saved (base), and the core writes over that text only,
// in the save's own transaction; if the draft changed (or was sent or deleted) meanwhile, the
// core keeps the person's text as a new draft, and the composer says so: both versions are kept.
// A queued draft (the person asked to send it) that is edited here goes back to being a draft,
// so words still being written are never sent by "Send all queued": the composer says so before
// the first change (while it is queued) and after it, and Send queues it again.
// The site's consent checkboxes are ticked by the person for one send, as on the site: never
// saved with the draft, and unticked again for the next comment.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleId, Draft, DraftInput, SavedDraft, SendResult } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface DraftFields {
  readonly body: string;
  readonly name: string;
  readonly email: string;
  readonly website: string;
  readonly replyTo: Draft['replyTo'];
}

export interface DraftComposerState {
  readonly fields: DraftFields | null;
  readonly draft: Draft | null;
  readonly saving: boolean;
  /** The last save failed and what is typed is not on disk yet (it is being retried). */
  readonly unsaved: boolean;
  readonly sending: boolean;
  readonly result: SendResult | null;
  readonly error: string | null;
  /** The names of the site's consent checkboxes (CommentConsent) the person ticked. */
  readonly ticked: readonly string[];
  /** Why what is typed was saved as a new draft (the draft was changed, sent or deleted elsewhere). */
  readonly notice: string | null;
  edit(patch: Partial<DraftFields>): void;
  tick(name: string, on: boolean): void;
  send(): Promise<void>;
  /** Saves now what is typed (before copying it elsewhere, sending, leaving). */
  flush(): Promise<Draft | null>;
}

const SAVE_DELAY_MS = 500;
/** However steady the typing, the first unsaved key is on disk this soon. */
const SAVE_MAX_WAIT_MS = 1_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** Drafts still being written or waiting to be sent come back into the composer. */
const OPEN_STATES = new Set<Draft['state']>(['draft', 'queued', 'failed']);
/** Outcomes after which the comment is on the site and the composer starts afresh. */
const DONE_OUTCOMES = new Set<SendResult['outcome']>(['sent', 'held', 'duplicate', 'found']);

type StoredText = Pick<Draft, 'body' | 'name' | 'email' | 'website'>;

const textOf = ({ body, name, email, website }: StoredText): StoredText => ({ body, name, email, website });

/** Why the core kept what was typed here apart, as a new draft (SavedDraft.keptApart). */
const KEPT_APART: Readonly<Record<NonNullable<SavedDraft['keptApart']>, string>> = {
  closed: 'This draft was sent or deleted elsewhere while you were writing here. What you wrote here is kept as a new draft.',
  changed:
    'This draft was changed in another window (or from the command line) while you were writing here. Both versions are kept: what you wrote here is saved as a new draft, and the other one is in Drafts.',
};
/** A queued draft was edited: it waits for the person's Send again. */
const UNQUEUED = 'You changed this comment after asking to send it, so it is no longer queued: press Send when it is ready.';

export function useDraftComposer(articleId: ArticleId): DraftComposerState {
  const bridge = useBridge();
  const [fields, setFields] = useState<DraftFields | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const fieldsRef = useRef<DraftFields | null>(null);
  const draftIdRef = useRef<number | null>(null);
  /** The draft's text on disk as this composer last loaded or saved it. */
  const baseRef = useRef<StoredText | null>(null);
  /** The draft's state as this composer last loaded or saved it. */
  const stateRef = useRef<Draft['state'] | null>(null);
  const dirtyRef = useRef(false);
  const sendingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the first key not yet saved must be on disk. */
  const dueRef = useRef<number | null>(null);
  const queueRef = useRef<Promise<Draft | null>>(Promise.resolve(null));
  const retryRef = useRef<{ timer: ReturnType<typeof setTimeout> | null; delay: number }>({ timer: null, delay: RETRY_FIRST_MS });

  /** Shows the stored open draft (or, with none, `empty`) and takes it as the base of the next save. */
  const show = useCallback((open: Draft | null, empty: DraftFields) => {
    const loaded: DraftFields = open ? { body: open.body, name: open.name, email: open.email, website: open.website, replyTo: open.replyTo } : empty;
    draftIdRef.current = open?.id ?? null;
    baseRef.current = open && textOf(open);
    stateRef.current = open?.state ?? null;
    fieldsRef.current = loaded;
    setDraft(open);
    setFields(loaded);
  }, []);

  useEffect(() => {
    let live = true;
    setFields(null);
    setDraft(null);
    setResult(null);
    draftIdRef.current = null;
    Promise.all([bridge.getDrafts(articleId), bridge.getSettings()]).then(
      ([drafts, settings]) => {
        if (!live) return;
        const open = drafts.find((candidate) => OPEN_STATES.has(candidate.state)) ?? null;
        show(open, { body: '', ...settings.commenter, replyTo: null });
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [bridge, articleId, show]);

  /** Saves what is typed (also as the page goes away: one call, over the base it carries). */
  const save = useCallback((): Promise<Draft | null> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    dueRef.current = null;
    const retry = retryRef.current;
    if (retry.timer) clearTimeout(retry.timer);
    retry.timer = null;
    queueRef.current = queueRef.current.then(async () => {
      const current = fieldsRef.current;
      if (!dirtyRef.current || !current) return null;
      // Pressing Reply, or typing a name, is not yet a draft worth listing: it starts with text.
      if (draftIdRef.current === null && !current.body.trim()) return null;
      dirtyRef.current = false;
      setSaving(true);
      try {
        const id = draftIdRef.current;
        const base = baseRef.current;
        const input: DraftInput = {
          ...(id === null ? {} : { id }),
          ...(id !== null && base ? { base } : {}),
          articleId,
          body: current.body,
          name: current.name,
          email: current.email,
          website: current.website,
          replyToCommentId: current.replyTo?.commentId ?? null,
        };
        const saved = await bridge.saveDraft(input);
        const unqueued = !saved.keptApart && saved.id === id && stateRef.current === 'queued' && saved.state === 'draft';
        draftIdRef.current = saved.id;
        baseRef.current = textOf(saved);
        stateRef.current = saved.state;
        if (saved.keptApart) setNotice(KEPT_APART[saved.keptApart]);
        else if (unqueued) setNotice(UNQUEUED);
        setDraft(saved);
        setError(null);
        setUnsaved(false);
        retry.delay = RETRY_FIRST_MS;
        return saved;
      } catch (failure) {
        dirtyRef.current = true;
        setUnsaved(true);
        setError(`The draft could not be saved: ${errorMessage(failure)}. Paperboy keeps trying.`);
        // Tried again later, further apart each time; typing or leaving saves sooner.
        retry.timer = setTimeout(() => void saveRef.current?.(), retry.delay);
        retry.delay = Math.min(retry.delay * 2, RETRY_MAX_MS);
        return null;
      } finally {
        setSaving(false);
      }
    });
    return queueRef.current;
  }, [bridge, articleId]);

  const saveRef = useRef<(() => Promise<Draft | null>) | null>(null);
  saveRef.current = save;

  // Another window or the CLI wrote this article's drafts: with nothing unsaved, show what they
  // wrote (this composer's draft, or the article's open one if it was sent or deleted); with words
  // unsaved, nothing: their save carries its base, and the core keeps both texts if it changed.
  // In the save queue, so neither overtakes the other.
  const hear = useCallback(() => {
    queueRef.current = queueRef.current.then(async () => {
      const current = fieldsRef.current;
      if (!current || sendingRef.current) return null;
      try {
        const drafts = await bridge.getDrafts(articleId);
        if (sendingRef.current) return null;
        if (dirtyRef.current) return null;
        const open =
          drafts.find((candidate) => candidate.id === draftIdRef.current && OPEN_STATES.has(candidate.state)) ??
          drafts.find((candidate) => OPEN_STATES.has(candidate.state)) ??
          null;
        show(open, { ...current, body: '', replyTo: null });
      } catch {
        // Only a look at what changed: the next event, or the next save's check, looks again.
      }
      return null;
    });
  }, [bridge, articleId, show]);

  useEffect(
    () =>
      bridge.on('drafts-changed', ({ articleIds }) => {
        if (articleIds === null || articleIds.includes(articleId)) hear();
      }),
    [bridge, articleId, hear],
  );

  // Leaving the article (or closing the view) keeps what was typed; so do a reload and closing
  // the window, which unmount nothing: the save starts while the page is still there.
  useEffect(() => {
    const leave = () => {
      if (dirtyRef.current) void save();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      const retry = retryRef.current;
      if (retry.timer) clearTimeout(retry.timer);
      void save();
    };
  }, [save]);

  const edit = useCallback(
    (patch: Partial<DraftFields>) => {
      const current = fieldsRef.current;
      if (!current) return;
      const next = { ...current, ...patch };
      fieldsRef.current = next;
      dirtyRef.current = true;
      setFields(next);
      setResult(null);
      // A pause saves sooner; steady typing is saved when its first unsaved key is due.
      const now = Date.now();
      dueRef.current ??= now + SAVE_MAX_WAIT_MS;
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void save(), Math.max(0, Math.min(SAVE_DELAY_MS, dueRef.current - now)));
    },
    [save],
  );

  const flush = useCallback(async () => {
    await save();
    return draftIdRef.current === null ? null : bridge.getDraft(draftIdRef.current);
  }, [bridge, save]);

  const tick = useCallback((name: string, on: boolean) => {
    setTicked((current) => (on ? [...current.filter((other) => other !== name), name] : current.filter((other) => other !== name)));
  }, []);

  const send = useCallback(async () => {
    setSending(true);
    sendingRef.current = true;
    setNotice(null);
    try {
      const saved = await flush();
      if (!saved) {
        setError('Write a comment first.');
        return;
      }
      const outcome = await bridge.sendDraft(saved.id, ticked);
      setResult(outcome);
      setError(null);
      if (DONE_OUTCOMES.has(outcome.outcome)) {
        // The comment is on the site; the next one starts empty, with the same name.
        draftIdRef.current = null;
        baseRef.current = null;
        stateRef.current = null;
        const fresh = { ...(fieldsRef.current ?? outcome.draft), body: '', replyTo: null };
        fieldsRef.current = fresh;
        setFields(fresh);
        setDraft(null);
        setTicked([]);
      } else {
        baseRef.current = textOf(outcome.draft);
        stateRef.current = outcome.draft.state;
        setDraft(outcome.draft);
      }
    } catch (failure) {
      setError(`The comment could not be sent: ${errorMessage(failure)}`);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }, [bridge, flush, ticked]);

  return { fields, draft, saving, unsaved, sending, result, error, ticked, notice, edit, tick, send, flush };
}
