// The welcome article in a data folder made before its fix: it carried a copy of the page's
// comment section, which the reader showed above its own. The next start gives it the new text
// and keeps everything else (read state, the feed).
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';

const OLD_TAIL = `<section aria-label="Comments">
<h2>Leave a Comment</h2>
<p>No comments yet. Why don’t you start the discussion?</p>
<h3>Leave a Reply</h3>
<p>Your email address will not be published.</p>
</section>`;

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  removeTempDirs();
});

describe('the welcome article of an older data folder', () => {
  it('loses its copy of the comment section at the next start, and stays read', async () => {
    const dataDir = tempDir();
    core = new Core({ dataDir, workers: 1 });
    const seed = (await core.api.listArticles({ filter: { kind: 'all' } })).articles.find((a) => a.title.startsWith('NATO'))!;
    const stored = (await core.api.getArticle(seed.id))!;
    core.storage.articles.saveContent(seed.id, {
      html: `${stored.html}\n${OLD_TAIL}`, text: 'old', source: 'feed', lang: 'en', dir: 'ltr', state: 'done', error: null, leadImageHash: null, images: [],
    }, Date.now());
    await core.api.setRead([seed.id], true);
    expect((await core.api.getArticle(seed.id))?.html).toContain('Leave a Reply');
    await core.close();

    core = new Core({ dataDir, workers: 1 });
    const after = (await core.api.getArticle(seed.id))!;
    expect(after.html).not.toContain('Leave a Reply');
    expect(after.html).toContain('Stoltenberg');
    expect(after.read).toBe(true);
  });
});
