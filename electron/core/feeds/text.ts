// Small text helpers shared by the feed mappers: feeds mix plain text, escaped HTML and dates in
// a dozen formats, and every mapper must turn them into the same plain values.
import type * as Linkedom from 'linkedom';
import { lazyModule } from '../system/lazy-module';

const linkedom = lazyModule<typeof Linkedom>('linkedom');

/** Elements whose boundaries separate words: without a space there, "<p>a</p><p>b</p>" reads "ab". */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);
const INVISIBLE = new Set(['script', 'style', 'template', 'noscript']);

/** Whitespace that is not one lone space: another whitespace character, or two spaces in a row. */
const IRREGULAR_SPACE = /[^\S ]| {2}/;

/**
 * The text with each run of whitespace one space. Most text (titles, names, summaries, the opening
 * of a snippet) is single-spaced already, and replacing every one of its spaces by a space copied
 * it anyway: a new string and some garbage for every call, several calls an item. Such text is
 * given back as it is, after one scan that allocates nothing.
 */
export function singleSpaced(text: string): string {
  return IRREGULAR_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

export function collapseWhitespace(text: string): string {
  return singleSpaced(text).trim();
}

/** Text of an HTML fragment: entities decoded, tags and scripts dropped, whitespace collapsed. */
export function htmlToText(html: string): string {
  // Most titles are plain: skip building a DOM for them.
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const { document } = linkedom().parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const parts: string[] = [];
  // Depth first with a stack of its own: a hostile feed nests tags thousands deep.
  const pending: (ChildNode | 'space')[] = Array.from(document.body.childNodes).reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === 'space') parts.push(' ');
    else if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1) {
      const name = (node as Element).localName.toLowerCase();
      if (INVISIBLE.has(name)) continue;
      if (BLOCK.has(name)) {
        parts.push(' ');
        pending.push('space');
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  }
  return collapseWhitespace(parts.join(''));
}

/** Tags that make a title markup rather than text: "std::vector<int>" and "x<y and a<b" are text. */
const TITLE_TAGS = 'a|abbr|b|big|br|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|p|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var';
const TITLE_MARKUP = new RegExp(`<(?:/(?:${TITLE_TAGS})\\s*|(?:${TITLE_TAGS})(?:\\s[^<>]*)?/?)>`, 'i');

/**
 * A title as the reader should see it. Feeds escape titles unevenly (RSS has no type attribute),
 * so one is read as HTML only when it holds tags a title would use; otherwise a '<' is a
 * character, and only the entities are decoded.
 */
export function titleText(text: string): string {
  return htmlToText(hasInlineMarkup(text) ? text : text.replace(/</g, '&lt;'));
}

/** The text holds the tags a title or a short description would use: it is HTML, not text with a '<' in it. */
export function hasInlineMarkup(text: string): boolean {
  return TITLE_MARKUP.test(text);
}

/** The block and media tags a body is made of besides a title's: a description made of <div>s or a <ul> is HTML too. */
const BODY_TAGS = `${TITLE_TAGS}|article|aside|audio|blockquote|center|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|iframe|li|ol|picture|pre|section|source|table|tbody|td|th|thead|tr|ul|video`;
const BODY_MARKUP = new RegExp(`<(?:/(?:${BODY_TAGS})\\s*|(?:${BODY_TAGS})(?:\\s[^<>]*)?/?)>|<!--`, 'i');

/**
 * A description holds markup: it is HTML. Feeds fill descriptions with HTML or with plain text
 * without saying which; without any tag a body would use, it is text ("<3", "x<y" included).
 */
export function hasMarkup(text: string): boolean {
  return BODY_MARKUP.test(text);
}

/**
 * Plain text with its HTML entities decoded and its line breaks kept (htmlToText collapses them):
 * publishers escape a plain-text description as they would HTML (WordPress's "[&#8230;]").
 */
export function withDecodedEntities(text: string): string {
  if (!text.includes('&')) return text;
  const { document } = linkedom().parseHTML(`<!doctype html><html><head></head><body>${text.replace(/</g, '&lt;')}</body></html>`);
  return document.body.textContent ?? text;
}

/** The alt text of the first picture in an HTML fragment that has one, else ''. */
export function firstImageAlt(html: string): string {
  if (!/<img\b/i.test(html)) return '';
  const { document } = linkedom().parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const alts = Array.from(document.querySelectorAll('img'), (img) => collapseWhitespace(img.getAttribute('alt') ?? ''));
  return alts.find((alt) => alt !== '') ?? '';
}

