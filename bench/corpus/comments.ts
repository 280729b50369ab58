// Report on the comment-thread corpus (test/fixtures/corpus/comments/): for every page, the share of
// its comments the sync stores from it (recall), the share of what it stores that are comments
// (precision), the share found under the comment they answer (shape) and with their date (dates),
// and the median time of reading the page (comment-page.ts's readCommentPage, as the sync's worker
// does, with the sanitizing of each comment); the means; and on a long thread, one WordPress page
// holding 2,000 comments ("Break comments into pages" off) served on the loopback, the same time
// and that of making the article's offline copy from that page (its thread left out).
// Prints figures, asserts nothing.
// Run: npx tsx bench/corpus/comments.ts [runs]   (runs per page for the timing, default 5)
import { commentCorpusPages, scoreComments, storedThread } from '../../test/support/corpus-comments';
import { ThemedWordPress } from '../../test/comments/support/themed-wordpress';
import { prepareArticle } from '../../electron/core/articles';
import { ingestPageComments } from '../../electron/core/workers/tasks';
import { medianMs } from './timing';

const RUNS = Number(process.argv[2] ?? 5);
const LONG_THREAD = 2000;

const fixed = (value: number) => value.toFixed(2);
const pages = commentCorpusPages();
console.log(`${'page'.padEnd(26)}${'want'.padStart(5)}${'got'.padStart(5)}${'recall'.padStart(8)}${'prec'.padStart(6)}${'shape'.padStart(7)}${'dates'.padStart(7)}${'KB'.padStart(6)}${'ms'.padStart(7)}`);
const rows = pages.map((page) => {
  const score = scoreComments(page, storedThread(page).comments);
  const ms = medianMs(() => storedThread(page), RUNS);
  console.log(
    `${page.name.padEnd(26)}${String(score.expected).padStart(5)}${String(score.found).padStart(5)}${fixed(score.recall).padStart(8)}${fixed(score.precision).padStart(6)}` +
      `${fixed(score.shape).padStart(7)}${fixed(score.dates).padStart(7)}${(page.html.length / 1024).toFixed(0).padStart(6)}${ms.toFixed(1).padStart(7)}`,
  );
  return score;
});
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
console.log(`\n${pages.length} pages`);
console.log(`mean: recall ${fixed(mean(rows.map((row) => row.recall)))}, precision ${fixed(mean(rows.map((row) => row.precision)))}, shape ${fixed(mean(rows.map((row) => row.shape)))}, dates ${fixed(mean(rows.map((row) => row.dates)))}`);
const partial = pages.filter((_, index) => rows[index]!.recall < 1 || rows[index]!.shape < 1 || rows[index]!.dates < 1);
console.log(`pages not read whole: ${partial.length === 0 ? 'none' : partial.map((page) => page.name).join(', ')}`);

// The long thread: what its page weighs and how long the worker takes over it.
const site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 0 });
try {
  site.addComments(LONG_THREAD);
  const html = await (await fetch(site.postUrl)).text();
  let found = 0;
  const ms = medianMs(() => (found = ingestPageComments(html, site.postUrl, 'bench').comments.length), RUNS);
  console.log(`\nlong thread on one page: ${found} of ${LONG_THREAD} comments read, ${(html.length / 1024).toFixed(0)} KB, median ${ms.toFixed(0)} ms per read`);
  let text = '';
  const copyMs = medianMs(() => (text = prepareArticle({ pageHtml: html, pageUrl: site.postUrl, feedHtml: null, feedItemUrl: site.postUrl }).text), RUNS);
  console.log(`its article's offline copy: ${text.length} characters, median ${copyMs.toFixed(0)} ms`);
  // One of its comment pages as WordPress splits it by default (50 threads a page), as a sync reads it.
  const paged = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 50 });
  try {
    paged.addComments(LONG_THREAD);
    const pageHtml = await (await fetch(paged.postUrl)).text();
    let onPage = 0;
    const pageMs = medianMs(() => (onPage = ingestPageComments(pageHtml, paged.postUrl, 'bench').comments.length), RUNS);
    console.log(`one comment page of it (50 threads): ${onPage} comments, ${(pageHtml.length / 1024).toFixed(0)} KB, median ${pageMs.toFixed(0)} ms per read`);
  } finally {
    await paged.server.stop();
  }
} finally {
  await site.server.stop();
}
