// Dates in the shapes some generators print that were read wrong or not at all: an ISO date with
// a space before its offset, Unix time, the German and Russian day.month.year (read month first
// by V8, as 5 January), Russian month names, and the epoch a generator prints for a date it does
// not have (the article sank to the bottom of every list, dated 1970); and the words and marks
// around a date that sites print for people (Drupal's " - ", "at", "1st"), which made it no date;
// and zone names outside Europe and North America (SAST, WIB, BRT ...), which made it no date too.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/feeds';
import { parseDate } from '../../electron/core/feeds/text';

const iso = (text: string) => {
  const ms = parseDate(text);
  return ms === null ? null : new Date(ms).toISOString();
};

describe('dates read as the generator meant them', () => {
  it.each([
    ['ISO, a space before the offset', '2024-05-01T10:00:00 +0200', '2024-05-01T08:00:00.000Z'],
    ['ISO, a space before an offset with a colon', '2024-05-01T10:00:00 +02:00', '2024-05-01T08:00:00.000Z'],
    ['Unix seconds', '1714557600', '2024-05-01T10:00:00.000Z'],
    ['Unix milliseconds', '1714557600000', '2024-05-01T10:00:00.000Z'],
    ['day.month.year and time', '01.05.2024 10:00', '2024-05-01T10:00:00.000Z'],
    ['day.month.year, single digits, an offset', '1.5.2024 9:05:00 +0300', '2024-05-01T06:05:00.000Z'],
    ['day.month.year alone', '31.12.2023', '2023-12-31T00:00:00.000Z'],
    ['Russian, genitive month', '01 мая 2024 10:00:00 +0300', '2024-05-01T07:00:00.000Z'],
    ['Russian, weekday and March', 'Пт, 15 марта 2024 18:30:00 +0300', '2024-03-15T15:30:00.000Z'],
    ['Russian, with "г."', '3 декабря 2023 г. 12:00', '2023-12-03T12:00:00.000Z'],
    ['Russian, abbreviated', '21 сен 2024 08:00:00 MSK', '2024-09-21T05:00:00.000Z'],
    // Drupal's long and medium formats, in feeds whose theme prints the node's date.
    ['Drupal, a dash before the time', 'Tuesday, December 1, 2026 - 10:00', '2026-12-01T10:00:00.000Z'],
    ['Drupal medium, month first and a dash', 'Tue, 12/01/2026 - 10:00', '2026-12-01T10:00:00.000Z'],
    ['"at" before the time', 'December 1, 2026 at 10:00 am', '2026-12-01T10:00:00.000Z'],
    ['an ordinal day after the month', 'Tuesday, December 1st, 2026', '2026-12-01T00:00:00.000Z'],
    ['an ordinal day before the month', '22nd March 2026 14:30', '2026-03-22T14:30:00.000Z'],
    ['a numeric offset, then a zone name that says it again', '2026-12-01T10:00:00-08:00 PST', '2026-12-01T18:00:00.000Z'],
    ['a numeric offset, then a zone name that contradicts it', 'Tue, 01 Dec 2026 10:00:00 +0100 GMT', '2026-12-01T09:00:00.000Z'],
    ['ISO with an offset in hours alone', '2026-12-01T10:00:00+01', '2026-12-01T09:00:00.000Z'],
    ['ISO with its zone named after it (RFC 9557)', '2026-12-01T10:00:00+01:00[Europe/Paris]', '2026-12-01T09:00:00.000Z'],
    // News sites' own date lines, in their languages.
    ['"a.m." with dots, a comma before the time', 'March 11, 2024, 5:00 a.m. ET', '2024-03-11T10:00:00.000Z'],
    ['"p.m." with dots after an abbreviated month', 'Mar. 11, 2024 5:00 p.m. EDT', '2024-03-11T21:00:00.000Z'],
    ['German, "Uhr" after the time', '27.08.2024, 10:15 Uhr', '2024-08-27T10:15:00.000Z'],
    ['French, "à 10h15"', '27 août 2024 à 10h15', '2024-08-27T10:15:00.000Z'],
    ['Japanese, the weekday in brackets and 時分', '2024年8月27日(火) 10時15分', '2024-08-27T10:15:00.000Z'],
    ['Chinese, 下午 (afternoon) before the time', '2024年08月27日 下午3:15', '2024-08-27T15:15:00.000Z'],
    ['Korean, 오후 (afternoon) before the time', '2024년 8월 27일 오후 3:15', '2024-08-27T15:15:00.000Z'],
    ['Japanese, a day alone', '2024年8月27日', '2024-08-27T00:00:00.000Z'],
    ['day/month/year, when the day cannot be a month', '27/08/2024 11:40', '2024-08-27T11:40:00.000Z'],
    ['ISO 8601 basic format, as iCalendar writes it', '20240304T100000Z', '2024-03-04T10:00:00.000Z'],
    ['ISO 8601 basic format with an offset', '20240304T1100+0100', '2024-03-04T10:00:00.000Z'],
    // Zone names news sites' CMSs print in Africa, Asia and South America, which gave no date.
    ['South Africa (SAST)', 'Sun, 06 Dec 2026 07:30:00 SAST', '2026-12-06T05:30:00.000Z'],
    ['West Africa (WAT)', 'Sun, 06 Dec 2026 07:30:00 WAT', '2026-12-06T06:30:00.000Z'],
    ['western Indonesia (WIB)', 'Sun, 06 Dec 2026 07:30:00 WIB', '2026-12-06T00:30:00.000Z'],
    ['the Philippines (PHT)', 'Sun, 06 Dec 2026 07:30:00 PHT', '2026-12-05T23:30:00.000Z'],
    ['Nepal, three quarters of an hour (NPT)', 'Sun, 06 Dec 2026 07:30:00 NPT', '2026-12-06T01:45:00.000Z'],
    ['Brazil (BRT)', 'Sun, 06 Dec 2026 07:30:00 BRT', '2026-12-06T10:30:00.000Z'],
    ['French Canada (HNE)', 'dim., 06 déc. 2026 07:30:00 HNE', '2026-12-06T12:30:00.000Z'],
    // A zone name no table has keeps the day and time, read as UTC like a date without a zone.
    ['an unknown zone name', 'Sun, 06 Dec 2026 07:30:00 YEKT', '2026-12-06T07:30:00.000Z'],
    ['an unknown zone name that starts as a month does (not November)', 'Sun, 06 Dec 2026 07:30:00 NOVT', '2026-12-06T07:30:00.000Z'],
    ['an unknown zone name after an ISO time', '2026-12-06T07:30:00 YEKT', '2026-12-06T07:30:00.000Z'],
    ['a 12-hour time\'s PM is no zone', 'December 6, 2026 7:30 PM', '2026-12-06T19:30:00.000Z'],
    // Times written for people after an RFC 822 date, which a generator that formats its own clock
    // prints ("g:i a" in PHP, AP style's formatters): the date was refused, and the item dated when first seen.
    ['RFC 822 with "p.m." and a zone name', 'Mon, 7 Dec 2026 3:04 p.m. EST', '2026-12-07T20:04:00.000Z'],
    ['RFC 822 with "a.m."', 'Mon, 7 Dec 2026 9:15 a.m. EST', '2026-12-07T14:15:00.000Z'],
    ['RFC 822 with "noon" (AP style\'s 12:00 p.m.)', 'Mon, 7 Dec 2026 noon EST', '2026-12-07T17:00:00.000Z'],
    ['"12 noon"', 'Mon, 7 Dec 2026 12 noon', '2026-12-07T12:00:00.000Z'],
    ['"midnight": the start of the day it names', 'Dec. 7, 2026, midnight', '2026-12-07T00:00:00.000Z'],
    ['"at noon"', 'Dec. 7, 2026 at noon', '2026-12-07T12:00:00.000Z'],
    ['an hour alone with "a.m." (AP style)', 'Dec. 7, 2026 10 a.m. EST', '2026-12-07T15:00:00.000Z'],
    ['"pm" written on the time', 'Dec 7, 2026 3:04PM EST', '2026-12-07T20:04:00.000Z'],
    ['"am" written on an hour alone', 'December 7, 2026 10am', '2026-12-07T10:00:00.000Z'],
    ['a British time with a dot and "pm"', 'Monday 7 December 2026 3.04pm GMT', '2026-12-07T15:04:00.000Z'],
    ['a British 24-hour time with a dot', 'Tue 8 Dec 2026 00.01 GMT', '2026-12-08T00:01:00.000Z'],
    ['"GMT+0100": the offset after GMT', '07 Dec 2026 15:04:00 GMT+0100', '2026-12-07T14:04:00.000Z'],
    // Java's Date.toString(), which Java CMSs print as their feeds' dates: the zone before the year was not read.
    ['Java\'s Date.toString() in New York', 'Mon Dec 07 15:04:00 EST 2026', '2026-12-07T20:04:00.000Z'],
    ['Java\'s Date.toString() in Paris', 'Mon Dec 07 15:04:00 CET 2026', '2026-12-07T14:04:00.000Z'],
    // A date and time without a zone is UTC, as RFC 3339's "-00:00" reads: where the machine that reads
    // it runs says nothing of where it was written, and UTC keeps the stored instant the same everywhere.
    ['a database\'s date and time, no zone', '2026-12-07 15:04:00', '2026-12-07T15:04:00.000Z'],
    // Go's zero time: Hugo's date for a page that has none.
    ['Go\'s zero time in RFC 822', 'Mon, 01 Jan 0001 00:00:00 +0000', null],
    ['Go\'s zero time in ISO', '0001-01-01T00:00:00Z', null],
  ])('%s', (_case, text, expected) => {
    expect(iso(text)).toBe(expected);
  });
});

