// Dates whose month and weekday names a generator wrote in the site's language: PHP's strftime
// under a de_DE, fr_FR, tr_TR, id_ID or el_GR locale, Vietnamese news CMSs, TYPO3 and Joomla templates, hand-made feeds. Unread, each item
// was dated when it was fetched, and a whole archive showed up as today's news.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { parseDate } from '../../electron/core/feeds/text';

const iso = (text: string) => {
  const ms = parseDate(text);
  return ms === null ? null : new Date(ms).toISOString();
};

describe('localized month and weekday names', () => {
  it.each([
    ['German', 'Di, 05 Mär 2024 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['German, full names and a zone name', 'Donnerstag, 5. Dezember 2024 08:15:00 MEZ', '2024-12-05T07:15:00.000Z'],
    ['German, decomposed umlaut', 'Mi, 06 Ma\u0308r 2024 10:00:00 +0100', '2024-03-06T09:00:00.000Z'],
    ['Austrian', 'Mo, 08 Jän 2024 07:30:00 +0100', '2024-01-08T06:30:00.000Z'],
    ['French', 'mar., 05 mars 2024 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['French, dotted abbreviations', 'jeu., 01 févr. 2024 10:00:00 +0100', '2024-02-01T09:00:00.000Z'],
    ['French, without accents', 'dim., 31 dec. 2023 23:59:00 +0100', '2023-12-31T22:59:00.000Z'],
    ['Spanish', 'mié, 10 abr 2024 12:00:00 +0200', '2024-04-10T10:00:00.000Z'],
    ['Spanish, Tuesday with another month', 'mar, 02 ene 2024 12:00:00 +0100', '2024-01-02T11:00:00.000Z'],
    ['Spanish, long form', 'martes, 5 de marzo de 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
    ['Italian', 'gio, 01 ago 2024 10:00:00 +0200', '2024-08-01T08:00:00.000Z'],
    ['Italian, Wednesday in March', 'mer, 06 mar 2024 10:00:00 +0100', '2024-03-06T09:00:00.000Z'],
    ['Dutch', 'vr, 31 mei 2024 12:00:00 +0200', '2024-05-31T10:00:00.000Z'],
    ['Dutch, October', 'zo, 13 okt 2024 12:00:00 +0200', '2024-10-13T10:00:00.000Z'],
    ['Portuguese', 'sex, 31 mai 2024 12:00:00 -0300', '2024-05-31T15:00:00.000Z'],
    ['Portuguese, long form', 'segunda-feira, 5 de fevereiro de 2024 10:00:00 -0300', '2024-02-05T13:00:00.000Z'],
    ['a month and year only', 'Mai 2024', '2024-05-01T00:00:00.000Z'],
    ['Polish', 'czw., 03 gru 2026 10:00:00 +0100', '2026-12-03T09:00:00.000Z'],
    ['Polish, Wednesday with its accent', 'śro, 02 gru 2026 10:00:00 +0100', '2026-12-02T09:00:00.000Z'],
    ['Polish, long form', '3 grudnia 2026 10:00', '2026-12-03T10:00:00.000Z'],
    ['Czech', 'Čt, 03 pro 2026 10:00:00 +0100', '2026-12-03T09:00:00.000Z'],
    ['Czech, long form', '3. prosince 2026 10:00', '2026-12-03T10:00:00.000Z'],
    ['Swedish', 'lör, 05 maj 2026 10:00:00 +0200', '2026-05-05T08:00:00.000Z'],
    ['Danish', 'tor, 03 dec 2026 10:00:00 +0100', '2026-12-03T09:00:00.000Z'],
    ['Norwegian', 'to, 03 des 2026 10:00:00 +0100', '2026-12-03T09:00:00.000Z'],
    ['Finnish', 'to, 03 joulu 2026 10:00:00 +0200', '2026-12-03T08:00:00.000Z'],
    ['Turkish, Sunday (Paz) before December', 'Paz, 06 Ara 2026 10:00:00 +0300', '2026-12-06T07:00:00.000Z'],
    ['Turkish, full names', 'Salı, 18 Ağustos 2026 10:00:00 +0300', '2026-08-18T07:00:00.000Z'],
    ['Turkish, without its letters', 'Cmt, 05 Subat 2026 10:00:00 +0300', '2026-02-05T07:00:00.000Z'],
    ['Turkish, upper case', 'ÇAR, 14 EKİ 2026 10:00:00 +0300', '2026-10-14T07:00:00.000Z'],
    ['Indonesian', 'Sel, 18 Agu 2026 10:00:00 +0700', '2026-08-18T03:00:00.000Z'],
    ['Indonesian, full names', 'Senin, 2 Nopember 2026 10:00:00 +0700', '2026-11-02T03:00:00.000Z'],
    ['Malay', 'Isnin, 07 Dis 2026 10:00:00 +0800', '2026-12-07T02:00:00.000Z'],
    ['Polish October still October', '15 paź 2026 10:00', '2026-10-15T10:00:00.000Z'],
    ['Greek, the genitive a date takes', 'Δευτέρα, 07 Δεκεμβρίου 2026 08:30:00 +0200', '2026-12-07T06:30:00.000Z'],
    ['Greek, abbreviations', 'Τρι, 01 Σεπ 2026 10:00:00 +0300', '2026-09-01T07:00:00.000Z'],
    ['Greek, upper case without accents', 'ΔΕΥ, 07 ΔΕΚ 2026 08:30:00 +0200', '2026-12-07T06:30:00.000Z'],
    ['Greek, the nominative without accents', 'Κυριακη, 6 Δεκεμβριος 2026 09:15 +0200', '2026-12-06T07:15:00.000Z'],
    ['Greek, May with its diaeresis', 'ΠΑΡΑΣΚΕΥΗ 1 ΜΑΪΟΥ 2026 10:00 +0300', '2026-05-01T07:00:00.000Z'],
    ['Greek, May in the genitive', '7 Μαΐου 2026, 10:00', '2026-05-07T10:00:00.000Z'],
    ['Greek, after noon (μ.μ.)', 'Δευ, 07 Δεκ 2026 10:30 μ.μ.', '2026-12-07T22:30:00.000Z'],
    ['Greek, before noon (π.μ.) and an offset', '7 Δεκεμβρίου 2026, 09:45 π.μ. +0200', '2026-12-07T07:45:00.000Z'],
    ['Greek, noon, in capitals without dots', 'ΚΥΡΙΑΚΗ, 6 ΔΕΚΕΜΒΡΙΟΥ 2026 12:05 ΜΜ', '2026-12-06T12:05:00.000Z'],
    ['Greek, day first with slashes', '07/12/2026 09:45 π.μ.', '2026-12-07T09:45:00.000Z'],
    ['Greek, day first with slashes after the weekday', 'Δευτέρα, 07/12/2026 21:45', '2026-12-07T21:45:00.000Z'],
    ['English, an offset after PM', '7 December 2026 10:30 PM +0200', '2026-12-07T20:30:00.000Z'],
    ['Vietnamese, VnExpress', 'Thứ hai, 7/12/2026, 08:30 (GMT+7)', '2026-12-07T01:30:00.000Z'],
    ['Vietnamese, weekday as a number', 'Thứ 2, 07/12/2026 08:30 GMT+7', '2026-12-07T01:30:00.000Z'],
    ['Vietnamese, Sunday', 'Chủ nhật, 6/12/2026 | 21:05 (GMT+7)', '2026-12-06T14:05:00.000Z'],
    ['Vietnamese, the weekday abbreviated (T2 is Monday)', 'T2, 7/12/2026, 08:30 (GMT+7)', '2026-12-07T01:30:00.000Z'],
    ['Vietnamese, Saturday abbreviated', 'T7, 05/12/2026 - 14:20 GMT+7', '2026-12-05T07:20:00.000Z'],
    ['Vietnamese, Sunday abbreviated', 'CN, 6/12/2026, 21:05 (GMT+7)', '2026-12-06T14:05:00.000Z'],
    ['Vietnamese, the month as a word', '07 Tháng 12 2026 08:30:00 +0700', '2026-12-07T01:30:00.000Z'],
    ['Vietnamese, long form', 'ngày 7 tháng 12 năm 2026', '2026-12-07T00:00:00.000Z'],
  ])('reads %s: %s', (_language, text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
    ['Tuesday, 05 March 2024 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['mar, 05 mar 2024 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['2024-03-05T10:00:00+01:00', '2024-03-05T09:00:00.000Z'],
  ])('reads English and ISO dates as before: %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('dates the items of a feed written in German by their own dates', async () => {
    const item = (n: number, date: string) =>
      `<item><title>Gemeinderat tagt (${n})</title><link>https://gemeinde.example.de/aktuelles/${n}</link><guid>https://gemeinde.example.de/aktuelles/${n}</guid><pubDate>${date}</pubDate></item>`;
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Gemeinde Aktuell</title><link>https://gemeinde.example.de/</link><description>Neuigkeiten</description><language>de-de</language>${item(1, 'Di, 05 Mär 2024 10:00:00 +0100')}${item(2, 'Mi, 27 Dez 2023 16:45:00 +0100')}</channel></rss>`;
    const feed = await parseFeed(xml, 'https://gemeinde.example.de/feed.xml');
    expect(feed.items.map((i) => new Date(i.publishedAt!).toISOString())).toEqual(['2024-03-05T09:00:00.000Z', '2023-12-27T15:45:00.000Z']);
  });
});
