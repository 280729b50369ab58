// The articles module's public face: everything the rest of the app uses to turn a fetched page
// or feed item into a safe offline copy, to keep its images, and to keep its comment form.
// Import from here.
export { discoverCommentApi, discoverCommentThread, type CommentThreadSource } from './comment-api';
export { readCommentPage, type CommentPage } from './comment-page';
export { captureCommentForm, mayHoldCommentForm, type CapturedCommentForm, type CapturedConsent, type PageCommentForm, type UnpostableCommentForm } from './comment-form';
export { foreignFormHost } from './form-site';
export { pageDocumentToShare } from './page-document';
export { extractArticle, type ExtractedArticle } from './extract';
export { CACHE_SCHEME, ImageCache, cacheUrl, imageUrlsIn, rewriteImageUrls, sniffImageType } from './images';
export { isSafeDrawing, looksLikeSvg, MAX_DRAWING_BYTES, safeDrawing, SVG_TYPE, type SafeDrawing } from './svg-drawing';
export { MAX_IMAGE_PIXELS, type IncomingImage } from './incoming-image';
export { largerRendition, smallerRendition } from './image-renditions';
export { prepareArticle, type PrepareInput, type PreparedArticle } from './prepare';
export { linkedFileName, linkedFileOf, type LinkedFile } from './linked-file';
export { joinLaterPages, prepareLaterPage, type EarlierPages, type LaterPage, type LaterPageMiss, type LaterPagesStop } from './later-pages';
export { htmlToPlainText, languageDirection, plainTextOfSanitized, sanitizeArticleHtml, sanitizeFeedItem, snippetAfterTitle, snippetOf, snippetOfText, textDirection } from './sanitize';
export { plainTextOfRaw } from './raw-text';
export { textAfterLeadCaption } from './lead-caption';
export { refreshTarget, type PageRedirect } from './meta-refresh';
export { pairedWhenRead } from './in-page-links';
