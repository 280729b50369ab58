// The articles module's public face: everything the rest of the app uses to turn a fetched page
// or feed item into a safe offline copy, and to keep its images. Import from here.
export { extractArticle, type ExtractedArticle } from './extract';
export { CACHE_SCHEME, ImageCache, cacheUrl, imageUrlsIn, rewriteImageUrls, sniffImageType } from './images';
export { prepareArticle, type PrepareInput, type PreparedArticle } from './prepare';
export { htmlToPlainText, plainTextOfSanitized, sanitizeArticleHtml, snippetOf, snippetOfText, textDirection } from './sanitize';
