// What an author puts in a post from elsewhere, kept by a full sync as the feed's copy keeps it:
// the cards embed codes and blogging platforms write for a post, a page or a track (Instagram's,
// Substack's, Ghost's, SoundCloud's credit line; Ghost's for a file), and a quotation's attribution. Readability took
// the cards for link farms and removed every <footer>, a quote's own with the rest; the stored
// article lost their words and search could not find them. A real sync of a page from a loopback
// server, into a real data folder.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { ArticleId } from '../../shared/types';
import { rssFeed } from '../support/hostile-sync';
import type { TestServer } from '../support/server';
import { serverAndCorePerTest } from '../support/core-per-test';

let site: TestServer;
let core: Core;

serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.25.2');

const paragraph = (topic: string) =>
  `<p>This week the harbour board argued about ${topic} for most of the evening, and the minutes run to eleven pages, most of them about who should pay, when the work should start and whether the old quay can wait another winter.</p>`;

// Each card as its platform's embed code or editor writes it, scripts and styles included.
const instagram = `<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/C7xYzAbCdEf/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14" style=" background:#FFF; border:0; border-radius:3px; max-width:540px; min-width:326px; padding:0; width:99.375%;"><div style="padding:16px;"> <a href="https://www.instagram.com/p/C7xYzAbCdEf/?utm_source=ig_embed&amp;utm_campaign=loading" style=" background:#FFFFFF; line-height:0; padding:0 0; text-align:center; text-decoration:none; width:100%;" target="_blank"> <div style=" display: flex; flex-direction: row; align-items: center;"> <div style="background-color: #F4F4F4; border-radius: 50%; flex-grow: 0; height: 40px; margin-right: 14px; width: 40px;"></div></div><div style="padding: 19% 0;"></div><div style="padding-top: 8px;"> <div style=" color:#3897f0; font-family:Arial,sans-serif; font-size:14px; font-style:normal; font-weight:550; line-height:18px;">View this post on Instagram</div></div></a><p style=" color:#c9c8cd; font-family:Arial,sans-serif; font-size:14px; line-height:17px; margin-bottom:0; margin-top:8px; overflow:hidden; padding:8px 0 7px; text-align:center; text-overflow:ellipsis; white-space:nowrap;"><a href="https://www.instagram.com/p/C7xYzAbCdEf/?utm_source=ig_embed&amp;utm_campaign=loading" style=" color:#c9c8cd; font-family:Arial,sans-serif; font-size:14px; font-style:normal; font-weight:normal; line-height:17px; text-decoration:none;" target="_blank">A post shared by Harbour Museum (@harbourmuseum)</a></p></div></blockquote>
<script async src="//www.instagram.com/embed.js"></script>`;
const substack = `<div class="embedded-post-wrap" data-attrs="{&quot;id&quot;:145000001,&quot;url&quot;:&quot;https://tidewater.substack.com/p/the-dredging-question&quot;,&quot;title&quot;:&quot;The dredging question&quot;}" data-component-name="EmbeddedPostToDOM"><a class="embedded-post" native="true" href="https://tidewater.substack.com/p/the-dredging-question?utm_source=substack&amp;utm_campaign=post_embed&amp;utm_medium=web"><div class="embedded-post-header"><span class="embedded-post-publication-name">Tidewater Notes</span></div><div class="embedded-post-title-wrapper"><div class="embedded-post-title">The dredging question</div></div><div class="embedded-post-body">Nobody wanted to pay for the silt until the ferry ran aground…</div><div class="embedded-post-cta-wrapper"><span class="embedded-post-cta">Read more</span></div><div class="embedded-post-meta">a week ago · 12 likes · 3 comments · Ines Marlow</div></a></div>`;
const soundcloud = `<iframe width="100%" height="166" scrolling="no" frameborder="no" allow="autoplay" src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&amp;color=%23ff5500&amp;auto_play=false"></iframe><div style="font-size: 10px; color: #cccccc;line-break: anywhere;word-break: normal;overflow: hidden;white-space: nowrap;text-overflow: ellipsis; font-family: Interstate,Lucida Grande,Lucida Sans Unicode,Lucida Sans,Garuda,Verdana,Tahoma,sans-serif;font-weight: 100;"><a href="https://soundcloud.com/harbourchoir" title="Harbour Choir" target="_blank" style="color: #cccccc; text-decoration: none;">Harbour Choir</a> · <a href="https://soundcloud.com/harbourchoir/shanty-medley" title="Shanty Medley" target="_blank" style="color: #cccccc; text-decoration: none;">Shanty Medley</a></div>`;
const ghostBookmark = `<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://ports.example.org/report-2024/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">The 2024 State of Small Ports report</div><div class="kg-bookmark-description">Two harbours close every year, the report finds.</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Ports Institute</span><span class="kg-bookmark-publisher">Dana Okafor</span></div></div></a></figure>`;
// Ghost's card for a file the post offers: all one link, in <div>s.
const ghostFile = `<div class="kg-card kg-file-card"><a class="kg-file-card-container" href="https://harbour-news.example/content/files/2024/06/harbour-tide-tables-2024.pdf" title="Download" download><div class="kg-file-card-contents"><div class="kg-file-card-title">Tide tables for 2024</div><div class="kg-file-card-caption">Every high and low water at the old quay, month by month</div><div class="kg-file-card-metadata"><div class="kg-file-card-filename">harbour-tide-tables-2024.pdf</div><div class="kg-file-card-filesize">412 KB</div></div></div><div class="kg-file-card-icon"><svg viewBox="0 0 24 24"><title>download-circle</title><polyline points="8.25 14.25 12 18 15.75 14.25"></polyline><circle cx="12" cy="12" r="11.25"></circle></svg></div></a></div>`;
const quote = `<blockquote cite="https://harbour.example.gov/statement"><p>We delayed the dredging because the survey came back worse than anyone feared.</p><footer>— <cite>Harbour Master, <a href="https://harbour.example.gov/statement">statement to the board</a></cite></footer></blockquote>`;