/** The longest title kept: a 100,000-character title made a heading 184,240 px tall. */
export const MAX_TITLE_LENGTH = 1000;
/**
 * C0 and C1 controls (ESC sequences would reach a terminal through `paperboy add`), the bidi
 * embeddings, overrides and isolates that let "\u202Eswen CBB\u202C" pose as "BBC news", and the
 * invisible hints inside a word (a soft hyphen, "Bundes&shy;liga"; a zero-width space; a word
 * joiner), which split the headline's word for search and for a terminal.
 */
const UNSHOWABLE = /[\0-\x1f\x7f-\x9f\u00ad\u200b\u202a-\u202e\u2060\u2066-\u2069]/g;

/** A title or name fit to show anywhere: controls and bidi overrides removed, length capped. */
export function displayText(text: string): string {
  return truncateText(collapseWhitespace(c1AsWindows1252(text).replace(/[\t\n\r]/g, ' ').replace(UNSHOWABLE, '')), MAX_TITLE_LENGTH);
}

const C1 = /[\x80-\x9f]/g;
/** Windows-1252's characters at 0x80-0x9F; the five bytes it leaves undefined stay controls. */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * C1 controls read as the windows-1252 characters their writer meant. Publishers write curly
 * quotes and dashes as "&#146;" and "&#150;" (the byte in windows-1252); XML reads that as the
 * control U+0092, no text holds a C1 control on purpose, and HTML's numeric reference rule, feed
 * readers and browsers all show ’ and –.
 */
export function c1AsWindows1252(text: string): string {
  return text.replace(C1, (control) => WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80]!);
}

