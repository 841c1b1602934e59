// Local dates and times as the journal writes them: `at` is the local wall time with its
// UTC offset (2026-11-20T08:15:00+01:00), a day is YYYY-MM-DD in local time. Dates in
// words are the page's language's (Intl): "Friday, November 20", "Freitag, 20. November".
import { language } from './messages.js';

const two = (n) => String(n).padStart(2, '0');

export function localDate(d = new Date()) {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// Today's date on this device (YYYY-MM-DD): the journal's "today" for every screen.
export function today() {
  return localDate(new Date());
}

export function localAt(d = new Date()) {
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${localDate(d)}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

// "2026-11-20T08:15" (a datetime-local value) for an `at`, in the `at`'s own wall time.
export function inputValue(at) {
  return at.slice(0, 16);
}

// An `at` for a datetime-local value, with the offset this device has at that moment.
export function atFromInput(value) {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return localAt(new Date(y, mo - 1, d, h, mi, 0));
}

export function addDays(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
}

// The dates a person may type for an episode or a day: the last ten years, up to today.
// A slip in the year (0226 for 2026) would otherwise count centuries of empty days
// (journal.md counts every day from the first episode). Imported backups keep any date.
export const ENTRY_YEARS = 10;
export function entryRange(todayDate) {
  const [y, m, d] = todayDate.split('-').map(Number);
  return { min: `${String(y - ENTRY_YEARS).padStart(4, '0')}-${two(m)}-${two(d)}`, max: todayDate };
}
// null when `date` (YYYY-MM-DD) may be typed; else the first such date, for the message.
export function outsideEntryRange(date, todayDate) {
  const { min, max } = entryRange(todayDate);
  return date < min || date > max ? fullDate(min) : null;
}

export function daysBetween(from, to) {
  const [a, b] = [from, to].map((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  });
  return Math.round((b - a) / 86400000);
}

// "Friday, November 20" (a date is shown as written, whatever the device's zone).
export function longDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language,
    { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

// "November 26, 2016": with the year, for dates that may be years back.
export function fullDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

// A Date at midnight UTC of a YYYY-MM-DD date, any year (0226 stays 0226).
function utcDay(date) {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t;
}

// "Sunday, February 18, 2026": the report's dates, which may be read a year later.
export function longDateYear(date) {
  return utcDay(date).toLocaleDateString(language,
    { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

// "Feb 12 – 18, 2026", "Dec 29, 2025 – Jan 4, 2026": a span of days, with its year.
export function dateRange(from, to) {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    .formatRange(utcDay(from), utcDay(to));
}

export function shortDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language,
    { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

// "08:15" from an `at`: the time the person saw on their clock.
export function clockTime(at) {
  return at.slice(11, 16);
}

// A short unique episode id: time in base 36 and 6 random base-36 characters.
export function newId(d = new Date()) {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `e${d.getTime().toString(36)}${[...bytes].map((b) => (b % 36).toString(36)).join('')}`;
}
