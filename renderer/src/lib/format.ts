// Dates and counts as people read them, in the reader's own locale.
const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** Short form for the article list: the time today, the day this year, else the date. */
export function shortDate(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now);
  if (sameDay(date, today)) return time.format(date);
  if (date.getFullYear() === today.getFullYear()) return dayMonth.format(date);
  return dayMonthYear.format(date);
}

/** A moment within a day or so (when a server's wait ends): its time, with its day when not today. */
export function timeAndDay(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  return sameDay(date, new Date(now)) ? time.format(date) : `${dayMonth.format(date)}, ${time.format(date)}`;
}

export function longDate(at: number): string {
  return full.format(new Date(at));
}

export function isoDate(at: number): string {
  return new Date(at).toISOString();
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

export function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = count / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

