// Substack writes an image gallery as an empty <div class="image-gallery-embed"> whose pictures
// are named only in its data-attrs, as JSON ({"gallery": {"images": [{"src": ...}], "caption",
// "alt", "staticGalleryImage"}}), for its script to draw: in its feeds' items as on its pages.
// With no script running a gallery was nothing at all, its pictures and its caption lost. Each
// becomes the <figure> its script shows: its pictures, then its caption.

interface GalleryData {
  readonly gallery?: {
    readonly images?: readonly { readonly src?: unknown }[];
    readonly caption?: unknown;
    readonly alt?: unknown;
    /** One picture of them all, made for e-mail: shown when the gallery lists none. */
    readonly staticGalleryImage?: { readonly src?: unknown };
  };
}

/** The <figure> a gallery's data-attrs describe; null when it names no picture (it is left as it is). */
export function substackGalleryFigure(embed: Element): Element | null {
  let data: GalleryData;
  try {
    data = JSON.parse(embed.getAttribute('data-attrs') ?? '') as GalleryData;
  } catch {
    return null;
  }
  const gallery = data?.gallery;
  const listed = Array.isArray(gallery?.images) ? gallery.images.map((image) => image?.src) : [];
  const sources = [...listed, ...(listed.length === 0 ? [gallery?.staticGalleryImage?.src] : [])].filter((src): src is string => typeof src === 'string' && src.trim() !== '');
  if (sources.length === 0) return null;
  const doc = embed.ownerDocument;
  const figure = doc.createElement('figure');
  const alt = typeof gallery?.alt === 'string' ? gallery.alt : '';
  for (const src of sources) {
    const img = doc.createElement('img');
    img.setAttribute('src', src);
    img.setAttribute('alt', alt);
    figure.append(img);
  }
  if (typeof gallery?.caption === 'string' && gallery.caption.trim() !== '') {
    const caption = doc.createElement('figcaption');
    caption.textContent = gallery.caption.trim();
    figure.append(caption);
  }
  return figure;
}
