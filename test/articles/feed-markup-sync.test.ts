// What publishers' plugins write into a post reaches the reader whether the article is kept from
// its feed item (read with --no-fulltext, or when the page fails) or made from its page: a lazy
// image's <noscript> copy, the <source> of a <picture> a browser would show, and a link for each
// embed a script would have filled (a YouTube facade, a gist, a TikTok, podcast players), each on
// its own line; WordPress's embed of another post shows that post once, at its own address.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { serverAndCorePerTest } from '../support/core-per-test';

let site: TestServer;
let cdn: TestServer;
let core: Core;

serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.24.2');
// The pictures come from a host of their own, as from a CDN.
beforeEach(async () => {
  cdn = await TestServer.start('127.0.24.3');
});
afterEach(() => cdn.stop());

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const cached = (bytes: Buffer) => `src="paperboy-cache://${hashOf(bytes)}"`;
// A 1x1 lossless WebP, as a CDN serves one.
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const ONE_PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const SVG_PLACEHOLDER = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20900%20500'%3E%3C/svg%3E";
const paragraph = '<p>The new ferry made its first crossing to the islands this morning, with the harbour master and forty passengers on board.</p>';

/** One post, served as a feed item carrying `content` and as its page, both on `site`. */
function servePost(title: string, content: string): void {
  const link = site.url('/2024/06/post/');
  site.serve('/feed/', {
    body: rssFeed('Harbour news', [`<item><title>${title}</title><guid>post-1</guid><link>${link}</link><description><![CDATA[${content}]]></description></item>`]),
    type: 'application/rss+xml',
  });
  site.serve('/2024/06/post/', {
    type: 'text/html',
    body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${content}</article></body></html>`,
  });
}

async function syncedHtml(title: string, fullText: boolean): Promise<string> {
  await core.api.addFeed(site.url('/feed/'));
  await core.api.sync({ fullText });
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const found = articles.find((article) => article.title === title);
  if (!found) throw new Error(`no article "${title}"`);
  return (await core.api.getArticle(found.id))!.html;
}

const bothWays = [['from the feed item', false], ['from the page', true]] as const;

describe.each(bothWays)('an article kept %s', (_way, fullText) => {
  it("shows a lazy image's <noscript> copy, not the placeholder before it", async () => {
    const photo = makePng(70, 40, [30, 110, 170]);
    const chart = makePng(60, 40, [200, 80, 80]);
    const svgOnly = makePng(90, 50, [20, 140, 60]);
    cdn.serve('/u/noscript.png', { body: photo, type: 'image/png' });
    cdn.serve('/u/chart.png', { body: chart, type: 'image/png' });
    cdn.serve('/u/svg-placeholder.png', { body: svgOnly, type: 'image/png' });
    cdn.serve('/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif', { body: ONE_PIXEL_GIF, type: 'image/gif' });
    servePost('Lazy pictures', `${paragraph.repeat(3)}
      <p><img src="${cdn.url('/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif')}" alt="The quay" width="700" height="400"><noscript><img src="${cdn.url('/u/noscript.png')}" alt="The quay" width="700" height="400"></noscript></p>
      <p><img src="${SVG_PLACEHOLDER}" class="lazyload" alt="The islands" width="900" height="500"><noscript><img src="${cdn.url('/u/svg-placeholder.png')}" alt="The islands" width="900" height="500"></noscript></p>
      <div class="flourish-embed flourish-chart" data-src="visualisation/18273645"><script src="https://public.flourish.studio/resources/embed.js"></script><noscript><img src="${cdn.url('/u/chart.png')}" width="100%" alt="Crossings by month" /></noscript></div>
      ${paragraph.repeat(2)}`);

    const html = await syncedHtml('Lazy pictures', fullText);

    expect(html).toContain(`<img ${cached(photo)} alt="The quay" width="700" height="400" />`);
    expect(html).toContain(`<img ${cached(svgOnly)} alt="The islands" width="900" height="500" />`);
    expect(html).toContain(`<img ${cached(chart)} alt="Crossings by month" />`);
    expect(html.match(/<img /g)).toHaveLength(3);
    expect(cdn.requestsFor('/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif')).toEqual([]);
  });

  it('shows once an image whose <noscript> copy comes before its lazy self (Autoptimize)', async () => {
    const photo = makePng(70, 40, [120, 60, 160]);
    cdn.serve('/u/quay.png', { body: photo, type: 'image/png' });
    servePost('Copy first', `${paragraph.repeat(3)}
      <p><noscript><img src="${cdn.url('/u/quay.png')}" alt="The quay at dawn" width="700" height="400"></noscript><img class="lazyload" src="${SVG_PLACEHOLDER}" data-src="${cdn.url('/u/quay.png')}" alt="The quay at dawn" width="700" height="400"></p>
      ${paragraph.repeat(2)}`);

    const html = await syncedHtml('Copy first', fullText);

    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain(`<img ${cached(photo)} alt="The quay at dawn" width="700" height="400" />`);
  });

  it('shows the <source> of a <picture> a desktop browser shows, and a picture whose <img> names no file', async () => {
    const wide = makePng(80, 40, [10, 10, 200]);
    const fallback = makePng(40, 40, [200, 10, 10]);
    cdn.serve('/u/wide.webp', { body: WEBP, type: 'image/webp' });
    cdn.serve('/u/fallback.png', { body: fallback, type: 'image/png' });
    cdn.serve('/u/only.png', { body: wide, type: 'image/png' });
    servePost('Pictures', `${paragraph.repeat(3)}
      <figure><picture><source type="image/webp" srcset="${cdn.url('/u/wide.webp')}"><img src="${cdn.url('/u/fallback.png')}" alt="The ferry"></picture></figure>
      <figure><picture><source type="image/jxl" srcset="${cdn.url('/u/only.jxl')}"><source srcset="${cdn.url('/u/only.png')}"><img alt="The harbour"></picture></figure>
      ${paragraph.repeat(2)}`);

    const html = await syncedHtml('Pictures', fullText);

    expect(html).toContain(`<img ${cached(WEBP)} alt="The ferry" />`);
    expect(html).toContain(`<img ${cached(wide)} alt="The harbour" />`);
    expect(cdn.requestsFor('/u/fallback.png')).toEqual([]);
    expect(cdn.requestsFor('/u/only.jxl')).toEqual([]);
  });

  it('links what a script would have embedded, each embed on a line of its own', async () => {
    servePost('Embeds', `${paragraph.repeat(3)}
      <lite-youtube videoid="aqz-KE-bpKQ" playlabel="Play: Big Buck Bunny trailer"></lite-youtube>
      <p>The fix, as a gist:</p>
      <script src="https://gist.github.com/octocat/6cad326836d38bd3a7ae.js"></script>
      <p>And as Jetpack writes it:</p>
      <style>.gist table { margin-bottom: 0; }</style><div class="gist-oembed" data-gist="octocat/9257657.json" data-ts="8"></div>
      <blockquote class="tiktok-embed" cite="https://www.tiktok.com/@scout2015/video/6718335390845095173" data-video-id="6718335390845095173"> <section> <a title="@scout2015" href="https://www.tiktok.com/@scout2015?refer=embed">@scout2015</a> Scramble up ur name </section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>
      <h2>Listen</h2>
      <iframe style="border-radius:12px" src="https://open.spotify.com/embed/episode/7makk4oTQel546B0PZlDM5?utm_source=generator" width="100%" height="152" frameBorder="0" loading="lazy"></iframe>
      <iframe width="100%" height="166" scrolling="no" frameborder="no" src="https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/forss/flickermood&color=%23ff5500&auto_play=false"></iframe>
      ${paragraph.repeat(2)}`);

    const html = await syncedHtml('Embeds', fullText);

    const link = (href: string, text: string) => `<a href="${href}" rel="noopener noreferrer">${text}</a>`;
    expect(html).toContain(link('https://www.youtube.com/watch?v=aqz-KE-bpKQ', 'Video: Big Buck Bunny trailer (YouTube)'));
    expect(html).toContain(link('https://gist.github.com/octocat/6cad326836d38bd3a7ae', 'Embed: GitHub Gist'));
    expect(html).toContain(link('https://gist.github.com/octocat/9257657', 'Embed: GitHub Gist'));
    expect(html).toContain('Scramble up ur name');
    expect(html).toContain(link('https://www.tiktok.com/@scout2015/video/6718335390845095173', 'Video: TikTok'));
    expect(html).toMatch(new RegExp(
      `${escaped(link('https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5', 'Audio: Spotify'))}<br />\\s*${escaped(link('https://soundcloud.com/forss/flickermood', 'Audio: SoundCloud'))}`,
    ));
    expect(html).not.toContain('data-embed');
  });

  it("shows WordPress's embed of another post once, linking the post itself", async () => {
    servePost('Elsewhere', `${paragraph.repeat(3)}
      <figure class="wp-block-embed is-type-wp-embed is-provider-other-blog wp-block-embed-other-blog"><div class="wp-block-embed__wrapper">
      <blockquote class="wp-embedded-content" data-secret="a1b2c3"><a href="https://other.example.org/2024/05/on-reading-offline/">On reading offline</a></blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" title="&#8220;On reading offline&#8221; &#8212; Other Blog" src="https://other.example.org/2024/05/on-reading-offline/embed/#?secret=x9y8z7#?secret=a1b2c3" data-secret="a1b2c3" width="500" height="282" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>
      </div></figure>
      ${paragraph.repeat(2)}`);

    const html = await syncedHtml('Elsewhere', fullText);

    expect(html).toContain('<a href="https://other.example.org/2024/05/on-reading-offline/" rel="noopener noreferrer">On reading offline</a>');
    expect(html.match(/other\.example\.org/g)).toHaveLength(1);
    expect(html).not.toContain('secret');
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('an article kept from a feed written from AMP pages', () => {
  it('shows its <amp-img> pictures and animations, once each, and links its <amp-youtube>', async () => {
    const quay = makePng(80, 45, [40, 90, 150]);
    const crossing = makePng(60, 40, [150, 120, 40]);
    cdn.serve('/amp/quay-1200.png', { body: quay, type: 'image/png' });
    cdn.serve('/amp/crossing.gif', { body: crossing, type: 'image/png' });
    servePost('AMP pictures', `${paragraph.repeat(2)}
      <figure><amp-img src="${cdn.url('/amp/quay-1200.png')}" width="1200" height="675" layout="responsive" alt="The ferry at the quay"><amp-img placeholder src="${cdn.url('/amp/quay-blur.png')}" layout="fill"></amp-img><noscript><img src="${cdn.url('/amp/quay-1200.png')}" width="1200" height="675" alt="The ferry at the quay"></noscript></amp-img><figcaption>The ferry at the quay.</figcaption></figure>
      ${paragraph}
      <p><amp-anim src="${cdn.url('/amp/crossing.gif')}" width="400" height="266" layout="responsive" alt="The crossing, speeded up"></amp-anim></p>
      <amp-youtube data-videoid="Qx7bT2mN4pA" layout="responsive" width="480" height="270"></amp-youtube>
      ${paragraph}`);

    const html = await syncedHtml('AMP pictures', false);

    expect(html).toContain(`<figure><img ${cached(quay)} alt="The ferry at the quay" width="1200" height="675" /><figcaption>`);
    expect(html).toContain(`<img ${cached(crossing)} alt="The crossing, speeded up" width="400" height="266" />`);
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=Qx7bT2mN4pA" rel="noopener noreferrer">Video: YouTube</a>');
    expect(cdn.requestsFor('/amp/quay-blur.png')).toEqual([]);
  });
});
