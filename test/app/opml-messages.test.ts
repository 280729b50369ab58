import { describe, expect, it } from 'vitest';
import { importSummary } from '../../electron/app/opml-messages';

describe('the OPML import summary', () => {
  it('says what was added and what to do next', () => {
    expect(importSummary({ added: 1, skipped: [], foldersCreated: 0 })).toEqual({ message: 'Added 1 feed.', detail: 'Sync to fetch their articles.' });
    expect(importSummary({ added: 12, skipped: [], foldersCreated: 2 }).detail).toBe('2 folders created.\nSync to fetch their articles.');
  });

  it('lists skipped entries, ten at most', () => {
    const skipped = Array.from({ length: 12 }, (_, i) => ({ url: `https://example.com/${i}`, title: i === 0 ? 'First' : null, reason: 'already subscribed' }));
    const { message, detail } = importSummary({ added: 0, skipped, foldersCreated: 0 });
    expect(message).toBe('No new feeds were added.');
    const lines = detail.split('\n');
    expect(lines[0]).toBe('12 entries skipped:');
    expect(lines[1]).toBe('• First: already subscribed');
    expect(lines[2]).toBe('• https://example.com/1: already subscribed');
    expect(lines.at(-1)).toBe('… and 2 more.');
    expect(lines).toHaveLength(12);
  });
});
