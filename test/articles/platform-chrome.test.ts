// What blogging platforms put inside the post besides the author's text, left out: Medium's
// "Member-only story" badge and its byline bar (avatar, "Follow", "11 min read", claps, "Listen",
// "Share"), Substack's buttons to share the post, subscribe and comment. Through prepareArticle,
// the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages } from '../support/corpus-pages';
import { fixtureText } from '../support/fixtures';

function stored(file: string, pageUrl: string) {
  return prepareArticle({ pageHtml: fixtureText(file), pageUrl, feedHtml: null, feedItemUrl: pageUrl });
}

describe('a Medium member-only story', () => {
  const article = stored('articles/medium-member-story.html', 'https://medium.com/@ana.lindqvist/nine-thousand-concrete-names-4b2c91e0a7f3');

  it('starts with its subtitle and its picture, without the badge and the byline bar', () => {
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^A summer at the yard that casts the blocks of the new breakwater\s+The casting yard at dawn\. Photo by the author\.\s+The first thing you notice/);
    for (const chrome of ['Member-only story', 'min read', 'Follow', 'Listen', 'Share', '1.4K', 'Ana Lindqvist']) expect(article.text).not.toContain(chrome);
    expect(article.imageUrls).toEqual(['https://miro.medium.com/v2/resize:fit:1400/format:webp/1*Qm7yard-hero.jpeg']);
  });

  it('keeps all of the text', () => {
    expect(article.text).toContain('long after everyone had forgotten their names.');
  });
});

describe("a Medium member-only story as a reader who is no member gets it (the corpus page medium-member-regwall)", () => {
  const page = corpusPages().find((candidate) => candidate.name === 'medium-member-regwall')!;
  const article = prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });

  it('keeps the free opening, ends where it stops, and says the rest is for subscribers, without the sign-up box', () => {
    expect(page.html).toContain('>The author made this story available to Medium members only.</h2>');
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^A float, a wire, a clockwork drum and fifty years of salt\s+The float and chart drum on my bench/);
    expect(article.text).toMatch(/lag the real tide by twenty minutes or more\.$/);
    for (const wall of ['members only', 'new to Medium', 'continue in mobile web', 'Sign up with Google', 'Already have an account']) expect(article.text).not.toContain(wall);
    expect(article.extractionNote).toBe('the site shows the rest of this article to subscribers only');
  });
});

describe('a Substack post', () => {
  const article = stored('articles/substack-post.html', 'https://tidewater.substack.com/p/the-sand-question');

  it("has no Share, Subscribe or Leave a comment buttons, nor the share button's caption", () => {
    expect(article.source).toBe('page');
    for (const button of ['Share', 'Subscribe now', 'Leave a comment', 'free to read']) expect(article.text).not.toContain(button);
    expect(article.html).not.toContain('action=share');
  });

  it("keeps the author's own button, to a report, and all of the text", () => {
    expect(article.html).toContain('href="https://www.council.example/documents/coastal-sediment-report-2023.pdf"');
    expect(article.text).toContain('Read the 2023 sediment report');
    expect(article.text).toContain('I have spent the week reading the council’s own reports');
    expect(article.text).toContain('surprisingly good data.');
  });
});

describe('a Google Sites page (the corpus page: every heading with its hidden "Copy heading link" button)', () => {
  const page = corpusPages().find((candidate) => candidate.name === 'google-sites-hall')!;
  const article = prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });

  it("reads each heading alone, without its button's tooltip over it, and keeps every line", () => {
    expect(page.html).toContain('>Copy heading link</div>');
    expect(article.text).not.toContain('Copy heading link');
    expect(article.text).toContain('Spring fair\nThe spring fair is on Saturday 20 April');
    expect(article.text).toContain('contact Sue Harker on 01969 650 212 to book.');
  });

  it('keeps a tooltip that no control in the heading names as its description', () => {
    const html = page.html.replace('aria-describedby="', 'data-described="');
    expect(prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url }).text).toContain('Copy heading link');
  });
});
