// Wix writes each picture, until its script runs, as a blurred placeholder its image server makes
// of the upload, 147 pixels wide: static.wixstatic.com/media/<upload>/v1/fill/w_147,h_98,al_c,
// q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/<name> (its <wow-image> says "isLQIP": true); the
// script then asks the same server, by the same grammar without the blur, for the size the box
// shows. With no script running the blurred thumbnail was all a reader got. The reader asks for
// what the script would at the reader's column instead: the same operations (a crop, its fill or
// fit, its sharpening and encoding) at the column's width, no wider than the upload, with no blur.
// Any Wix image named by that grammar is read so: a site's own pages, its blog's, a gallery's.
import { COLUMN_IMAGE_WIDTH, displayWidthOf } from './urls';

const WIX_MEDIA = /^https?:\/\/static\.wixstatic\.com\/media\/[^/]+\/v1\//;
/** A size of two digits in the grammar's parameters (w_40,h_27). */
const TINY_SIZE = /[/,]w_\d{1,2},/;
/** One operation of the grammar: its name and its parameters (w_147,h_98,...). */
const OPERATION = /^(fill|fit|crop)$/;
/** A quality under this is a placeholder's (Wix's galleries blur a q_30), not the picture's. */
const LEAST_QUALITY = 80;
const SHOWN_QUALITY = 85;

/** A Wix picture sized under this many pixels wide that its <img> does not say it shows that
 *  small is a placeholder too: the tiny copy (w_40) Wix's feeds and older sites write for the
 *  script to swap, blurred or not. An icon the page shows small says so by its width. */
const TINY_WIDTH = 100;

/** The address of `shown` (absolute) as Wix's script would ask for it in the reader's column,
 *  when it is Wix's blurred or tiny placeholder; null for any other image. */
export function wixColumnSize(img: Element, shown: string): string | null {
  if (!WIX_MEDIA.test(shown) || !(shown.includes('blur_') || TINY_SIZE.test(shown))) return null;
  const url = new URL(shown);
  const parts = url.pathname.split('/');
  const v1 = parts.indexOf('v1');
  // v1, then name/parameters pairs, then the file's name.
  const operations: { name: string; params: string[] }[] = [];
  for (let at = v1 + 1; at + 2 < parts.length; at += 2) {
    if (!OPERATION.test(parts[at]!)) return null;
    operations.push({ name: parts[at]!, params: parts[at + 1]!.split(',') });
  }
  const sized = operations.findLast((operation) => operation.name !== 'crop');
  if (!sized) return null;
  const width = numberParam(sized.params, 'w');
  const height = numberParam(sized.params, 'h');
  if (width === null || height === null) return null;
  const shownWidth = displayWidthOf((name) => img.getAttribute(name));
  const blurred = operations.some((operation) => operation.params.some((param) => param.startsWith('blur_')));
  if (!blurred && (width >= TINY_WIDTH || (shownWidth !== null && shownWidth <= width))) return null;
  const wanted = Math.max(width, Math.min(COLUMN_IMAGE_WIDTH, uploadWidth(img) ?? Infinity, 2 * (shownWidth ?? Infinity)));
  // The box's shape, as the page sizes it, else the placeholder's (147 pixels round it coarsely).
  const box = [img.getAttribute('width'), img.getAttribute('height')].map((value) => (value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : 0));
  const shape = box[0]! > 0 && box[1]! > 0 ? box[1]! / box[0]! : height / width;
  for (const operation of operations) {
    operation.params = operation.params.filter((param) => !param.startsWith('blur_'));
    if (operation !== sized) continue;
    operation.params = operation.params.map((param) => {
      if (param.startsWith('w_')) return `w_${wanted}`;
      if (param.startsWith('h_')) return `h_${Math.round(shape * wanted)}`;
      const quality = /^q_(\d+)$/.exec(param);
      return quality && Number(quality[1]) < LEAST_QUALITY ? `q_${SHOWN_QUALITY}` : param;
    });
  }
  url.pathname = [...parts.slice(0, v1 + 1), ...operations.flatMap((operation) => [operation.name, operation.params.join(',')]), parts[parts.length - 1]].join('/');
  return url.href;
}

function numberParam(params: readonly string[], name: string): number | null {
  const param = params.find((candidate) => candidate.startsWith(`${name}_`));
  const value = param === undefined ? NaN : Number(param.slice(name.length + 1));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** The upload's width, as the <wow-image> around the picture declares it (data-image-info's
 *  imageData): Wix's server makes no picture wider than its upload. */
function uploadWidth(img: Element): number | null {
  const info = img.closest('[data-image-info]')?.getAttribute('data-image-info');
  if (!info) return null;
  try {
    const width = (JSON.parse(info) as { imageData?: { width?: unknown } }).imageData?.width;
    return typeof width === 'number' && width > 0 ? width : null;
  } catch {
    return null;
  }
}
