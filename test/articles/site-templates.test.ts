// What news sites' templates put around a story, and what the reader keeps of it, on the corpus's
// pages in their markup: the box about the post's author with its Gravatar (tagDiv's Newspaper,
// OceanWP, Soledad, Newspack), a masthead whose logo is an <h1> (JNews), a standfirst named in
// data-qa (Arc XP), a photo under the standfirst (Al Jazeera), a page whose root is named after its
// layout (Avada), a subtitle set as an unnamed heading under the title (Hashnode). Through
// prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages } from '../support/corpus-pages';

const pages = new Map(corpusPages().map((page) => [page.name, page]));

function stored(name: string) {
  const page = pages.get(name)!;
  return prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
}

describe("the box about the post's author", () => {
  it('is left out with its Gravatar, as each of four themes writes it; the story around it stays', () => {
    const boxes: Record<string, string> = {
      'wp-newspaper-ferry': 'Transport correspondent covering ferries, buses and the islands since 2011.',
      'wp-oceanwp-tapestry': "Anders writes about the museum's collections.",
      'wp-soledad-seeds': 'Ingrid grows too many beans and writes about the village allotments.',
      'wp-newspack-harbour': 'Kwame covers the harbour and the island economy for the Ledger.',
    };
    for (const [name, bio] of Object.entries(boxes)) {
      const article = stored(name);
      expect(article.source).toBe('page');
      expect(article.text).not.toContain(bio);
      expect(article.html).not.toContain('gravatar.com');
      // The story's last paragraph, which the box follows.
      const lastLine = pages.get(name)!.expected.trim().split('\n').at(-1)!;
      expect(article.text).toContain(lastLine.slice(0, 60));
    }
  });
});

describe("a masthead whose logo is an <h1> (JNews, many older themes)", () => {
  it("is no headline: the standfirst under the post's own <h1> is kept", () => {
    const article = stored('wp-jnews-school');
    expect(article.text.startsWith('Governors will draw up a new map over the summer, and the old boundaries stay in force for September.')).toBe(true);
  });
});

describe('an Arc XP page (the Washington Post) whose standfirst is named in data-qa', () => {
  it('keeps the subheadline above the story', () => {
    expect(stored('arcxp-metro').text.startsWith('The six-month pilot adds 11 routes that run every 20 minutes between midnight and 5 a.m.')).toBe(true);
  });
});

describe('a page that sets its photo under the standfirst (Al Jazeera)', () => {
  it('keeps that order: the standfirst the text opens with, then the photo and its caption, then the story', () => {
    const text = stored('aljazeera-mekong').text;
    const standfirst = text.indexOf('Drought and rising seas are pushing saltwater further up');
    const caption = text.indexOf('A farmer checks rice seedlings in a field in Ben Tre province');
    expect(standfirst).toBe(0);
    expect(caption).toBeGreaterThan(standfirst);
    expect(text.indexOf('Ben Tre, Vietnam – Nguyen Van Tam')).toBeGreaterThan(caption);
  });
});

describe('a picture and its caption in a block of their own beside the text', () => {
  it("TYPO3's news detail (tx_news: a lightbox link to the large picture, then p.news-img-caption) keeps both, between the teaser and the text", () => {
    const article = stored('typo3-faehre');
    expect(article.imageUrls).toEqual(['https://www.stadtwerke-beispiel.example/fileadmin/_processed_/7/3/csm_faehre_1f2e3d4c5b.jpg']);
    expect(article.text).toContain('Sommerfahrplan vorgestellt.\nDie Fähre am Anleger Altstadt.\nNach der Winterpause');
  });

  it("a photo above the story's body: a <figure> before it (a news site), tagDiv's featured image block (Newspaper)", () => {
    expect(stored('news-factbox').text).toContain('Exposed banks at Lake Carrawong last week. Picture by Sam Odell');
    expect(stored('wp-newspaper-ferry').text).toContain('Passengers waiting at the terminal on Monday.');
  });
});

describe('a page of the Avada theme, whose <html> is named after its layout ("avada-html-header-position-top")', () => {
  it('is read whole, as any other theme\'s: the story from its first line to its last, its lead photo, and not its headline twice', () => {
    const article = stored('wp-avada-brewery');
    const lines = pages.get('wp-avada-brewery')!.expected.trim().split('\n');
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
    expect(article.text.startsWith(lines[0]!)).toBe(true);
    expect(article.text.endsWith(lines.at(-1)!)).toBe(true);
    expect(article.text).not.toContain('Harbourside Brewing gets the green light');
    expect(article.imageUrls[0]).toBe('https://eastbaybusinessjournal.example/wp-content/uploads/2024/03/net-loft-brewery.jpg');
  });
});

describe("a blogging platform's subtitle, an unnamed heading under the title (Hashnode)", () => {
  it.each([
    ['hashnode-post', '1.6 million rows, four seconds to a page, and a weekend lost to a lock'],
    ['hashnode-subtitle', 'Two years of blaming the scheduler for a bug that was in our own date arithmetic'],
  ])('%s: the text opens with it', (name, subtitle) => {
    expect(stored(name).text.startsWith(`${subtitle}\n`)).toBe(true);
  });

  it("is not the post's own title under a site name set as the <h1>", () => {
    const title = 'The allotment committee agrees a new water rota';
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the committee met on Tuesday and agreed that plot holders will share the standpipe by day of the week.</p>`).join('');
    const html = `<!DOCTYPE html><html><head><title>${title} | Plot 9 Notes</title></head><body><div id="wrap"><h1 class="blog-name">Plot 9 Notes</h1><div class="post"><h2 class="post-title">${title}</h2><div class="post-body">${paragraphs}</div></div></div></body></html>`;
    const url = 'https://plot9.example/2024/03/water-rota.html';
    const text = prepareArticle({ pageHtml: html, pageUrl: url, feedHtml: null, feedItemUrl: url }).text;
    expect(text).toContain('Paragraph 1 of the story');
    expect(text).not.toContain(title);
  });
});
