import { describe, expect, it } from 'vitest';
import { findDraftComment } from '../../electron/core/comments/draft-match';
import { siteCommentNumber } from '../../electron/core/storage';
import type { Draft } from '../../shared/types';

const draft = { body: "It's a start -- \"only\" a start...", name: 'Jo Reader', commentUrl: null } as Draft;
const comment = (overrides: Partial<{ author: string; text: string; url: string }>) => ({
  id: 'c'.repeat(32), author: 'Jo Reader', text: 'It’s a start – “only” a start…', url: 'https://brief.example/post/#comment-9', ...overrides,
});

describe('findDraftComment', () => {
  it('sees through the typesetting the site applies, and the lead it adds to replies', () => {
    expect(findDraftComment(draft, [comment({})])).not.toBeNull();
    expect(findDraftComment(draft, [comment({ text: 'In reply to Ana.\nIt’s a start – “only” a start…' })])).not.toBeNull();
  });

  it('wants the same author and the same words', () => {
    expect(findDraftComment(draft, [comment({ author: 'Someone Else' })])).toBeNull();
    expect(findDraftComment(draft, [comment({ text: 'It’s a start, and more.' })])).toBeNull();
    expect(findDraftComment({ ...draft, body: '  ' }, [comment({ text: '' })])).toBeNull();
  });

  it('goes by the comment number when the site gave one (a held comment approved later)', () => {
    const held = { ...draft, commentUrl: 'https://brief.example/post/?unapproved=9&moderation-hash=ab#comment-9' };
    expect(findDraftComment(held, [comment({ author: 'Jo R.', text: 'edited by a moderator' })])?.url).toBe('https://brief.example/post/#comment-9');
    expect(siteCommentNumber('https://brief.example/post/#comments')).toBeNull();
  });
});
