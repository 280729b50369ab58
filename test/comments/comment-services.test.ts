// A WordPress page whose comments a service's script shows in place of the theme's template (the
// Disqus plugin, Facebook's comments plugin): the page names WordPress's API and has no WordPress
// form, which is how WordPress shows closed comments; Paperboy must say where the comments go
// instead, keep the draft, and post nothing.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentComposer } from '../../renderer/src/components/CommentComposer';
import type { DraftComposerState } from '../../renderer/src/hooks/use-draft-composer';
import type { Article } from '../../shared/types';
import { POST_PATH, WordPressSite } from '../support/wordpress';
import { seedPageWith, syncedSitePerTest } from './support/synced-core';

const synced = syncedSitePerTest();

const jo = { name: 'Jo Reader', email: 'jo@example.org', website: '' };
const COMMENTS_AREA = /<div id="comments" class="comments-area">[\s\S]*?<\/form><\/div>\s*<\/div>/;

const servedWith = (part: (origin: string) => string) => seedPageWith(COMMENTS_AREA, part);

/** What the Disqus plugin's comments template writes: the box its script fills, and the post's identity for it. */
const disqusPlugin = (origin: string) => `<div id="disqus_thread"></div>
<script type="text/javascript" id="disqus_embed-js-extra">
/* <![CDATA[ */
var embedVars = {"disqusConfig":{"integration":"wordpress 3.1.1"},"disqusIdentifier":"123 ${origin}\\/?p=123","disqusShortname":"baltic-desk","disqusTitle":"NATO is in security dialogue with Russia, despite the main differences","disqusUrl":"${origin}${POST_PATH.replace(/\//g, '\\/')}","postId":"123"};
/* ]]> */
</script>
<script type="text/javascript" src="${origin}/wp-content/plugins/disqus-comment-system/public/js/comment_embed.js?ver=3.1.1" id="disqus_embed-js"></script>`;

/** A Facebook comments plugin's template: Facebook's SDK and its box, which the SDK fills. */
const facebookPlugin = (origin: string) => `<div id="fb-root"></div>
<script async defer crossorigin="anonymous" src="https://connect.facebook.net/en_GB/sdk.js#xfbml=1&version=v19.0"></script>
<div class="comments-area fb-comments-wrap"><h3>Comments</h3>
  <div class="fb-comments" data-href="${origin}${POST_PATH}" data-width="100%" data-numposts="10" data-order-by="reverse_time"></div>
</div>`;

/** The words the composer shows under an article, with a reply typed in and saved. */
function composerText(article: Article, body: string): string {
  const composer: DraftComposerState = {
    fields: { body, name: '', email: '', website: '', replyTo: null }, draft: null, saving: false, unsaved: false, sending: false,
    result: null, error: null, ticked: [], notice: null, edit: () => undefined, tick: () => undefined, send: async () => undefined, flush: async () => null,
  };
  const html = renderToStaticMarkup(createElement(CommentComposer, { article, composer, onOpenLink: () => undefined }));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe("a WordPress page whose comments are on a service's widget", () => {
  it('says they are on Disqus, not that comments are closed, keeps the draft and posts nothing', async () => {
    const site = await WordPressSite.start({ editPage: servedWith(disqusPlugin) });
    const { core, articleId } = await synced(site);
    const article = (await core.api.getArticle(articleId))!;
    expect(article.commentForm).toEqual({ kind: 'disqus' });
    // The composer says where the comments go and offers to carry the text there, not Send.
    const shown = composerText(article, 'Were the Baltic states at the table?');
    expect(shown).toContain('This page’s comments are on Disqus, which Paperboy cannot post to: the draft stays in Paperboy.');
    expect(shown).toContain('Copy text and open the article in the browser');
    expect(shown).not.toMatch(/closed|Send\b/);

    const draft = await core.api.saveDraft({ articleId, body: 'Were the Baltic states at the table?', ...jo });
    expect(draft.canSend).toBe(false);
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Were the Baltic states at the table?' } });
    expect(result.message).toBe(
      "Not sent: this page's comments are on Disqus, which Paperboy cannot post to. The draft stays here: copy the text and post it from the article in the browser.",
    );
    expect(site.posts).toHaveLength(0);
    expect(await core.api.getDrafts(articleId)).toEqual([expect.objectContaining({ id: draft.id, body: 'Were the Baltic states at the table?' })]);
  });

  it("says they are on Facebook's comments plugin", async () => {
    const site = await WordPressSite.start({ editPage: servedWith(facebookPlugin) });
    const { core, articleId } = await synced(site);
    expect((await core.api.getArticle(articleId))?.commentForm).toEqual({ kind: 'facebook' });
    const draft = await core.api.saveDraft({ articleId, body: 'A fair summary.', ...jo });
    const result = await core.api.sendDraft(draft.id);
    expect(result.message).toMatch(/^Not sent: this page's comments are on Facebook, in its comments plugin, which Paperboy cannot post to\./);
    expect(site.posts).toHaveLength(0);
  });

  it("takes the comment once the site's own form is back", async () => {
    let area: ((origin: string) => string) | null = disqusPlugin;
    const site = await WordPressSite.start({ editPage: (html) => (area ? servedWith(area)(html) : html) });
    const { core, articleId } = await synced(site);
    const draft = await core.api.saveDraft({ articleId, body: 'Back to the site’s own comments, good.', ...jo });
    area = null;
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
  });
});
