// The day check-ins as a second spreadsheet file (CSV, RFC 4180), one row per day in date
// order, with the plan's week on the days of the plan. The engine's CSV (journal.md) is one
// row per twitch and stays as it is.

import { daysBetween } from '../shared/when.js';

export const DAY_COLUMNS = ['date', 'caffeine_mg', 'water_ml', 'sleep_h', 'stress', 'exercise', 'relaxation_min', 'plan_week'];

// As the engine's CSV writes a field (docs/decisions.md, "CSV formulas"): a number as it
// is; a text always quoted, quotes doubled, and a leading = + - @, tab or CR guarded by a '
// so a spreadsheet shows it as text in any separator's reading; a missing value empty.
function field(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

// `days`: the journal's `days` entries; `started`: the plan's start date or undefined.
export function daysCsv(days, started) {
  const rows = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((day) => {
    const d = started ? daysBetween(started, day.date) : -1;
    const week = d >= 0 ? 1 + Math.floor(d / 7) : undefined;
    return DAY_COLUMNS.map((c) => field(c === 'plan_week' ? week : day[c])).join(',');
  });
  return [DAY_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
