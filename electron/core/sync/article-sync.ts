// One article's offline copy: its page (readable text), its images in the cache, stored at once.
import type { FullTextState, ImageMiss } from '../../../shared/types';
import { imageUrlsIn, joinLaterPages, largerRendition, smallerRendition, linkedFileName, linkedFileOf, looksLikeSvg, MAX_DRAWING_BYTES, sniffImageType, SVG_TYPE, type EarlierPages, type LinkedFile, type ImageCache, type IncomingImage, type LaterPage, type LaterPagesStop, type PageRedirect, type PreparedArticle } from '../articles';
import { DiskFullError } from '../system/disk-full';
import { CookieJar, HEAD_BYTES, HostMemory, HttpError, isCutShort, isPassingFailure, isUnreachable, PAGE_ACCEPT, refererFor, signInPageOf, type HttpClient } from '../http';
import { TRIES_ACROSS_SYNCS, type ArticleCopy, type CommentFeedTarget, type LostImage, type PendingArticle, type Storage } from '../storage';
import type { FeedWriter } from '../workers/feed-writer';
import { isTaskTimeout, WorkerTaskError, type TaskRunner } from '../workers/pool';
import type { SyncLimits } from './limits';
import type { RefusalReason } from './refused-images';
import type { WriteTurns } from './write-turns';
import { errorMessage } from '../../../shared/error-message';
import { showsOwnPictures } from '../../../shared/own-pictures';

export interface ArticleSyncContext {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: TaskRunner;
  readonly images: ImageCache;
  readonly limits: SyncLimits;
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** Told of each image fetched (ok) or not, and of one refused for what it was (refused-images.ts:
   *  its address and why); what the sync downloaded is counted by its client. */
  readonly onImage: (ok: boolean, refused?: { readonly url: string; readonly reason: RefusalReason }) => void;
  readonly writes: WriteTurns;
  /** Where each article's copy is stored: the writer thread, after its feed's items. */
  readonly writer: FeedWriter;
  /** The images asked for in this sync, by address (imageFor): a hash or a pending fetch each,
   *  never bytes, so a sync of thousands of images holds little. */
  readonly imagesAsked: Map<string, AskedImage>;
}

export interface ArticleOptions {
  readonly fullText: boolean;
  readonly images: boolean;
}

const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8';
const IMAGE_CONCURRENCY = 4;
/** A link to a picture file, by its path's extension. */
const PICTURE_PATH = /\.(?:jpe?g|jfif|png|gif|webp|avif|bmp)$/i;

/**
 * What an article's link is asked for as. A link to a picture file is asked for as an <img> asks
 * for it, not as a page: i.redd.it and i.imgur.com answer a request that puts text/html first
 * with an HTML viewer around the picture (or a redirect to one), and the reader then showed the
 * viewer's furniture instead of the picture. A server that has only a page there still sends it.
 */
function linkAccept(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return PAGE_ACCEPT;
  }
  return PICTURE_PATH.test(path) ? `${IMAGE_ACCEPT},*/*;q=0.5` : PAGE_ACCEPT;
}

/** Makes and stores the offline copy. `ok` is false when the page could not be fetched; `thread`
 *  is where the article's comment thread is read now (none: null). */
