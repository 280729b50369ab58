// Comment sections as popular WordPress themes write them, read from the article's page: what the
// reader shows of each comment (who wrote it, when, under which comment, its words), and what it
// leaves out (pingbacks, the theme's own buttons and labels).
import { describe, expect, it } from 'vitest';
import { discoverCommentThread } from '../../electron/core/articles/comment-api';
import { readCommentPage } from '../../electron/core/articles/comment-page';
import { htmlToText } from '../../electron/core/feeds/text';

const POST = 'https://riverside-allotments.example/2024/03/10/seed-swap-saturday/';

function page(comments: string, lang = 'en-GB'): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="UTF-8"><title>Seed swap on Saturday &#8211; Riverside Allotments</title></head>
<body class="post-template-default single single-post postid-377">
<main id="main"><article id="post-377" class="post-377 post type-post status-publish"><h1 class="entry-title">Seed swap on Saturday</h1>
<div class="entry-content"><p>Bring your spare seeds to the shed by plot 14 from ten o'clock; tea is on the committee.</p></div></article>
<div id="comments" class="comments-area">
${comments}
</div></main></body></html>`;
}

/** What the reader shows of each comment the page lists, by its number on the site. */
function shown(html: string) {
  return readCommentPage(html, POST).comments.map((comment) => ({
    id: Number(/#comment-(\d+)$/.exec(comment.uniqueId)![1]),
    parent: comment.parentUniqueId === null ? null : Number(/#comment-(\d+)$/.exec(comment.parentUniqueId)![1]),
    author: comment.author,
    authorUrl: comment.authorUrl,
    date: comment.publishedAt === null ? null : new Date(comment.publishedAt).toISOString(),
    text: htmlToText(comment.html),
  }));
}

/** WordPress's html5 walker, comments as list items; `kind` is what comment_class writes first. */
function html5Comment(id: number, kind: 'comment' | 'pingback' | 'trackback', author: string, text: string): string {
  return `<li id="comment-${id}" class="${kind} even thread-even depth-1">
<article id="div-comment-${id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="${POST}#comment-${id}"><time datetime="2024-03-11T09:0${id % 10}:00+00:00">March 11, 2024 at 9:0${id % 10} am</time></a></div></footer>
<div class="comment-content"><p>${text}</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond">Reply</a></div>
</article></li>`;
}

describe('pingbacks and trackbacks on the page', () => {
  it('are left out however fully the theme writes them, as the REST API leaves them out', () => {
    const html = page(`<ol class="comment-list">
${html5Comment(501, 'comment', 'Wren Calloway', 'I will bring runner beans.')}
${html5Comment(502, 'pingback', 'Grow Your Own Weekly &#8211; Links', '[&#8230;] a seed swap by the river this Saturday [&#8230;]')}
${html5Comment(503, 'trackback', 'Plot Notes', 'Seed swaps near you')}
${html5Comment(504, 'comment', 'Dev Oyelaran', 'Is there parking by the gate?')}
</ol>`);
    expect(shown(html).map(({ author, text }) => [author, text])).toEqual([
      ['Wren Calloway', 'I will bring runner beans.'],
      ['Dev Oyelaran', 'Is there parking by the gate?'],
    ]);
  });

  it("are left out of Twenty Twenty-Four's block template, which gives them an author and a text", () => {
    const block = (id: number, kind: string, author: string, text: string) => `<li id="comment-${id}" class="${kind} odd alt thread-odd depth-1">
