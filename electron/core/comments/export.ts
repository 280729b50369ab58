// Drafts as one document, to keep or to post by hand: plain text or Markdown. Each draft says
// where it belongs (article, feed, the comment it answers), its state, and then its text as
// written (not escaped: it is the person's own text, to paste as it is).
import { DRAFT_STATE_LABELS, type Draft, type DraftExportFormat } from '../../../shared/types';


export function exportDrafts(drafts: readonly Draft[], format: DraftExportFormat, now: number): string {
  return format === 'markdown' ? markdown(drafts, now) : text(drafts, now);
}

function text(drafts: readonly Draft[], now: number): string {
  const head = `Paperboy drafts, exported ${when(now)}\n${count(drafts)}\n`;
  const entries = drafts.map((draft) => {
    const lines = [
      `Re: ${draft.articleTitle}`,
      `Feed: ${draft.feedTitle}`,
      ...(draft.articleUrl ? [`Article: ${draft.articleUrl}`] : []),
      ...(draft.replyTo ? [`In reply to: ${draft.replyTo.author ?? 'a comment'}`] : []),
      `State: ${stateLine(draft)}`,
      ...(signature(draft) ? [`From: ${signature(draft)}`] : []),
      `Written ${when(draft.createdAt)}, last changed ${when(draft.updatedAt)}`,
    ];
    return `${lines.join('\n')}\n\n${draft.body}\n`;
  });
  return [head, ...entries].join(`\n${'-'.repeat(40)}\n\n`);
}

function markdown(drafts: readonly Draft[], now: number): string {
  const head = `# Paperboy drafts\n\nExported ${when(now)} · ${count(drafts)}\n`;
  const entries = drafts.map((draft) => {
    const title = draft.articleUrl ? `[${escape(draft.articleTitle)}](${destination(draft.articleUrl)})` : escape(draft.articleTitle);
    const facts = [
      `*${escape(draft.feedTitle)}*`,
      ...(draft.replyTo ? [`in reply to **${escape(draft.replyTo.author ?? 'a comment')}**`] : []),
      draft.commentUrl ? `${DRAFT_STATE_LABELS[draft.state]} ([on the site](${destination(draft.commentUrl)}))` : DRAFT_STATE_LABELS[draft.state],
      ...(draft.message ? [escape(draft.message)] : []),
      ...(signature(draft) ? [`from ${escape(signature(draft))}`] : []),
      when(draft.updatedAt),
    ];
    return `## ${title}\n\n${facts.join(' · ')}\n\n${draft.body}\n`;
  });
  return [head, ...entries].join('\n---\n\n');
}

function count(drafts: readonly Draft[]): string {
  return drafts.length === 0 ? 'No drafts.' : drafts.length === 1 ? '1 draft' : `${drafts.length} drafts`;
}

function stateLine(draft: Draft): string {
  const url = draft.commentUrl ? ` (${draft.commentUrl})` : '';
  return `${DRAFT_STATE_LABELS[draft.state]}${url}${draft.message ? `: ${draft.message}` : ''}`;
}

function signature(draft: Draft): string {
  const contact = [draft.email, draft.website].filter((value) => value !== '').join(', ');
  return [draft.name, contact ? `(${contact})` : ''].filter((value) => value !== '').join(' ');
}

function when(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Inline text that Markdown would otherwise read as markup. */
function escape(value: string): string {
  return value.replace(/[\\`*_[\]<>#|!]/g, '\\$&');
}

/** A link destination: the characters that would end or break it, percent-encoded. */
function destination(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
