// URL helpers shared by extraction (on a DOM) and sanitizing (on parser attributes): resolving
// against the page, the schemes we accept, and which of an image's many sources is the real one.

const WEB_SCHEMES = new Set(['http:', 'https:']);
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Parses a base URL once; null when it is not an absolute URL (then only absolute URLs resolve). */
export function parseBase(base: string | null | undefined): URL | null {
  if (!base) return null;
  try {
    return new URL(base);
  } catch {
    return null;
  }
}

/** `value` resolved against `base`, or null when it cannot be parsed. */
export function resolveUrl(value: string | null | undefined, base: URL | null): URL | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    return base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
}

/** Absolute http(s) URL (images, media), else null. The URL parser has already undone
 *  entity, case, tab and whitespace tricks, so the scheme check cannot be dodged. */
export function webUrl(value: string | null | undefined, base: URL | null): string | null {
  const url = resolveUrl(value, base);
  return url && WEB_SCHEMES.has(url.protocol) ? url.href : null;
}

/** Absolute http(s) or mailto URL (links), else null. */
export function linkUrl(value: string | null | undefined, base: URL | null): string | null {
  const url = resolveUrl(value, base);
  return url && LINK_SCHEMES.has(url.protocol) ? url.href : null;
}

interface SrcsetCandidate {
  readonly url: string;
  readonly width: number | null;
  readonly density: number;
}

/** The largest candidate of a srcset (by width descriptor, else by density). Parsed the way the
 *  HTML standard does, so URLs containing commas (image CDNs use them) survive. */
export function bestSrcsetCandidate(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  let best: SrcsetCandidate | null = null;
  for (const candidate of parseSrcset(srcset)) {
    if (!best || better(candidate, best)) best = candidate;
  }
  return best?.url ?? null;
}

function better(a: SrcsetCandidate, b: SrcsetCandidate): boolean {
  if (a.width !== null && b.width !== null) return a.width > b.width;
  if (a.width !== null || b.width !== null) return a.width !== null;
  return a.density > b.density;
}

function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const urlStart = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(urlStart, i);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const descStart = i;
      let depth = 0;
      while (i < srcset.length && (srcset[i] !== ',' || depth > 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptors = srcset.slice(descStart, i).trim();
    }
    if (url === '') continue;
    const width = /^(\d+)w$/i.exec(descriptors);
    const density = /^(\d*\.?\d+)x$/i.exec(descriptors);
    candidates.push({ url, width: width ? Number(width[1]) : null, density: density ? Number(density[1]) : 1 });
  }
  return candidates;
}

// Lazy-loading scripts (lazysizes, a3, Jetpack, WP Rocket...) keep the real image in one of these
// and a placeholder in src; with no script running, the placeholder is all a reader would get.
export const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-orig-src', 'data-url', 'data-hi-res-src'];
export const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

/** The image's real source, unresolved: a lazy-loading attribute first (when present it is the
 *  real one, whatever src holds), then a src that can be an image, then the best srcset
 *  candidate. Null when all there is is an inline (data:) image or a placeholder like "#". */
export function imageSource(attr: (name: string) => string | null | undefined): string | null {
  for (const name of LAZY_SRC) {
    const value = attr(name)?.trim();
    // Some themes put a whole srcset in data-src: its best candidate, not the string as a URL.
    const source = value && SRCSET_DESCRIPTOR.test(value) ? bestSrcsetCandidate(value) : value;
    if (source && isImageAddress(source)) return source;
  }
  for (const name of LAZY_SRCSET) {
    const best = bestSrcsetCandidate(attr(name));
    if (best && isImageAddress(best)) return best;
  }
  const src = attr('src')?.trim();
  if (src && isImageAddress(src)) return src;
  const best = bestSrcsetCandidate(attr('srcset'));
  return best && isImageAddress(best) ? best : null;
}

// A URL followed by a width or density descriptor (and perhaps more candidates).
const SRCSET_DESCRIPTOR = /\S\s+\d+(?:\.\d+)?[wx]\s*(?:,|$)/i;

/** Not an inline image, a bare fragment ("#": the page itself) or about:/javascript: filler. */
function isImageAddress(url: string): boolean {
  return !/^(?:data:|#|about:|javascript:)/i.test(url);
}
