// Feed items that are mainly pictures: a webcomic whose item is its <img> (the joke in its title
// attribute), a WordPress comic theme's post (the comic outside the post's empty text), a photo
// post bridged from Instagram (RSS-Bridge, rss.app) whose page is a login wall, a Tumblr photo
// post whose page is an app's shell. Their pages read as the site's notices, a sidebar or a wall:
// the person must see the item's own pictures and words, as other feed readers show them, and a
// note only when it says something true. And a news item led by a photo whose page is the longer
// story still gets the page. Through a real sync, then through prepareArticle (the sync's own path).
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { prepareArticle } from '../../electron/core/articles';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A webcomic's page as xkcd serves it: the comic in #comic between its navigation, the site's
// warning, footnote and licence below; the og:image is the comic's double-size rendition.
const JOKE = 'The projection keeps every coastline exactly, at the cost of the oceans, most of the latitudes, and Belgium.';
const COMIC_TITLE = 'Honest Map Projection';
const SITE_WARNING = 'occasionally contains strong language';
function webcomicPage(origin: string): string {
  const nav = `<ul class="comicNav"><li><a href="/1/">|&lt;</a></li><li><a rel="prev" href="/3011/" accesskey="p">&lt; Prev</a></li><li><a href="//c.inkline.example/random/comic/">Random</a></li><li><a rel="next" href="#" accesskey="n">Next &gt;</a></li><li><a href="/">&gt;|</a></li></ul>`;
  return `<!DOCTYPE html>
<html>
<head>
<link rel="stylesheet" type="text/css" href="/s/7a1c2e.css" title="Default"/>
<title>inkline: ${COMIC_TITLE}</title>
<meta property="og:site_name" content="inkline">
<meta property="og:title" content="${COMIC_TITLE}">
<meta property="og:url" content="${origin}/3012/">
<meta property="og:image" content="${origin}/comics/honest_map_projection_2x.png">
<meta name="twitter:card" content="summary_large_image">
</head>
<body>
<div id="topContainer"><div id="topLeft"><ul><li><a href="/archive">Archive</a></li><li><a rel="author" href="/about">About</a></li><li><a href="/atom.xml">Feed</a>&bull;<a href="/newsletter/">Email</a></li><li><a href="/books/">-Books-</a></li></ul></div>
<div id="topRight"><div id="masthead"><span><a href="/"><img src="/s/logo.png" alt="inkline logo" height="83" width="185"/></a></span><span id="slogan">A webcomic of maps,<br/> puns, and probability.</span></div>
<div id="news">The second inkline book, with a hundred comics and their footnotes, is out in October. Preorder <a href="/book">here</a>!</div></div>
<div style="clear: both;"></div></div>
<div id="middleContainer" class="box">
<div id="ctitle">${COMIC_TITLE}</div>
${nav}
<div id="comic">
<img src="//${origin.replace(/^http:\/\//, '')}/comics/honest_map_projection.png" title="${esc(JOKE)}" alt="${COMIC_TITLE}" srcset="//${origin.replace(/^http:\/\//, '')}/comics/honest_map_projection_2x.png 2x" style="image-orientation:none" />
</div>
${nav}
<br />
Permanent link to this comic: <a href="${origin}/3012/">${origin}/3012/</a><br />
Image URL (for hotlinking/embedding): <a href="${origin}/comics/honest_map_projection.png">${origin}/comics/honest_map_projection.png</a>
<div id="transcript" style="display: none"></div>
</div>
<div id="bottom" class="box">
<a href="/rss.xml">RSS Feed</a> - <a href="/atom.xml">Atom Feed</a> - <a href="/newsletter/">Email</a><br />
<div id="comicLinks">Comics I enjoy:<br/><a href="https://comics.example/one">Three Panels</a>, <a href="https://comics.example/two">The Dinosaur Daily</a>, <a href="https://comics.example/three">Soft Worlds</a></div>
<p>Warning: this comic ${SITE_WARNING} (which may be unsuitable for children), unusual humor (which may be unsuitable for adults), and advanced mathematics (which may be unsuitable for liberal-arts majors).</p>
<div id="footnote">BTC 1Hq8XkR2vYpZ4mTnE6wLcJ9aDfGsB3uQo7<br />The maps are not to scale. No scale was harmed in their making.<br /></div>
<div id="licenseText"><p>This work is licensed under a <a href="https://creativecommons.org/licenses/by-nc/2.5/">Creative Commons Attribution-NonCommercial 2.5 License</a>.</p><p>This means you're free to copy and share these comics (but not to sell them). <a rel="license" href="/license.html">More details</a>.</p></div>
</div>
</body>
</html>`;
}
const webcomicItem = (origin: string) => `<img src="${origin}/comics/honest_map_projection.png" title="${esc(JOKE)}" alt="${COMIC_TITLE}" />`;

