// SVG drawings (a chart, a diagram, a logo) made safe to keep in the image cache. An SVG is a
// document: it can carry script, event handlers, links, other documents (<foreignObject>) and
// loads of other addresses (<image>, <use>, CSS url() and @import). The cache keeps a drawing
// only as this file rewrites it: an allowlist of drawing elements, no attribute that runs or
// loads anything, every reference inside the document or a data: picture, and its size given
// where it only had a viewBox. The hosts serve it with a script-less CSP besides
// (host-kit/csp.ts), and the reader shows it through <img>, where Chromium runs no script and
// loads nothing: three walls, each enough on its own.
import type * as Htmlparser2 from 'htmlparser2';

import { SVG_TYPE } from '../../../shared/cache-url';
import { decodeText } from '../http';
import { MAX_DEPTH, MAX_ELEMENTS } from './markup-limits';
import { lazyModule } from '../system/lazy-module';

export { SVG_TYPE };
// Loaded at the first drawing, not with the core: `paperboy call listFeeds` parses nothing (lazy-module.ts).
const htmlparser2 = lazyModule<typeof Htmlparser2>('htmlparser2');
/** A drawing's bytes past which it is refused: a chart or a map is tens or hundreds of KB; its
 *  text is parsed whole in memory, unlike a photo's bytes, which stream to their file. */
export const MAX_DRAWING_BYTES = 5 * 1024 * 1024;

/** What may come before an SVG's root: a byte-order mark, an XML declaration, comments, a
 *  DOCTYPE (Illustrator's carries an internal subset of entities in [...]), white space. Each
 *  part is taken whole and never given back ((?=(...))\N, an atomic group): a file of a million
 *  comments and no root is read once, not once per way of grouping them. */
const PROLOG = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*|<!--(?=([\s\S]*?-->))\1\s*|<!DOCTYPE(?=([^[>]*))\2(?:\[(?=([\s\S]*?\]\s*>))\3|>)\s*)*(?=<svg[\s>/:])/i;

/** Whether bytes that are no raster picture (sniffImageType: null) are an SVG drawing. The bytes
 *  decide; the server's image/svg+xml counts only for XML whose root is past the first bytes (a
 *  long prolog). */
export function looksLikeSvg(head: Uint8Array, contentType: string | null): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
  if (PROLOG.test(text)) return true;
  return /^\s*image\/svg\+xml\s*(?:;|$)/i.test(contentType ?? '') && /^\uFEFF?\s*<(?:\?xml|!--|!DOCTYPE)/i.test(text);
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** The elements a drawing is made of. Anything else goes with its content: script, foreignObject
 *  (HTML inside the picture), animation (<set attributeName="href" to="javascript:...">), fonts,
 *  metadata and editors' private data (Illustrator's <i:pgf>, Inkscape's <sodipodi:*>). */
const DRAWING_ELEMENTS: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'title', 'desc', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);
/** Elements whose content stays without them: a link in a picture leads nowhere from an <img>. */
const UNWRAPPED: ReadonlySet<string> = new Set(['a']);
/** Elements that point at a picture: only one inside the drawing (data:) is kept. */
const PICTURE_ELEMENTS: ReadonlySet<string> = new Set(['image', 'feImage']);
/** A picture written into the drawing: raster data only (an SVG inside would need this file again). */
const DATA_PICTURE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp)[;,]/i;
/** Attributes of no drawing's that name a target or a value to animate: never kept. */
const DROPPED_ATTRIBUTES: ReadonlySet<string> = new Set(['attributename', 'to', 'from', 'by', 'values', 'begin', 'end', 'xmlns']);
/** An unprefixed attribute name (fill, stroke-width, viewBox); a prefixed one is kept only when listed. */
const PLAIN_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const PREFIXED_KEPT: ReadonlySet<string> = new Set(['xlink:href', 'xml:space', 'xml:lang']);

/** Why a drawing is refused, in words for the reader's box ("An SVG drawing ...: <reason>."). */
export type DrawingRefusal = string;
/** A drawing as safeDrawing wrote it: what ImageCache.putDrawing takes, and nothing else. */
export type SafeDrawing = Uint8Array & { readonly madeSafe: unique symbol };

/**
 * The drawing as the cache keeps it (UTF-8), or why it is refused. `bytes` are the whole file as
 * its server sent it; `contentType` may name its charset.
 */
export function safeDrawing(bytes: Uint8Array, contentType: string | null): SafeDrawing | DrawingRefusal {
  if (bytes.byteLength > MAX_DRAWING_BYTES) return `it is larger than the ${MAX_DRAWING_BYTES / (1024 * 1024)} MB a drawing may be`;
  const text = decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType, 'xml');
  const prolog = PROLOG.exec(text);
  if (prolog === null) return 'it is not an SVG drawing Paperboy can read';
  const body = withEntitiesExpanded(text.slice(prolog[0].length), declaredEntities(prolog[0]));
  if (typeof body !== 'string') return body.refusal;
  const drawing = new DrawingWriter();
  const parser = new (htmlparser2().Parser)(drawing, { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true, recognizeCDATA: true });
  parser.end(body);
  return drawing.refusal ?? (Buffer.from(drawing.out.join(''), 'utf8') as Uint8Array as SafeDrawing);
}

