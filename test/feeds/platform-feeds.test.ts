// The feeds of blog and newsletter platforms as people subscribe to them, read as the reader shows
// them: the stored item (title, author, date, picture, the list's snippet, the text search reads)
// and its body as sanitized for the page, without what the platform writes into every post
// (subscribe boxes, share and like buttons, signup forms, "Powered by", hidden preview text, the
// feed service's buttons) and with what the author put there (pictures and their captions,
// galleries, footnotes, link cards, the author's own buttons).
import { describe, expect, it } from 'vitest';
import { htmlToPlainText, sanitizeFeedItem } from '../../electron/core/articles';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';

async function itemsOf(file: string, feedUrl: string) {
  const feed = await ingestFeed(fixtureText(`feeds/platforms/${file}`), feedUrl, 1);
  return feed.items.map((item) => {
    const shown = sanitizeFeedItem(item.feedHtml, item.feedBase!);
    return { item, shown, text: htmlToPlainText(shown) };
  });
}

async function firstItemOf(file: string, feedUrl: string) {
  return (await itemsOf(file, feedUrl))[0]!;
}

describe('a Substack post', async () => {
  const { item, shown, text } = await firstItemOf('substack.xml', 'https://tidewater.substack.com/feed');

  it('is stored with its title, author, date, picture and its own summary as the snippet', () => {
    expect(item.title).toBe('Where the dunes went');
    expect(item.author).toBe('Marit Olsen');
    expect(item.publishedAt).toBe(Date.parse('2024-05-14T07:01:54Z'));
    expect(item.imageUrl).toBe('https://substack-post-media.s3.amazonaws.com/public/images/8c3f2b10-dunes_2048x1365.jpeg');
    expect(item.snippet).toBe('A winter of storms moved more sand than the last ten years together. Here is where it ended up.');
  });

  it('shows no subscribe box, nor the buttons to share (with their caption), subscribe and comment, and search does not read them', () => {
    for (const said of [text, item.feedText]) {
      for (const furniture of ['Thanks for reading Tidewater Notes', 'Subscribe for free', 'Subscribe now', 'Share', 'free to pass it on', 'Leave a comment']) expect(said).not.toContain(furniture);
    }
    expect(shown).not.toContain('action=share');
    expect(shown).not.toContain('/subscribe');
  });

  it("keeps the author's own button, the picture with its caption, and the footnote with its links, its number raised", () => {
    expect(shown).toContain('<a href="https://www.council.example/agenda/2024-05-20.pdf" rel="noopener noreferrer"><span>Read the meeting agenda</span></a>');
    expect(shown).toMatch(/<figure>.*<img data-original-src="https:\/\/substackcdn\.com\/image\/fetch\/w_1456,[^"]*8c3f2b10-dunes_2048x1365\.jpeg".*<figcaption>The outer bar at low water, two days after the February storm\.<\/figcaption><\/figure>/);
    // The number raised, as the page's style sets it: not "length1.".
    expect(shown).toContain('along its whole length<sup><a href="#pb-footnote-1" rel="noopener noreferrer" id="pb-footnote-anchor-1">1</a></sup>.');
    expect(shown).toContain('<a href="#pb-footnote-anchor-1" rel="noopener noreferrer" id="pb-footnote-1">1</a>');
    expect(text).toContain('Measured at mean low water, against the 2019 baseline survey.');
  });
});

describe('a Medium post', async () => {
  const [long, short] = await itemsOf('medium.xml', 'https://medium.com/feed/@ana.lindqvist');

  it('is stored with its title, author, date and tags', () => {
    expect(long!.item.title).toBe('Nine thousand concrete names');
    expect(long!.item.author).toBe('Ana Lindqvist');
    expect(long!.item.publishedAt).toBe(Date.parse('2024-06-10T09:13:41Z'));
    expect(long!.item.categories).toEqual(['engineering', 'infrastructure', 'coastal-engineering']);
  });

  it('shows its pictures with their captions, and not the counter pixel', () => {
    expect(long!.shown).toContain('<figure><img data-original-src="https://cdn-images-1.medium.com/max/1024/1*Qm7yard-hero.jpeg" alt="" /><figcaption>The casting yard at dawn. Photo by the author.</figcaption></figure>');
    expect(long!.shown).toContain('<figcaption>Blocks 4,100 to 4,160, waiting for the barge.</figcaption>');
    expect(long!.shown).not.toContain('/_/stat');
  });

  it('keeps each embed (a gist, a video) as a link to it, where the feed writes an empty frame', () => {
    expect(long!.shown).toContain('which he let me copy:</p><a href="https://medium.com/media/3e8f1c0a2b9d7e6f5a4c3b2a1f0e9d8c/href" rel="noopener noreferrer">Embed: medium.com</a>');
  });

  it("has a snippet without Medium's line about the publication it was first published in", () => {
    expect(short!.item.snippet).toBe('Short notes from a week with the harbour’s tide gauge, a stilling well and a float that have outlived three computers.');
  });
});

