// The language of an article whose page does not say it, or says it wrong: a Chinese paper with
// no lang at all, a Hindi site whose template keeps <html lang="en">. The reader sets the
// article's lang for its fonts (a CJK text is drawn in its own language's glyph forms) and its
// line breaking; a script that only one language of the common ones writes says the language.

/** Enough of the text to tell its script, and no more to scan (every article of every sync). */
const SAMPLE = 1000;
/** The share of a text's letters in a script that makes it that script's text. */
const MOSTLY = 0.5;
/** Kana in a Japanese text: a few in a hundred of its CJK letters at least (Chinese has none). */
const SOME_KANA = 0.05;

/** The declared language; for none, or English (templates' default), the one the text's script
 *  names, when it names one. Any other declared language stands: Nepali and Marathi write
 *  Devanagari too, Yiddish Hebrew letters. */
export function textLanguage(declared: string | null, text: string): string | null {
  if (declared !== null && declared.split('-')[0]!.toLowerCase() !== 'en') return declared;
  return scriptLanguage(text.slice(0, SAMPLE)) ?? declared;
}

/** The one language the sample's script names, when most of its letters are in one such script:
 *  Korean (Hangul), Japanese (kana among Han), Chinese (Han alone), Hindi (Devanagari), Thai,
 *  Hebrew, Greek; null for Latin, Cyrillic and Arabic text, which many languages write. */
function scriptLanguage(sample: string): string | null {
  let letters = 0;
  let hangul = 0;
  let kana = 0;
  let han = 0;
  let devanagari = 0;
  let thai = 0;
  let hebrew = 0;
  let greek = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x41 || (code > 0x5a && code < 0x61) || (code > 0x7a && code < 0xc0) || (code >= 0x3000 && code < 0x3040) || (code >= 0xff00 && code < 0xff10)) continue;
    letters++;
    if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) hangul++;
    else if (code >= 0x3040 && code <= 0x30ff) kana++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    else if (code >= 0x0900 && code <= 0x097f) devanagari++;
    else if (code >= 0x0e00 && code <= 0x0e7f) thai++;
    else if (code >= 0x0590 && code <= 0x05ff) hebrew++;
    else if (code >= 0x0370 && code <= 0x03ff) greek++;
  }
  const most = letters * MOSTLY;
  if (letters === 0) return null;
  if (hangul >= most) return 'ko';
  if (han + kana >= most) return kana >= (han + kana) * SOME_KANA ? 'ja' : 'zh';
  if (devanagari >= most) return 'hi';
  if (thai >= most) return 'th';
  if (hebrew >= most) return 'he';
  if (greek >= most) return 'el';
  return null;
}
