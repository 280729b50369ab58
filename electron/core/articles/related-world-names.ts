// The boxes of links to other stories that newsrooms name in their own language rather than
// "related", which Readability knows: VnExpress's div.box-tinlienquanv2 ("tin liên quan", related
// news), Kompas's and Harian Metro's "terkait"/"berkaitan", Spanish and Portuguese
// "relacionadas", Italian "correlati", Hungarian "kapcsolodo", Turkish "ilgili", Nordic
// "relaterade"; and the headings over such boxes in the languages the English list in
// page-cleanup.ts lacks (BBC Persian's "مطالب مرتبط", Urdu's "متعلقہ خبریں", Greek "Σχετικά
// Άρθρα"). A box so named goes only when it is cards of links (isCardsOfLinks): a story's own
// block never is.
import { isCardsOfLinks } from './read-more-lines';

/** "related" in the class names of sites writing in other languages, as a part of a name. */
const RELATED_NAME = /tin-?lien-?quan|lien-?quan|terkait|berkaitan|relacionad|correlat|kapcsolodo|ilgili|relaterade|relaterede|relaterte/i;

/** A block named as related stories in another language that holds links to them and little else. */
export function isForeignRelatedBox(element: Element, classAttribute: string): boolean {
  return RELATED_NAME.test(classAttribute) && isCardsOfLinks(element);
}

/** Headings over links to other stories, for page-cleanup.ts's RELATED_HEADING. */
export const WORLD_RELATED_HEADINGS = [
  String.raw`مطالب مرتبط|خبرهای مرتبط|متعلقہ(?: خبریں)?`,
  String.raw`σχετικ[άα] (?:[άα]ρθρα|θ[έε]ματα)`,
  String.raw`tin liên quan|ข่าวที่เกี่ยวข้อง`,
  String.raw`публікації за темою|новини за темою|по теме`,
  String.raw`kapcsolódó (?:cikkek|hírek)|articole (?:asemănătoare|similare)`,
  String.raw`artikel berkaitan|berita berkaitan|habari zinazohusiana|தொடர்புடைய செய்திகள்`,
].join('|');