<div class="wp-block-group is-layout-flow"><div class="wp-block-group is-nowrap is-layout-flex"><div class="wp-block-group is-layout-flow">
<div class="wp-block-comment-author-name has-small-font-size">${author}</div>
<div class="wp-block-comment-date has-small-font-size"><time datetime="2024-03-11T10:00:00+00:00"><a href="${POST}#comment-${id}">March 11, 2024 at 10:00 am</a></time></div>
</div></div><div class="wp-block-comment-content"><p>${text}</p></div></div></li>`;
    const html = page(`<ol class="wp-block-comment-template">${block(601, 'pingback', '<a rel="external nofollow ugc" href="https://gardenlinks.example/week-11/">Garden links, week 11</a>', '[&hellip;] seed swap [&hellip;]')}${block(602, 'comment', 'Ines Harrow', 'See you there!')}</ol>`);
    expect(shown(html).map(({ id, author }) => [id, author])).toEqual([[602, 'Ines Harrow']]);
  });
});

/** WordPress's walker with style 'div' (Twenty Twenty): no list, replies in div.children. */
function divComment(id: number, depth: number, author: string, text: string, replies = ''): string {
  return `<div id="comment-${id}" class="comment ${depth % 2 ? 'even' : 'odd alt'} depth-${depth}${replies ? ' parent' : ''}">
<article id="div-comment-${id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard">${author}<span class="screen-reader-text says">says:</span></div>
<div class="comment-metadata"><a href="${POST}#comment-${id}"><time datetime="2024-03-11T1${depth}:15:00+00:00" title="March 11, 2024 at 1${depth}:15">March 11, 2024 at 1${depth}:15</time></a></div>
</footer>
<div class="comment-content entry-content"><p>${text}</p></div>
<footer class="comment-footer-meta"><span class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond">Reply</a></span></footer>
</article>
${replies ? `<div class="children">${replies}</div>` : ''}
</div><!-- #comment-## -->`;
}

describe('comments written as divs (Twenty Twenty, Soledad)', () => {
  const thread = page(`<div class="comments-header section-inner small max-percentage"><h2 class="comment-reply-title">3 replies on &ldquo;Seed swap on Saturday&rdquo;</h2></div>
<div class="comments-inner section-inner thin max-percentage">
${divComment(701, 1, '<span class="fn">Maud Pellow</span>', 'Any tomato seeds this year?',
  divComment(702, 2, '<a href="https://tomatoes.example/" rel="external nofollow" class="url"><span class="fn">Kofi Mensah</span></a>', 'Three kinds, all saved from last summer.',
    divComment(703, 3, '<span class="fn">Maud Pellow</span>', 'Wonderful, I will bring a tin for them.')))}
${divComment(704, 1, '<span class="fn">Rhys Talbot</span>', 'Can I swap cuttings too?')}
</div>`);

  it('are read with their replies under them, and the page is taken as the thread’s source', () => {
    expect(shown(thread)).toEqual([
      { id: 701, parent: null, author: 'Maud Pellow', authorUrl: null, date: '2024-03-11T11:15:00.000Z', text: 'Any tomato seeds this year?' },
      { id: 702, parent: 701, author: 'Kofi Mensah', authorUrl: 'https://tomatoes.example/', date: '2024-03-11T12:15:00.000Z', text: 'Three kinds, all saved from last summer.' },
      { id: 703, parent: 702, author: 'Maud Pellow', authorUrl: null, date: '2024-03-11T13:15:00.000Z', text: 'Wonderful, I will bring a tin for them.' },
      { id: 704, parent: null, author: 'Rhys Talbot', authorUrl: null, date: '2024-03-11T11:15:00.000Z', text: 'Can I swap cuttings too?' },
    ]);
    expect(discoverCommentThread(thread, POST)).toEqual({ url: POST, kind: 'wordpress-page' });
  });

  it('are each read once where a theme writes a div.comment inside its list item', () => {
    const item = (id: number, text: string, replies = '') => `<li class="comment depth-1" id="li-comment-${id}">
<div id="comment-${id}" class="comment comment-wrap"><div class="comment-author vcard"><cite class="fn">Pat Orme</cite></div>
<div class="comment-content"><p>${text}</p></div></div>${replies ? `<ul class="children">${replies}</ul>` : ''}</li>`;
    const html = page(`<ol class="commentlist">${item(801, 'First!', item(802, 'Second, in reply.'))}</ol>`);
    expect(shown(html).map(({ id, parent, text }) => [id, parent, text])).toEqual([
      [801, null, 'First!'],
      [802, 801, 'Second, in reply.'],
    ]);
  });
});