export async function syncArticle(
  article: PendingArticle,
  options: ArticleOptions,
  ctx: ArticleSyncContext,
): Promise<{ ok: boolean; thread: CommentFeedTarget | null }> {
  let page: { body: Buffer; contentType: string | null; encoding: string | null } | null = null;
  let pageUrl: string | null = article.url;
  let pageError: string | null = null;
  // What the link is when its first bytes showed it is no page (a PDF, an episode, a picture): it
  // is read no further, and the copy says what it is (a text file is read whole: it is the copy).
  let linkedFile: LinkedFile | null = null;
  // The cookies of the page and of the pages it sends the reader on to, as a browser keeps them
  // (its Set-Cookie, and a cookie check's script's): each address is asked once with the same ones.
  const cookies = new CookieJar();
  const asked = new Set<string>();
  const askedKey = (url: string): string => `${url} ${cookies.header(new URL(url), ctx.now()) ?? ''}`;
  if (options.fullText && article.url) {
    try {
      if (URL.canParse(article.url)) asked.add(askedKey(article.url));
      // Still compressed: the worker inflates it in one call (http/inflate.ts says why).
      const response = await ctx.http.fetch({
        url: article.url, purpose: 'page', accept: linkAccept(article.url), maxBytes: ctx.limits.pageBytes, signal: ctx.signal, keepEncoded: true, cookies,
        readOn: (headers, first) => (linkedFileAt(headers, first)?.kind ?? 'text') === 'text',
      });
      // Sent to a sign-in page (http/sign-in-page.ts): its login form is no copy of the article.
      const signIn = signInPageOf(response);
      if (signIn !== null) pageError = signInError(signIn);
      else if (response.stoppedAtHead) linkedFile = linkedFileAt(response.headers, response.body);
      else page = { body: response.body, contentType: response.contentType, encoding: response.encoding ?? null };
      if (signIn === null) pageUrl = response.url;
    } catch (error) {
      pageError = await pageFetchFailure(error, article, ctx);
    }
  }

  // The feed's HTML is raw (as the feed sync stored it): the worker sanitizes it, once, against its base.
  const feed = ctx.storage.articles.feedBody(article.id);
  let input = { pageUrl, feedHtml: feed.html, feedBase: feed.base, feedItemUrl: article.url, itemTitle: article.title || null };
  let prepared;
  try {
    // The page's bytes move to the worker, which decodes them: neither decoding nor copying a
    // page's text is the main thread's work.
    prepared = page
      ? await ctx.pool.run('preparePage', page.body, page.contentType, page.encoding, ctx.limits.pageBytes, input)
      : await ctx.pool.run('prepare', { ...input, pageHtml: null, linkedFile });
  } catch (error) {
    if (page === null) throw error;
    if (isPageBodyError(error)) {
      // Its gzip stopped short: the page waits for the next syncs, as one cut short on the wire does.
      if (isCutShort(error) && article.pageTries + 1 < TRIES_ACROSS_SYNCS) {
        await noteStillPending(article, errorMessage(error), ctx, true);
        throw new LeftPending(error);
      }
      // The page came compressed and did not inflate, or inflated past the cap: as when the
      // client says so while fetching, the article is kept as its feed gave it, and says why.
      pageError = errorMessage(error);
      page = null;
    } else if (isTaskTimeout(error)) {
      // A page too heavy to read in the worker's time-box: the article is kept as its feed gave it
      // (quick to prepare: one item's sanitizing), and says why, rather than held pending for ever.
      pageError = `the page was too complex to process (${errorMessage(error)}); the feed's text is kept`;
    } else {
      throw error;
    }
    prepared = await ctx.pool.run('prepare', { ...input, pageHtml: null });
  }

  // A page that only sends the reader on (meta-refresh.ts): the page it points at is the article's,
  // as a browser follows it, with any cookie its script set first (a cookie check's). Its failures
  // are the page's. An address asked again with the same cookies would answer as before: a loop.
  // A page that reloads itself is a cookie check when a cookie was set for it first, by its script
  // or by its own Set-Cookie (a browser reloads with it), and is followed once; a reload with
  // nothing new leaves the page the article, unless that page came of a check's reload: the check
  // answered again.
  let checkReloaded = false;
  for (let hops = 0; page !== null; hops++) {
    const refresh = refreshOf(prepared);
    if (refresh === null || pageUrl === null) break;
    const target = refresh.to;
    const here = new URL(pageUrl);
    const reload = target === withoutFragment(here);
    const cookieSet = refresh.cookies.length > 0 || (reload && cookies.renewedBy(here));
    cookies.take(refresh.cookies, here, ctx.now());
    if (reload && !cookieSet && !checkReloaded) break;
    checkReloaded = reload;
    const again = asked.has(askedKey(target));
    if (again) {
      pageError = cookieSet || reload
        ? `the cookie check at ${new URL(target).host} did not let the sync through, even with the cookie it asked for; the feed's text is kept`
        : `the page sent the reader back to ${target}, where it had already been; the feed's text is kept`;
    } else if (hops === MAX_REFRESHES) {
      pageError = `the page kept sending the reader on (${MAX_REFRESHES} times, last to ${target}); the feed's text is kept`;
    } else {
      asked.add(askedKey(target));
      try {
        const response = await ctx.http.fetch({
          url: target, purpose: 'page', accept: linkAccept(target), maxBytes: ctx.limits.pageBytes, signal: ctx.signal, keepEncoded: true, cookies,
          readOn: (headers, first) => linkedFileAt(headers, first) === null,
        });
        const signIn = signInPageOf(response);
        if (signIn === null) {
          pageUrl = response.url;
          input = { ...input, pageUrl };
        }
        if (signIn === null && !response.stoppedAtHead) {
          page = { body: response.body, contentType: response.contentType, encoding: response.encoding ?? null };
          prepared = await ctx.pool.run('preparePage', page.body, page.contentType, page.encoding, ctx.limits.pageBytes, input);
          continue;
        }
        pageError = signIn !== null ? signInError(signIn) : `the page sent the reader on to ${target}, which is no web page`;
      } catch (error) {
        pageError = ctx.signal.aborted ? errorMessage(error) : await pageFetchFailure(error, article, ctx);
      }
    }
    page = null;
    prepared = await ctx.pool.run('prepare', { ...input, pageHtml: null });
  }

  if (page !== null && prepared.laterPages !== null && pageUrl !== null) {
    prepared = await withLaterPages(prepared, pageUrl, ctx);
  }

  const stored: { url: string; hash: string }[] = [];
  const files: ArticleCopy['images'][number][] = [];
  // Each image the copy shows without a file says why (the reader's box in its place).
  const missed: { url: string; why: ImageMiss }[] = [];
  let leadImageHash: string | null = null;
  // The lead image is fetched where the reader can show it: above a text without pictures of its
  // own, or as one of them. Beside the text's own pictures it is never shown (showsOwnPictures),
  // and was fetched all the same: an og:image drawn as a social card, the original upload of a
  // newsletter's first picture, often the largest file of the article.
  const lead = leadImageShown(prepared.leadImageUrl ?? article.imageUrl, prepared);
  const shown = [...new Set([...(lead ? [lead] : []), ...prepared.imageUrls])];
  const wanted = shown.slice(0, ctx.limits.imagesPerArticle);
  for (const url of shown.slice(wanted.length)) missed.push({ url, why: { kind: 'over-limit', limit: ctx.limits.imagesPerArticle } });
  if (!options.images) {
    // The body's images only: a sync with images fetches them then (lostImages). The lead image
    // alone is no hole in the text.
    for (const url of wanted) if (prepared.imageUrls.includes(url)) missed.push({ url, why: { kind: 'not-fetched' } });
  } else {
    try {
      await forEachLimited(wanted, IMAGE_CONCURRENCY, async (url) => {
        const image = await imageFor(url, pageUrl, ctx);
        if (!isCached(image)) {
          missed.push({ url, why: image.missed });
          return;
        }
        stored.push({ url, hash: image.hash });
        files.push({ hash: image.hash, mime: image.mime, size: image.size });
        if (url === lead) leadImageHash = image.hash;
      });
    } catch (error) {
      // Without room for its images the article is not stored half-done: it stays pending (the
      // next sync makes it whole) and says why.
      if (error instanceof DiskFullError) await noteStillPending(article, errorMessage(error), ctx);
      throw error;
    }
  }
  if (ctx.signal.aborted) throw new Error('cancelled');

  const state: FullTextState = !options.fullText || !article.url ? 'skipped' : pageError ? 'failed' : 'done';
  const copy: ArticleCopy = {
    articleId: article.id,
    content: {
      html: prepared.html,
      text: prepared.text,
      source: prepared.source,
      lang: prepared.lang,
      dir: prepared.dir,
      state,
      error: pageError ?? prepared.extractionNote,
      linkedFile: prepared.linkedFile,
      // Where the link led: a link to that address opens this article too (ArticlesRepo.storedAt).
      pageUrl: pageUrl !== article.url ? pageUrl : null,
      pageAuthor: prepared.author,
      leadImageHash,
      images: stored,
      missedImages: missed,
    },
    images: files,
    // The form is kept with the content it came with; a page that was not fetched says nothing about it.
    comments: page !== null ? { form: prepared.commentForm, thread: prepared.commentThread } : null,
    now: ctx.now(),
  };
  // In turn: no main-thread write waits on the writer's lock meanwhile.
  const thread = await ctx.writes.handOff(() => ctx.writer.storeCopy(copy));
  return { ok: pageError === null, thread };
}

