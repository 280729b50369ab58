// The byline and date lines over a story in the shapes lead-lines.ts did not know, from sites in
// the languages the corpus lately took in: BBC World Service's labelled byline ("نویسنده, شیرین
// کاظمی", "Author, …", "Автор, …", "Mwandishi, …": a label its English pages hide from sight and
// the copy shows), a date in the Persian (Jalali) calendar in Persian digits ("۱۷ مهر ۱۴۰۳"), which
// no Gregorian date parser reads, the writer's name then their paper ("Марія Ємець — Українська
// правда"). Only the lines above the first paragraph are tested
// (removeLeadingMetaLines), where the reader shows the byline and date in their own place.

/** "Author" in the languages BBC World Service and other news sites label their byline with. */
const BYLINE_LABEL = String.raw`author|نویسنده|نگارنده|مصنف|کاتب|автор|mwandishi|tác giả|yazar|yazan|लेखक|লেখক|συντάκτης|szerző|autor|författare|forfatter|penulis|எழுதியவர்`;
/** The label, a comma or colon, and a name of a few words (letters and their marks alone). */
const LABELLED_BYLINE = new RegExp(String.raw`^(?:${BYLINE_LABEL})\s*[,،:：]\s*\p{L}[\p{L}\p{M}\u200c'’.-]*(?:\s+\p{L}[\p{L}\p{M}\u200c'’.-]*){0,4}$`, 'iu');

/** The months of the Persian solar calendar, which Iranian and Afghan sites date their stories by. */
const JALALI_MONTH = String.raw`فروردین|اردیبهشت|خرداد|تیر|مرداد|امرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|حمل|ثور|جوزا|سرطان|اسد|سنبله|میزان|عقرب|قوس|جدی|دلو|حوت`;
const DIGITS = String.raw`[0-9۰-۹٠-٩]`;
/** "۱۷ مهر ۱۴۰۳", "۱۷ مهر ۱۴۰۳ - ۱۱:۲۰", "سه‌شنبه ۱۷ مهر ۱۴۰۳": a day, a month, a year, a time at most. */
const JALALI_DATE = new RegExp(String.raw`^(?:\p{L}[\p{L}\u200c]*\s+)?${DIGITS}{1,2}\s+(?:${JALALI_MONTH})\s+${DIGITS}{4}(?:\s*[-–،,|]?\s*(?:ساعت\s*)?${DIGITS}{1,2}[:：]${DIGITS}{2})?$`, 'u');

/** What sits between a writer's name and their paper's: a dash, a bar, a slash, a dot. */
const OUTLET_SEPARATOR = /^\s*[—–|/·•-]\s*/u;
/** A paper's name: a few words, no digits, no sentence. */
const OUTLET = /^\p{L}[\p{L}\p{M}'’«»".\s-]{0,40}$/u;

/** Whether an opening line is one of these: a labelled byline, a Jalali date, the byline's name
 *  then the paper's. (The byline's name then a date is lead-lines.ts's isBylineLine.) */
export function isWorldMetaLine(text: string, byline: string | null): boolean {
  if (LABELLED_BYLINE.test(text) || JALALI_DATE.test(text)) return true;
  if (byline === null || !text.startsWith(byline) || text.length === byline.length) return false;
  const rest = text.slice(byline.length);
  const outlet = OUTLET_SEPARATOR.exec(rest);
  return outlet !== null && OUTLET.test(rest.slice(outlet[0].length));
}