describe("Blocksy's comment list", () => {
  // Blocksy's own callback: <ol class="ct-comment-list">, the author in h4.ct-comment-author (the
  // author's link or bare name), the date as "%1$s / %2$s", the text in div.ct-comment-content,
  // which also holds its moderation notice; replies in the walker's ol.children.
  const blocksy = (id: number, author: string, when: string, text: string, replies = '', held = false) => `<li id="comment-${id}" class="comment even thread-even depth-1 ct-has-avatar">
<article class="ct-comment-inner" id="ct-comment-inner-${id}">
<footer class="ct-comment-meta">
<figure class="ct-media-container"><img width="100" height="100" src="https://secure.gravatar.example/avatar/${id}?s=100" alt="" loading="lazy"></figure>
<h4 class="ct-comment-author">
${author}
</h4>
<div class="ct-comment-meta-data">
<a href="${POST}#comment-${id}">
${when}</a>
<a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond" data-commentid="${id}" data-postid="377" data-belowelement="ct-comment-inner-${id}" data-respondelement="respond" aria-label="Reply to ${author}">Reply</a>
</div>
</footer>
<div class="ct-comment-content entry-content">
<p>${text}</p>
${held ? '<em class="ct-awaiting-moderation">Your comment is awaiting moderation.</em>' : ''}
</div>
</article>
${replies ? `<ol class="children">${replies}</ol>` : ''}</li>`;

  it('is read whole: who wrote each comment, when, under which comment, and its words alone', () => {
    const html = page(`<div class="ct-comments" id="comments"><h3 class="ct-comments-title">3 Comments</h3>
<ol class="ct-comment-list">
${blocksy(981, '<a href="https://marrowfield.example/" class="url" rel="ugc external nofollow">Ines Duarte</a>', 'March 11, 2024 / 8:40 am', 'Is the shed open if it rains?',
  blocksy(982, 'Tom Everett', 'March 11, 2024 / 9:05 am', 'It is, the kettle too.'))}
${blocksy(983, 'Priya Nair', 'March 12, 2024 / 7:15 pm', 'I can bring chard seedlings.', '', true)}
</ol></div>`);
    expect(shown(html)).toEqual([
      { id: 981, parent: null, author: 'Ines Duarte', authorUrl: 'https://marrowfield.example/', date: '2024-03-11T08:40:00.000Z', text: 'Is the shed open if it rains?' },
      { id: 982, parent: 981, author: 'Tom Everett', authorUrl: null, date: '2024-03-11T09:05:00.000Z', text: 'It is, the kettle too.' },
      { id: 983, parent: null, author: 'Priya Nair', authorUrl: null, date: '2024-03-12T19:15:00.000Z', text: 'I can bring chard seedlings.' },
    ]);
    expect(discoverCommentThread(html, POST)).toEqual({ url: POST, kind: 'wordpress-page' });
  });
});

describe("Avada's comment list", () => {
  it('is read whole: the name in the strong of div.comment-author, the date beside it, the text in div.comment-text', () => {
    // Avada's callback: no vcard name, no permalink; the date printed bare after the name (a stray
    // </a> after it, which parsers drop), then the edit and reply links.
    const avada = (id: number, author: string, when: string, text: string, replies = '') => `<li class="comment even thread-even depth-1" id="comment-${id}">
<div class="the-comment">
<div class="avatar"><img alt="" src="https://secure.gravatar.example/avatar/${id}?s=54" class="avatar avatar-54 photo" height="54" width="54"></div>
<div class="comment-box">
<div class="comment-author meta">
<strong>${author}</strong>
${when}</a><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond" aria-label="Reply to this comment"> - Reply</a>
</div>
<div class="comment-text">
<p>${text}</p>
</div>
</div>
</div>
${replies ? `<ul class="children">${replies}</ul>` : ''}</li>`;
    const html = page(`<div id="comments" class="comments-container"><h2>2 Comments</h2><ol class="commentlist">
${avada(991, '<a href="https://beanrows.example/" class="url" rel="ugc external nofollow">Femi Adeyemi</a>', 'March 11, 2024 at 8:40 am', 'Will the shed have labels?',
  avada(992, 'Carys Lloyd', 'March 11, 2024 at 10:02 am', 'Bring a pencil, we have plenty of tags.'))}
</ol></div>`);
    expect(shown(html)).toEqual([
      { id: 991, parent: null, author: 'Femi Adeyemi', authorUrl: 'https://beanrows.example/', date: '2024-03-11T08:40:00.000Z', text: 'Will the shed have labels?' },
      { id: 992, parent: 991, author: 'Carys Lloyd', authorUrl: null, date: '2024-03-11T10:02:00.000Z', text: 'Bring a pencil, we have plenty of tags.' },
    ]);
  });
});