/** Why the copy is the feed's text when the page sent the sync to a sign-in page (http/sign-in-page.ts). */
function signInError(page: string): string {
  return `the site asks you to sign in to read this page (it sent the sync to ${page}); the feed's text is kept`;
}

/** How many pages that send the reader on (meta refresh) are followed in a row, as browsers stop a loop. */
const MAX_REFRESHES = 5;

function withoutFragment(url: URL): string {
  const copy = new URL(url);
  copy.hash = '';
  return copy.href;
}

/** Where a prepared page sends the reader on (preparePage's refreshTo); null for any other copy. */
function refreshOf(prepared: PreparedArticle & { readonly refreshTo?: PageRedirect | null }): PageRedirect | null {
  return prepared.refreshTo ?? null;
}

/**
 * What a failed fetch of the article's page makes of it: the message its copy keeps, or, when the
 * host may answer next time, the article left pending (LeftPending is thrown).
 */
async function pageFetchFailure(error: unknown, article: PendingArticle, ctx: ArticleSyncContext): Promise<string> {
  if (ctx.signal.aborted) throw error;
  // Not asked for: its server asked to wait. The article waits with it, and this sync is none
  // of its tries (it may wait many syncs, through no fault of its own).
  if (HostMemory.isHeldBack(error)) {
    await noteStillPending(article, errorMessage(error), ctx);
    throw new LeftPending(error);
  }
  // The host may answer next time (it could not be reached, or was busy or slow): the article
  // waits for it rather than being stored without its page, for a few syncs; then it keeps
  // the feed's text and says why, as for a page that is not there.
  if ((isUnreachable(error) || isPassingFailure(error)) && article.pageTries + 1 < TRIES_ACROSS_SYNCS) {
    await noteStillPending(article, errorMessage(error), ctx, true);
    throw new LeftPending(error);
  }
  return errorMessage(error);
}

