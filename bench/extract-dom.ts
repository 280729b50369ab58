// Which DOM should Readability run on in the worker: linkedom or jsdom? Measures parse + extract
// per page (median of N runs after a warm-up) on the seed article and on generated news pages of
// about 6 KB and 60 KB, and checks both DOMs yield the same text. Prints figures, asserts nothing.
// Run: npx tsx bench/extract-dom.ts [runs]
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../electron/core/articles';
import { fixtureText } from '../test/support/fixtures';

const ORIGIN = 'https://news.example';
const PAGE_URL = `${ORIGIN}/2022/01/13/article/`;
const RUNS = Number(process.argv[2] ?? 40);
const WARM_UP = 5;

interface Extraction {
  readonly title: string;
  readonly text: string;
}

const doms: Record<string, (html: string) => Extraction> = {
  linkedom: (html) => readable(parseHTML(html).document as unknown as Document),
  jsdom: (html) => readable(new JSDOM(html, { url: PAGE_URL }).window.document),
};

function readable(document: Document): Extraction {
  const article = new Readability(document).parse();
  return { title: article?.title ?? '', text: (article?.textContent ?? '').replace(/\s+/g, ' ').trim() };
}

// A deterministic page in the shape of a news site: masthead, menu, the article with a few
// images and links, a sidebar of widgets, a footer.
function generatedPage(paragraphs: number): string {
  let seed = paragraphs;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const words = 'the council said on monday that talks with the ministry would continue next week while officials in the region expect a decision on funding for schools roads and the new hospital before the end of the year according to a statement'.split(' ');
  const sentence = (): string => {
    const length = 12 + Math.floor(random() * 14);
    const text = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const text = Array.from({ length: 3 }, sentence).join(' ');
    if (i % 6 === 3) return `<figure><img src="/uploads/photo-${i}.jpg" alt="Photo ${i}" width="800" height="533"><figcaption>${sentence()}</figcaption></figure><p>${text}</p>`;
    if (i % 4 === 1) return `<p>${text} <a href="/news/related-${i}/">${sentence()}</a></p>`;
    return `<p>${text}</p>`;
  }).join('\n');
  const menu = Array.from({ length: 12 }, (_, i) => `<li><a href="/section-${i}/">Section ${i}</a></li>`).join('');
  const widgets = Array.from({ length: 8 }, (_, i) => `<li><a href="/2022/01/${i + 1}/story/">${sentence()}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Generated story - The Example</title>
<meta property="og:image" content="/uploads/lead.jpg"><script>var analytics = {};</script></head><body>
<header class="site-header"><a href="/">The Example</a><nav class="menu"><ul>${menu}</ul></nav></header>
<main><article><h1>Generated story</h1><p class="byline">By A. Reporter</p><div class="entry-content">${body}</div></article></main>
<aside class="sidebar"><h3>Latest</h3><ul>${widgets}</ul></aside>
<footer class="site-footer"><p>© The Example</p><ul>${menu}</ul></footer></body></html>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timePerPage(run: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const pages: [string, string][] = [
  ['seed article', fixtureText('seed/article.html', ORIGIN)],
  ['generated ~6 KB', generatedPage(8)],
  ['generated ~60 KB', generatedPage(150)],
];

console.log(`Readability over each DOM: parse + extract, median of ${RUNS} runs after ${WARM_UP} warm-up runs (Node ${process.version})\n`);
console.log(['page'.padEnd(18), 'size'.padStart(8), 'linkedom'.padStart(10), 'jsdom'.padStart(10), 'ratio'.padStart(7), 'extractArticle'.padStart(15), '  same text'].join(''));
for (const [name, html] of pages) {
  const linkedom = timePerPage(() => doms.linkedom!(html));
  const jsdom = timePerPage(() => doms.jsdom!(html));
  const full = timePerPage(() => extractArticle(html, PAGE_URL));
  const a = doms.linkedom!(html);
  const b = doms.jsdom!(html);
  const same = a.title === b.title && a.text === b.text;
  console.log(
    [
      name.padEnd(18),
      `${(Buffer.byteLength(html) / 1024).toFixed(1)} KB`.padStart(8),
      `${linkedom.toFixed(2)} ms`.padStart(10),
      `${jsdom.toFixed(2)} ms`.padStart(10),
      `${(jsdom / linkedom).toFixed(1)}x`.padStart(7),
      `${full.toFixed(2)} ms`.padStart(15),
      `  ${same ? 'yes' : `NO (${a.text.length} vs ${b.text.length} chars)`}`,
    ].join(''),
  );
}
console.log('\nextractArticle = linkedom + URL/lazy-image/ad preparation + Readability (what the worker runs).');
