// The article-page corpus (test/fixtures/corpus/pages/): pages in the layouts publishers serve,
// each NAME.html beside NAME.txt, the text a reader should find in the stored article, and for a
// page in another charset NAME.ct, the Content-Type its server sent. Shared by
// the corpus test and the report script (bench/corpus/pages.ts), so both measure the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { prepareArticle } from '../../electron/core/articles';
import { decodeText } from '../../electron/core/http/charset';
import { fixturePath } from './fixtures';

export interface CorpusPage {
  readonly name: string;
  readonly url: string;
  readonly html: string;
  readonly expected: string;
}

const DIR = fixturePath('corpus/pages/');
const CANONICAL = /<link rel="canonical" href="(https:[^"]+)"/;

export function corpusPages(): CorpusPage[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      // A page in a legacy charset is read as the sync reads it: its bytes, by the Content-Type
      // header its server sent (NAME.ct), its <meta> and its bytes.
      const contentType = existsSync(`${DIR}${name}.ct`) ? readFileSync(`${DIR}${name}.ct`, 'utf8').trim() : 'text/html; charset=utf-8';
      const html = decodeText(readFileSync(DIR + file), contentType, 'html');
      return {
        name,
        // Where the sync would have fetched it: its canonical address, as a feed links to it.
        url: CANONICAL.exec(html)?.[1] ?? `https://${name}.example/2024/03/11/story/`,
        html,
        expected: readFileSync(`${DIR}${name}.txt`, 'utf8'),
      };
    });
}

/** The visible text of what the sync stores for the page (no feed copy to fall back on). */
export function storedText(page: CorpusPage): string {
  return prepareArticle({ pageHtml: page.html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url }).text;
}

/** Chinese and Japanese write no spaces: each of their characters counts as a word. */
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_CHARACTERS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word) => (CJK_CHARACTER.test(word) ? word.match(CJK_CHARACTERS)! : [word]));
}

/** Word-level similarity: twice the longest common subsequence of words over both lengths
 *  (1 = the same words in the same order; extra and missing words both cost). */
export function similarity(actual: string, expected: string): number {
  const a = words(actual);
  const b = words(expected);
  if (a.length + b.length === 0) return 1;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const word of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return (2 * previous[b.length]!) / (a.length + b.length);
}