describe('the author, where the theme writes no vcard name', () => {
  it("is read from Genesis' schema.org markup, with the author's address", () => {
    const genesis = (id: number, name: string) => `<li class="comment even depth-1" id="comment-${id}">
<article id="article-comment-${id}" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
<header class="comment-header"><p class="comment-author" itemprop="author" itemscope itemtype="https://schema.org/Person">
<img alt="" src="https://secure.gravatar.example/avatar/${id}?s=48" class="avatar avatar-48 photo" height="48" width="48"><span itemprop="name">${name}</span> <span class="says">says</span></p>
<p class="comment-meta"><time class="comment-time" datetime="2024-03-11T08:40:00+00:00" itemprop="datePublished"><a class="comment-time-link" href="${POST}#comment-${id}" itemprop="url">March 11, 2024 at 8:40 am</a></time></p></header>
<div class="comment-content" itemprop="text"><p>Count me in.</p></div>
</article></li>`;
    const html = page(`<ol class="comment-list">${genesis(901, '<a href="https://hedgerow.example/" class="comment-author-link" rel="external nofollow" itemprop="url">Tamsin Hale</a>')}${genesis(902, 'Olu Adebayo')}</ol>`);
    expect(shown(html).map(({ author, authorUrl }) => [author, authorUrl])).toEqual([
      ['Tamsin Hale', 'https://hedgerow.example/'],
      ['Olu Adebayo', null],
    ]);
  });

  it("is read from tagDiv Newspaper's bare <cite>, not from a <cite> the commenter wrote in the text", () => {
    const newspaper = (id: number, cite: string, text: string) => `<li class="comment odd alt depth-1" id="comment-${id}">
<article><footer>
<img alt="" src="https://secure.gravatar.example/avatar/${id}?s=50" class="avatar avatar-50 photo" height="50" width="50">
${cite}
<a class="comment-link" href="#comment-${id}"><time pubdate="1710146400">March 11, 2024 At 8:40 am</time></a>
</footer>
<div class="comment-content">${text}</div>
<div class="comment-meta" id="comment-${id}"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond">Reply</a></div>
</article></li>`;
    const html = page(`<ul class="comment-list">
${newspaper(911, '<cite><a href="https://pumpkinpatch.example/" class="url" rel="ugc external nofollow">Bea Lindgren</a></cite>', '<p>Lovely idea.</p>')}
${newspaper(912, '<cite>Hamid Rezaei</cite>', '<blockquote><p>Sow thinly.</p><cite>My grandmother</cite></blockquote><p>Still true.</p>')}
</ul>`);
    expect(shown(html).map(({ author, authorUrl, date }) => [author, authorUrl, date])).toEqual([
      ['Bea Lindgren', 'https://pumpkinpatch.example/', '2024-03-11T08:40:00.000Z'],
      ['Hamid Rezaei', null, '2024-03-11T08:40:00.000Z'],
    ]);
  });

  it("is the author's link when the theme prints it alone", () => {
    const html = page(`<ol class="comment-list"><li id="comment-921" class="comment depth-1"><div class="comment-body">
<div class="comment-author"><a href="https://beekeeping.example/" class="url" rel="ugc external nofollow">Sunniva Dahl</a></div>
<div class="comment-content"><p>Thanks for <a href="https://seeds.example/list" rel="nofollow ugc">the list</a>.</p></div></div></li></ol>`);
    expect(shown(html)).toMatchObject([{ author: 'Sunniva Dahl', authorUrl: 'https://beekeeping.example/', text: 'Thanks for the list.' }]);
  });
});

