// Small text helpers shared by the feed mappers: feeds mix plain text, escaped HTML and dates in
// a dozen formats, and every mapper must turn them into the same plain values.
import { parseHTML } from 'linkedom';

/** Elements whose boundaries separate words: without a space there, "<p>a</p><p>b</p>" reads "ab". */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript']);

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of an HTML fragment: entities decoded, tags and scripts dropped, whitespace collapsed. */
export function htmlToText(html: string): string {
  // Most titles are plain: skip building a DOM for them.
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const name = (child as Element).localName.toLowerCase();
        if (INVISIBLE.has(name)) continue;
        const block = BLOCK.has(name);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(document.body);
  return collapseWhitespace(parts.join(''));
}

/** Shortens text to about `max` characters at a word boundary. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as HTML: blank lines make paragraphs, single newlines make line breaks. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and W3C-DTF (Dublin Core) dates; anything unreadable is null. */
export function parseDate(text: string | null | undefined): number | null {
  const trimmed = text?.trim();
  // V8's fallback parser reads a bare number as a day of 2001 ("12" is 1 December 2001, "0" is
  // 2000): no feed means that, so only a four-digit year passes as a date made of digits alone.
  if (!trimmed || (/^[+-]?\d+$/.test(trimmed) && !/^\d{4}$/.test(trimmed))) return null;
  const ms = Date.parse(trimmed);
  return Number.isFinite(ms) ? ms : null;
}

/** A non-negative whole number (comment counts, enclosure lengths), else null. */
export function parseCount(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? text : null;
  const trimmed = text?.trim();
  if (!trimmed || !/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * `href` resolved against `base`, only when the result is http(s): a feed must not be able to
 * hand the app a javascript:, file: or data: link as an article, image or enclosure address.
 */
export function absoluteHttpUrl(href: string | null | undefined, base?: string | null): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
