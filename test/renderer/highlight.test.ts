import { describe, expect, it } from 'vitest';
import { splitHighlight } from '../../renderer/src/lib/highlight';

describe('search snippets', () => {
  it('splits the core markers into plain and marked parts', () => {
    expect(splitHighlight('talks in \uE000Brussels\uE001 ended, \uE000Brussels\uE001 said')).toEqual([
      { text: 'talks in ', match: false },
      { text: 'Brussels', match: true },
      { text: ' ended, ', match: false },
      { text: 'Brussels', match: true },
      { text: ' said', match: false },
    ]);
  });

  it('keeps markup as text: a snippet is never HTML', () => {
    expect(splitHighlight('<img src=x onerror=alert(1)> \uE000x\uE001')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'x', match: true },
    ]);
  });

  it('copes with no markers, an unclosed marker and astral characters', () => {
    expect(splitHighlight('plain')).toEqual([{ text: 'plain', match: false }]);
    expect(splitHighlight('a \uE000b')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ]);
    expect(splitHighlight('\uE000😀\uE001')).toEqual([{ text: '😀', match: true }]);
    expect(splitHighlight('')).toEqual([]);
  });
});
