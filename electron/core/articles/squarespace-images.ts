// Squarespace 7.0's image blocks name only the original upload (data-src, data-image: often the
// camera's 4,000-pixel file) beside its size, data-image-dimensions="2500x1667", and no srcset:
// its loader script measures the block and asks the image server for the nearest of the sizes it
// makes (?format=1500w). With no script running the original was all there was to fetch, some ten
// times the bytes of the size a column shows. The size a browser's loader would ask for in the
// reader's column is asked for instead, as 7.1's srcset offers it (urls.ts imageSource).
import { COLUMN_IMAGE_WIDTH, resolveUrl } from './urls';

// The widths Squarespace's image server makes of every upload (?format=100w ... 2500w).
const FORMAT_WIDTHS = [100, 300, 500, 750, 1000, 1500, 2500];
const SQUARESPACE_IMAGE_HOST = /^(?:images\.squarespace-cdn\.com|static\d*\.squarespace\.com)$/;

/** The address of `shown` (absolute) at the size Squarespace's loader would fetch for the reader's
 *  column, for an image its loader sizes (one that declares its upload's size); null for any other
 *  image, one that names a size already, or one whose upload is no wider than the column needs. */
export function squarespaceColumnSize(img: Element, shown: string): string | null {
  const declared = /^\s*(\d+)\s*x\s*\d+\s*$/i.exec(img.getAttribute('data-image-dimensions') ?? '');
  if (!declared || Number(declared[1]) <= COLUMN_IMAGE_WIDTH) return null;
  const url = resolveUrl(shown, null);
  if (!url || !SQUARESPACE_IMAGE_HOST.test(url.hostname) || url.searchParams.has('format')) return null;
  url.searchParams.set('format', `${FORMAT_WIDTHS.find((width) => width >= COLUMN_IMAGE_WIDTH)!}w`);
  return url.href;
}