describe('a date the page shows only as text', () => {
  it("is read from OceanWP's span.comment-date", () => {
    const html = page(`<ol class="comment-list"><li id="comment-931" class="comment even depth-1"><article id="comment-931" class="comment-container">
<div class="comment-body"><div class="comment-meta"><strong class="comment-author vcard"><span class="fn">Ada Ferreira</span></strong>
<span class="comment-date">March 11, 2024 at 2:05 pm</span></div>
<div class="comment-entry"><div class="comment-content"><p>Will there be cake?</p></div></div></div></article></li></ol>`);
    expect(shown(html)).toMatchObject([{ author: 'Ada Ferreira', date: '2024-03-11T14:05:00.000Z' }]);
  });

  it('is read day first with a 24-hour time (a British site), and without a time as that day’s midnight', () => {
    // WordPress's walker without html5: the date is the permalink's text, in the site's own formats.
    const older = (id: number, when: string) => `<li class="comment even depth-1" id="comment-${id}"><div id="div-comment-${id}" class="comment-body">
<div class="comment-author vcard"><cite class="fn">Gwen Price</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="${POST}#comment-${id}">${when}</a></div>
<p>Noted, thank you.</p>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond">Reply</a></div></div></li>`;
    const html = page(`<ol class="commentlist">${older(941, '4 March 2024 at 10:15')}${older(942, '4 March 2024 at 21:40')}${older(943, 'March 11, 2024')}${older(944, '12 Mar 2024')}</ol>`);
    expect(shown(html).map(({ date }) => date)).toEqual(['2024-03-04T10:15:00.000Z', '2024-03-04T21:40:00.000Z', '2024-03-11T00:00:00.000Z', '2024-03-12T00:00:00.000Z']);
  });
});