// A WordPress comic theme (ComicPress, Comic Easel): the comic in #comic above the post, whose
// .entry-content is empty; a sidebar widget asks for support. The feed's item is the comic, and
// the artist's hover text under it.
const HOVERTEXT = 'The sheep had read the forecast all along.';
const WIDGET = 'funded by readers like you';
function comicThemePage(origin: string, day: string): string {
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>2024-05-${day} &#8211; Woolgathering</title><meta property="og:image" content="${origin}/wp-content/uploads/2024/05/2024-05-${day}-social.png"></head><body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="${origin}/" rel="home">Woolgathering</a></p><p class="site-description">three panels, every weekday</p></div><nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/archive">Archive</a></li><li><a href="/shop">Shop</a></li><li><a href="/about">About</a></li></ul></nav></header><div id="comic-wrap"><div id="comic"><a href="${origin}/comic/2024-05-08/" title="2024-05-${day}"><img width="400" height="600" src="${origin}/wp-content/uploads/2024/05/2024-05-${day}.png" class="attachment-full size-full" alt="" decoding="async" fetchpriority="high" srcset="${origin}/wp-content/uploads/2024/05/2024-05-${day}.png 400w, ${origin}/wp-content/uploads/2024/05/2024-05-${day}-200x300.png 200w" sizes="(max-width: 400px) 100vw, 400px" /></a></div><div class="comic-nav"><a class="first" href="/comic/2010-01-04/">&laquo; First</a><a class="prev" href="/comic/2024-05-08/">&lsaquo; Previous</a><a class="last" href="/">Last &raquo;</a></div></div><div id="content" class="site-content"><main id="main" class="site-main"><article id="post-5120" class="post-5120 comic type-comic status-publish hentry"><header class="entry-header"><h1 class="entry-title">2024-05-${day}</h1><div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2024-05-${day}T12:00:00+00:00">May ${Number(day)}, 2024</time></span></div></header><div class="entry-content"></div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/chapter/spring/" rel="category tag">Spring</a></span></footer></article><div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="/wp-login.php">logged in</a> to post a comment.</p></div></div></main><aside id="secondary" class="widget-area"><section class="widget widget_text"><h2 class="widget-title">Support the comic</h2><div class="textwidget"><p>Woolgathering is ${WIDGET}. Join the Patreon for early strips, pencil sketches and a monthly letter about how each strip is written, drawn, lettered and coloured.</p><p>Prints and the first collected book are in the shop, shipping worldwide.</p></div></section></aside></div></div></body></html>`;
}

// Instagram to a reader who is not signed in: its <title> the site's name, the post only in its
// og:image (another rendition than the feed's), the page a login wall.
function instagramLoginWall(cdn: string): string {
  return `<!DOCTYPE html><html lang="en" class="no-js not-logged-in"><head><meta charset="utf-8"><title>Instagram</title><meta property="og:site_name" content="Instagram"><meta property="og:image" content="${cdn}/v/t51.29350-15/og_4471_n.jpg?stp=dst-jpg_e35"></head><body><div id="react-root"><section><main role="main"><div><span>Log in to Instagram to see photos and videos from your friends.</span></div><div><a href="/accounts/login/">Log in</a> <a href="/accounts/emailsignup/">Sign up</a></div></main></section></div><script type="text/javascript">window._sharedData = {"config":{"viewer":null},"country_code":"NL"};</script><script src="/static/bundles/es6/ConsumerLibCommons.js/1c2d3e.js" crossorigin="anonymous"></script></body></html>`;
}
const SEAL_CAPTION = 'Photo by @alexmarsh | A leopard seal rests on the pack ice off the Antarctic Peninsula between two hunts. #antarctica #leopardseal';
const OWL_CAPTION = 'Owls at night. Shot on a 600mm at ISO 12800 #owl #wildlife';

