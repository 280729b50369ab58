// Report on the comment-thread corpus (test/fixtures/corpus/comments/): for every page, the share of
// its comments the sync stores from it (recall), the share of what it stores that are comments
// (precision), the share found under the comment they answer (shape) and with their date (dates),
// and the median time of reading the page (comment-page.ts's readCommentPage, as the sync's worker
// does, with the sanitizing of each comment); the means; and the same time on a long thread: one
// WordPress page holding 2,000 comments ("Break comments into pages" off), served on the loopback.
// Prints figures, asserts nothing.
// Run: npx tsx bench/corpus/comments.ts [runs]   (runs per page for the timing, default 5)
import { commentCorpusPages, scoreComments, storedThread } from '../../test/support/corpus-comments';
import { ThemedWordPress } from '../../test/comments/support/themed-wordpress';
import { ingestPageComments } from '../../electron/core/workers/tasks';

const RUNS = Number(process.argv[2] ?? 5);
const LONG_THREAD = 2000;

/** Median milliseconds of `runs` calls, after one warm-up call. */
function medianMs(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  const sorted = times.sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

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
} finally {
  await site.server.stop();
}
