// Plain text built a run of text at a time, as the two text scans (./sanitize.ts over sanitized
// HTML, ./raw-text.ts over a feed's raw HTML) both make it: each block on a line of its own, runs
// of whitespace one space, empty lines gone. One builder, so the two agree on what text looks like.

// Whitespace other than a lone space, which needs no change.
const SPACE = /\s\s|[^\S ]/;
const SPACES = /\s+/g;

export class PlainLines {
  private readonly lines: string[] = [];
  private line = '';
  // Each run of text added has its whitespace made single spaces already, so a line can only get
  // two spaces in a row where runs meet: skipped there rather than replaced in the whole line.
  private endsWithSpace = true;

  /** Text already decoded (no entities left). */
  add(text: string): void {
    if (text === '') return;
    const spaced = SPACE.test(text) ? text.replace(SPACES, ' ') : text;
    const start = this.endsWithSpace && spaced.charCodeAt(0) === 32 ? 1 : 0;
    if (start === spaced.length) return;
    this.line += start ? spaced.slice(1) : spaced;
    this.endsWithSpace = spaced.charCodeAt(spaced.length - 1) === 32;
  }

  /** A table cell's boundary: its neighbours stay on the line, apart. */
  space(): void {
    if (this.endsWithSpace) return;
    this.line += ' ';
    this.endsWithSpace = true;
  }

  endLine(): void {
    // A line never starts with whitespace (add and space skip it there) and holds no whitespace
    // but single spaces, so at most one space at its end is left to take off. Not trim(): it
    // copies every line (a line is built of many runs), and join copies them all again.
    const line = this.endsWithSpace && this.line !== '' ? this.line.slice(0, -1) : this.line;
    if (line !== '') this.lines.push(line);
    this.line = '';
    this.endsWithSpace = true;
  }

  text(): string {
    this.endLine();
    return this.lines.join('\n');
  }
}
