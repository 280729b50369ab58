// Wraps stored article and comment HTML for React's dangerouslySetInnerHTML under the page's
// Trusted Types policy (shared/trusted-types.ts). The policy passes the string through unchanged
// on purpose: this HTML was already sanitized by the core's allowlist when it was stored
// (electron/core/articles/sanitize.ts), so the wall here is that nothing else can reach a sink.
import { SANITIZED_HTML_POLICY } from '../../../shared/trusted-types';

interface PassThroughPolicy {
  createHTML(html: string): TrustedHTML;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: (html: string) => string }): PassThroughPolicy;
}

// Created once per page: the CSP names the policy without 'allow-duplicates'.
const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
const policy = factory?.createPolicy(SANITIZED_HTML_POLICY, { createHTML: (html) => html }) ?? null;

/** Browsers without Trusted Types (and the CSP-less test DOMs) take the string as it is. */
export function sanitizedHtml(html: string): string | TrustedHTML {
  return policy ? policy.createHTML(html) : html;
}
