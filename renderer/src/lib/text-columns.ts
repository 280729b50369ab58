// How many columns each fixed-width block of an article is wide. Plain-text documents (an IETF RFC,
// a mailing-list post, a changelog) are laid out in 72 to 80 columns, a little wider than the
// reading column holds at the text's own size: every line's end (an RFC's page numbers, its
// header's right-hand column) was behind a sideways scroll. reader.css sets a block's text just
// small enough for its widest line to fit the column, never below a floor; one wider than that
// (a log's long lines) scrolls on its own.

/** The custom property reader.css reads a block's width in columns from. */
export const COLUMNS_PROPERTY = '--columns';

const TAB_STOP = 8;

/** The widest line of the text, in columns: a tab goes to the next stop of 8, as a <pre> sets it. */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let column = 0;
    for (const character of line) column = character === '\t' ? (Math.floor(column / TAB_STOP) + 1) * TAB_STOP : column + 1;
    widest = Math.max(widest, column);
  }
  return widest;
}

/** Gives each <pre> of the body its width in columns. */
export function markTextColumns(body: HTMLElement): void {
  for (const block of Array.from(body.querySelectorAll('pre'))) {
    const columns = widestLine(block.textContent ?? '');
    if (columns > 0) block.style.setProperty(COLUMNS_PROPERTY, String(columns));
  }
}
