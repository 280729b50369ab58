// A date a page shows as text in its own language, where the theme writes no machine-readable one:
// WordPress's walker without html5 and themes with their own callback (Divi, OceanWP) print the
// comment's date in the site's formats and language only, "11. März 2024 um 8:40" on a German
// site, "11 de marzo de 2024 a las 8:40" on a Spanish one, "11 marca 2024 o 8:40" on a Polish one.
// Left unread, every comment of such a site was dated when Paperboy first saw it: a thread of
// years shown as written in one minute.
//
// The month's names come from the runtime's own locale data (Intl) for the language the page
// declares (<html lang>, which WordPress writes from the site's locale), in the forms a date uses
// them (Polish and Russian decline the month after a day: "marca", not "marzec") and alone, whole
// and short. A date is a day next to one of those names (before it, "11. März", "11 de marzo", or
// after it, "März 11"), a year of four digits, and maybe a time ("8:40", French "8 h 40"); read as
// comment-page.ts reads an English one, on the site's clock taken as UTC.
//
// Japanese, Chinese and Korean write the month as a number, each part of the date followed by its
// unit: "2022年11月20日" (WordPress's ja, zh_CN and zh_TW date format "Y年n月j日"), "2022년 11월
// 20일" (ko_KR's "Y년 n월 j일"); the time after it as "9:14 PM", "21:14", "21時14分", or with the
// half of the day written before it ("午後9:14", "下午9:14", "오후 9:14"). The units say the order, whatever
// language the page declares. Dates as bare numbers ("11.03.2024", "03/11/2024") are not read:
// which is the day and which the month differs from site to site.

interface MonthNames {
  /** Every name and short name, longest first, as one alternation. */
  readonly pattern: RegExp;
  readonly byName: ReadonlyMap<string, number>;
  readonly locale: string;
}

/** By the language as pages write it; a worker reads pages of a few languages, but a page may declare anything. */
const cache = new Map<string, MonthNames | null>();
const CACHED_LANGUAGES = 64;

/** Milliseconds since the epoch of the date `text` shows in the language `lang`, or null. */
export function localDate(text: string, lang: string | null): number | null {
  const units = unitDate(text);
  if (units !== null) return units;
  const months = lang ? monthNamesOf(lang) : null;
  if (!months) return null;
  const found = months.pattern.exec(text);
  if (!found) return null;
  const month = months.byName.get(found[2]!.toLocaleLowerCase(months.locale));
  const year = /(?<!\d)(\d{4})(?!\d)/.exec(text)?.[1];
  if (month === undefined || !year) return null;
  const before = text.slice(0, found.index + found[1]!.length);
  const after = text.slice(found.index + found[0].length);
  // The day: the number just before the month (its dot, a word such as Spanish "de" between), or just after it.
  const day = /(?<!\d)(\d{1,2})(?:\.|º|er)?\s+(?:\p{L}{1,3}\s+)?$/u.exec(before)?.[1] ?? /^\s*(\d{1,2})(?![\d:])/.exec(after)?.[1];
  if (!day || Number(day) < 1 || Number(day) > 31) return null;
  const time = /(?<!\d)(\d{1,2})\s*(?::|h)\s*([0-5]\d)(?!\d)(?:\s*([ap])\.?m\b)?/i.exec(text.replace(year, ''));
  let hours = time ? Number(time[1]) : 0;
  if (time?.[3]) hours = (hours % 12) + (time[3].toLowerCase() === 'p' ? 12 : 0);
  const minutes = time ? Number(time[2]) : 0;
  if (hours > 23) return null;
  const at = Date.UTC(Number(year), month, Number(day), hours, minutes);
  // "31 février": not a day of that month.
  return new Date(at).getUTCDate() === Number(day) ? at : null;
}

/** Year, month and day each followed by its unit (年月日, 년월일), then maybe the time. */
const UNIT_DATE = /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u;
/** "9:14 PM", "21:14", "18時30分", "午後9:14", "下午 9:14", "오후 9시 14분": the half of the day before or after the time. */
const UNIT_TIME = /^[^\d]{0,12}?(午前|午後|上午|下午|오전|오후)?\s*(\d{1,2})(?::([0-5]\d)(?!\d)|\s*[時时시]\s*([0-5]?\d)\s*[分분])(?:\s*([AaPp])\.?[Mm]\b)?/u;
const AFTERNOON = new Set(['午後', '下午', '오후']);

/** The date and time of a date written with its units (UNIT_DATE), on the site's clock taken as UTC; null for none. */
function unitDate(text: string): number | null {
  const found = UNIT_DATE.exec(text);
  if (!found) return null;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const time = UNIT_TIME.exec(text.slice(found.index + found[0].length));
  let hours = time ? Number(time[2]) : 0;
  const half = time?.[1] ?? time?.[5];
  if (half) hours = (hours % 12) + (AFTERNOON.has(half) || half.toLowerCase() === 'p' ? 12 : 0);
  if (hours > 23 || month < 1 || month > 12) return null;
  const at = Date.UTC(year, month - 1, day, hours, time ? Number(time[3] ?? time[4]) : 0);
  return new Date(at).getUTCDate() === day ? at : null;
}

/** The month names of the language, or null where the runtime knows no such language. */
function monthNamesOf(lang: string): MonthNames | null {
  const language = lang.trim().toLowerCase();
  if (cache.has(language)) return cache.get(language)!;
  let names: MonthNames | null = null;
  try {
    const locale = Intl.DateTimeFormat.supportedLocalesOf([language])[0];
    // English is read by comment-page.ts's own pattern, which knows its formats better.
    if (locale && !locale.startsWith('en')) names = monthNames(locale);
  } catch {
    // Not a language tag at all (lang="x_broken").
  }
  if (cache.size >= CACHED_LANGUAGES) cache.clear();
  cache.set(language, names);
  return names;
}

function monthNames(locale: string): MonthNames | null {
  const byName = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] = [
    { day: 'numeric', month: 'long' }, { month: 'long' }, { day: 'numeric', month: 'short' }, { month: 'short' },
  ];
  for (const style of styles) {
    const format = new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' });
    for (let month = 0; month < 12; month++) {
      const part = format.formatToParts(Date.UTC(2024, month, 15)).find((p) => p.type === 'month')?.value;
      const name = part?.replace(/\.$/, '').toLocaleLowerCase(locale);
      // A month written as a number ("3月", "03") is no name to find.
      if (name && /\p{L}{3,}/u.test(name) && !byName.has(name)) byName.set(name, month);
    }
  }
  if (byName.size < 12) return null;
  const alternatives = [...byName.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // The name as a word of its own, its abbreviation's dot allowed after it.
  return { byName, locale, pattern: new RegExp(`(^|[^\\p{L}])(${alternatives.join('|')})\\.?(?![\\p{L}])`, 'iu') };
}