// A Tumblr photo post: the feed's item is the photo; the post's page is the app's shell.
const tumblrShell = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>doorsofthecity</title></head><body><div id="root"></div><script>window['___INITIAL_STATE___'] = {"routeName":"blog-view","isLoggedIn":false};</script><script src="/pop/js/main-3a9c1f.js"></script></body></html>`;

// A news item led by its photo, with a one-sentence summary; its page is the whole story, the
// same photo above it.
const HARBOUR_SUMMARY = 'Fishing crews blocked the harbour mouth on Monday over the new quota rules.';
const HARBOUR_PARAGRAPHS = [
  'Fishing crews blocked the harbour mouth with more than forty boats on Monday morning, in protest at the quota rules that take effect next month.',
  'The new rules cut the cod catch allowed to boats under twelve metres by a fifth, and crews say the smaller boats cannot make up the loss with other species.',
  'The harbour master closed the port to cargo ships until the afternoon, when the boats returned to their moorings after a meeting with the regional fisheries office.',
  'The fisheries office said it would review the share of the quota given to the smallest boats before the rules take effect, but made no promise to change it.',
  'Crews said they would block the harbour again on the first day of the new rules if the review does not give the smaller boats back what they lose.',
];
function newsPage(origin: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fishing crews blockade harbour over quota cuts | Coast Herald</title><meta property="og:image" content="${origin}/uploads/2024/05/harbour-blockade.jpg"></head><body><header><a href="/">Coast Herald</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header><main><article><h1>Fishing crews blockade harbour over quota cuts</h1><p class="byline">By Ana Ribeiro</p><figure><img src="${origin}/uploads/2024/05/harbour-blockade.jpg" alt="Boats moored across the harbour mouth"><figcaption>Boats across the harbour mouth on Monday.</figcaption></figure>${HARBOUR_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}</article></main><footer><p>© 2024 Coast Herald</p></footer></body></html>`;
}
const newsItem = (origin: string) => `<img src="${origin}/uploads/2024/05/harbour-blockade.jpg" alt="Boats moored across the harbour mouth"><p>${HARBOUR_SUMMARY}</p>`;

const LOGIN_NOTE = "the site asked to log in instead of showing the post; showing the feed's content";
const SCRIPT_NOTE = "the page shows its text only with JavaScript; showing the feed's content";