describe("a date the page shows only as text, in the site's own language", () => {
  it("is read from Divi's span.comment_date on a German site and OceanWP's on a French one, the months' names as their language writes them", () => {
    // Divi's callback: the name in span.fn, the date as "am %1$s um %2$s" in the site's language.
    const divi = (id: number, when: string) => `<li class="comment even thread-even depth-1" id="li-comment-${id}">
<article id="comment-${id}" class="comment-body clearfix"><div class="comment_avatar"><img alt="" src="https://secure.gravatar.example/avatar/${id}?s=80" class="avatar avatar-80 photo" height="80" width="80"></div>
<div class="comment_postinfo"><span class="fn">Jonas Weber</span><span class="comment_date">${when}</span></div>
<div class="comment_area"><div class="comment-content clearfix"><p>Ich bringe Bohnen mit.</p>
<span class="reply-container"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=${id}#respond">Antworten</a></span></div></div></article></li>`;
    const german = page(`<ol class="commentlist clearfix">${divi(951, 'am 11. März 2024 um 8:40')}${divi(952, 'am 2. Mai 2024 um 21:15')}</ol>`, 'de-DE');
    expect(shown(german).map(({ date, text }) => [date, text])).toEqual([
      ['2024-03-11T08:40:00.000Z', 'Ich bringe Bohnen mit.'],
      ['2024-05-02T21:15:00.000Z', 'Ich bringe Bohnen mit.'],
    ]);
    const oceanwp = (id: number, when: string) => `<li id="comment-${id}" class="comment even depth-1"><article id="comment-${id}" class="comment-container">
<div class="comment-body"><div class="comment-meta"><strong class="comment-author vcard"><span class="fn">Léa Martin</span></strong>
<span class="comment-date">${when}</span></div>
<div class="comment-entry"><div class="comment-content"><p>J’apporte des courges.</p></div></div></div></article></li>`;
    const french = page(`<ol class="comment-list">${oceanwp(961, '11 mars 2024 à 8 h 40 min')}${oceanwp(962, '1 février 2024 à 14h05')}</ol>`, 'fr-FR');
    expect(shown(french).map(({ date }) => date)).toEqual(['2024-03-11T08:40:00.000Z', '2024-02-01T14:05:00.000Z']);
  });

  it("is read from the older walker's permalink in Spanish, Polish (the month declined after its day) and Dutch", () => {
    const older = (id: number, when: string) => `<li class="comment even depth-1" id="comment-${id}"><div id="div-comment-${id}" class="comment-body">
<div class="comment-author vcard"><cite class="fn">Ana Ruiz</cite> <span class="says">dice:</span></div>
<div class="comment-meta commentmetadata"><a href="${POST}#comment-${id}">${when}</a></div>
<p>De acuerdo.</p></div></li>`;
    const dated = (lang: string, when: string) => shown(page(`<ol class="commentlist">${older(971, when)}</ol>`, lang))[0]!.date;
    expect(dated('es-ES', '11 de marzo de 2024 a las 8:40')).toBe('2024-03-11T08:40:00.000Z');
    expect(dated('pl-PL', '11 marca 2024 o 08:40')).toBe('2024-03-11T08:40:00.000Z');
    expect(dated('nl-NL', '11 maart 2024 om 20:40')).toBe('2024-03-11T20:40:00.000Z');
    // Not a day of that month: not read, rather than read wrong.
    expect(dated('fr-FR', '31 février 2024 à 8 h 40 min')).toBeNull();
  });

  it('is read in Japanese, Chinese and Korean, the month a number followed by its unit, the half of the day before or after the time', () => {
    const older = (id: number, when: string) => `<li class="comment even depth-1" id="comment-${id}"><div id="div-comment-${id}" class="comment-body">
<div class="comment-author vcard"><cite class="fn">さくら</cite> <span class="says">より:</span></div>
<div class="comment-meta commentmetadata"><a href="${POST}#comment-${id}">${when}</a></div>
<p>私も同じレンズを持っています。</p></div></li>`;
    const dated = (lang: string, when: string) => shown(page(`<ol class="commentlist">${older(981, when)}</ol>`, lang))[0]!.date;
    expect(dated('ja', '2024年3月11日 8:40 PM')).toBe('2024-03-11T20:40:00.000Z');
    expect(dated('ja', '2024年3月11日 午前8:40')).toBe('2024-03-11T08:40:00.000Z');
    expect(dated('ja', '2024年3月11日 20時40分')).toBe('2024-03-11T20:40:00.000Z');
    expect(dated('zh-CN', '2024年3月11日 下午8:40')).toBe('2024-03-11T20:40:00.000Z');
    expect(dated('ko-KR', '2024년 3월 11일 오후 8:40')).toBe('2024-03-11T20:40:00.000Z');
    // Without its time, that day's midnight; not a day of that month, not read.
    expect(dated('ja', '2024年3月11日')).toBe('2024-03-11T00:00:00.000Z');
    expect(dated('ja', '2024年2月30日 8:40 AM')).toBeNull();
  });
});

