// Report on the article-page corpus (test/fixtures/corpus/pages/): for every page, the word-level
// similarity to the expected text of what the sync stores (prepareArticle: linkedom, our page
// preparation, Readability, the sanitizer) and of plain @mozilla/readability on jsdom; the mean,
// the pages below 0.95, any page more than 0.02 below plain Readability, and the median time per
// page of each. Prints figures, asserts nothing.
// Run: npx tsx bench/corpus/pages.ts [runs]   (runs per page for the timing, default 5)
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { corpusPages, similarity, storedText, type CorpusPage } from '../../test/support/corpus-pages';
import { median, medianMs } from './timing';

const RUNS = Number(process.argv[2] ?? 5);
const GOOD = 0.95;
const ALLOWED_GAP = 0.02;

function plainReadability(page: CorpusPage): string {
  const document = new JSDOM(page.html, { url: page.url }).window.document;
  return new Readability(document).parse()?.textContent ?? '';
}

const pages = corpusPages();
const rows = pages.map((page) => ({
  name: page.name,
  ours: similarity(storedText(page), page.expected),
  plain: similarity(plainReadability(page), page.expected),
  oursMs: medianMs(() => storedText(page), RUNS),
  plainMs: medianMs(() => plainReadability(page), RUNS),
}));

const fixed = (value: number) => value.toFixed(3);
console.log(`${'page'.padEnd(28)}${'ours'.padStart(7)}${'plain'.padStart(7)}${'ours ms'.padStart(9)}${'plain ms'.padStart(10)}`);
for (const row of rows) {
  console.log(`${row.name.padEnd(28)}${fixed(row.ours).padStart(7)}${fixed(row.plain).padStart(7)}${row.oursMs.toFixed(1).padStart(9)}${row.plainMs.toFixed(1).padStart(10)}`);
}
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const below = rows.filter((row) => row.ours < GOOD);
const behind = rows.filter((row) => row.ours < row.plain - ALLOWED_GAP);
console.log(`\n${pages.length} pages`);
console.log(`mean similarity: ours ${fixed(mean(rows.map((row) => row.ours)))}, plain Readability on jsdom ${fixed(mean(rows.map((row) => row.plain)))}`);
console.log(`pages below ${GOOD}: ${below.length === 0 ? 'none' : below.map((row) => `${row.name} (${fixed(row.ours)})`).join(', ')}`);
console.log(`pages more than ${ALLOWED_GAP} below plain Readability: ${behind.length === 0 ? 'none' : behind.map((row) => `${row.name} (${fixed(row.ours)} vs ${fixed(row.plain)})`).join(', ')}`);
console.log(`median ms per page: ours ${median(rows.map((row) => row.oursMs)).toFixed(1)}, plain Readability on jsdom ${median(rows.map((row) => row.plainMs)).toFixed(1)}`);
