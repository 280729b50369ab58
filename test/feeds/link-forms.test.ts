// Item links as hand-written feeds and odd generators write them: a www host without its scheme
// ("www.rowingclub.example.org/news/12"), which was read as a path below the feed's folder, so the
// article's page was fetched from the feed's own site and not found; and an Atom link whose rel is
// written in capitals (rel="Alternate"), which left the entry with no link at all.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';

const rss091 = (link: string, image = '') => `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel>
<title>Riverside Rowing Club</title>
<link>http://www.rowingclub.example.org/</link>
<description>Club news</description>
<language>en-gb</language>
${image}
<item>
<title>Winter sculling league results</title>
<link>${link}</link>
<description>Twelve crews raced on Saturday.</description>
</item>
</channel></rss>`;

const linkOf = async (document: string, url: string) => (await parseFeed(document, url)).items[0]?.link;

describe('a link written as a www host without its scheme', () => {
  it("is that host's page, with the site's scheme", async () => {
    expect(await linkOf(rss091('www.rowingclub.example.org/news/winter-league.html'), 'http://www.rowingclub.example.org/feeds/news.rss')).toBe(
      'http://www.rowingclub.example.org/news/winter-league.html',
    );
  });

  it('is that host even when the feed is served from another one, and https where the feed is', async () => {
    expect(await linkOf(rss091('www.rowingclub.example.org/news/winter-league.html'), 'https://feeds.example.net/rowingclub')).toBe(
      'http://www.rowingclub.example.org/news/winter-league.html',
    );
    const https = rss091('www2.rowingclub.example.org?news=12').replace('http://www.rowingclub.example.org/', 'https://www.rowingclub.example.org/');
    expect(await linkOf(https, 'https://www.rowingclub.example.org/rss')).toBe('https://www2.rowingclub.example.org/?news=12');
  });

  it('stays a path when it names a file ("www.results.html") or a folder ("www/")', async () => {
    expect(await linkOf(rss091('www.results.html'), 'http://www.rowingclub.example.org/news/rss.xml')).toBe('http://www.rowingclub.example.org/www.results.html');
    expect(await linkOf(rss091('www/results.html'), 'http://www.rowingclub.example.org/news/rss.xml')).toBe('http://www.rowingclub.example.org/www/results.html');
  });
});

describe('an Atom link whose rel is written in capitals', () => {
  it('is the entry\'s page', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Riverside Rowing Club</title><id>urn:uuid:2f0c1a9e-5b4d-4e3f-9a8b-7c6d5e4f3a2b</id><updated>2026-12-06T10:00:00Z</updated>
<entry><id>urn:uuid:8e7d6c5b-4a39-4281-b706-f5e4d3c2b1a0</id><title>Winter sculling league results</title><updated>2026-12-06T10:00:00Z</updated>
<link rel="Alternate" type="text/html" href="https://www.rowingclub.example.org/news/winter-league"/><link rel="Replies" type="text/html" href="https://www.rowingclub.example.org/news/winter-league#comments"/>
<summary>Twelve crews raced on Saturday.</summary></entry></feed>`;
    const [entry] = (await parseFeed(atom, 'https://www.rowingclub.example.org/atom.xml')).items;
    expect(entry?.link).toBe('https://www.rowingclub.example.org/news/winter-league');
    expect(entry?.commentsUrl).toBe('https://www.rowingclub.example.org/news/winter-league#comments');
  });
});
