// A story written as text between <br>s, no paragraphs (the Korea Herald's div#articleText, many
// older CMSs): the site's line between two breaks ("Related article: <link>") sat in the one block
// that holds the story, where the tests that remove such a line as a paragraph of its own never
// saw it. Each line between breaks is tested as that paragraph, wrapped in one for the test, and
// goes the way the paragraph would.
import { ELEMENT_NODE, TEXT_NODE } from './page-walk';

/** What a line between breaks holds: text and the inline elements around its words and links. */
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'span', 'small', 'u']);

/** Removes each line of `block` between <br>s that `isSiteLine` takes for the site's, with the
 *  breaks after it; leaves the block as it was otherwise. */
export function removeSiteLinesBetweenBreaks(block: Element, isSiteLine: (line: Element) => boolean): void {
  if (!hasBreakChild(block)) return;
  for (const run of lineRuns(block)) {
    const line = block.ownerDocument.createElement('p');
    block.insertBefore(line, run[0]!);
    line.append(...run);
    if (!isSiteLine(line)) {
      line.replaceWith(...line.childNodes);
      continue;
    }
    // The breaks that ended it go with it: two in a row made the blank line between paragraphs.
    let next = line.nextSibling;
    while (next && (isBreak(next) || isBlank(next))) {
      const after = next.nextSibling;
      next.remove();
      next = after;
    }
    line.remove();
  }
}

function hasBreakChild(block: Element): boolean {
  for (const child of block.children) if (child.localName === 'br') return true;
  return false;
}

/** The block's lines: runs of text and inline elements between breaks (or the block's edges),
 *  with words in them; a run that holds a block (a figure, a <div>) is no line. */
function lineRuns(block: Element): Node[][] {
  const runs: Node[][] = [];
  let run: Node[] = [];
  const close = () => {
    if (run.some((node) => !isBlank(node))) runs.push(run);
    run = [];
  };
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (isBreak(child)) close();
    else if (child.nodeType === ELEMENT_NODE && !INLINE.has((child as Element).localName)) {
      // A block ends the line before it, and is no part of one.
      close();
    } else if (child.nodeType === TEXT_NODE || child.nodeType === ELEMENT_NODE) {
      // The line break in the markup before its words stays outside it: a test reads its first text.
      if (run.length > 0 || !isBlank(child)) run.push(child);
    }
  }
  close();
  return runs;
}

function isBreak(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && (node as Element).localName === 'br';
}

function isBlank(node: Node): boolean {
  return node.nodeType === TEXT_NODE && (node as CharacterData).data.trim() === '';
}
