// A comment thread whose names say nothing of comments: React and Tailwind sites name it with
// hashes and utility classes, others in their own language. Readability and page-cleanup.ts know a
// thread by its names ("comment", #comments, .comment-list); without them the thread read as the
// story's last paragraphs, or, under a short story, as the story. Corpus pages whose themes name
// their thread, with every comment name on the page made a meaningless one, through prepareArticle,
// the sync's own path; the corpus holds pages written so (react-thread-hashed,
// de-kommentare-tailwind, fr-reactions-blog, es-comment-microdata, sr-count-heading) and a letters
// page whose signed, dated letters are the story (letters-reader-thread); and a short notice
// whose theme writes its own comment form, no comments yet (wp-notice-reply-form); and a forum
// topic whose replies are marked as comments beside its opening post (discourse-topic).
import { describe, expect, it } from 'vitest';
import { captureCommentForm, prepareArticle } from '../../electron/core/articles';
import { corpusPages, similarity } from '../support/corpus-pages';

const pages = new Map(corpusPages().map((page) => [page.name, page]));

const COMMENT_WORD = /comment|respond|repl(?:y|ies)|discussion/i;

/** The page with each class and id that says "comment", "respond", "reply" or "discussion" made
 *  a name as a CSS-module build gives (the same name for the same word). */
function withoutCommentNames(html: string): string {
  return html.replace(/(\s(?:class|id)=)(["'])(.*?)\2/g, (_whole, attribute: string, quote: string, value: string) => {
    const names = value.split(/\s+/).map((name) => (COMMENT_WORD.test(name) ? `x${[...name].reduce((sum, letter) => (sum * 31 + letter.charCodeAt(0)) % 46_656, 7).toString(36)}` : name));
    return `${attribute}${quote}${names.join(' ')}${quote}`;
  });
}

/** Also each Reply action an unlabelled icon, and no schema.org Comment microdata: only the
 *  heading that counts the comments, and their dates, say what the list is. */
function withoutCommentLabels(html: string): string {
  return withoutCommentNames(html)
    .replace(/>\s*Reply\s*</g, '>↩<')
    .replace(/\saria-label="Reply to [^"]*"/g, '')
    .replace(/\sitemtype="https:\/\/schema\.org\/Comment"/g, '');
}

function storedText(name: string, html: string): string {
  const page = pages.get(name)!;
  return prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url }).text;
}

describe('a comment thread named for nothing', () => {
  // Each page, with a sentence of one of its comments.
  const cases: [string, string][] = [
    ['wp-generatepress-pool', 'Does anyone know whether the meeting next week is open to the public?'],
    ['wpcom-pear', 'Does anyone know whether the meeting next week is open to the public?'],
    ['devto-build', 'Thanks for writing this up'],
    ['wp-oceanwp-tapestry', 'This has been coming for years and nobody listened until now.'],
    ['divi-ljubljana', 'Is the funicular included in the castle ticket or separate?'],
  ];

  it.each(cases)('%s: the story as with its names, and no comment', (name, comment) => {
    const page = pages.get(name)!;
    expect(page.html).toContain(comment);
    const text = storedText(name, withoutCommentNames(page.html));
    expect(text).not.toContain(comment);
    expect(similarity(text, page.expected)).toBeGreaterThanOrEqual(similarity(storedText(name, page.html), page.expected) - 0.005);
  });
});

describe('a comment thread named for nothing, with no Reply label, under a heading that counts it', () => {
  // Each page's heading, and a sentence of one of its comments.
  const cases: [string, string, string][] = [
    ['wp-generatepress-pool', '5 thoughts on', 'Does anyone know whether the meeting next week is open to the public?'],
    ['devto-build', 'Top comments (3)', 'Thanks for writing this up'],
  ];

  it.each(cases)('%s ("%s"): the story as with its names, and no comment', (name, heading, comment) => {
    const page = pages.get(name)!;
    const html = withoutCommentLabels(page.html);
    expect(html).toContain(heading);
    expect(html).not.toMatch(/>\s*Reply\s*</);
    const text = storedText(name, html);
    expect(text).not.toContain(comment);
    expect(similarity(text, page.expected)).toBeGreaterThanOrEqual(similarity(storedText(name, page.html), page.expected) - 0.005);
  });
});