/** Whether bytes are a drawing exactly as safeDrawing writes one: what a backup restores as an
 *  SVG must be (a backup is a file from anywhere, its image records included). */
export function isSafeDrawing(bytes: Uint8Array): boolean {
  const again = safeDrawing(bytes, SVG_TYPE);
  return typeof again !== 'string' && Buffer.from(again.buffer, again.byteOffset, again.byteLength).equals(bytes);
}

/** The general entities a DOCTYPE's internal subset declares with a plain value (Illustrator's
 *  namespace names: <!ENTITY ns_svg "http://www.w3.org/2000/svg">), by name. One made of other
 *  entities or of markup is how a few hundred bytes become gigabytes ("billion laughs"): null,
 *  refused. External and parameter entities are never read, let alone fetched. */
function declaredEntities(prolog: string): Map<string, string> | null {
  const entities = new Map<string, string>();
  for (const [, percent, name, value] of prolog.matchAll(/<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)')?/gi)) {
    const literal = value ?? '';
    if (percent || name === undefined) continue;
    if (/[&<%]/.test(literal)) return null;
    entities.set(name, literal);
  }
  return entities;
}

/** The drawing's text with its declared entities written out; one not declared is left to the
 *  parser (which keeps it as text). Refused past the drawing's size once expanded. */
function withEntitiesExpanded(body: string, entities: Map<string, string> | null): string | { refusal: DrawingRefusal } {
  if (entities === null) return { refusal: 'it declares entities made of other entities (a file that expands to gigabytes)' };
  if (entities.size === 0) return body;
  let grown = 0;
  const expanded = body.replace(/&([A-Za-z_][\w.-]*);/g, (reference, name: string) => {
    const value = entities.get(name);
    if (value === undefined) return reference;
    grown += value.length;
    return value;
  });
  return grown > MAX_DRAWING_BYTES ? { refusal: `its entities expand it past the ${MAX_DRAWING_BYTES / (1024 * 1024)} MB a drawing may be` } : expanded;
}

/** htmlparser2's handler that writes out what is kept, as well-formed XML, element by element. */
class DrawingWriter {
  readonly out: string[] = [];
  refusal: DrawingRefusal | null = null;
  /** For each open element: what it was written as (null: not written, its content may be). */
  private readonly open: (string | null)[] = [];
  /** Depth of the open element whose content goes with it, or -1. */
  private droppedFrom = -1;
  private elements = 0;
  private rootClosed = false;
  private styleText: string[] | null = null;

  onopentag(name: string, attributes: Record<string, string>): void {
    if (this.refusal !== null || this.rootClosed) return;
    const depth = this.open.length;
    if (depth >= MAX_DEPTH) return this.refuse(`its elements are nested more than ${MAX_DEPTH} deep`);
    if (++this.elements > MAX_ELEMENTS) return this.refuse(`it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`);
    if (this.droppedFrom !== -1 || UNWRAPPED.has(name)) {
      this.open.push(null);
      return;
    }
    const kept = depth === 0 ? (name === 'svg' ? rootAttributes(attributes) : null) : keptAttributes(name, attributes);
    if (kept === null) {
      if (depth === 0) return this.refuse('it is not an SVG drawing Paperboy can read');
      this.droppedFrom = depth;
      this.open.push(null);
      return;
    }
    let tag = `<${name}`;
    for (const [attribute, value] of kept) tag += ` ${attribute}="${escapeXml(value, true)}"`;
    this.out.push(`${tag}>`);
    this.open.push(name);
    if (name === 'style') this.styleText = [];
  }

  ontext(text: string): void {
    if (this.refusal !== null || this.rootClosed || this.droppedFrom !== -1 || this.open.length === 0) return;
    if (this.styleText !== null) this.styleText.push(text);
    else this.out.push(escapeXml(text, false));
  }

  onclosetag(): void {
    if (this.refusal !== null || this.rootClosed) return;
    const name = this.open.pop();
    if (this.droppedFrom === this.open.length) this.droppedFrom = -1;
    if (name == null) return;
    if (name === 'style' && this.styleText !== null) {
      this.out.push(escapeXml(safeCss(this.styleText.join('')) ?? '', false));
      this.styleText = null;
    }
    this.out.push(`</${name}>`);
    if (this.open.length === 0) this.rootClosed = true;
  }

  onend(): void {
    // A file cut short is closed as a browser closes it: what came is drawn.
    while (this.refusal === null && !this.rootClosed && this.open.length > 0) this.onclosetag();
    if (this.refusal === null && this.out.length === 0) this.refuse('it is not an SVG drawing Paperboy can read');
  }

