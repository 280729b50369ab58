import { describe, expect, it } from 'vitest';
import { exportDrafts } from '../../electron/core/comments';
import type { Draft } from '../../shared/types';

const AT = Date.UTC(2026, 10, 28, 9, 30);

const written: Draft = {
  id: 1, articleId: 'a'.repeat(32), articleTitle: 'NATO is in security dialogue with Russia', articleUrl: 'https://brief.example/2022/01/13/nato/',
  feedTitle: 'The Evening Dispatch', replyTo: null, body: 'The talks in Geneva were only the start.\n\nMore soon.',
  name: 'Jo', email: 'jo@example.org', website: '', state: 'draft', message: null, commentUrl: null, canSend: true,
  createdAt: AT, updatedAt: AT + 60_000, sentAt: null,
};
const sent: Draft = {
  ...written, id: 2, articleId: null, articleTitle: 'Prices *up* [again]', articleUrl: 'https://brief.example/prices_(2022)/',
  replyTo: { commentId: 'c'.repeat(32), author: 'Ana Ruiz' }, body: 'Agreed.', state: 'sent',
  message: 'Sent: the comment shows on the site.', commentUrl: 'https://brief.example/prices_(2022)/#comment-7', website: 'https://jo.example',
};

describe('exportDrafts', () => {
  it('writes plain text: where each draft belongs, its state, then its text as written', () => {
    expect(exportDrafts([written, sent], 'text', AT)).toBe(`Paperboy drafts, exported 2026-11-28 09:30 UTC
2 drafts

----------------------------------------

Re: NATO is in security dialogue with Russia
Feed: The Evening Dispatch
Article: https://brief.example/2022/01/13/nato/
State: Draft
From: Jo (jo@example.org)
Written 2026-11-28 09:30 UTC, last changed 2026-11-28 09:31 UTC

The talks in Geneva were only the start.

More soon.

----------------------------------------

Re: Prices *up* [again]
Feed: The Evening Dispatch
Article: https://brief.example/prices_(2022)/
In reply to: Ana Ruiz
State: Sent (https://brief.example/prices_(2022)/#comment-7): Sent: the comment shows on the site.
From: Jo (jo@example.org, https://jo.example)
Written 2026-11-28 09:30 UTC, last changed 2026-11-28 09:31 UTC

Agreed.
`);
  });

  it('writes Markdown with titles escaped and links intact, the text left as written', () => {
    const markdown = exportDrafts([sent], 'markdown', AT);
    expect(markdown).toBe(`# Paperboy drafts

Exported 2026-11-28 09:30 UTC · 1 draft

---

## [Prices \\*up\\* \\[again\\]](https://brief.example/prices_%282022%29/)

*The Evening Dispatch* · in reply to **Ana Ruiz** · Sent ([on the site](https://brief.example/prices_%282022%29/#comment-7)) · Sent: the comment shows on the site. · from Jo (jo@example.org, https://jo.example) · 2026-11-28 09:31 UTC

Agreed.
`);
  });

  it('says so when there is nothing to export', () => {
    expect(exportDrafts([], 'text', AT)).toBe('Paperboy drafts, exported 2026-11-28 09:30 UTC\nNo drafts.\n');
    expect(exportDrafts([], 'markdown', AT)).toBe('# Paperboy drafts\n\nExported 2026-11-28 09:30 UTC · No drafts.\n');
  });
});