/** Shortens text to about `max` characters at a word boundary. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as HTML: blank lines make paragraphs, single newlines make line breaks; with `links`, web addresses become links. */
export function textToHtml(text: string, options: { readonly links?: boolean } = {}): string {
  const paragraphHtml = options.links ? linkedHtml : escapeHtml;
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraphHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A web address in running text; a last '.', ',', ')' and the like end the sentence, not the address. */
const ADDRESS_IN_TEXT = /\bhttps?:\/\/[^\s<>"]*[^\s<>"'.,;:!?)\]]/g;

/** Escaped text with its http(s) addresses as links: descriptions written as plain text (YouTube's) list them bare. */
function linkedHtml(text: string): string {
  let html = '';
  let done = 0;
  for (const match of text.matchAll(ADDRESS_IN_TEXT)) {
    const href = absoluteHttpUrl(match[0]);
    if (href === null) continue;
    html += `${escapeHtml(text.slice(done, match.index))}<a href="${escapeHtml(href)}">${escapeHtml(match[0])}</a>`;
    done = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(done));
}

/**
 * Zone names feeds write after a time, as offsets. V8 reads only UT/UTC/GMT and the four US
 * zones with S/D; the rest gave no date at all. Where a name is ambiguous the common feed meaning
 * wins (IST: India, BST: British Summer Time, GST: the Gulf), and the generic US names (PT, ET)
 * take standard time. Besides Europe's, North America's and the Pacific's, the names news sites'
 * CMSs print in Africa (SAST, CAT, WAT, EAT), Asia (PKT, NPT, ICT, WIB, WITA, WIT, PHT, MYT, TRT,
 * IRST, GST), South America (BRT, ART, CLT) and French Canada (HNE, HAE).
 */
const ZONES: Readonly<Record<string, string>> = {
  UT: '+0000', UTC: '+0000', GMT: '+0000', WET: '+0000', WEST: '+0100', BST: '+0100', IST: '+0530',
  CET: '+0100', MET: '+0100', MEZ: '+0100', CEST: '+0200', MEST: '+0200', MESZ: '+0200', EET: '+0200', EEST: '+0300',
  MSK: '+0300', SGT: '+0800', HKT: '+0800', AWST: '+0800', JST: '+0900', KST: '+0900', ACST: '+0930', ACDT: '+1030',
  AEST: '+1000', AEDT: '+1100', NZST: '+1200', NZDT: '+1300',
  WAT: '+0100', CAT: '+0200', SAST: '+0200', EAT: '+0300', TRT: '+0300', IRST: '+0330', GST: '+0400', PKT: '+0500',
  NPT: '+0545', ICT: '+0700', WIB: '+0700', WITA: '+0800', WIT: '+0900', PHT: '+0800', PHST: '+0800', MYT: '+0800',
  HST: '-1000', AKST: '-0900', AKDT: '-0800', PT: '-0800', PST: '-0800', PDT: '-0700', MT: '-0700', MST: '-0700',
  MDT: '-0600', CT: '-0600', CST: '-0600', CDT: '-0500', ET: '-0500', EST: '-0500', EDT: '-0400', AT: '-0400',
  AST: '-0400', ADT: '-0300', NST: '-0330', NDT: '-0230', HNE: '-0500', HAE: '-0400',
  BRT: '-0300', BRST: '-0200', ART: '-0300', CLT: '-0400', CLST: '-0300',
};
const TRAILING_ZONE_NAME = /[\s(]\(?([A-Za-z]{2,5})\)?\s*$/;
/** A time just before a zone name (isUnknownZone). */
const TIME_AT_END = /\d:\d\d(?::\d\d)?(?:[.,]\d+)?\s*$/;
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT/;
const ISO_DATE = /^\d{4}-\d\d(?:-\d\d)?$/;
/** An offset after the time, or after its AM or PM ("10:30 PM +0200"), or a UTC name anywhere. */
const HAS_ZONE = /\d:\d\d(?::\d\d)?(?:[.,]\d+)?\s*(?:[AP]M\s*)?(?:Z|[+-]\d\d(?::?\d\d)?)\s*$|\b(?:GMT|UTC?)\b/i;
/** The space some generators put before an ISO date's numeric offset ("2024-05-01T10:00:00 +0200"). */
const SPACED_ISO_OFFSET = /\s+([+-]\d\d(?::?\d\d)?)$/;
/** Day, month and year with dots, the German and Russian way ("01.05.2024 10:00"), and its time. */
const DOTTED_DATE = /^(\d\d?)\.(\d\d?)\.(\d{4})(?:,?\s+(\d\d?)(:\d\d(?::\d\d)?))?(?=\s|$)/;
/**
 * What sites print around a date for people, which V8 refuses: an ordinal day ("1st"), and a word or
 * mark between the day and the time (Drupal's "Tuesday, December 1, 2026 - 10:00", "at 10:00 am").
 */
const ORDINAL_DAY = /\b(\d\d?)(?:st|nd|rd|th)\b/gi;
const BEFORE_TIME = /\s+(?:[-\u2013\u2014@|]|at|um|à)\s+(?=\d\d?:\d\d)/gi;
/** Day, month and year with slashes, the European way, when the day cannot be a month ("27/08/2024"):
 *  V8 reads them month first, as the US writes them (and "12/01/2026" stays 1 December). */
const SLASHED_DAY_FIRST = /^(1[3-9]|2\d|3[01])\/(\d\d?)\/(\d{4})\b/;
/** Times as people write them in other places: "5:00 a.m.", "10h15" (French), "10:15 Uhr" (German). */
const DOTTED_AM_PM = /(\d)\s*([ap])\.\s?m\.?(?=[\s,]|$)/gi;
/** "3:04pm" and "10 am" (AP style's "10 a.m."): V8 reads "3:04 pm" but refuses the am or pm written
 *  on, and an hour without its minutes. */
const AM_PM_WRITTEN_ON = /(\d)([ap]m)(?![a-z])/gi;
const HOUR_AM_PM = /(?<![\d:])(\d\d?) ([ap]m)(?![a-z])/gi;
/** AP style's words for 12:00 ("noon", "12 noon", "midnight": the start of the day it names), which V8 refuses. */
const NOON_OR_MIDNIGHT = /(?:\b12(?::00)?\s*)?\b(noon|midnight)\b/gi;
/** A time with a dot after the year, the British way ("7 December 2026 3.04pm", "Mon 7 Dec 2026 15.04 GMT"). */
const DOTTED_CLOCK = /(\d{4},?\s+(?:at\s+)?\d\d?)\.(\d\d)(?![\d.])/;
/** Java's Date.toString(), which Java CMSs print: the zone between the time and the year ("Mon Dec 07 15:04:00 EST 2026"). */
const JAVA_DATE = /^((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d\d?) (\d\d:\d\d:\d\d) ([A-Z]{2,5}) (\d{4})$/;
/** Greek's am and pm after a time (el_GR's strftime and Greek CMSs): "π.μ." (before noon), "μ.μ." (after), also undotted or in capitals ("10:30 ΜΜ"). */
const GREEK_AM_PM = /(\d:\d\d(?::\d\d)?)\s*([πμ])\.?\s?μ\.?(?!\p{L})/giu;
const FRENCH_TIME = /\b(\d\d?)\s?h\s?(\d\d)\b/g;
const CLOCK_WORD = /(\d:\d\d)\s*Uhr\b/gi;
/**
 * A date in Chinese, Japanese or Korean characters ("2024年8月27日(火) 10時15分", "2024년 8월 27일
 * 오후 3:15"), which V8 does not read: the year, month and day, the weekday in brackets, the hours
 * and minutes, and the morning or afternoon word before the time.
 */
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d\d?)\s*[月월]\s*(\d\d?)\s*[日일]\s*(?:[(（][^)）]{1,3}[)）])?/;
const CJK_TIME = /(\d\d?)\s*[時时시]\s*(\d\d?)\s*[分분]?(?:\s*(\d\d?)\s*[秒초])?/;
const CJK_HALF_DAY = /(上午|午前|오전|下午|午後|오후)\s*(\d\d?:\d\d)/;
const AFTERNOON = new Set(['下午', '午後', '오후']);
/**
 * A date as Vietnamese news sites print it ("Thứ hai, 7/12/2026, 08:30 (GMT+7)", VnExpress's;
 * "07 Tháng 12 2026", "ngày 7 tháng 12 năm 2026"): a weekday of two words, the day before the
 * month always (V8 reads "7/12/2026" as 12 July), and the month as "tháng" and its number.
 */
const VIETNAMESE = /(?<!\p{L})(?:thứ|chủ\s+nhật|tháng)(?!\p{L})|(?<![\p{L}\p{N}])(?:T[2-7]|CN)(?![\p{L}\p{N}])/iu;
/** The weekday, also abbreviated as the sites' date lines and Vietnamese calendars write it ("T2" for Thứ hai ... "T7", "CN" for Chủ nhật). */
const VIETNAMESE_WEEKDAY = /(?<!\p{L})(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?!\p{L})\s*,?\s*|(?<![\p{L}\p{N}])(?:T[2-7]|CN)(?![\p{L}\p{N}])\s*,?\s*/giu;
const VIETNAMESE_MONTH_DATE = /(?:ngày\s+)?(\d\d?)\s+tháng\s+(\d\d?)\s*,?\s+(?:năm\s+)?(\d{4})/iu;
const SLASHED_DAY_MONTH = /^(\d\d?)\/(\d\d?)\/(\d{4})\b,?/;
/** The same after a weekday ("Δευτέρα, 07/12/2026"). */
const SLASHED_DATE = /(?<![\d/])(\d\d?)\/(\d\d?)\/(\d{4})\b/;
/** An offset written as the zone plus hours in brackets ("(GMT+7)"): V8 skips whatever is in brackets, and the date was read in the machine's zone. */
const BRACKETED_GMT_HOURS = /\(\s*(?:GMT|UTC)\s*([+-])(\d\d?)(?::?(\d\d))?\s*\)/i;
/** The zone's name after an ISO date's offset (RFC 9557: "+01:00[Europe/Paris]"); the offset says it. */
const BRACKETED_ZONE = /\[[^\]]*\]$/;
/** An ISO offset in hours alone ("+01"), which V8 refuses. */
const ISO_HOURS_OFFSET = /([+-]\d\d)$/;
/** A numeric offset just before a trailing zone name: the offset wins ("+0100 GMT", "-08:00 PST"). */
const NUMERIC_OFFSET_AT_END = /[+-]\d\d:?\d\d\s*$/;
const BASIC_ISO = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)?(Z|[+-]\d\d:?\d\d)?$/;
/** A four-digit year that starts with 0, not an offset's digits ("+0100"). */
const EARLY_YEAR = /(?<![\d+\-.:,])0\d{3}(?!\d)/;
/** Unix time as some generators print it: seconds (ten digits) or milliseconds (thirteen), from 2001 on. */
const UNIX_SECONDS = /^\d{10}$/;
const UNIX_MILLISECONDS = /^\d{13}$/;
/** Around the Unix epoch: what a generator prints for a date it does not have ("Thu, 01 Jan 1970"), in any zone. */
const EPOCH_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Month names feeds write in German, French, Spanish, Italian, Dutch, Portuguese and Russian (the
 * languages of most non-English feeds whose generators localize RFC 822 dates: "Di, 05 Mär 2024",
 * "mar., 05 mars 2024", "01 мая 2024"), full and abbreviated, with and without their accents, by
 * month; Russian ones also in the genitive a date takes. Names English shares (Jan, April, sept,
 * ...) are left to V8, which reads them.
 */
