// Plain text built a run of text at a time, as the two text scans (./sanitize.ts over sanitized
// HTML, ./raw-text.ts over a feed's raw HTML) both make it: each block on a line of its own, runs
// of whitespace one space, control characters dropped, empty lines gone. One builder, so the two
// agree on what text looks like.

// Whitespace other than a lone space, which needs no change, or a control character: every
// character of \s but the space, and the controls, in one class (the same as \s\s|[^\S ]|controls
// for every character, a quarter faster over a page's text than those three alternatives).
const IRREGULAR = /[\0-\x1f\x7f\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}/;
const SPACES = /\s+/g;
// The controls that are not whitespace (a vertical tab or form feed is, and becomes a space): no
// text means them, and a reader shows them as empty boxes. Word's pastes and old CMSes leave them.
// And the invisible hints inside a word: the soft hyphen (&shy;, where a German or Dutch site lets a
// long compound break: "Bundes&shy;liga"), the zero-width space and the word joiner. The page shows
// the word whole; left in its text, search for "Bundesliga" and the list's snippet saw two pieces.
const CONTROLS = /[\0-\x08\x0e-\x1f\x7f\u00ad\u200b\u2060]/g;
// In HTML a vertical tab is not whitespace either: shown, it is a space.
const UNSHOWN_IN_HTML = /[\0-\x08\x0b\x0e-\x1f\x7f]/g;

/** Text or an attribute's value for HTML that is shown: as PlainLines makes text, without controls. */
export function withoutControls(text: string): string {
  return text.replace(UNSHOWN_IN_HTML, (control) => (control === '\x0b' ? ' ' : ''));
}

// What makes a line more than the spacer paragraph page builders put between paragraphs (Wix's
// <p>&#8203;</p>), an empty line to the eye: a character besides spaces and zero-width ones.
const VISIBLE = /[^\u200b-\u200d\u2060\ufeff ]/;

export class PlainLines {
  // The lines ended so far, joined by '\n', and the line being built: each made by concatenation
  // and read only by text(), which copies the whole text once. Kept as an array of lines, each
  // line was copied when it ended (cutting its last space, testing it for VISIBLE) and then again
  // by the join: a tenth of what ingesting a feed allocated.
  private done = '';
  private line = '';
  // The space owed after the line, written only when more text follows: so a line never ends
  // with one, and has none to cut.
  private spaceOwed = false;
  private visible = false;
  // Each run of text added has its whitespace made single spaces already, so a line can only get
  // two spaces in a row where runs meet: skipped there rather than replaced in the whole line.
  // True at a line's start (which skips a space) and after a space, owed or not.
  private endsWithSpace = true;

  /** Text already decoded (no entities left). */
  add(text: string): void {
    if (text === '') return;
    const spaced = IRREGULAR.test(text) ? text.replace(CONTROLS, '').replace(SPACES, ' ') : text;
    const start = this.endsWithSpace && spaced.charCodeAt(0) === 32 ? 1 : 0;
    if (start === spaced.length) return;
    const spaceAtEnd = spaced.charCodeAt(spaced.length - 1) === 32;
    const words = start === 0 && !spaceAtEnd ? spaced : spaced.slice(start, spaced.length - (spaceAtEnd ? 1 : 0));
    if (words !== '') {
      this.line += this.spaceOwed ? ` ${words}` : words;
      this.visible ||= VISIBLE.test(words);
    }
    this.spaceOwed = spaceAtEnd;
    this.endsWithSpace = spaceAtEnd;
  }

  /** A table cell's boundary: its neighbours stay on the line, apart. */
  space(): void {
    if (this.endsWithSpace) return;
    this.spaceOwed = true;
    this.endsWithSpace = true;
  }

  endLine(): void {
    // A line never starts with whitespace (add and space skip it there), holds no whitespace but
    // single spaces, and never ends with the space it is owed.
    if (this.visible) this.done = this.done === '' ? this.line : `${this.done}\n${this.line}`;
    this.line = '';
    this.spaceOwed = false;
    this.visible = false;
    this.endsWithSpace = true;
  }

  text(): string {
    this.endLine();
    return this.done;
  }
}
