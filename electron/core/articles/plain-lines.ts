// Plain text built a run of text at a time, as the two text scans (./sanitize.ts over sanitized
// HTML, ./raw-text.ts over a feed's raw HTML) both make it: each block on a line of its own, runs
// of whitespace one space, empty lines gone. One builder, so the two agree on what text looks like.

// Whitespace other than a lone space, which needs no change.
const SPACE = /\s\s|[^\S ]/;
const SPACES = /\s+/g;

export class PlainLines {
  private readonly lines: string[] = [];
  private line = '';

  /** Text already decoded (no entities left). */
  add(text: string): void {
    if (text === '') return;
    this.line += SPACE.test(text) ? text.replace(SPACES, ' ') : text;
  }

  /** A table cell's boundary: its neighbours stay on the line, apart. */
  space(): void {
    this.line += ' ';
  }

  endLine(): void {
    const trimmed = this.line.replace(/ {2,}/g, ' ').trim();
    if (trimmed !== '') this.lines.push(trimmed);
    this.line = '';
  }

  text(): string {
    this.endLine();
    return this.lines.join('\n');
  }
}