/** What a page fetch's answer is when it is no page, by its headers and first bytes (still
 *  compressed: by its headers alone); null for a page. */
function linkedFileAt(headers: Readonly<Record<string, string>>, first: Buffer): LinkedFile | null {
  const encoded = headers['content-encoding'] !== undefined && headers['content-encoding'].trim().toLowerCase() !== 'identity';
  const declared = Number(headers['content-length']);
  return linkedFileOf(headers['content-type'] ?? null, encoded ? null : first.subarray(0, HEAD_BYTES), !encoded && declared > 0 ? declared : null);
}

/** The lead image, when the reader will show it (see syncArticle); else null. */
function leadImageShown(lead: string | null, prepared: PreparedArticle): string | null {
  return lead !== null && (prepared.imageUrls.includes(lead) || !showsOwnPictures(prepared.html)) ? lead : null;
}

/** The article with its later pages (prepared.laterPages: the site splits it), fetched one at a
 *  time through the article's own client and read in the worker as its first page was. The walk
 *  ends at a page that fails (the client's host memory: a held or dead host fails at once), that
 *  leads off the first page's host, or that repeats an earlier page (a pager that loops): the copy
 *  keeps the pages that came, and its note says which one it lacks. */
async function withLaterPages<T extends PreparedArticle>(first: T, firstUrl: string, ctx: ArticleSyncContext): Promise<T> {
  const host = new URL(firstUrl).host;
  const pages: LaterPage[] = [];
  const earlier = { pages: [firstUrl, ...(first.laterPages?.urls ?? [])], texts: [first.text], pictures: [...(first.leadImageUrl ? [first.leadImageUrl] : []), ...first.imageUrls] };
  const fetched = new Set([firstUrl]);
  let stop: LaterPagesStop | null = null;
  for (const [index, url] of (first.laterPages?.urls ?? []).entries()) {
    const outcome = await laterPage(url, host, earlier, ctx);
    if ('why' in outcome) {
      stop = { page: index + 2, why: outcome.why };
      break;
    }
    if (fetched.has(outcome.url)) {
      stop = { page: index + 2, why: 'repeats an earlier page' };
      break;
    }
    fetched.add(outcome.url);
    earlier.texts.push(outcome.story.text);
    earlier.pictures.push(...imageUrlsIn(outcome.story.html));
    pages.push(outcome.story);
  }
  return joinLaterPages(first, pages, stop);
}

