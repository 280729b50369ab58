// What a page says about a thread that a comment service's script shows (Disqus, Facebook's
// plugin, Coral, ...: comment-service.ts): a copy never runs that script, so the thread is not
// there, and the page's own links to it stay in the text as stray words ("Comments", "Show
// comments (12)", "Join the discussion", "Kommentare anzeigen"). Disqus's count script writes the
// count into any link to #disqus_thread, whatever the theme wrote in it; the others are a link or
// button whose whole text is such a label. Removed only on a page that embeds a service: the
// reader shows where its comments are in the composer. A count line with a number ("12 comments")
// goes on every page already (site-lines.ts).
import { commentServiceOf } from './comment-service';
import { TEXT_NODE, firstText, holdsMoreTextThan, textLength } from './page-walk';

/** A label is a few words and a count. */
const LAUNCHER_TEXT = 40;
/** How such a label opens: its first letters, a cheap test before the whole one. */
const LAUNCHER_OPENING = /^\s*(?:[\d(]|comment|load|show|view|see|read|open|display|join|leave|discuss|kommentar|commentaire|afficher|voir|charger|comentario|ver\b|mostrar|cargar|mostra|carica|vedi|reacties|bekijk|toon|laad)/i;
const COMMENT_WORDS = String.raw`comments?|discussion|kommentare?|commentaires?|comentarios?|commenti|reacties`;
/** "Comments", "Comments (12)", "Show comments (12)", "View 12 comments", "Load more comments",
 *  "Join the discussion", "Leave a comment", "Kommentare anzeigen", "Afficher les commentaires". */
const LAUNCHER_LABEL = new RegExp(
  String.raw`^(?:(?:(?:load|show|view|see|read|open|display|join|leave|discuss)\s+(?:(?:the|all|more|a|[\d.,]+)\s+)*)?(?:${COMMENT_WORDS})(?:\s+(?:anzeigen|laden|einblenden|tonen|laden|bekijken))?` +
    String.raw`|(?:afficher|voir|charger|ver|mostrar|cargar|mostra|carica|vedi|bekijk|toon|laad)\s+(?:(?:les|los|i|the|de|alle)\s+)?(?:${COMMENT_WORDS}))\s*(?:[(（]\s*[\d.,]+\s*[)）]|[\d.,]+)?$`,
  'iu',
);
/** Disqus's count link (its count.js fills every link whose address ends so). */
const DISQUS_COUNT_LINK = /#disqus_thread$/;

/** A link or button that only leads to a service's thread (asked of every <a> and <button>). */
export function isServiceLauncher(element: Element, tag: string): boolean {
  if (tag === 'a' && DISQUS_COUNT_LINK.test(element.getAttribute('href') ?? '')) return true;
  const first = firstText(element);
  if (first === null || !LAUNCHER_OPENING.test(first) || holdsMoreTextThan(element, LAUNCHER_TEXT)) return false;
  return LAUNCHER_LABEL.test((element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Removes the launchers found, each with the wrappers that hold nothing else, when the page
 *  embeds a comment service (asked only when there is a launcher to remove). */
export function removeServiceLaunchers(doc: Document, launchers: readonly Element[]): void {
  const found = launchers.filter((launcher) => launcher.isConnected);
  if (found.length === 0 || commentServiceOf(doc) === null) return;
  for (const launcher of found) {
    if (!launcher.isConnected) continue;
    let widest = launcher;
    const length = textLength(launcher);
    for (let parent = widest.parentElement; parent && parent !== doc.body && !WRAPPER_STOPS.has(parent.localName) && textLength(parent) === length; parent = parent.parentElement) widest = parent;
    // A line of its own: a link in a sentence ("read the comments there") is the writer's.
    if (widest !== launcher || !isInline(launcher.parentElement)) widest.remove();
  }
}

/** Whether the element is a run of text (a paragraph, a sentence's span), not a block of blocks. */
function isInline(element: Element | null): boolean {
  return element !== null && (INLINE_HOLDERS.has(element.localName) || [...element.childNodes].some((node) => node.nodeType === TEXT_NODE && (node as CharacterData).data.trim() !== ''));
}

const INLINE_HOLDERS = new Set(['p', 'span', 'em', 'strong', 'b', 'i', 'li', 'td', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A launcher's wrappers end below these, which hold the story. */
const WRAPPER_STOPS = new Set(['article', 'main', 'section', 'body']);