it("dates an item of a Drupal feed whose theme prints the node's date, rather than when it was seen", async () => {
  const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="https://town.example.org/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Town news</title><link>https://town.example.org/</link>
    <item><title>Budget agreed</title><link>https://town.example.org/node/812</link>
      <pubDate>Tuesday, December 1, 2026 - 10:00</pubDate><dc:creator>Clerk</dc:creator>
      <guid isPermaLink="false">812 at https://town.example.org</guid></item>
  </channel></rss>`;
  const [item] = (await parseFeed(rss, 'https://town.example.org/rss.xml')).items;
  expect(item?.publishedAt).toBe(Date.UTC(2026, 11, 1, 10, 0));
});

describe('values that are no date', () => {
  it.each([
    ['the epoch as RFC 822', 'Thu, 01 Jan 1970 00:00:00 +0000'],
    ['the epoch in a zone east of UTC', 'Thu, 01 Jan 1970 01:00:00 +0100'],
    ['the epoch as ISO', '1970-01-01T00:00:00Z'],
    ['a short number', '12'],
    ['a number too long for a time', '17145576000000000'],
  ])('%s is undated', (_case, text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('leaves an item dated with the epoch undated in its feed', async () => {
    const rss = '<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://t.example.org/a</link><pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate></item></channel></rss>';
    expect((await parseFeed(rss, 'https://t.example.org/rss')).items[0]?.publishedAt).toBeNull();
  });
});