type LaterPageOutcome = { story: LaterPage; url: string } | { why: string };

/** A later page's story, or why the copy goes without it (said after "page 3 of 5"). */
async function laterPage(url: string, host: string, earlier: EarlierPages, ctx: ArticleSyncContext): Promise<LaterPageOutcome> {
  let response;
  try {
    // A "page" that is a file (a PDF, a download) is read no further than its first bytes: no page.
    response = await ctx.http.fetch({
      url, purpose: 'page', accept: PAGE_ACCEPT, maxBytes: ctx.limits.pageBytes, signal: ctx.signal, keepEncoded: true,
      readOn: (headers, first) => linkedFileAt(headers, first) === null,
    });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return { why: `could not be fetched (${errorMessage(error)})` };
  }
  const file = response.stoppedAtHead ? linkedFileAt(response.headers, response.body) : null;
  if (file) return { why: `is ${linkedFileName(file)}, not a web page` };
  // Another site's page is no page of this article, whatever a redirect says.
  if (new URL(response.url).host !== host) return { why: 'led to another site' };
  try {
    const story = await ctx.pool.run('prepareLaterPage', response.body, response.contentType, response.encoding ?? null, ctx.limits.pageBytes, response.url, earlier);
    return typeof story === 'string' ? { why: story } : { story, url: response.url };
  } catch (error) {
    // The pages already read are kept: a later page that does not inflate, or is too heavy to read
    // in the worker's time-box, costs the article only itself and those after it.
    if (!(error instanceof WorkerTaskError)) throw error;
    return { why: `could not be read (${errorMessage(error)})` };
  }
}

/** Fetches again the images of stored articles that show holes: files the cache lost (a deleted or
 *  restored-without-images folder), and images whose host could not be reached, or whose server
 *  was busy or slow, when the article was stored. The reader would show holes, and nothing else
 *  ever would fill them. */
