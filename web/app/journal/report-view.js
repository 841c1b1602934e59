// The doctor report as a page section, drawn from the engine's twitchcheck.report/1 JSON
// (print-ready with the print stylesheet): every value comes from the report JSON.

import { h } from '../shared/dom.js';
import { messages, format, plural, language } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { whereText, placeFigure } from '../shared/places.js';
import { addDays, daysBetween, longDateYear, dateRange } from '../shared/when.js';
import { linkWords } from './patterns.js';
import { heightWithoutNotes, notesOnPage } from './report-page.js';

const one = (x) => (Math.round(x * 10) / 10).toLocaleString(language);
const levelName = (level) => messages.levels[level]?.name ?? level;

// A rule's text as exactly one sentence: the rule files end theirs with a full stop
// already, and one is added only where it is missing.
const sentence = (text) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

// A table under its section's heading (which names it, so no caption repeats it).
function table(label, heads, rows) {
  return h('table', { class: 'tc-table', 'aria-label': label },
    h('thead', null, h('tr', null, heads.map((t, i) => h('th', { scope: 'col', class: i ? 'tc-n' : null }, t)))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((c, i) =>
      i ? h('td', { class: 'tc-n' }, String(c)) : h('th', { scope: 'row' }, String(c)))))));
}

// The doctor report as a page section: every value comes from the report JSON.
// `firstWeek`: the twitches of the plan's first 7 days (planFirstWeek), which stand in for
// the week before the plan when none were logged then (as on the Plan page).
export function reportView(report, r = jm.reportView, firstWeek = null) {
  const section = (id, title, ...content) => h('section', { 'aria-labelledby': id, class: `tc-report-part tc-${id}` },
    h('h3', { id }, title), content);
  const check = report.latest_check;
  const onset = report.onset;
  const parts = [];

  // Plain words for a doctor: each reason's level as the page names it, its cause and
  // what to do; the rule ids stay in the JSON.
  parts.push(section('rep-check', r.checkTitle, check === null ? h('p', null, r.noCheck) : [
    h('p', null, format(r.checkLine, { date: longDateYear(check.at.slice(0, 10)), level: levelName(check.level) })),
    check.recomputed
      ? h('ul', null, check.fired.map((rule) => h('li', null, format(r.reason, {
        level: levelName(rule.level), cause: sentence(rule.cause), action: sentence(rule.action),
      }))))
      : h('p', null, check.note),
  ]));

  parts.push(section('rep-onset', r.onsetTitle, onset.first_date === null ? h('p', null, r.noEpisodes) : [
    h('p', null, format(r.onsetDates, { first: longDateYear(onset.first_date), last: longDateYear(onset.last_date) }),
      onset.duration_days >= 0 ? ` ${plural(r.goingOn, onset.duration_days)}` : '',
      ' ', format(r.onsetCount, {
        twitches: plural(jm.counts.twitches, onset.episodes_total), days: plural(jm.counts.differentDays, onset.active_days),
      })),
    onset.persistent ? h('p', null, r.persistent) : null,
    report.spreading ? h('p', null, r.spreading) : null,
  ]));

  if (report.regions.length) {
    parts.push(section('rep-where', r.whereTitle,
      h('div', { class: 'tc-map' }, placeFigure(report.regions),
        table(r.whereTitle, [r.part, r.sideShort.left, r.sideShort.right, r.sideShort.both, r.sideShort.midline, r.all],
          report.regions.map((p) => [messages.regions[p.region] ?? p.region, p.sides.left, p.sides.right, p.sides.both, p.sides.midline, p.count]))),
      h('p', null, format(r.sidesLine, { left: report.asymmetry.left, right: report.asymmetry.right }),
        report.asymmetry.asymmetric ? ` ${r.oneSided}` : '')));
  }

  if (report.weekly_counts.length) {
    parts.push(section('rep-weeks', r.weeksTitle,
      table(r.weeksTitle, [r.week, r.count], report.weekly_counts.slice(-12).map((w) => [dateRange(w.from, w.to), w.count])),
      h('p', null, report.trend.value === 'insufficient' ? r.trendShort
        : format(r.trendLine, {
          trend: r.trend[report.trend.value],
          last: plural(jm.counts.twitches, report.trend.last_7_days),
          previous: report.trend.previous_7_days,
        }))));
    const t = report.time_of_day;
    parts.push(section('rep-time', r.timeTitle,
      table(r.timeTitle, [r.time, r.count], Object.keys(t).map((k) => [jm.insights.times[k], t[k]]))));
  }

  parts.push(section('rep-links', r.linksTitle, report.linked_factors.length
    ? [h('ul', null, report.linked_factors.map((f) => h('li', null, format(r.linkLine, linkWords(f))))),
      h('p', { class: 'tc-hint' }, r.linksNote)]
    : h('p', null, jm.insights.linksNone)));

  parts.push(section('rep-plan', r.planTitle, planPart(report.plan, firstWeek, report.today, r)));

  const before = [
    h('h2', { id: 'rep-title' }, r.title),
    h('p', { class: 'tc-hint' }, format(r.madeOn, { date: longDateYear(report.today) })),
    h('p', { class: 'tc-notice-plain' }, r.notDiagnosis),
  ];
  const after = [h('p', { class: 'tc-hint' }, report.disclaimer)];
  parts.push(notesPart(report.notes, heightWithoutNotes(before, parts), r, section));
  return h('article', { class: 'tc-report', 'aria-labelledby': 'rep-title' }, before, parts, after);
}

