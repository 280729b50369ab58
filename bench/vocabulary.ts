// The words of the benchmark's prose, drawn the way a language uses its words: by Zipf's law (the
// word of rank r comes up in proportion to 1/r) over a vocabulary of 40,000. Why: the search
// index's cost grows with the words it has to keep apart (FTS5 keeps a list of rows per word and
// merges them as the index grows), and so does what it writes to disk. 5,000 news articles use
// some 30,000-60,000 different words, the 100 commonest of them ("the", "of", ...) about half of
// all the words written. A text of 22 words, as the benchmark had, made an index of 3 MB for
// 20 MB of text, its building nearly free: it flattered us.
//
// Past the 100 real function words, the words are made of syllables (two to four, the rarer the
// longer), so the average word is some 5 letters, as in English news.

const FUNCTION_WORDS = (
  'the of and to a in that is was for on it with as he be at by his from are this had have but ' +
  'not they were which or an their has been one said would will who all she more her there after ' +
  'its we also when two can about than first new other out up into year could over people some ' +
  'only them if no last what time so most may three before years like now just made many those ' +
  'while where then these such both between during'
).split(' ');

const SYLLABLES = ('ba be bi bo bu ca ce co da de di do fa fe fi fo ga ge go ha he hi ho ka ke ki la le li lo lu ' +
  'ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi wa we ' +
  'ar er or an en in on al el il ton ley ment ing ter ver der ber sel mar ten').split(' ');

const VOCABULARY_SIZE = 40_000;

/** The vocabulary, commonest first. */
const VOCABULARY: readonly string[] = (() => {
  const words = [...FUNCTION_WORDS];
  const seen = new Set(words);
  for (let n = 0; words.length < VOCABULARY_SIZE; n++) {
    // The rarer the word, the more syllables: 2 up to rank 1,000, 3 up to 10,000, then 4.
    const count = words.length < 1_000 ? 2 : words.length < 10_000 ? 3 : 4;
    let word = '';
    // n's digits in base SYLLABLES.length, spread so that neighbouring words do not rhyme.
    for (let i = 0, rest = n * 7919 + 13; i < count; i++, rest = Math.floor(rest / SYLLABLES.length)) word += SYLLABLES[rest % SYLLABLES.length];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
})();

/** Running sums of 1/rank, for drawing a rank by binary search. */
const CUMULATIVE: Float64Array = (() => {
  const sums = new Float64Array(VOCABULARY.length);
  let total = 0;
  for (let rank = 1; rank <= VOCABULARY.length; rank++) sums[rank - 1] = total += 1 / rank;
  return sums;
})();

/** One word, drawn by its frequency, with `rand` (uniform in [0, 1)). */
export function drawWord(rand: () => number): string {
  const target = rand() * CUMULATIVE[CUMULATIVE.length - 1]!;
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (CUMULATIVE[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low]!;
}
