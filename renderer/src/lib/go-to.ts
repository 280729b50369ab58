// Going to a place in the reader, as a browser follows a link to #id: the place is scrolled into
// view and takes the keyboard, so that Tab goes on from there.

/** Scrolls to a footnote (or back to its mark), or a comment, and moves the keyboard there. */
export function goTo(target: HTMLElement): void {
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  // Centred: the top of the pane is under the reader's toolbar.
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