describe("a comment's text", () => {
  it("leaves out the author block Sahifa puts inside .comment-content", () => {
    const html = page(`<ol class="commentlist"><li class="comment even depth-1" id="li-comment-951">
<div id="comment-951" class="comment-wrap"><div class="comment-avatar"><img alt="" src="https://secure.gravatar.example/avatar/951?s=65" class="avatar avatar-65 photo" height="65" width="65"></div>
<div class="comment-content"><div class="author-comment"><cite class="fn"><a href="https://compostcorner.example/" class="url" rel="ugc external nofollow">Ned Ashby</a></cite>
<div class="comment-meta commentmetadata"><a href="${POST}#comment-951">March 11, 2024 at 4:30 pm</a></div><div class="clear"></div></div>
<p>I have too many squash seeds, happy to share.</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=951#respond">Reply</a></div></div></li></ol>`);
    expect(shown(html)).toEqual([
      { id: 951, parent: null, author: 'Ned Ashby', authorUrl: 'https://compostcorner.example/', date: '2024-03-11T16:30:00.000Z', text: 'I have too many squash seeds, happy to share.' },
    ]);
  });

  it('leaves out the notice that it awaits moderation, as Genesis, the older walker and block themes write it', () => {
    // What the commenter sees on the page WordPress sends them back to (?unapproved=N): their
    // comment, with a notice the site adds for them alone, inside or beside the text.
    const genesis = `<li class="comment even thread-even depth-1" id="comment-971">
<article id="article-comment-971" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
<header class="comment-header"><p class="comment-author" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Priya Natarajan</span> <span class="says">says</span></p>
<p class="comment-meta"><time class="comment-time" datetime="2024-03-11T18:20:00+00:00" itemprop="datePublished"><a class="comment-time-link" href="${POST}#comment-971" itemprop="url">March 11, 2024 at 6:20 pm</a></time></p></header>
<div class="comment-content" itemprop="text">
<p class="alert">Your comment is awaiting moderation. This is a preview; your comment will be visible after it has been approved.</p>
<p>Could someone bring a spare trowel? Mine snapped.</p>
</div>
<div class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=971#respond">Reply</a></div>
</article></li>`;
    const olderWalker = `<li class="comment odd alt thread-odd depth-1" id="comment-972"><div id="div-comment-972" class="comment-body">
<div class="comment-author vcard"><cite class="fn">Ewan Doyle</cite> <span class="says">says:</span></div>
<em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em><br />
<div class="comment-meta commentmetadata"><a href="${POST}#comment-972">March 11, 2024 at 7:05 pm</a></div>
<p>I can lend one.</p>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${POST}?replytocom=972#respond">Reply</a></div></div></li>`;
    const block = `<li id="comment-973" class="comment even thread-even depth-1"><div class="wp-block-group is-layout-flow">
<div class="wp-block-comment-author-name has-small-font-size">Noor Haddad</div>
<div class="wp-block-comment-date has-small-font-size"><time datetime="2024-03-11T19:30:00+00:00"><a href="${POST}#comment-973">March 11, 2024 at 7:30 pm</a></time></div>
<div class="wp-block-comment-content"><p><em class="comment-awaiting-moderation">Your comment is awaiting moderation.</em></p><p>Thanks both!</p></div></div></li>`;
    const html = page(`<ol class="comment-list">${genesis}${olderWalker}${block}</ol>`);
    expect(shown(html).map(({ author, text }) => [author, text])).toEqual([
      ['Priya Natarajan', 'Could someone bring a spare trowel? Mine snapped.'],
      ['Ewan Doyle', 'I can lend one.'],
      ['Noor Haddad', 'Thanks both!'],
    ]);
    // Nor is an empty paragraph left where the notice was.
    expect(readCommentPage(html, POST).comments.map((comment) => comment.html)).toEqual([
      '<p>Could someone bring a spare trowel? Mine snapped.</p>',
      '<p>I can lend one.</p>',
      '<p>Thanks both!</p>',
    ]);
  });

  it("leaves out WordPress.com's Like button and its count", () => {
    const html = page(`<ol class="comment-list">${html5Comment(961, 'comment', 'Lin Oduya', 'See you at ten.').replace(
      '</p></div>',
      `</p>
<p id="comment-like-961" data-liked="comment-not-liked" class="comment-likes comment-not-liked"><a href="${POST}?like_comment=961&#038;_wpnonce=3f9a1c" class="comment-like-link needs-login" rel="nofollow" data-blog="20413377"><span>Like</span></a><span id="comment-like-count-961" class="comment-like-feedback">Liked by 2 people</span></p>
</div>`,
    )}</ol>`);
    expect(shown(html)).toMatchObject([{ author: 'Lin Oduya', text: 'See you at ten.' }]);
  });
});
