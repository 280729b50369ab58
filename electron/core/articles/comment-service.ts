// The comment service a page loads in place of a comment form of its own (shared/comment-services.ts
// says why Paperboy cannot post there). Told by the element or script each service's documented
// embed code puts in the page, never by a word in the text: Disqus's <div id="disqus_thread"> (its
// universal code and its WordPress plugin alike); Facebook's <div class="fb-comments"> (not
// "fb-comments-count", its count on list pages); Hyvor Talk's <div id="hyvor-talk-view"> or, in its
// newer embed, a <hyvor-talk-comments> element; Commento's script /js/commento.js (its CDN's or a
// self-hosted server's); Coral's <div id="coral_thread"> or a script calling
// Coral.createStreamEmbed (news sites name their own element); OpenWeb's conversation module
// (data-spotim-module="conversation", or its older data-spot-im-module-default-area), not its
// launcher alone, which may only show a count; Viafoura's <vf-conversations>; Vuukle's <div
// id="vuukle-comments">; giscus's and utterances's client.js, or giscus's <giscus-widget>; Ghost's
// comments script, which carries data-ghost-comments.
import type { CommentServiceKind } from '../../../shared/comment-services';

interface ServiceEmbed {
  readonly kind: CommentServiceKind;
  /** What its embed code puts in the page, as a selector. */
  readonly selector: string;
  /** What an inline script of its embed calls, where a site may give the element a name of its own. */
  readonly call?: RegExp;
}

const SERVICE_EMBEDS: readonly ServiceEmbed[] = [
  { kind: 'disqus', selector: '#disqus_thread' },
  { kind: 'facebook', selector: '.fb-comments' },
  { kind: 'hyvor', selector: '#hyvor-talk-view, hyvor-talk-comments' },
  { kind: 'commento', selector: 'script[src*="/js/commento.js"]' },
  { kind: 'coral', selector: '#coral_thread', call: /\bCoral\.createStreamEmbed\s*\(/ },
  { kind: 'openweb', selector: '[data-spotim-module="conversation"], [data-spot-im-module-default-area="conversation"]' },
  { kind: 'viafoura', selector: 'vf-conversations' },
  { kind: 'vuukle', selector: '#vuukle-comments' },
  { kind: 'giscus', selector: 'script[src*="giscus.app/client.js"], giscus-widget' },
  { kind: 'utterances', selector: 'script[src*="utteranc.es/client.js"]' },
  { kind: 'ghost', selector: 'script[data-ghost-comments]' },
];

/** What the page's source holds when it may embed one of them (cheap: no DOM), for comment-form.ts's one pass. */
export const SERVICE_MARKS = /disqus_thread|fb-comments|hyvor-talk|\/js\/commento\.js|coral_thread|createStreamEmbed|spot-?im-module|vf-conversations|vuukle-comments|giscus|utteranc\.es|data-ghost-comments/;

/** The comment service whose embed the page holds, or null. */
export function commentServiceOf(doc: Document): CommentServiceKind | null {
  const inline = () => Array.from(doc.querySelectorAll('script:not([src])')).map((script) => script.textContent ?? '');
  let scripts: string[] | null = null;
  for (const embed of SERVICE_EMBEDS) {
    if (doc.querySelector(embed.selector)) return embed.kind;
    if (embed.call) {
      scripts ??= inline();
      if (scripts.some((text) => embed.call!.test(text))) return embed.kind;
    }
  }
  return null;
}