const LOCAL_MONTHS: readonly string[] = [
  'januar jänner jän janvier janv enero ene gennaio gen januari janeiro января январь янв',
  'februar feber février févr fevrier fevr febrero febbraio februari fevereiro fev февраля февраль фев',
  'märz mär maerz mrz mars marzo maart mrt março marco марта март мар',
  'avril avr abril abr aprile апреля апрель апр',
  'mai mayo maggio mag mei maio мая май',
  'juni juin junio giugno giu junho июня июнь июн',
  'juli juillet juil julio luglio lug julho июля июль июл',
  'août aout agosto ago augustus августа август авг',
  'septembre setiembre septiembre settembre set setembro сентября сентябрь сен сент',
  'oktober okt octobre octubre ottobre ott outubro out октября октябрь окт',
  'novembre noviembre novembro ноября ноябрь ноя',
  'dezember dez décembre déc decembre diciembre dicembre dic dezembro декабря декабрь дек',
];
/** The same for Polish, Czech, the Scandinavian languages and Finnish, as glibc's locales abbreviate them (PHP's strftime). */
const NORTHERN_MONTHS: readonly string[] = [
  'styczeń styczen stycznia sty leden ledna led tammikuu tammikuuta tammi',
  'luty lutego lut únor unor února unora úno uno helmikuu helmikuuta helmi',
  'marzec marca březen brezen března brezna bře bre maaliskuu maaliskuuta maalis',
  'kwiecień kwiecien kwietnia kwi duben dubna dub huhtikuu huhtikuuta huhti',
  'maj maja květen kveten května kvetna kvě kve toukokuu toukokuuta touko',
  'czerwiec czerwca cze červen cerven června cervna čen cen kesäkuu kesäkuuta kesä',
  'lipiec lipca lip červenec cervenec července cervence čec cec heinäkuu heinäkuuta heinä',
  'sierpień sierpien sierpnia sie srpen srpna srp augusti elokuu elokuuta elo',
  'wrzesień wrzesien września wrzesnia wrz září zari zář zar syyskuu syyskuuta syys',
  'październik pazdziernik października pazdziernika paź paz říjen rijen října rijna říj rij lokakuu lokakuuta loka',
  'listopad listopada listopadu lis marraskuu marraskuuta marras',
  'grudzień grudzien grudnia gru prosinec prosince pro desember des joulukuu joulukuuta joulu',
];
/** The same for Turkish, Indonesian and Malay, full and abbreviated, Turkish also without its letters ş, ğ, ı, ü (news portals' CMSs in PHP print them). */
const TURKISH_MALAY_MONTHS: readonly string[] = [
  'ocak oca',
  'şubat şub subat sub',
  'mart maret mac',
  'nisan nis',
  'mayıs mayis',
  'haziran haz',
  'temmuz tem julai',
  'ağustos ağu agustos agustus agu agt ogos ogo ogs',
  'eylül eylul eyl',
  'ekim eki',
  'kasım kasim kas nopember nop',
  'aralık aralik ara disember dis',
];
/**
 * The same for Greek, as el_GR's glibc locale and Greek CMSs print them: the nominative
 * ("Δεκέμβριος"), the genitive a date takes ("7 Δεκεμβρίου 2026") and the abbreviation ("Δεκ").
 * Written without accents and with σ for ς: a Greek word is looked up that way (greekFolded),
 * because upper case drops the accents ("ΔΕΚΕΜΒΡΙΟΥ") and CMSs print either.
 */
