// The plan's daily check-in as a calendar file (RFC 5545), for the person's own calendar
// app to remind them: no server, and nothing in it but the days, the time and the words.

import { addDays, daysBetween } from '../shared/when.js';

export const PLAN_DAYS = 28; // the plan's 4 weeks

// RFC 5545 3.3.11: a TEXT value escapes backslash, semicolon, comma and line breaks.
const text = (value) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

// RFC 5545 3.1: a line longer than 75 octets goes on in the next line, which starts with a
// space; a character's UTF-8 bytes are never split.
export function fold(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const room = parts.length ? 74 : 75; // a continued line's leading space is one octet
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date) => date.replace(/-/g, '');
const utcStamp = (d) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

// The file's text. `started` is the plan's start, `today` the page's date, `time` "HH:MM"
// (the person's choice, in the calendar's own time zone), `now` the moment it is made.
// The reminders run from the later of the start and today to the plan's last day;
// null when the plan's 4 weeks are over.
export function planCalendar({ started, today, time, now, summary, description }) {
  const from = started > today ? started : today;
  const count = PLAN_DAYS - daysBetween(started, from);
  if (count <= 0) return null;
  const at = `${compactDate(from)}T${time.replace(':', '')}00`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//twitchcheck//plan reminder//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // The same plan gives the same UID, so a second download updates the first.
    `UID:twitchcheck-plan-${compactDate(started)}@twitchcheck.invalid`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${at}`,
    'DURATION:PT10M',
    `RRULE:FREQ=DAILY;COUNT=${count}`,
    `SUMMARY:${text(summary)}`,
    `DESCRIPTION:${text(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${text(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

// The last day the reminders cover (for the words beside the button).
export const planLastDay = (started) => addDays(started, PLAN_DAYS - 1);