async function syncedArticle(title: string, body: string): Promise<{ id: ArticleId; html: string; text: string }> {
  const story = site.url('/2024/06/harbour-week/');
  site.serve('/feed/', { body: rssFeed('Harbour news', [`<item><title>${title}</title><guid>harbour-week</guid><link>${story}</link><description>The week at the harbour.</description></item>`]), type: 'application/rss+xml' });
  site.serve('/2024/06/harbour-week/', {
    type: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} - Harbour news</title></head>
<body><header class="site-header"><a href="/">Harbour news</a><nav><a href="/boats/">Boats</a> <a href="/weather/">Weather</a></nav></header>
<main><article class="post"><h1>${title}</h1><div class="entry-content">${body}</div></article></main>
<footer class="site-footer"><p>© 2024 Harbour news</p></footer></body></html>`,
  });
  await core.api.addFeed(site.url('/feed/'));
  expect(await core.api.sync()).toMatchObject({ articlesFetched: 1 });
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const article = (await core.api.getArticle(articles[0]!.id))!;
  expect(article.html).toContain('the minutes run to eleven pages');
  return { id: articles[0]!.id, html: article.html, text: article.html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ') };
}

async function searchFinds(query: string): Promise<ArticleId[]> {
  return (await core.api.search(query)).map((hit) => hit.id);
}

describe('a full sync keeps the embed cards the author put in the post', () => {
  it("keeps Instagram's, Substack's and Ghost's cards and SoundCloud's credit line, and search finds their words", async () => {
    const article = await syncedArticle('The week at the harbour', [
      paragraph('the dredging'),
      '<p>The museum posted the old photographs:</p>', instagram,
      paragraph('the ferry timetable'),
      '<h2>Elsewhere on Substack</h2>', substack,
      '<h2>Listen</h2>', soundcloud,
      '<h2>Further reading</h2>', ghostBookmark,
      paragraph('the new crane'),
      '<h2>Download</h2>', ghostFile,
    ].join('\n'));

    for (const words of [
      'View this post on Instagram', 'A post shared by Harbour Museum (@harbourmuseum)',
      'The dredging question', 'Nobody wanted to pay for the silt until the ferry ran aground',
      'Harbour Choir · Shanty Medley',
      'The 2024 State of Small Ports report', 'Two harbours close every year, the report finds.',
      // The bookmark's site and author, side by side on the page, are two names, not one word.
      'Ports Institute Dana Okafor',
      'Tide tables for 2024', 'Every high and low water at the old quay, month by month', 'harbour-tide-tables-2024.pdf',
    ]) expect(article.text).toContain(words);
    // Each card still links where it did, in its place between the headings.
    expect(article.html).toContain('href="https://www.instagram.com/p/C7xYzAbCdEf/?utm_source=ig_embed&amp;utm_campaign=loading"');
    expect(article.html).toMatch(/Elsewhere on Substack<\/h2>\s*<div><a href="https:\/\/tidewater\.substack\.com\/p\/the-dredging-question/);
    expect(article.html).toContain('<a href="https://soundcloud.com/harbourchoir/shanty-medley" title="Shanty Medley" rel="noopener noreferrer">Shanty Medley</a>');
    expect(article.html).toContain('href="https://ports.example.org/report-2024/"');
    expect(article.html).toContain('href="https://harbour-news.example/content/files/2024/06/harbour-tide-tables-2024.pdf"');
    // Nothing of the embed codes' scripts and styles, nor of the site's own chrome.
    expect(article.html).not.toMatch(/<script|style=|class=|embed\.js/);
    expect(article.text).not.toContain('© 2024 Harbour news');

    for (const query of ['harbourmuseum', 'silt', 'Shanty', 'Okafor', 'Dana', 'tide']) expect(await searchFinds(query)).toEqual([article.id]);
  });
});

describe('a full sync keeps the source of a quotation', () => {
  it('keeps the <footer> with its <cite> in the blockquote, and search finds the source', async () => {
    const article = await syncedArticle('The dredging is delayed', [paragraph('the dredging'), quote, paragraph('the survey')].join('\n'));

    expect(article.html).toContain(
      '<blockquote><p>We delayed the dredging because the survey came back worse than anyone feared.</p><footer>— <cite>Harbour Master, <a href="https://harbour.example.gov/statement" rel="noopener noreferrer">statement to the board</a></cite></footer></blockquote>',
    );
    // The site's own footer still goes.
    expect(article.text).not.toContain('© 2024 Harbour news');
    expect(await searchFinds('"statement to the board"')).toEqual([article.id]);
  });
});
