// The "read also" labels of newsrooms writing in the languages the first lists of
// read-more-lines.ts did not hold, or held in one spelling only: Malay's "BACA:" (Harian Metro,
// Berita Harian), Filipino's "BASAHIN:", Swahili's "Soma zaidi:" and BBC Swahili's "Unaweza pia
// kusoma", Tamil's "இதையும் படிக்க:", Malayalam's "ഇതും വായിക്കുക", Thai's "อ่านข่าว :" (Thai PBS,
// Matichon, PPTV), Ukrainian's "Дивіться також:", Romanian's "Vezi și:", Hungarian's "Kapcsolódó:",
// Swedish "LÄS MER:", Danish "Læs mere", Norwegian "Les mer", Persian's "همچنین بخوانید".
// Greek sets its labels in capitals, and Greek capitals drop their accents ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ"),
// so its words take the accent or none. Kept apart so that each language's words are found in
// one place; read-more-lines.ts tells the lines by their shape (a label, then links alone).

/** Labels followed by a colon: the bare word means "read", which a story's sentence may open with. */
export const WORLD_READ_MORE_WORDS = String.raw`baca|basahin(?: (?:din|rin))?`;

/** Labels that say it without a colon too: each is a phrase no sentence of a story opens with
 *  before a link alone. */
export const WORLD_READ_MORE_BARE_WORDS = [
  String.raw`δι[αά]β[αά]στε (?:επ[ιί]σης|ακ[οό]μ[αη])`,
  String.raw`läs mer|læs mere|les mer`,
  String.raw`soma zaidi|unaweza (?:pia )?kusoma(?: pia)?`,
  String.raw`இதையும் (?:படிக்க|படிங்க|வாசிக்க)|மேலும் (?:படிக்க|வாசிக்க)`,
  String.raw`ഇതും (?:വായിക്കുക|വായിക്കൂ)|കൂടുതൽ വായിക്കാൻ`,
  String.raw`อ่านข่าว(?:อื่น ?ๆ|เพิ่มเติม)?|อ่านเพิ่ม|อ่านต่อ`,
  String.raw`дивіться також|див\. також|більше на тему`,
  String.raw`vezi (?:[sșş]i)|cite[sșş]te mai mult`,
  String.raw`kapcsolódó(?: cikk(?:ünk|ek)?| hírek?)?|olvas(?:sa|d) el (?:ezt )?is|ajánlott cikk|ezt is ajánljuk`,
  String.raw`tin liên quan`,
  String.raw`(?:همچنین|حتما) بخوانید`,
].join('|');
