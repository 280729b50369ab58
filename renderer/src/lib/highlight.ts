// Search snippets mark matches with U+E000 ... U+E001 (electron/core/storage/search.ts). They are
// split into plain text and marked parts here and rendered as React text: a snippet is never
// parsed as HTML, whatever it contains.
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export interface HighlightPart {
  readonly text: string;
  readonly match: boolean;
}

export function splitHighlight(snippet: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}
