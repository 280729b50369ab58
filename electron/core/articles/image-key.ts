// When two addresses are one picture: a page shows an upload in one size (or format, or through
// an image proxy) and names another as its og:image, a lazy image's <noscript> copy names another
// rendition, a later page of an article shows its first page's picture again.
import { bloggerFullSize } from '../feeds';
import { resolveUrl, webUrl } from './urls';

// One upload in the sizes CMSs and image CDNs make of it, each named after the original: a page
// shows one size and names another (the original, often) as its og:image. Each rule takes a
// size's address (scheme and query already gone) back to the original's.
const RENDITIONS: readonly (readonly [RegExp, string])[] = [
  // Optimole: mlxxx.i.optimole.com/cb:Ab.12/w:1024/h:683/q:mauto/f:best/https://example.org/x.jpg
  // for the upload it serves, https://example.org/x.jpg (an og:image names the upload).
  [/^\/\/[^/]+\.i\.optimole\.com\/(?:\w+:[^/]*\/)*https?:\/\//, '//'],
  // Wix: static.wixstatic.com/media/x~mv2.jpg/v1/fill/w_1000,h_667,.../x~mv2.jpg for the upload
  // /media/x~mv2.jpg, whatever the operations (wix-images.ts).
  [/(\/\/static\.wixstatic\.com\/media\/[^/]+)\/v1\/.*$/, '$1'],
  // Drupal's image styles: /sites/default/files/styles/wide/public/2024-03/x.jpg?itok=... for
  // /sites/default/files/2024-03/x.jpg (private files: /system/files/styles/wide/private/...);
  // a style that converts the format adds its extension: x.jpg.webp.
  [/\/styles\/[^/]+\/(?:public|private)\/(.+\.(?:jpe?g|png|gif|webp|avif))\.(?:webp|avif|jpe?g|png)$/i, '/$1'],
  [/\/styles\/[^/]+\/(?:public|private)\//, '/'],
  // Ghost: /content/images/size/w1200/format/webp/2024/03/x.jpg for /content/images/2024/03/x.jpg.
  [/\/content\/images\/size\/w\d+(?:h\d+)?\/(?:format\/\w+\/)?/, '/content/images/'],
  // Medium: https://miro.medium.com/v2/resize:fit:1400/1*x.jpeg (and format:webp/, da:true/).
  [/\/v2(?:\/[a-z]+:[^/]+)+\//, '/v2/'],
  // Thumbor, and Arc XP's resizer built on it: /resizer/HASH=/800x533/smart/filters:quality(70)/
  // host/x.jpg (or /unsafe/...) for host/x.jpg; the signature differs with every size.
  [/\/(?:unsafe|[\w-]+=)\/(?:trim(?::[^/]*)?\/)?(?:\d+x\d+:\d+x\d+\/)?(?:(?:full-|adaptive-)?fit-in\/)?(?:-?\d*x-?\d*\/)?(?:(?:left|right|center)\/)?(?:(?:top|middle|bottom)\/)?(?:smart\/)?(?:filters:[^/]*\/)?/, '/'],
  // Cloudinary: /image/upload/c_fill,w_800/f_auto/v1709/x.jpg for /image/upload/x.jpg.
  [/\/(image|video)\/(upload|fetch|private|authenticated)\/(?:[a-z]{1,3}_[^/]*\/)*(?:v\d+\/)?/, '/$1/$2/'],
  // imgproxy (Transistor's podcast art, many sites' own): /SIGNATURE/rs:fill:600:600:1/q:60/SOURCE
  // for the same source in any other size; the signature differs with every size.
  [/\/[\w-]+\/(?:(?:rs|resize|rt|resizing_type|s|size|w|width|h|height|q|quality|f|format|g|gravity|c|crop|ex|extend|el|enlarge|dpr|pd|padding|bg|background|ar|auto_rotate|sh|sharpen|bl|blur|mb|max_bytes|cb|cachebuster|pr|preset)(?::[^/]*)+\/)+/, '/'],
  // Astro's image service: /_astro/x.HASH_TRANSFORM.webp for the upload it emits as /_astro/x.HASH.jpg.
  [/\/_astro\/([^/]+\.[\w-]+)_[\w-]+(\.\w+)$/, '/_astro/$1$2'],
  // Nuxt Image's IPX (/_ipx/w_800&f_webp/uploads/x.jpg) and Cloudflare's image resizing
  // (/cdn-cgi/image/width=800,format=auto/uploads/x.jpg) for /uploads/x.jpg.
  [/\/(?:_ipx|cdn-cgi\/image)\/[^/]+\//, '/'],
  // Jetpack's image CDN: i0.wp.com/example.org/wp-content/uploads/x.jpg for example.org/...
  [/^\/\/i\d\.wp\.com\//, '//'],
  // The New York Times' renditions, each in the folder named after the picture:
  // /05tunnel/05tunnel-articleLarge.jpg, -superJumbo.jpg, -facebookJumbo.jpg.
  [/\/([^/]+)\/\1-[a-z][a-z0-9]*(\.\w+)$/i, '/$1/$1$2'],
  // WordPress: x-1024x683.jpg for x.jpg, and x-scaled.jpg, its stand-in for a very large upload
  // (and x-1024x683.jpg.webp, the copy a WebP plugin serves in a <picture>);
  // Shopify: x_800x.jpg, x_800x600_crop_center.jpg.
  [/-(?:\d+x\d+|scaled)((?:\.(?:jpe?g|png|gif))?\.\w+)$/, '$1'],
  [/_(?:\d+x\d*|\d*x\d+)(?:_crop_[a-z]+)?(?:@\dx)?(\.\w+)$/, '$1'],
  // The same picture in another format: a <picture>'s WebP or AVIF source beside the JPEG that
  // og:image names (x.webp for x.jpg), and EWWW's and others' x.jpg.webp.
  [/(?:\.(?:jpe?g|png|gif))?\.(?:webp|avif|jpe?g|png|gif)$/i, ''],
];

// Image proxies that take the original's address as a parameter: Next.js's next/image
// (/_next/image?url=%2Fuploads%2Fx.jpg&w=1200&q=75), Vercel's and Netlify's image CDNs, Astro's;
// the Washington Post's and other Arc XP sites' /wp-apps/imrs.php?src=...&w=1440, old WordPress
// themes' timthumb.php?src=..., and Brightspot's /dims4/default/.../resize/...?url=... (NPR, AP).
const PROXY_PATH = /^\/(?:_next\/image|_vercel\/image|\.netlify\/images|_image)$|\/(?:imrs|timthumb|thumb)\.php$|^\/dims\d\//;
// What an address must hold to be worth parsing as a proxy's: most images are no proxy's.
const PROXY_HINTS = ['/_next/image', '/_vercel/image', '/.netlify/images', '/_image', '.php', '/dims'];
const PROXY_PARAMETERS = ['url', 'href', 'src'];

/** What makes two addresses the same picture: the original's address, scheme and query aside,
 *  when `url` names one of its sizes. */
export function sameImageKey(url: string): string {
  let key = (proxiedImage(url) ?? bloggerPicture(url) ?? url).replace(/[?#].*$/, '').replace(/^https?:/i, '');
  for (const [size, original] of RENDITIONS) key = key.replace(size, original);
  return key;
}

// Blogger's image server names the size in a path segment (.../s400/x.jpg, .../w400-h300/x.jpg,
// .../s1600/x.jpg) or after '=' (...=s400): a post shows one size and links to another, and names
// a third as its og:image. Each is taken to the full size's address (blogger-images.ts).
const BLOGGER_HINTS = ['blogger.googleusercontent.com', '.bp.blogspot.com'];

function bloggerPicture(url: string): string | null {
  return BLOGGER_HINTS.some((hint) => url.includes(hint)) ? bloggerFullSize(url) : null;
}

/** The picture an image proxy's address shows, absolute; null for any other address. */
function proxiedImage(url: string): string | null {
  // Most images are no proxy's, and are not parsed: only an address with a proxy's path is.
  if (!PROXY_HINTS.some((hint) => url.includes(hint))) return null;
  const parsed = resolveUrl(url, null);
  if (!parsed || !PROXY_PATH.test(parsed.pathname)) return null;
  for (const name of PROXY_PARAMETERS) {
    const original = webUrl(parsed.searchParams.get(name), parsed);
    if (original) return original;
  }
  return null;
}
