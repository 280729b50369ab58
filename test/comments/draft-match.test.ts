import { describe, expect, it } from 'vitest';
import { findDraftComment, ownText, type DraftTrace, type StoredCommentText } from '../../electron/core/comments/draft-match';
import { siteCommentNumber } from '../../electron/core/storage';
import type { Draft } from '../../shared/types';

const ATTEMPT_AT = Date.UTC(2026, 10, 28, 9, 30);
const draft = { id: 7, body: "It's a start -- \"only\" a start...", name: 'Jo Reader', commentUrl: null, replyTo: null } as unknown as Draft;
const trace = (overrides: Partial<DraftTrace> = {}): DraftTrace => ({ draft, sends: [ownText(draft)], claimed: new Set(), ...overrides });
const comment = (overrides: Partial<StoredCommentText>): StoredCommentText => ({
  id: 'c'.repeat(32), author: 'Jo Reader', text: 'It’s a start – “only” a start…', url: 'https://brief.example/post/#comment-9',
  parentId: null, publishedAt: ATTEMPT_AT + 2_000, ...overrides,
});

describe('findDraftComment', () => {
  it('sees through the typesetting the site applies, and the tags it keeps out of the text', () => {
    expect(findDraftComment(trace(), [comment({})])?.comment.url).toBe('https://brief.example/post/#comment-9');
    const tagged = { ...draft, body: 'It is <em>only</em> a start.' };
    expect(findDraftComment(trace({ draft: tagged, sends: [ownText(tagged)] }), [comment({ text: 'It is only a start.' })])).not.toBeNull();
  });

  it('wants the same author and the same words, not words that end another comment', () => {
    expect(findDraftComment(trace(), [comment({ author: 'Someone Else' })])).toBeNull();
    expect(findDraftComment(trace(), [comment({ text: 'It’s a start, and more.' })])).toBeNull();
    const thanks = { ...draft, body: 'Thanks!' };
    expect(findDraftComment(trace({ draft: thanks, sends: [ownText(thanks)] }), [comment({ text: 'Great point, thanks!' })])).toBeNull();
    expect(findDraftComment(trace({ draft: { ...draft, body: '  ' }, sends: [{ body: '  ', name: 'Jo Reader', startedAt: null }] }), [comment({ text: '' })])).toBeNull();
  });

  it('wants the thread the draft answers: a reply is not a top-level comment, nor a reply to someone else', () => {
    const reply = { ...draft, replyTo: { commentId: 'a'.repeat(32), author: 'Ana Ruiz' } };
    const replyTrace = trace({ draft: reply, sends: [ownText(reply)] });
    expect(findDraftComment(replyTrace, [comment({ parentId: null })])).toBeNull();
    expect(findDraftComment(replyTrace, [comment({ parentId: 'b'.repeat(32) })])).toBeNull();
    expect(findDraftComment(replyTrace, [comment({ parentId: 'a'.repeat(32) })])).not.toBeNull();
    expect(findDraftComment(trace(), [comment({ parentId: 'a'.repeat(32) })])).toBeNull();
  });

  it('leaves out comments other drafts are, and ones posted well before the attempt began', () => {
    expect(findDraftComment(trace({ claimed: new Set(['9']) }), [comment({})])).toBeNull();
    const mine = comment({ id: 'd'.repeat(32), url: 'https://brief.example/post/#comment-12' });
    expect(findDraftComment(trace({ claimed: new Set(['9']) }), [comment({}), mine])?.comment.url).toBe(mine.url);

    const sends = [{ body: draft.body, name: draft.name, startedAt: ATTEMPT_AT }];
    expect(findDraftComment(trace({ sends }), [comment({ publishedAt: ATTEMPT_AT - 3 * 24 * 3600_000 })])).toBeNull();
    // The site's clock, a minute behind ours, dates the comment before the attempt began.
    expect(findDraftComment(trace({ sends }), [comment({ publishedAt: ATTEMPT_AT - 60_000 })])).not.toBeNull();
  });

  it('looks for what each unanswered attempt sent, and says which text it found', () => {
    const edited = { ...draft, body: 'It is a start, only a start.' };
    const sends = [{ body: draft.body, name: draft.name, startedAt: ATTEMPT_AT }, { body: 'It is a start', name: 'Jo', startedAt: ATTEMPT_AT + 60_000 }];
    expect(findDraftComment(trace({ draft: edited, sends }), [comment({})])?.sent).toEqual(sends[0]);
    expect(findDraftComment(trace({ draft: edited, sends }), [comment({ text: 'It is a start', author: 'Jo', publishedAt: ATTEMPT_AT + 61_000 })])?.sent).toEqual(sends[1]);
    expect(findDraftComment(trace({ draft: edited, sends: [ownText(edited)] }), [comment({})])).toBeNull();
  });

  it('goes by the comment number when the site gave one (a held comment approved later)', () => {
    const held = { ...draft, commentUrl: 'https://brief.example/post/?unapproved=9&moderation-hash=ab#comment-9' };
    expect(findDraftComment(trace({ draft: held }), [comment({ author: 'Jo R.', text: 'edited by a moderator' })])?.comment.url).toBe('https://brief.example/post/#comment-9');
    expect(siteCommentNumber('https://brief.example/post/#comments')).toBeNull();
  });
});