const GREEK_MONTHS: readonly string[] = [
  'ιανουαριοσ ιανουαριου ιαν',
  'φεβρουαριοσ φεβρουαριου φεβ',
  'μαρτιοσ μαρτιου μαρ',
  'απριλιοσ απριλιου απρ',
  'μαιοσ μαιου μαι',
  'ιουνιοσ ιουνιου ιουν',
  'ιουλιοσ ιουλιου ιουλ',
  'αυγουστοσ αυγουστου αυγ',
  'σεπτεμβριοσ σεπτεμβριου σεπ σεπτ',
  'οκτωβριοσ οκτωβριου οκτ',
  'νοεμβριοσ νοεμβριου νοε',
  'δεκεμβριοσ δεκεμβριου δεκ',
];
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_IN_ENGLISH: ReadonlyMap<string, string> = new Map(
  [...LOCAL_MONTHS, ...NORTHERN_MONTHS, ...TURKISH_MALAY_MONTHS, ...GREEK_MONTHS].flatMap((names, i) => names.split(' ').map((name) => [name, ENGLISH_MONTHS[i % 12]!] as const)),
);
/**
 * Weekday names in the same languages (and those of NORTHERN_MONTHS), and the words around a date ("5 de marzo de 2024",
 * "segunda-feira", "1 мая 2024 г."): a weekday only repeats what the date says, so they are
 * dropped. "mar" (Tuesday in French, Spanish and Italian) is also March, and is handled apart.
 */