export async function restoreLostImages(lost: readonly LostImage[], ctx: ArticleSyncContext): Promise<void> {
  const byUrl = new Map<string, LostImage[]>();
  for (const image of lost) byUrl.set(image.url, [...(byUrl.get(image.url) ?? []), image]);
  await forEachLimited([...byUrl], IMAGE_CONCURRENCY, async ([url, uses]) => {
    // Another article of this sync may have cached it meanwhile.
    if (uses.every((use) => use.hash !== null && ctx.images.has(use.hash))) return;
    const image = await imageFor(url, uses[0]!.pageUrl, ctx);
    if (ctx.signal.aborted) return;
    const missed = uses.filter((use) => use.hash === null);
    if (!isCached(image)) {
      // Its server asked to wait: the hole stays as it was, its tries untouched.
      if (image.heldBack) return;
      // Still unreachable or busy: tried again next sync, a few times. Answered with no image: as
      // for any image that failed, the article keeps the hole, and says why.
      const note = (use: LostImage) => ctx.storage.articles.missedAgain(use.articleId, url, image.missed);
      if (missed.length > 0) await ctx.writes.run(() => ctx.storage.db.transaction(() => missed.forEach(note)));
      return;
    }
    const changed = uses.filter((use) => use.hash !== null && use.hash !== image.hash);
    await ctx.writes.run(() => ctx.storage.db.transaction(() => {
      ctx.storage.articles.recordImage(image.hash, image.mime, image.size, ctx.now());
      for (const use of changed) ctx.storage.articles.replaceImage(use.articleId, use.hash!, image.hash);
      for (const use of missed) ctx.storage.articles.fillImage(use.articleId, url, image.hash);
    }));
  });
}

interface CachedImage {
  readonly hash: string;
  readonly mime: string;
  readonly size: number;
}

/** Why an image is not in the cache. */
interface NotCached {
  readonly missed: ImageMiss;
  /** Not asked for: its server asked to wait (no try of the image, restoreLostImages). */
  readonly heldBack?: boolean;
}

/** An image in the cache, or why not (an unreachable host or a busy server is one answer: fetchImageOrMiss). */
type ImageOutcome = CachedImage | NotCached;

/** An image asked for in a sync: its outcome, and the client (one per feed: its network scope)
 *  that asked. */
export interface AskedImage {
  readonly http: HttpClient;
  readonly outcome: Promise<ImageOutcome>;
}

/** The image at `url` for an article shown at `page`: one an earlier article already stored is
 *  taken from the cache; otherwise it is fetched once in the sync, by the first article asking,
 *  and the others sharing it wait for that fetch. A logo in every item was downloaded, and
 *  counted, once per article. */
function imageFor(url: string, page: string | null, ctx: ArticleSyncContext): Promise<ImageOutcome> {
  const asked = ctx.imagesAsked;
  const earlier = asked.get(url);
  if (earlier?.http === ctx.http) return earlier.outcome;
  // Another feed's image is this one's too; its failure may be its own (a network scope that
  // refused the host, a Referer from another site), so this feed then asks for itself.
  const outcome = earlier
    ? earlier.outcome.then((image) => (isCached(image) ? image : storedOrFetched(url, page, ctx)))
    : storedOrFetched(url, page, ctx);
  asked.set(url, { http: ctx.http, outcome });
  return outcome;
}

function isCached(image: ImageOutcome): image is CachedImage {
  return !('missed' in image);
}

async function storedOrFetched(url: string, page: string | null, ctx: ArticleSyncContext): Promise<ImageOutcome> {
  const stored = ctx.storage.articles.storedImage(url);
  if (stored && ctx.images.has(stored.hash)) return stored;
  return await fetchImageOrMiss(url, page, ctx);
}

/** fetchImage, with an unreachable host as an answer rather than an error: the article is stored
 *  without that image (its text is worth reading now) and the next syncs fetch it again
 *  (restoreLostImages), as they do an image whose server was busy or slow (fetchImage). A host
 *  that is down, gone, or blocked by the person's DNS (as the stats pixel many feeds put in every
 *  item often is) then costs no article its copy. */