describe('a Ghost post', async () => {
  const { item, shown, text } = await firstItemOf('ghost.xml', 'https://fieldstation.example.org/rss/');

  it('is stored with its title, author, date, tags and its media:content picture', () => {
    expect([item.title, item.author, item.publishedAt]).toEqual(['Counting seals from the ferry', 'Jonas Eriksen', Date.parse('2024-06-12T10:15:00Z')]);
    expect(item.categories).toEqual(['Fieldwork', 'Seals']);
    expect(item.imageUrl).toBe('https://fieldstation.example.org/content/images/2024/06/ferry-deck.jpg');
  });

  it('shows no signup form, which its page hides and the feed still carries', () => {
    for (const said of [text, item.feedText]) {
      for (const form of ['Sign up for Field Station', 'Email sent!', 'Unsubscribe anytime']) expect(said).not.toContain(form);
    }
  });

  it("keeps a link card as its link, title and picture, without the site's icon made a full-width picture", () => {
    expect(shown).toMatch(/<a href="https:\/\/www\.marine-agency\.example\/reports\/phocine-distemper-2022" rel="noopener noreferrer"><div><div>Phocine distemper in the inner waters, 2022<\/div>/);
    expect(shown).toContain('report-cover.jpg');
    expect(shown).not.toContain('favicon-192.png');
  });

  it('keeps the gallery at the size the column needs, its caption, the callout and the button', () => {
    for (const size of ['size/w1600/2024/06/pup-1.jpg', '2024/06/pup-2.jpg', 'size/w1600/2024/06/pup-3.jpg']) expect(shown).toContain(`data-original-src="https://fieldstation.example.org/content/images/${size}"`);
    expect(text).toContain("This year's pups, photographed from the deck with a long lens.");
    expect(text).toContain('Counts are only comparable at the same state of the tide');
    expect(shown).toContain('<a href="https://fieldstation.example.org/volunteer/" rel="noopener noreferrer">Volunteer for a crossing</a>');
  });
});

describe("newsletters' feeds", () => {
  it("show a beehiiv issue's picture and text without its 'Powered by beehiiv' footer", async () => {
    const { item, shown, text } = await firstItemOf('beehiiv.xml', 'https://rss.beehiiv.com/feeds/Qx7Lw2Zt9a.xml');
    expect([item.title, item.author]).toEqual(['Issue 42: the container ships are getting smaller', 'Priya Nair']);
    expect(shown).toContain('alt="A feeder container ship entering a small port"');
    expect(text).toContain("That's all for this week.");
    expect(text).not.toContain('Powered by beehiiv');
    expect(shown).not.toContain('www.beehiiv.com');
  });

  it("do not show a Mailchimp campaign's preview text, which the email hides, nor open its snippet with 'View this email in your browser'", async () => {
    const { item, text } = await firstItemOf('mailchimp-archive.xml', 'https://us5.campaign-archive.com/feed?u=4f1c2a9e7b8d3c6a5e0f1b2c3&id=a1b2c3d4e5');
    for (const said of [text, item.feedText, item.snippet]) expect(said).not.toContain('and the school gets its boat');
    expect(text).toContain('After two winters of delays, the new visitors');
    expect(item.snippet).toMatch(/^The pontoon opens on the 15th After two winters of delays/);
  });

  it("do not show a Mailchimp campaign's header and footer (the list's address, its unsubscribe and forward links, its badge), and keep the text between", async () => {
    const { item, shown, text } = await firstItemOf('mailchimp-archive.xml', 'https://us5.campaign-archive.com/feed?u=4f1c2a9e7b8d3c6a5e0f1b2c3&id=a1b2c3d4e5');
    for (const said of [text, item.feedText]) {
      for (const footer of ['View this email in your browser', 'All rights reserved', 'Our mailing address is', '2 Quay Street', 'unsubscribe from this list', 'Forward this email to a friend']) expect(said).not.toContain(footer);
    }
    for (const link of ['list-manage.com', 'forward-to-friend.com', 'cdn-images.mailchimp.com', 'facebook.com/harbourfriends']) expect(shown).not.toContain(link);
    expect(text).toContain('The children have already named her: Puffin.');
    expect(shown).toContain('alt="The school\'s new dinghy on its trailer"');
  });
});

describe('WordPress.com and Blogger posts', () => {
  it("show no share and like buttons, nor the feed's comment-count buttons and counter pixel", async () => {
    const [avocets, lavender] = await itemsOf('wordpress-com.xml', 'https://marshdiary.wordpress.com/feed/');
    expect(avocets!.item.author).toBe('Helen Barrow');
    expect(avocets!.shown).toContain('<figcaption>Two of the four pairs, from the hide at dusk.</figcaption>');
    for (const said of [avocets!.text, avocets!.item.feedText]) for (const button of ['Share this:', 'Twitter', 'Like this:', 'Loading...']) expect(said).not.toContain(button);
    expect(lavender!.shown).not.toContain('feeds.wordpress.com');
    expect(lavender!.shown).not.toContain('pixel.wp.com');
  });

  it("shows a Blogger post's pictures and caption without the blog's feed footer", async () => {
    const { item, shown, text } = await firstItemOf('blogger.xml', 'https://ropeandtar.blogspot.com/feeds/posts/default');
    expect([item.title, item.author, item.publishedAt]).toEqual(["Whipping a rope's end, the old way", 'Tom Hale', Date.parse('2024-06-05T21:10:00.003+01:00')]);
    expect(shown).toContain('whipping.jpg');
    expect(text).toContain('The finished whipping, three turns past the end.');
    for (const said of [text, item.feedText]) expect(said).not.toContain('Subscribe to Rope and Tar by email');
  });
});