describe("a WordPress theme's comment thread named for nothing, with no Reply label, its commenters' avatars from Gravatar", () => {
  // Comments closed on an older post (no Reply links), in themes that head the thread with a
  // heading of their own ("2 Comments" as an <h1>, "This Post Has 5 Comments"). Each page's
  // sentence of one of its comments, and a sentence of the story near its end.
  const cases: [string, string][] = [
    ['divi-ljubljana', 'Is the funicular included in the castle ticket or separate?'],
    ['wp-oceanwp-tapestry', 'This has been coming for years and nobody listened until now.'],
  ];

  it.each(cases)('%s: the story as with its names, and no comment', (name, comment) => {
    const page = pages.get(name)!;
    const html = withoutCommentLabels(page.html);
    expect(html).toContain(comment);
    expect(html).not.toMatch(/>\s*Reply\s*<|id="(?:li-|div-)?comment-\d+"/);
    expect(html).toMatch(/gravatar\.com\/avatar\//);
    const text = storedText(name, html);
    expect(text).not.toContain(comment);
    expect(similarity(text, page.expected)).toBeGreaterThanOrEqual(similarity(storedText(name, page.html), page.expected) - 0.005);
  });
});

describe("a theme's own heading that counts the thread, over a list named for nothing, with no Reply label and no avatar", () => {
  const withoutAvatars = (html: string) => withoutCommentLabels(html).replace(/gravatar\.com\/avatar\//g, 'avatars.example/a/');

  it('wp-oceanwp-tapestry ("This Post Has 5 Comments"): the story as with its names, and no comment', () => {
    const page = pages.get('wp-oceanwp-tapestry')!;
    const html = withoutAvatars(page.html);
    expect(html).toContain('This Post Has 5 Comments');
    expect(html).not.toMatch(/gravatar|>\s*Reply\s*</);
    const text = storedText(page.name, html);
    expect(text).not.toContain('This has been coming for years and nobody listened until now.');
    expect(similarity(text, page.expected)).toBeGreaterThanOrEqual(similarity(storedText(page.name, page.html), page.expected) - 0.005);
  });

  it('Divi\'s "2 Comments", an <h1>, over a short post: the post, and no comment', () => {
    const comment = (name: string, date: string, text: string) => `<li class="x1"><div class="x2"><span class="fn">${name}</span> <span class="x3">on ${date}</span></div><div class="x4"><p>${text}</p></div></li>`;
    const html = `<!DOCTYPE html><html lang="en"><head><title>Fog on the castle hill | Slow Travel Notes</title></head><body><div id="page-container"><div id="main-content"><div class="container">
      <div class="et_post_meta_wrapper"><h1 class="entry-title">Fog on the castle hill</h1></div>
      <div class="entry-content"><p>We walked up to the castle at nine and saw nothing but fog; by eleven the whole valley had opened up below us, roofs white with frost.</p></div>
      <section id="x5"><h1 class="page_title">2 Comments</h1><ol class="x6 clearfix">${comment('Greta', 'January 30, 2024 at 9:14 am', 'We went last February and had exactly the same fog, and the same view once it lifted. Worth the wait every time, and the funicular is quicker than the path when it is icy.')}${comment('Tomasz', 'February 2, 2024 at 6:40 pm', 'Is the funicular included in the castle ticket or separate? We are going in March with two children and would rather not queue twice at the bottom and again at the top.')}</ol></section>
      </div></div></div></body></html>`;
    const text = storedText('divi-ljubljana', html);
    expect(text).toContain('We walked up to the castle at nine');
    expect(text).not.toMatch(/2 Comments|exactly the same fog|funicular/);
  });
});

describe('a live blog whose updates, in a list, carry their writers\' avatars from Gravatar', () => {
  it('liveblog-bbc: every update stays', () => {
    const page = pages.get('liveblog-bbc')!;
    const avatar = '<img class="avatar" src="https://secure.gravatar.com/avatar/9c1e4b?s=48&amp;d=mm" alt="" width="48" height="48">';
    const html = page.html.replaceAll('<div class="lx-stream-post__meta gs-o-media__img">', `$&${avatar}`);
    expect(html.split('gravatar.com/avatar/').length - 1).toBeGreaterThanOrEqual(3);
    expect(similarity(storedText(page.name, html), page.expected)).toBeGreaterThanOrEqual(similarity(storedText(page.name, page.html), page.expected) - 0.005);
  });
});

describe("a forum topic's replies, marked as Comments beside its opening post, which is not", () => {
  it('discourse-topic: the opening post stays, whole; no reply is stored with it', () => {
    const page = pages.get('discourse-topic')!;
    expect(page.html).toContain('itemtype=\'http://schema.org/Comment\'');
    const text = storedText(page.name, page.html);
    expect(text).not.toContain('It is the density.');
    expect(text).not.toContain('That was it, thank you.');
    for (const line of page.expected.trim().split('\n')) expect(text).toContain(line);
  });
});

describe('a comment form alone, in a box named for nothing, under a short post', () => {
  const page = pages.get('wp-notice-reply-form')!;

  it('is left out with its heading and notes; the story stays', () => {
    // Only its fields have WordPress's names (#comment, #author): no box of it is named.
    expect(page.html).not.toMatch(/id="(?:comments|respond|commentform)"|comment-(?:respond|form|list)|comments-area/);
    const text = storedText(page.name, page.html);
    expect(text).not.toMatch(/Leave a Reply|will not be published|Website|Save my name|Comment \*/);
    for (const line of page.expected.trim().split('\n')) expect(text).toContain(line);
  });

  it('is still read for the reader\'s composer, from the page as served', () => {
    expect(captureCommentForm(page.html, page.url)).toMatchObject({ kind: 'wordpress', fields: ['comment', 'author', 'email', 'url'] });
  });
});
