// A Blogger post shows its threaded comments on its page, and its comment feed lists them too,
// flat (Blogger's feed says whom a reply answers in no way Paperboy reads). After a sync the reader
// shows each comment once, each reply under its comment, and the feed's comments the page did not
// show yet (written after it was fetched) beside them: the page's comments are named as the
// feed names them (tag:blogger.com,1999:blog-BLOG.post-COMMENT).
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { fixtureText } from '../support/fixtures';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

afterEach(async () => {
  await core?.close();
  await server?.stop();
  removeTempDirs();
});

const BLOG = '4412309987712345678';
const POST = '5566778899001122334';

/** One entry of Blogger's comment feed, as it writes them. */
function commentEntry(page: string, id: string, author: string, published: string, text: string): string {
  return `<entry><id>tag:blogger.com,1999:blog-${BLOG}.post-${id}</id><published>${published}</published><updated>${published}</updated>
<title type='text'>${text.slice(0, 30)}</title><content type='html'>${text}</content>
<link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/${BLOG}/${POST}/comments/default/${id}'/>
<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/${BLOG}/${POST}/comments/default/${id}'/>
<link rel='alternate' type='text/html' href='${page}?showComment=${Date.parse(published)}#c${id}' title=''/>
<author><name>${author}</name><email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author>
<thr:in-reply-to href='${page}' ref='tag:blogger.com,1999:blog-${BLOG}.post-${POST}' source='https://www.blogger.com/feeds/${BLOG}/posts/default/${POST}' type='text/html'/>
<gd:extendedProperty name='blogger.itemClass' value='pid-1234'/></entry>`;
}

describe("a Blogger post's threaded comments", () => {
  it('are read from its page, each once beside its comment feed, replies under their comments', async () => {
    server = await TestServer.start();
    const page = server.url('/2021/08/through-standedge-tunnel.html');
    const comments = server.url(`/feeds/${POST}/comments/default`);
    const feed = `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:gd='http://schemas.google.com/g/2005'>
<id>tag:blogger.com,1999:blog-${BLOG}</id><updated>2021-08-17T08:00:00.000+01:00</updated><title type='text'>Canal Boat Diary</title><link rel='alternate' type='text/html' href='${server.url('/')}'/>
<entry><id>tag:blogger.com,1999:blog-${BLOG}.post-${POST}</id><published>2021-08-14T18:00:00.000+01:00</published><updated>2021-08-14T18:00:00.000+01:00</updated>
<title type='text'>Through Standedge Tunnel</title><content type='html'>Standedge is the longest, deepest and highest canal tunnel in Britain.</content>
<link rel='replies' type='application/atom+xml' href='${comments}' title='Post Comments'/><link rel='replies' type='text/html' href='${page}#comment-form' title='5 Comments'/>
<link rel='alternate' type='text/html' href='${page}' title='Through Standedge Tunnel'/><author><name>Fran</name></author><thr:total>5</thr:total></entry></feed>`;
    // Newest first, as Blogger lists them; the last one written after the page was fetched.
    const commentFeed = `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:gd='http://schemas.google.com/g/2005'>
<id>tag:blogger.com,1999:blog-${BLOG}.post${POST}..comments</id><updated>2021-08-17T08:00:00.000+01:00</updated><title type='text'>Canal Boat Diary: Through Standedge Tunnel</title>
${commentEntry(page, '6660001112224', 'Lockkeeper Dave', '2021-08-17T07:00:00.000Z', 'We went west to east in 2022: book three weeks ahead.')}
${commentEntry(page, '5550001112223', 'Mags on the Cut', '2021-08-16T09:20:00.000Z', 'Lovely write-up. Did you book the passage long in advance? We are thinking of going west to east next summer.<br /><br />Mags x')}
${commentEntry(page, '8890123456777', 'Anonymous', '2021-08-15T07:00:00.000Z', 'The certificate is the best part. Ours says &quot;Survived&quot;.')}
${commentEntry(page, '8890123456001', 'Fran', '2021-08-15T03:30:00.000Z', 'They did! It is blu-tacked inside the cabin door.')}
${commentEntry(page, '7712093341122', 'Lockkeeper Dave', '2021-08-14T20:54:00.000Z', 'We did it in 2019 and I still have the certificate on the fridge. Did they give you one?')}
</feed>`;
    server.route('/feeds/posts/default', (req, res) => sendStatic(req, res, { body: feed, type: 'application/atom+xml; charset=UTF-8' }));
    server.route(`/feeds/${POST}/comments/default`, (req, res) => sendStatic(req, res, { body: commentFeed, type: 'application/atom+xml; charset=UTF-8' }));
    server.route('/2021/08/through-standedge-tunnel.html', (req, res) => sendStatic(req, res, { body: fixtureText('corpus/comments/blogger-threaded.html'), type: 'text/html; charset=UTF-8' }));
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.UTC(2021, 7, 18) });
    await core.api.addFeed(server.url('/feeds/posts/default'));
    await core.api.sync();
    // A second sync reads the thread again (its feed answers with the same bytes): still once each.
    await core.api.sync();
    const articleId = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
    const stored = await core.api.listComments(articleId);
    const authorOf = new Map(stored.map((comment) => [comment.id, comment.author]));
    expect(stored.map((comment) => `${comment.author} < ${comment.parentId === null ? '-' : authorOf.get(comment.parentId)}: ${comment.html.replace(/<[^>]*>/g, '').slice(0, 20)}`)).toEqual([
      'Lockkeeper Dave < -: We did it in 2019 an',
      'Fran < Lockkeeper Dave: They did! It is blu-',
      'Anonymous < Lockkeeper Dave: The certificate is t',
      'Mags on the Cut < -: Lovely write-up. Did',
      'Lockkeeper Dave < -: We went west to east',
    ]);
  });
});
