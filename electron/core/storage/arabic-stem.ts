// Arabic words as search finds them: without the article and the particles written joined to them
// (الحكومة "the government", والمنظمات "and the organizations", بالشاحنات "by the lorries") and
// without the common suffixes (ة, ات, ين, ون, ها...). Arabic has no space between a word and these,
// so a search for حكومة found no text that wrote الحكومة. The light stemmer is Larkey's "light10",
// as Lucene's ArabicStemmer has it: one prefix, then each suffix in turn, each only when two
// letters or more are left. Persian and Urdu share the script but not these affixes (Persian
// بالاست "is high" would lose بال, والدین "parents" would become دین "religion"): their texts
// are not stemmed (isArabicLanguage).
// Words come here folded (search-grams.ts foldArabic): ي is ی, ك is ک, ة is ه.

/** The prefixes, in the order they are tried; at most one is taken off. */
const PREFIXES = ['\u0627\u0644', '\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u06a9\u0627\u0644', '\u0641\u0627\u0644', '\u0644\u0644', '\u0648'];
/** The suffixes, each taken off in turn when the word (as left by the ones before) ends with it:
 *  ها ان ات ون ین یه ه ی (ية and يه, ة and ه are one once folded). */
const SUFFIXES = ['\u0647\u0627', '\u0627\u0646', '\u0627\u062a', '\u0648\u0646', '\u06cc\u0646', '\u06cc\u0647', '\u0647', '\u06cc'];

/** A folded Arabic word's stem (the word itself when no affix comes off). */
export function arabicStem(folded: string): string {
  let word = folded;
  // و alone comes off a word of four letters or more only (وزير keeps it; ومدير loses it).
  const prefix = PREFIXES.find((candidate) => word.startsWith(candidate) && word.length >= (candidate.length === 1 ? 4 : candidate.length + 2));
  if (prefix !== undefined) word = word.slice(prefix.length);
  for (const suffix of SUFFIXES) {
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) word = word.slice(0, -suffix.length);
  }
  return word;
}

/** Letters only Arabic writes (ي ك ة ى), as written, before folding. */
const ARABIC_ONLY = /[\u064a\u0643\u0629\u0649]/g;
/** Letters only Persian or Urdu write (ی ک پ چ ژ گ, and Urdu's ے ہ ٹ ڈ ڑ ں). */
const PERSIAN_OR_URDU_ONLY = /[\u06cc\u06a9\u067e\u0686\u0698\u06af\u06d2\u06c1\u0679\u0688\u0691\u06ba]/g;

/** Whether a word as typed (unfolded) has a letter only Persian or Urdu writes: no Arabic word, whose stem then means nothing. */
export function hasPersianOrUrduLetter(word: string): boolean {
  return word.search(PERSIAN_OR_URDU_ONLY) >= 0;
}

/** Whether an article's text (unfolded) is Arabic rather than Persian or Urdu: more of the letters only Arabic writes. */
export function isArabicLanguage(text: string): boolean {
  const arabic = text.match(ARABIC_ONLY)?.length ?? 0;
  return arabic > 0 && arabic > (text.match(PERSIAN_OR_URDU_ONLY)?.length ?? 0);
}