describe('a sync of items that are pictures', () => {
  let server: TestServer | undefined;
  let core: PaperboyCore | undefined;
  afterEach(async () => {
    await core?.close();
    await server?.stop();
    removeTempDirs();
  });

  it("shows each item's own pictures and words where its page has less of them, and takes the page that has more", async () => {
    server = await TestServer.start();
    const origin = server.origin;
    const png = { type: 'image/png', body: makePng(40, 30, [200, 120, 40]) };
    const jpeg = { type: 'image/jpeg', body: makePng(40, 30, [40, 120, 200]) };
    for (const path of ['/comics/honest_map_projection.png', '/comics/honest_map_projection_2x.png', '/wp-content/uploads/2024/05/2024-05-10.png', '/wp-content/uploads/2024/05/2024-05-09.png', '/wp-content/uploads/2024/05/2024-05-10-social.png', '/wp-content/uploads/2024/05/2024-05-09-social.png']) server.serve(path, png);
    for (const path of ['/v/t51.29350-15/4471_n.jpg', '/v/t51.29350-15/og_4471_n.jpg', '/rssapp/owl.jpg', '/media/s1280x1920/9f1e.jpg', '/uploads/2024/05/harbour-blockade.jpg']) server.serve(path, jpeg);

    server.serve('/3012/', { type: 'text/html; charset=utf-8', body: webcomicPage(origin) });
    for (const day of ['10', '09']) server.serve(`/comic/2024-05-${day}/`, { type: 'text/html; charset=UTF-8', body: comicThemePage(origin, day) });
    server.serve('/p/C7sEaL4Ab/', { type: 'text/html; charset=utf-8', body: instagramLoginWall(origin) });
    server.serve('/p/C7oWl9Zz/', { type: 'text/html; charset=utf-8', body: instagramLoginWall(origin) });
    server.serve('/post/749000000001', { type: 'text/html; charset=utf-8', body: tumblrShell });
    server.serve('/news/harbour-blockade', { type: 'text/html; charset=utf-8', body: newsPage(origin) });

    const item = (title: string, link: string, description: string, extra = '') =>
      `<item><title>${esc(title)}</title><link>${origin}${link}</link><guid>${origin}${link}</guid><description>${esc(description)}</description>${extra}</item>`;
    server.serve('/webcomic.xml', { type: 'text/xml; charset=utf-8', body: rssFeed('inkline', [item(COMIC_TITLE, '/3012/', webcomicItem(origin))]) });
    server.serve('/comic/feed', {
      type: 'application/rss+xml; charset=UTF-8',
      body: rssFeed('Woolgathering', [
        item('2024-05-10', '/comic/2024-05-10/', `<img width="400" height="600" src="${origin}/wp-content/uploads/2024/05/2024-05-10.png" />`),
        item('Comic for May 9, 2024', '/comic/2024-05-09/', `<a href="${origin}/comic/2024-05-09/"><img src="${origin}/wp-content/uploads/2024/05/2024-05-09.png" /></a><br />Hovertext:<br/>${HOVERTEXT}<br /><br /><a href="${origin}/shop">new book out now!</a>`),
      ]),
    });
    // RSS-Bridge's Instagram bridge, as Atom.
    const sealPicture = `${origin}/v/t51.29350-15/4471_n.jpg?stp=dst-jpg_e35&amp;_nc_ht=scontent&amp;oh=00_AfB`;
    server.serve('/rss-bridge/', {
      type: 'application/atom+xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title type="text">alexmarsh - Instagram Bridge</title><id>${origin}/rss-bridge/</id><updated>2024-05-10T12:00:00+00:00</updated><author><name>RSS-Bridge</name></author><link rel="alternate" type="text/html" href="${origin}/alexmarsh/"/>
<entry><title type="html">${esc(SEAL_CAPTION.slice(0, 90))}…</title><published>2024-05-10T11:00:00+00:00</published><updated>2024-05-10T11:00:00+00:00</updated><id>${origin}/p/C7sEaL4Ab/</id><link rel="alternate" type="text/html" href="${origin}/p/C7sEaL4Ab/"/><author><name>alexmarsh</name></author>
<content type="html">${esc(`<a href="${origin}/p/C7sEaL4Ab/" target="_blank"><img loading="lazy" src="${sealPicture}" alt="Photo by @alexmarsh" /></a><br><br>${SEAL_CAPTION}`)}</content><link rel="enclosure" type="image/jpeg" href="${sealPicture}"/></entry></feed>`,
    });
    // rss.app: the photo in the description and as the item's media:content.
    server.serve('/rssapp/feeds/tUvWxYz.xml', {
      type: 'application/xml; charset=utf-8',
      body: rssFeed('Wildlife Photographer (@wildlife) • Instagram photos and videos', [
        item(OWL_CAPTION, '/p/C7oWl9Zz/', `<div><img src="${origin}/rssapp/owl.jpg?w=1080" style="width: 100%;" /><div>${OWL_CAPTION}</div></div>`, `<media:content medium="image" url="${origin}/rssapp/owl.jpg?w=1080"/>`),
      ]).replace('<rss ', '<rss xmlns:media="http://search.yahoo.com/mrss/" '),
    });
    server.serve('/tumblr/rss', { type: 'application/rss+xml; charset=utf-8', body: rssFeed('doorsofthecity', [item('Photo', '/post/749000000001', `<img src="${origin}/media/s1280x1920/9f1e.jpg?w=1280"/><br/><br/>`)]) });
    server.serve('/news.xml', { type: 'application/rss+xml; charset=utf-8', body: rssFeed('Coast Herald', [item('Fishing crews blockade harbour over quota cuts', '/news/harbour-blockade', newsItem(origin))]) });

    core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    for (const feed of ['/webcomic.xml', '/comic/feed', '/rss-bridge/', '/rssapp/feeds/tUvWxYz.xml', '/tumblr/rss', '/news.xml']) await core.api.addFeed(server.url(feed));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 7, cancelled: false });
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const shown = async (title: string) => (await core!.api.getArticle(articles.find((article) => article.title.startsWith(title))!.id))!;

    // The comic with its joke, not the site's warning, footnote and licence.
    const comic = await shown(COMIC_TITLE);
    expect({ source: comic.contentSource, note: comic.fullTextError }).toEqual({ source: 'feed', note: null });
    expect(comic.html).toContain(`title="${esc(JOKE)}"`);
    expect(comic.html).not.toContain(SITE_WARNING);

    // The comic theme's strip, and its hover text, not the sidebar's plea.
    for (const [title, words] of [['2024-05-10', null], ['Comic for May 9, 2024', HOVERTEXT]] as const) {
      const strip = await shown(title);
      expect({ title, source: strip.contentSource, note: strip.fullTextError }).toEqual({ title, source: 'feed', note: null });
      expect(strip.html).toMatch(/<img [^>]*src="paperboy-cache:\/\//);
      expect(strip.html).not.toContain(WIDGET);
      if (words) expect(strip.html).toContain(words);
    }

    // The bridged posts: their photo and caption, and why the page is not shown; the rss.app
    // item's own picture is the one fetched, not the login wall's og:image.
    for (const [title, caption] of [[SEAL_CAPTION.slice(0, 40), SEAL_CAPTION], [OWL_CAPTION, OWL_CAPTION]]) {
      const post = await shown(title!);
      expect({ title, source: post.contentSource, note: post.fullTextError }).toEqual({ title, source: 'feed', note: LOGIN_NOTE });
      expect(post.html).toContain(caption);
      expect(post.html).not.toContain('Log in to Instagram');
    }
    const asked = (path: string) => server!.requests.filter((request) => request.path.split('?')[0] === path);
    expect(asked('/rssapp/owl.jpg')).not.toHaveLength(0);
    expect(asked('/v/t51.29350-15/og_4471_n.jpg')).toHaveLength(0);

    // The Tumblr photo: the note does not say the feed has nothing.
    const photo = await shown('Photo');
    expect({ source: photo.contentSource, note: photo.fullTextError }).toEqual({ source: 'feed', note: SCRIPT_NOTE });
    expect(photo.html).toMatch(/<img [^>]*src="paperboy-cache:\/\//);

    // The photo-led news item: its page is the whole story, with the same photo.
    const news = await shown('Fishing crews blockade harbour');
    expect({ source: news.contentSource, note: news.fullTextError }).toEqual({ source: 'page', note: null });
    expect(news.html).toContain(HARBOUR_PARAGRAPHS[4]);
    expect(news.html.match(/<img /g)).toHaveLength(1);
  }, 60_000);
});

const ORIGIN = 'https://www.example.org';
const stored = (pageHtml: string, feedHtml: string, itemTitle?: string) => prepareArticle({ pageHtml, pageUrl: `${ORIGIN}/post`, feedHtml, feedItemUrl: `${ORIGIN}/post`, itemTitle });

describe("an item's pictures against its page", () => {
  it("takes a comic's page that shows the comic and its joke, with more besides", () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>${COMIC_TITLE} | inkline</title></head><body><main><article><h1>${COMIC_TITLE}</h1><figure><img src="${ORIGIN}/comics/honest_map_projection.png" alt="${COMIC_TITLE}"><figcaption>${JOKE}</figcaption></figure><p>Transcript: a world map whose coastlines are drawn exactly, floating in no ocean at all, with a label where Belgium used to be. The cartographer stands beside it, pointing at the missing latitudes with a long stick.</p></article></main></body></html>`;
    const article = stored(page, webcomicItem(ORIGIN));
    expect(article.source).toBe('page');
    expect(article.text).toContain('Transcript');
  });

  it("keeps a photo post whose page does not show its photo, however much more it says", () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>Owls at night | Field Notes</title></head><body><main><article><h1>Owls at night</h1><figure><img src="${ORIGIN}/uploads/owl-crop-600.jpg" alt="A tawny owl"></figure><p>Owls at night are the hardest birds I shoot: a 600mm lens wide open, ISO 12800, and a shutter no slower than a two-hundredth of a second, or the wildlife moves and the frame is mush.</p><p>I waited four nights at the same oak. The owl came each night at about eleven, stayed for two minutes, and left the way it came, over the barn roof.</p></article></main></body></html>`;
    const article = stored(page, `<img src="${ORIGIN}/uploads/owl.jpg"><p>${OWL_CAPTION}</p>`);
    expect(article.source).toBe('feed');
    expect(article.imageUrls).toEqual([`${ORIGIN}/uploads/owl.jpg`]);
  });
});

describe("a news teaser's thumbnail", () => {
  it("does not keep the teaser when the page is the long story under its headline, without that thumbnail", () => {
    const title = 'Council approves the harbour budget for 2027';
    const paragraphs = [
      'The city council approved the harbour budget for 2027 on Tuesday evening, after a debate that ran past midnight and ended in a vote of nineteen to twelve.',
      'The budget sets aside 48 million for the northern quay, whose piles have sunk by up to eleven centimetres since the storm of 2024, and 6 million for the ferry terminal.',
      'Opposition members asked for the dredging of the inner basin to be brought forward by a year; the harbour master said the dredger is booked until the autumn of 2028.',
      'Residents of the old town, who had filled the public gallery, applauded when the council added a line for a footbridge over the lock, which the first draft had left out.',
      'The fishing cooperative welcomed the money for the quay but said the new mooring fees, which rise by a fifth in April, would cost its smaller boats more than they earn in March.',
      'Work on the quay is due to begin in February. The council will publish the tender in January and expects to choose a contractor before the end of the month.',
    ];
    const page = `<!DOCTYPE html><html lang="en"><head><title>${title} – Harbour Gazette</title></head><body><header><a href="/">Harbour Gazette</a></header><main><article><h1>${title}</h1><figure><img src="${ORIGIN}/wp-content/uploads/2026/12/council-chamber.jpg" alt="The council chamber"></figure>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
    // The feed's teaser: a social card the article does not show, and a line of text.
    const teaser = `<p><img src="${ORIGIN}/wp-content/uploads/2026/12/budget-social-card.png" alt=""></p><p>The council voted nineteen to twelve after a debate past midnight.</p>`;
    const article = stored(page, teaser, title);
    expect(article.source).toBe('page');
    expect(article.text).toContain('The fishing cooperative welcomed the money');
  });
});

describe('a login wall', () => {
  const wall = (lang: string, request: string, login: string, signUp: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Instagram</title></head><body><div id="react-root"><main><p>${request}</p><div><a href="/accounts/login/">${login}</a> <a href="/accounts/emailsignup/">${signUp}</a></div></main></div></body></html>`;
  const feed = `<p>${SEAL_CAPTION}</p>`;

  it.each([
    ['en', wall('en', 'Log in to Instagram to see photos and videos from your friends.', 'Log in', 'Sign up')],
    ['de', wall('de', 'Melde dich an, um Fotos und Videos deiner Freunde zu sehen.', 'Anmelden', 'Registrieren')],
    ['fr', wall('fr', 'Connecte-toi pour voir les photos et vidéos de tes amis.', 'Se connecter', "S'inscrire")],
    ['es', wall('es', 'Inicia sesión para ver fotos y videos de tus amigos.', 'Iniciar sesión', 'Regístrate')],
    ['it', wall('it', 'Accedi per vedere le foto e i video dei tuoi amici.', 'Accedi', 'Iscriviti')],
    ['nl', wall('nl', "Log in om foto's en video's van je vrienden te bekijken.", 'Inloggen', 'Registreren')],
  ])("is not taken for the post, and says so (%s)", (_lang, page) => {
    const article = stored(page, feed);
    expect(article.source).toBe('feed');
    expect(article.text).toBe(SEAL_CAPTION);
    expect(article.extractionNote).toBe(LOGIN_NOTE);
  });

  it('is not a short story that tells of such walls, on a page with a sign-in link', () => {
    const story = `<!DOCTYPE html><html lang="en"><head><title>Photo app now asks visitors to log in</title></head><body><header><a href="/">Tech Desk</a> <a href="/login">Sign in</a></header><main><article><h1>Photo app now asks visitors to log in</h1><p>The photo app now asks visitors who are not signed in to log in to see more than a handful of posts, the company confirmed on Thursday.</p><p>Readers who follow links from other sites will see the first post, then a box that asks them to sign up to continue.</p></article></main></body></html>`;
    const article = stored(story, '<p>Visitors who are not signed in now see a login box after a handful of posts.</p>');
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
  });
});

describe("the item's title witnesses that the page is its story", () => {
  // A post the site took down: its page says so under the site's name, which tells nothing.
  const gone = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Instagram</title></head><body><main><h2>Sorry, this page isn't available.</h2><p>The link you followed may be broken, or the page may have been removed. Go back to Instagram.</p></main></body></html>`;
  it("keeps the feed's text when the page has nothing of the item's title", () => {
    const article = stored(gone, `<p>${OWL_CAPTION}</p>`, OWL_CAPTION);
    expect(article.source).toBe('feed');
    expect(article.extractionNote).toBe("the page's text did not match the feed's story; showing the feed's content");
  });
});
