// WordPress lists pingbacks (another site's post that linked here) among a post's comments in its
// comment feeds, RSS and Atom, with nothing to say what they are but their text: '[…] the words
// around the link […]'. Its REST API and the article page's comment reader leave them out; read
// from the feed they stood in the thread as comments by "Geneva, day one: ... – The Baltic Brief".
import { describe, expect, it } from 'vitest';
import { ingestComments } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

const ORIGIN = 'http://blog.example';
const POST = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;

describe("a WordPress comment feed's pingbacks", () => {
  it('are left out of the comments (RSS), and the comments that quote the post with "[…]" are kept', async () => {
    const comments = await ingestComments(fixtureText('comments/wordpress-pingbacks.xml', ORIGIN), `${POST}feed/`, 'article-1');
    expect(comments.map((c) => c.author)).toEqual(['Marta Kowalczyk', 'Tomasz', 'Ana Ruiz']);
    expect(comments[0]?.text).toBe('[…] “despite the main differences” […] is doing a lot of work in that headline. Three hours, no agreement, and another meeting next week.');
    expect(comments[1]?.text).toBe('[…] and the Geneva talks were only the start.');
  });

  it('are left out of the Atom comment feed too', async () => {
    const comments = await ingestComments(fixtureText('comments/wordpress-pingbacks-atom.xml', ORIGIN), `${POST}feed/atom/`, 'article-1');
    expect(comments.map((c) => c.author)).toEqual(['Marta Kowalczyk']);
  });

  it("are told only in a WordPress comment feed: another feed's item of that shape is kept", async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Quotes</title><link>${ORIGIN}/</link>
<item><title>From the archive</title><link>${ORIGIN}/quotes/1</link><guid isPermaLink="false">${ORIGIN}/quotes/1</guid><description><![CDATA[[&#8230;] the harbour was full of boats [&#8230;]]]></description></item></channel></rss>`;
    expect(await ingestComments(rss, `${ORIGIN}/quotes/feed/`, 'article-1')).toHaveLength(1);
  });
});