async function fetchImageOrMiss(url: string, page: string | null, ctx: ArticleSyncContext): Promise<ImageOutcome> {
  try {
    return await fetchImage(url, page, ctx);
  } catch (error) {
    if (isUnreachable(error)) return { missed: { kind: 'unreachable' }, heldBack: HostMemory.isHeldBack(error) };
    throw error;
  }
}

/** Fetches an image into the cache, streamed to its file as it arrives; its record is the
 *  caller's to write, with what shows it. Asked first in the larger rendition its host serves
 *  (image-renditions.ts: YouTube's frame for its letterboxed still, Medium's column width), which
 *  the picture the article names replaces when the host has none; a picture refused for its size
 *  is asked for again in the smaller rendition its host makes (Substack's column width of a camera
 *  original). What the sync is told is the picture's outcome, never a rendition's. */
async function fetchImage(url: string, page: string | null, ctx: ArticleSyncContext): Promise<ImageOutcome> {
  let outcome: Rendition | null = null;
  try {
    const larger = largerRendition(url);
    if (larger !== null) outcome = await fetchRendition(larger, page, ctx);
    // A passing failure is the host's, whichever address: the next sync asks again, as for any picture.
    if (outcome === null || (!isCached(outcome) && outcome.missed.kind !== 'unreachable' && !outcome.cancelled)) outcome = await fetchRendition(url, page, ctx);
    const smaller = !isCached(outcome) && outcome.missed.kind === 'too-large' ? smallerRendition(url) : null;
    if (smaller !== null) {
      const resized = await fetchRendition(smaller, page, ctx);
      if (isCached(resized)) outcome = resized;
    }
  } catch (error) {
    ctx.onImage(false);
    throw error;
  }
  if (isCached(outcome)) {
    ctx.onImage(true);
    return outcome;
  }
  if (!outcome.cancelled) ctx.onImage(false, outcome.refused && { url, reason: outcome.refused });
  return { missed: outcome.missed };
}

/** One address's answer: an image in the cache, or why not, with why the picture was refused for
 *  what it is (the sync's notes: refused-images.ts), or that the sync was cancelled. */
type Rendition = CachedImage | (NotCached & { readonly refused?: RefusalReason; readonly cancelled?: boolean });

/** Fetches one address into the cache. It is asked for as a browser showing `page` would, with
 *  that page as its Referer (the client judges it again at each redirect): hosts that refuse
 *  hotlinking answer 403 without one. A full disk and an unreachable host are thrown. */
async function fetchRendition(url: string, page: string | null, ctx: ArticleSyncContext): Promise<Rendition> {
  const image = ctx.images.incoming();
  try {
    const referer = page && URL.canParse(url) ? refererFor(page, new URL(url)) : null;
    const response = await ctx.http.fetch({
      url, purpose: 'image', accept: IMAGE_ACCEPT, maxBytes: ctx.limits.imageBytes, signal: ctx.signal, sink: image,
      ...(referer ? { headers: { referer } } : {}),
    });
    // The bytes decide, not the Content-Type: a server's word is no reason to cache an HTML page as an image.
    const mime = sniffImageType(image.head);
    if (!mime && image.size > 0 && looksLikeSvg(image.head, response.contentType)) return await keptDrawing(image, response.contentType, ctx);
    if (!mime) {
      await image.discard();
      const missed = refusedBytes(image.head, response.contentType);
      const refused = image.head.length === 0 ? 'empty' : missed.kind === 'not-image' && missed.contentType === WEB_PAGE ? 'web-page' : 'not-image';
      return { missed, refused };
    }
    const { hash, size } = await image.store(mime);
    return { hash, mime, size };
  } catch (error) {
    await image.discard();
    if (ctx.signal.aborted) return { missed: { kind: 'failed', message: 'cancelled' }, cancelled: true };
    if (error instanceof DiskFullError || isUnreachable(error)) throw error;
    // Its server asked to wait, or could not send it now (busy, slow, the connection dropped): as
    // for a host not reached, the next syncs ask again (after any wait), TRIES_ACROSS_SYNCS in all,
    // as they do a page's.
    if (HostMemory.askedToWait(error) !== null || isPassingFailure(error)) return { missed: { kind: 'unreachable' } };
    const missed: ImageMiss = image.declaredTooLarge ? { kind: 'too-many-pixels', ...image.declaredTooLarge } : failedFetch(error, ctx.limits.imageBytes);
    return { missed, ...(missed.kind === 'too-large' || missed.kind === 'too-many-pixels' ? { refused: missed.kind } : {}) };
  }
}