const LOCAL_WEEKDAYS: ReadonlySet<string> = new Set(
  (
    'montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sa sonnabend sonntag so ' +
    'lundi lun mardi mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim ' +
    'lunes martes miércoles miercoles mié mie jueves jue viernes vie sábado sabado sáb sab domingo dom ' +
    'lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi gio venerdì venerdi sabato domenica ' +
    'maandag ma dinsdag woensdag wo donderdag vrijdag vr zaterdag za zondag zo ' +
    'segunda seg terça terca ter quarta qua quinta qui sexta sex feira de del ' +
    'понедельник пн вторник вт среда ср четверг чт пятница пт суббота сб воскресенье вс г года ' +
    'poniedziałek poniedzialek pon wtorek wt wto środa sroda śr sr śro sro czwartek czw piątek piatek pią pia pt sobota sob niedziela niedz nie nd ' +
    'pondělí pondeli po úterý utery út ut středa streda st čtvrtek ctvrtek čt ct pátek patek pá pa ne neděle nedele ' +
    'måndag mån tisdag tis onsdag ons torsdag tor fredag fre lördag lör söndag sön mandag man tirsdag tir lørdag lør søndag søn ' +
    'maanantai tiistai ti keskiviikko ke torstai to perjantai pe lauantai la sunnuntai su ' +
    'pazartesi pzt salı sali sal çarşamba carsamba çar car perşembe persembe per cuma cum cumartesi cmt pazar paz ' +
    'senin sen selasa sel rabu rab kamis kam jumat jum sabtu minggu min isnin isn khamis kha jumaat ahad aha ' +
    'δευτερα δευ τριτη τρι τεταρτη τετ πεμπτη πεμ παρασκευη παρ σαββατο σαβ κυριακη κυρ'
  ).split(' '),
);
/** Words that name a weekday in one language and a month in another: a weekday before a month ("Paz, 06 Ara": Sunday, not October). */
const WEEKDAY_OR_MONTH: ReadonlySet<string> = new Set(['mar', 'paz']);
/** RFC 822 as most feeds write it, in English: no other language's names to look for. */
const ENGLISH_RFC_822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d\d? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/;
/** RFC 822 whole, as generators print it (a 24-hour time, an offset or a zone's name): nothing to rewrite.
 *  Any other, even if it starts the same ("Mon, 7 Dec 2026 3:04 p.m. EST", "... noon"), was written for people. */
const PLAIN_RFC_822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d\d? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(?::\d\d)? (?:[+-]\d{4}|[A-Z]{1,4})$/;
/** A word of a date, accents included (combining ones too: "Ma\u0308rz"). */
const DATE_WORD = /[\p{L}\p{M}]+/gu;
/** Where a word is an English month for V8 (it reads a month by its first three letters). */
const ENGLISH_MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * The date with its localized month in English and its localized weekday dropped, or the date as
 * it was when it has no such word. Parsing runs for every item of every sync: the common English
 * RFC 822 date costs one anchored test (34 ns against V8's 240 ns parse), other dates one scan of their words.
 */
function withEnglishNames(date: string): string {
  if (ENGLISH_RFC_822.test(date)) return date;
  const words = Array.from(date.matchAll(DATE_WORD), (match) => ({ at: match.index, text: match[0], name: dateWordName(match[0]) }));
  if (!words.some(({ name }) => MONTH_IN_ENGLISH.has(name) || LOCAL_WEEKDAYS.has(name))) return date;
  let english = '';
  let copied = 0;
  words.forEach(({ at, text, name }, i) => {
    // "mar" before another month is Tuesday ("mar., 05 mars 2024"), else March; "paz" Sunday (Turkish), else October (Polish).
    const weekday = WEEKDAY_OR_MONTH.has(name) && words.slice(i + 1).some((later) => MONTH_IN_ENGLISH.has(later.name) || ENGLISH_MONTH_WORD.test(later.name));
    const month = weekday ? undefined : MONTH_IN_ENGLISH.get(name);
    if (month === undefined && !weekday && !LOCAL_WEEKDAYS.has(name)) return;
    english += date.slice(copied, at) + (month ?? '');
    // A dropped word takes its abbreviation's dot and its comma with it.
    copied = at + text.length;
    if (month === undefined) copied += /^[.,]*/.exec(date.slice(copied))![0].length;
  });
  return collapseWhitespace(english + date.slice(copied));
}

const GREEK_LETTER = /\p{Script=Greek}/u;

/** A date's word as the name lists write it: lower case; a Greek one also without its accents (or diaeresis: "ΜΑΪΟΥ") and with σ for a final ς. */
function dateWordName(word: string): string {
  // Turkish's capital İ lowers to i and a combining dot ("EKİ"): the dot goes, as it does in tr_TR's lower case.
  const name = word.normalize('NFC').toLowerCase().replace(/\u0307/g, '');
  return GREEK_LETTER.test(name) ? name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ς/g, 'σ') : name;
}

