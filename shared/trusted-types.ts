// Trusted Types: the page's CSP makes every HTML sink (innerHTML, outerHTML, document.write,
// insertAdjacentHTML) refuse plain strings, and allows exactly one policy to make the values
// they accept. Only the reader's ArticleBody uses it, for HTML the core's sanitizer wrote.
// A future innerHTML on anything else then fails loudly instead of becoming an injection point.
export const SANITIZED_HTML_POLICY = 'paperboy-sanitized';

/** The CSP directives that enforce it; the Electron shell and the preview server both send them. */
export const TRUSTED_TYPES_DIRECTIVES = {
  'require-trusted-types-for': ["'script'"],
  'trusted-types': [SANITIZED_HTML_POLICY],
} as const;