/** An SVG drawing, kept as the worker rewrites it (articles/svg-drawing.ts: no script, nothing
 *  loaded from outside it), or refused with why: too large, or built to exhaust what reads it. */
async function keptDrawing(image: IncomingImage, contentType: string | null, ctx: ArticleSyncContext): Promise<Rendition> {
  const bytes = image.size <= MAX_DRAWING_BYTES ? await image.writtenBytes() : null;
  await image.discard();
  const drawing = bytes === null ? `it is larger than the ${MAX_DRAWING_BYTES / (1024 * 1024)} MB a drawing may be` : await ctx.pool.run('safeDrawing', bytes, contentType);
  if (typeof drawing === 'string') return { missed: { kind: 'svg', reason: drawing }, refused: 'drawing' };
  const { hash, size } = await ctx.images.putDrawing(drawing);
  return { hash, mime: SVG_TYPE, size };
}

/** Why bytes that are no image the cache keeps were not kept: none came (whatever type the
 *  server named: its image/jpeg is no type the cache refuses), or they were no picture (often a
 *  page said "not found" or "log in" with a 200). */
function refusedBytes(head: Buffer, contentType: string | null): ImageMiss {
  if (head.length === 0) return { kind: 'failed', message: 'the site sent an empty file' };
  // A page in the picture's place is one whatever type its server named: an error page or a
  // login wall sent as image/jpeg with a 200 ("no picture (image/jpeg)" told the reader nothing).
  if (WEB_PAGE_START.test(head.toString('latin1', 0, 256))) return { kind: 'not-image', contentType: WEB_PAGE };
  const type = contentType?.split(';', 1)[0]!.trim().toLowerCase().slice(0, 100);
  return { kind: 'not-image', contentType: type || null };
}

const WEB_PAGE = 'text/html';
/** How an HTML document starts, after a byte-order mark, white space and comments. */
const WEB_PAGE_START = /^(?:\xEF\xBB\xBF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta)[\s>/]/i;

/** Why a fetch that failed brought no image. */
function failedFetch(error: unknown, maxBytes: number): ImageMiss {
  if (error instanceof HttpError && error.kind === 'too-large') return { kind: 'too-large', limitBytes: maxBytes };
  if (error instanceof HttpError && error.kind === 'http-status' && error.status !== null) return { kind: 'http-status', status: error.status };
  return { kind: 'failed', message: errorMessage(error) };
}

/** The article stays pending for its page's passing failure (`cause`), which it notes: the next
 *  sync tries again. Nothing for the sync's warnings: an unreachable host has its own line, and
 *  a busy server's page is its article's business. */
export class LeftPending extends Error {
  constructor(cause: unknown) {
    super(errorMessage(cause), { cause });
  }
}

async function noteStillPending(article: PendingArticle, reason: string, ctx: ArticleSyncContext, pageTried = false): Promise<void> {
  try {
    await ctx.writes.run(() => ctx.storage.articles.notePending(article.id, reason, pageTried));
  } catch {
    // The database may share the full disk; the sync's warning still says what happened.
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** preparePage's failure to inflate the page's body: the HTTP client's own error, thrown in the worker (http/inflate.ts). */
function isPageBodyError(error: unknown): boolean {
  return error instanceof WorkerTaskError && error.name === 'HttpError';
}