/**
 * RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and W3C-DTF (Dublin Core) dates, also with month and
 * weekday names in the common European languages, and the dates sites print for people ("December
 * 1st, 2026 at 10:00", "5:00 a.m. ET", "27 août 2024 à 10h15", "2024年8月27日 10時15分"); anything
 * unreadable is null. A date without a
 * zone is UTC: read in the machine's local time, the stored instant would depend on where
 * Paperboy runs.
 */
export function parseDate(text: string | null | undefined): number | null {
  let trimmed = text?.trim();
  if (!trimmed) return null;
  if (UNIX_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  if (UNIX_MILLISECONDS.test(trimmed)) return Number(trimmed);
  // V8's fallback parser reads a bare number as a day of 2001 ("12" is 1 December 2001, "0" is
  // 2000): no feed means that, so only a four-digit year passes as a date made of digits alone.
  if (/^[+-]?\d+$/.test(trimmed) && !/^\d{4}$/.test(trimmed)) return null;
  // Go's zero time, which Hugo prints for a page without a date ("Mon, 01 Jan 0001"; V8 reads
  // that year as 2001), and any other year before 1000: no date at all.
  if (EARLY_YEAR.test(trimmed)) return null;
  // RFC 822 in English and ISO 8601 (nearly every feed's date) need none of the rewriting a
  // date written for people does.
  if (!PLAIN_RFC_822.test(trimmed) && !ISO_DATE_TIME.test(trimmed)) trimmed = asV8Reads(trimmed);
  const iso = ISO_DATE_TIME.test(trimmed);
  // V8 skips a word it does not know before the day ("Mi, 06 Mar 2024" reads) but refuses "Mär",
  // and reads "Mai 2024" as January: localized names are translated before it sees them.
  if (iso) trimmed = trimmed.replace(BRACKETED_ZONE, '').replace(ISO_HOURS_OFFSET, '$1:00');
  else trimmed = withEnglishNames(trimmed).replace(ORDINAL_DAY, '$1').replace(BEFORE_TIME, ' ');
  let named = TRAILING_ZONE_NAME.exec(trimmed);
  if (named !== null && NUMERIC_OFFSET_AT_END.test(trimmed.slice(0, named.index))) {
    trimmed = trimmed.slice(0, named.index);
    named = null;
  }
  const offset = named ? ZONES[named[1]!.toUpperCase()] : undefined;
  // V8 refuses "2024-01-02T10:00:00 +0200": an ISO date takes its offset without a space.
  if (offset !== undefined) trimmed = trimmed.slice(0, named!.index) + (iso ? '' : ' ') + offset;
  // A zone name ZONES lacks (a regional one: "NOVT", "AMST") after the time: the day and the time
  // are read as UTC, as a date without a zone is. V8 refused the date, and the article was dated
  // when it was first seen (a new subscription's items all at once), or read a name that starts
  // as a month does as that month ("NOVT": November).
  else if (named !== null && isUnknownZone(named[1]!, trimmed.slice(0, named.index))) trimmed = trimmed.slice(0, named.index) + (iso ? 'Z' : ' GMT');
  else if (!HAS_ZONE.test(trimmed) && !ISO_DATE.test(trimmed)) trimmed += iso ? 'Z' : ' GMT';
  else if (iso) trimmed = trimmed.replace(SPACED_ISO_OFFSET, '$1');
  const ms = Date.parse(trimmed);
  return Number.isFinite(ms) && Math.abs(ms) >= EPOCH_DAY_MS ? ms : null;
}

/** An upper-case name after a time that is no zone ZONES knows, nor the AM or PM of a 12-hour time. */
function isUnknownZone(name: string, before: string): boolean {
  return /^[A-Z]+$/.test(name) && name !== 'AM' && name !== 'PM' && TIME_AT_END.test(before);
}

/** A date written for people in the digits, order and words V8 reads: day.month.year and
 *  day/month/year put year first (V8 reads them month first), CJK dates and ISO's basic format
 *  spelled out, Java's zone put after its year, "Uhr" dropped, "10h15", "3.04pm", "5:00 a.m." and
 *  "noon" as 10:15, 3:04 PM, 5:00 AM and 12:00 PM. */
function asV8Reads(date: string): string {
  let text = VIETNAMESE.test(date) ? fromVietnamese(date) : date.replace(JAVA_DATE, '$1 $4 $2 $3');
  // Greek writes the day first too ("07/12/2026 09:45 π.μ."): a date with Greek letters is no US one.
  if (GREEK_LETTER.test(text)) text = text.replace(SLASHED_DATE, (_m, day: string, month: string, year: string) => `${year}/${month}/${day}`);
  text = text
    .replace(BRACKETED_GMT_HOURS, (_m, sign: string, hours: string, minutes = '00') => ` ${sign}${hours.padStart(2, '0')}${minutes}`)
    .replace(CLOCK_WORD, '$1')
    .replace(SLASHED_DAY_FIRST, (_m, day: string, month: string, year: string) => `${year}/${month}/${day}`)
    .replace(DOTTED_DATE, (_m, day: string, month: string, year: string, hour?: string, rest?: string) =>
      `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}${hour === undefined ? '' : `T${hour.padStart(2, '0')}${rest}`}`,
    )
    .replace(BASIC_ISO, (_m, year: string, month: string, day: string, hours: string, minutes: string, seconds = '00', zone = 'Z') =>
      `${year}-${month}-${day}T${hours}:${minutes}:${seconds}${zone}`);
  if (CJK_DATE.test(text)) text = fromCjk(text);
  return ISO_DATE_TIME.test(text)
    ? text
    : text
        .replace(FRENCH_TIME, '$1:$2')
        .replace(DOTTED_CLOCK, '$1:$2')
        .replace(NOON_OR_MIDNIGHT, (_m, word: string) => (word.toLowerCase() === 'noon' ? '12:00 PM' : '00:00'))
        .replace(DOTTED_AM_PM, '$1 $2M')
        .replace(AM_PM_WRITTEN_ON, '$1 $2')
        .replace(HOUR_AM_PM, '$1:00 $2')
        .replace(GREEK_AM_PM, (_m, time: string, half: string) => `${time} ${half.toLowerCase() === 'π' ? 'AM' : 'PM'}`);
}

/** A Vietnamese date (VIETNAMESE) without its weekday, year first: "2026/12/7 08:30 (GMT+7)". */
function fromVietnamese(date: string): string {
  const text = date.normalize('NFC').replace(VIETNAMESE_WEEKDAY, '').trim()
    .replace(VIETNAMESE_MONTH_DATE, (_m, day: string, month: string, year: string) => `${year}/${month}/${day}`)
    .replace(SLASHED_DAY_MONTH, (_m, day: string, month: string, year: string) => `${year}/${month}/${day}`);
  return collapseWhitespace(text);
}

/** A CJK date (CJK_DATE) in the digits and order V8 reads: "2024-08-27 10:15 PM". */
function fromCjk(date: string): string {
  const [, year, month, day] = CJK_DATE.exec(date)!;
  let rest = date.replace(CJK_DATE, ' ').replace(CJK_TIME, (_m, hours: string, minutes: string, seconds?: string) => `${hours}:${minutes.padStart(2, '0')}${seconds ? `:${seconds.padStart(2, '0')}` : ''}`);
  rest = rest.replace(CJK_HALF_DAY, (_m, half: string, time: string) => `${time} ${AFTERNOON.has(half) ? 'PM' : 'AM'}`);
  return collapseWhitespace(`${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}${rest}`);
}

/** A non-negative whole number (comment counts, enclosure lengths), else null. */
export function parseCount(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? text : null;
  const trimmed = text?.trim();
  if (!trimmed || !/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/** A host name written without its scheme, as hand-written feeds do ("www.example.org/news/12"), which URL reads as a path. */
const SCHEMELESS_HOST = /^www\d?(?:\.[a-z0-9-]+)+\.[a-z]{2,}(?=[/?#:]|$)/i;
/** ...unless its last label names a file's type: "www.site.html" is a file beside the feed. */
const FILE_SUFFIX = /\.(?:html?|php|aspx?|jsp|cgi|xml|rss|atom|json|jpe?g|png|gif|webp|svg|pdf)$/i;

/**
 * `href` resolved against `base`, only when the result is http(s): a feed must not be able to
 * hand the app a javascript:, file: or data: link as an article, image or enclosure address. A
 * link that starts with a www host and no scheme is that host's (with the base's scheme), not a
 * path below the feed: the article's page was fetched from the feed's site and not found.
 */
export function absoluteHttpUrl(href: string | null | undefined, base?: string | null): string | null {
  let trimmed = href?.trim();
  if (!trimmed) return null;
  const host = SCHEMELESS_HOST.exec(trimmed)?.[0];
  if (host !== undefined && !FILE_SUFFIX.test(host)) trimmed = `${base?.startsWith('http:') ? 'http' : 'https'}://${trimmed}`;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
