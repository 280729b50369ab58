// The "Leave a Reply" composer's draft: saved as the person types (500 ms after the last key,
// so never more than 1 s behind, and at once when the page is hidden or closed: a reload or a
// closed window must not lose the last words), and sent only when the person asks. A save that
// fails (a full disk) is tried again, 1 s, 2 s, 4 s... up to 30 s apart, and the status says
// "Not saved" until one succeeds. Saves run one after the
// other so the first one's new id is used by the next (two saves must not make two drafts).
// One composer serves one article: CommentSection is keyed by it, so the ids never mix.
// The site's consent checkboxes are ticked by the person for one send, as on the site: never
// saved with the draft, and unticked again for the next comment.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleId, Draft, DraftInput, SendResult } from '../../../shared/types';
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
  edit(patch: Partial<DraftFields>): void;
  tick(name: string, on: boolean): void;
  send(): Promise<void>;
  /** Saves now what is typed (before copying it elsewhere, sending, leaving). */
  flush(): Promise<Draft | null>;
}

const SAVE_DELAY_MS = 500;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** Drafts still being written or waiting to be sent come back into the composer. */
const OPEN_STATES = new Set<Draft['state']>(['draft', 'queued', 'failed']);
/** Outcomes after which the comment is on the site and the composer starts afresh. */
const DONE_OUTCOMES = new Set<SendResult['outcome']>(['sent', 'held', 'duplicate', 'found']);

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
  const fieldsRef = useRef<DraftFields | null>(null);
  const draftIdRef = useRef<number | null>(null);
  const dirtyRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queueRef = useRef<Promise<Draft | null>>(Promise.resolve(null));
  const retryRef = useRef<{ timer: ReturnType<typeof setTimeout> | null; delay: number }>({ timer: null, delay: RETRY_FIRST_MS });

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
        const loaded: DraftFields = open
          ? { body: open.body, name: open.name, email: open.email, website: open.website, replyTo: open.replyTo }
          : { body: '', ...settings.commenter, replyTo: null };
        draftIdRef.current = open?.id ?? null;
        fieldsRef.current = loaded;
        setDraft(open);
        setFields(loaded);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [bridge, articleId]);

  const save = useCallback((): Promise<Draft | null> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    const retry = retryRef.current;
    if (retry.timer) clearTimeout(retry.timer);
    retry.timer = null;
    queueRef.current = queueRef.current.then(async () => {
      const current = fieldsRef.current;
      if (!dirtyRef.current || !current) return null;
      // Pressing Reply, or typing a name, is not yet a draft worth listing: it starts with text.
      if (draftIdRef.current === null && !current.body.trim()) return null;
      dirtyRef.current = false;
      const input: DraftInput = {
        ...(draftIdRef.current === null ? { articleId } : { id: draftIdRef.current }),
        body: current.body,
        name: current.name,
        email: current.email,
        website: current.website,
        replyToCommentId: current.replyTo?.commentId ?? null,
      };
      setSaving(true);
      try {
        const saved = await bridge.saveDraft(input);
        draftIdRef.current = saved.id;
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
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void save(), SAVE_DELAY_MS);
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
        const fresh = { ...(fieldsRef.current ?? outcome.draft), body: '', replyTo: null };
        fieldsRef.current = fresh;
        setFields(fresh);
        setDraft(null);
        setTicked([]);
      } else {
        setDraft(outcome.draft);
      }
    } catch (failure) {
      setError(`The comment could not be sent: ${errorMessage(failure)}`);
    } finally {
      setSending(false);
    }
  }, [bridge, flush, ticked]);

  return { fields, draft, saving, unsaved, sending, result, error, ticked, edit, tick, send, flush };
}
