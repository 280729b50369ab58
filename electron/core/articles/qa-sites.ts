// A question on Stack Overflow or any Stack Exchange site (Super User, Server Fault, Ask Ubuntu,
// MathOverflow and the rest share one template): the question and its answers are the text, in
// the order the page shows them (the accepted answer first). Around each post the template puts
// controls that are no part of it, and Readability kept their words as lines of the copy: the vote
// cell (its buttons' tooltips, "This question shows research effort; it is useful and clear", the
// score, "Save this question.", "Show activity on this post."), the post's menu ("Share", "Improve
// this answer", "Follow"), the user card (reputation and badge counts, the name twice) and, under
// the answers, "Not the answer you're looking for? Browse other questions tagged ...".

/** What the template writes on every question page, and on nothing else: its vote cell. */
const TEMPLATE_MARK = 'js-voting-container';
const CONTROLS = [
  '.js-voting-container', '[role="tooltip"]', '.js-post-menu', '.post-signature', '.bottom-notice', '[itemprop="commentCount"]',
].join(', ');

/** Removes the Stack Exchange template's controls from a question page; no other page is asked. */
export function removeQaControls(doc: Document, pageHtml: string): void {
  if (!pageHtml.includes(TEMPLATE_MARK)) return;
  for (const control of doc.querySelectorAll(CONTROLS)) control.remove();
}