  private refuse(why: DrawingRefusal): void {
    this.refusal ??= why;
  }
}

/** The root's attributes, with the namespaces it needs to be drawn, and a size where it gave none. */
function rootAttributes(attributes: Record<string, string>): Map<string, string> | null {
  const kept = keptAttributes('svg', attributes);
  if (kept === null) return null;
  const withNamespaces = new Map([['xmlns', SVG_NAMESPACE], ['xmlns:xlink', XLINK_NAMESPACE], ...kept]);
  return withOwnSize(withNamespaces);
}

/**
 * A drawing with a viewBox and no width or height of its own (or one in percent, a size only a
 * page around it gives) has no size as a picture: an <img> of it spans the whole column, an icon
 * as wide as a photo. Its viewBox's units are the size it was drawn at, and become its own.
 */
function withOwnSize(attributes: Map<string, string>): Map<string, string> {
  const box = /^\s*[-+\d.eE]+[\s,]+[-+\d.eE]+[\s,]+([+\d.eE]+)[\s,]+([+\d.eE]+)\s*$/.exec(attributes.get('viewBox') ?? '');
  const width = Number(box?.[1]);
  const height = Number(box?.[2]);
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) return attributes;
  const sized = (name: string) => /^\s*[+\d.]+[a-z]*\s*$/i.test(attributes.get(name) ?? '');
  if (sized('width') && sized('height')) return attributes;
  if (sized('width') || sized('height')) {
    // One side is enough: the other follows the viewBox's ratio.
    for (const name of ['width', 'height']) if (!sized(name)) attributes.delete(name);
    return attributes;
  }
  attributes.set('width', String(width));
  attributes.set('height', String(height));
  return attributes;
}

/** The attributes an element keeps, or null when the element goes (with its content). */
function keptAttributes(name: string, attributes: Record<string, string>): Map<string, string> | null {
  if (!DRAWING_ELEMENTS.has(name)) return null;
  if (name === 'style' && (attributes.type ?? 'text/css').trim().toLowerCase() !== 'text/css') return null;
  const kept = new Map<string, string>();
  for (const [attribute, value] of Object.entries(attributes)) {
    const lower = attribute.toLowerCase();
    if (lower.startsWith('on') || DROPPED_ATTRIBUTES.has(lower)) continue;
    if (!PLAIN_NAME.test(attribute) && !PREFIXED_KEPT.has(lower)) continue;
    if (lower === 'href' || lower === 'xlink:href') {
      const target = value.trim();
      const inside = target.startsWith('#') || (PICTURE_ELEMENTS.has(name) && DATA_PICTURE.test(target));
      // A <use> or a picture pointing outside the drawing shows nothing without it: it goes.
      if (!inside) {
        if (name === 'use' || PICTURE_ELEMENTS.has(name)) return null;
        continue;
      }
      kept.set(attribute, target);
      continue;
    }
    const safe = lower === 'style' ? safeCss(value) : /url\(/i.test(value) ? withInsideUrlsOnly(value) : value;
    if (safe !== null) kept.set(attribute, safe);
  }
  // A picture with no picture in it (its href went, or it had none) draws nothing.
  if (PICTURE_ELEMENTS.has(name) && !kept.has('href') && !kept.has('xlink:href')) return null;
  return kept;
}

/** CSS that loads nothing from outside the drawing: no @import, url() only of its own parts
 *  (#id) or data: pictures. Escapes and image-set() could spell a url past these checks: CSS
 *  holding them is dropped whole. Null: none of it is kept. */
function safeCss(css: string): string | null {
  if (/\\|image-set|expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) return null;
  const withoutImports = css.replace(/@import\b[^;]*;?/gi, '');
  return withInsideUrlsOnly(withoutImports);
}

/** Each url(...) of a value that points outside the drawing becomes `none`; null when one is
 *  spelled past that reading (a quote or a parenthesis inside it): the value goes whole. */
function withInsideUrlsOnly(value: string): string | null {
  // The spaces around the target are taken whole, never given back ((?=(\s*))\1, an atomic group):
  // "url(" and a megabyte of spaces with no ")" costs one pass, not one per space.
  const rewritten = value.replace(/url\((?=(\s*))\1(?:"([^"]*)"|'([^']*)'|([^"'()\s]*))(?=(\s*))\5\)/gi, (whole, _before: string, double?: string, single?: string, bare?: string) => (pointsInside(double ?? single ?? bare ?? '') ? whole : 'none'));
  for (const [, target] of rewritten.matchAll(/url\(\s*["']?([^)]*)/gi)) if (!pointsInside(target ?? '')) return null;
  return rewritten;
}

function pointsInside(target: string): boolean {
  const trimmed = target.trim();
  return trimmed.startsWith('#') || DATA_PICTURE.test(trimmed);
}

function escapeXml(text: string, attribute: boolean): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;') : escaped;
}