// The plan: the start, each step's days of the last 7, the twitch rates and whether they
// went down. With none logged the week before, the first week is the comparison (plan.js).
function planPart(plan, firstWeek, today_, r) {
  if (plan === null) return h('p', null, r.noPlan);
  const d = daysBetween(plan.started, today_);
  let words;
  if (plan.baseline_rate > 0) {
    words = [format(r.rates, { before: one(plan.baseline_rate), recent: one(plan.recent_rate) }),
      plan.improved === null ? r.tooEarly : plan.improved ? r.better : r.notBetter];
  } else if (d < 7 || firstWeek === null) {
    words = [format(r.ratesNoBaselineEarly, { recent: one(plan.recent_rate) }), r.tooEarly];
  } else {
    const recent = Math.round(plan.recent_rate * 7);
    words = [format(r.ratesNoBaseline, { first: one(firstWeek / 7), recent: one(plan.recent_rate) }),
      d < 21 ? r.tooEarly : firstWeek === 0 ? r.cannotCompare : 10 * recent <= 7 * firstWeek ? r.better : r.notBetter];
  }
  return [
    h('p', null, format(jm.plan.started, { date: longDateYear(plan.started), week: plan.week })),
    table(r.planTitle, [r.step, r.kept], Object.entries(plan.adherence).map(([k, n]) => [jm.plan.steps[k].name, format(r.ofSeven, { n })])),
    h('p', null, words.join(' ')),
  ];
}

// The twitches of a plan's first 7 days, from the episodes (an episode's date is the date
// part of its own time, journal.md); null without a plan.
export function planFirstWeek(episodes, started) {
  if (!started) return null;
  const end = addDays(started, 6);
  let n = 0;
  for (const e of episodes) {
    const date = e.at.slice(0, 10);
    if (date >= started && date <= end) n += 1;
  }
  return n;
}

// The person's notes, as many as the printed page has room for (report-page.js), newest
// first; a long one is shortened, and the last line says how many are left out and where
// they all are. The same notes show on screen, so the screen shows what will print.
function notesPart(notes, used, r, section) {
  if (notes.length === 0) return section('rep-notes', r.notesTitle, h('p', null, r.noNotes));
  const where = (n) => format(r.noteMoment, { date: longDateYear(n.date), time: n.at.slice(11, 16), where: whereText(n.region, n.side) });
  const page = notesOnPage(notes.map((n) => ({ text: n.text, tail: where(n).length + 3 })), used,
    { marker: r.shortened.length, intro: r.notesIntro, leftOut: `${plural(r.notesLeftOut, notes.length)} ${r.notesInBackup}` });
  const shown = page.kept.map((kept, i) => {
    const n = notes[i];
    const cut = kept < n.text.length;
    return { n, cut, text: cut ? n.text.slice(0, kept).trimEnd() : n.text };
  });
  const list = h('ul', { class: 'tc-own-words' }, shown.map(({ n, cut, text }) => h('li', null,
    h('blockquote', null, h('p', { class: 'tc-note' }, text, cut ? h('span', { class: 'tc-hint' }, r.shortened) : null)),
    h('p', { class: 'tc-hint' }, where(n)))));
  // On paper the list stops at its room, should a note take more lines than estimated.
  list.style.setProperty('--tc-notes-room', `${page.roomMm.toFixed(1)}mm`);
  const missing = page.leftOut > 0 || shown.some((s) => s.cut);
  return section('rep-notes', r.notesTitle, [
    h('p', { class: 'tc-hint' }, r.notesIntro),
    shown.length ? list : null,
    missing ? h('p', { class: 'tc-hint' }, [
      page.leftOut > 0 ? plural(r.notesLeftOut, page.leftOut) : null,
      r.notesInBackup,
    ].filter(Boolean).join(' ')) : null,
  ]);
}
