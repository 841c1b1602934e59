// Patterns (the #/insights screen): the analysis facts of analyze() drawn as a day chart,
// weekly totals, a body map, time of day, the trend, notes for a doctor and the factors
// twitches are linked with. Nothing is decided here; the words only put the engine's facts
// into plain language.

import { h, svg } from '../shared/dom.js';
import { format, formatParts, plural, language } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { prepare, analysis, today } from './journal.js';
import { storeNotice } from '../shared/notice.js';
import { capitalFirst, placeFigure, placeList, whereText } from '../shared/places.js';
import { shortDate, longDate, addDays } from '../shared/when.js';

const number = (x, digits = 1) => (Math.round(x * 10 ** digits) / 10 ** digits).toLocaleString(language);

function dayChart(perDay, m) {
  const days = perDay.slice(-28);
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((s, d) => s + d.count, 0);
  const width = 280;
  const height = 100;
  const slot = width / days.length;
  const bar = Math.max(1, slot * 0.7);
  const label = plural(m.perDayLabel, days.length, { total, max: Math.max(...days.map((d) => d.count)) });
  return h('figure', { class: 'tc-chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height + 16}`, role: 'img', 'aria-label': label, class: 'tc-bars' },
      svg('line', { x1: 0, y1: height, x2: width, y2: height, class: 'tc-axis' }),
      days.map((d, i) => {
        const barHeight = (d.count / max) * (height - 4);
        return svg('rect', {
          x: (i * slot + (slot - bar) / 2).toFixed(2), y: (height - barHeight).toFixed(2),
          width: bar.toFixed(2), height: barHeight.toFixed(2), class: 'tc-bar',
        });
      }),
      svg('text', { x: 0, y: height + 13, class: 'tc-axis-label' }, shortDate(days[0].date)),
      svg('text', { x: width, y: height + 13, class: 'tc-axis-label tc-end' }, shortDate(days[days.length - 1].date))),
    h('figcaption', { class: 'tc-hint' }, plural(m.perDayCaption, days.length, { max: Math.max(...days.map((d) => d.count)) })));
}

// The 7-day windows ending today, back to the one holding the first twitch, oldest first:
// the report's weekly_counts (report-format.md), so the weeks add up to the summary's
// count. Summed from the analysis's per_day, which runs from the first twitch to today.
function weeksSinceFirst(perDay, today) {
  const counts = new Map(perDay.map((d) => [d.date, d.count]));
  const first = perDay[0]?.date;
  const weeks = [];
  for (let to = today; first && to >= first; to = addDays(to, -7)) {
    const from = addDays(to, -6);
    let count = 0;
    for (let i = 0; i < 7; i++) count += counts.get(addDays(from, i)) ?? 0;
    weeks.unshift({ from, to, count });
  }
  return weeks;
}

// Twitches per place, in the shape of the report's `regions` ({region, count, sides}).
// Counted from the records in memory: the report would also write every note, which the
// screen does not show, and that is most of its cost on a large journal.
function placeCounts(episodes) {
  const byRegion = new Map();
  for (const e of episodes) {
    let r = byRegion.get(e.region);
    if (!r) byRegion.set(e.region, r = { region: e.region, count: 0, sides: { left: 0, right: 0, both: 0, midline: 0 } });
    r.count += 1;
    r.sides[e.side] += 1;
  }
  return [...byRegion.values()];
}

// The weeks, newest first: every week back to the first twitch, or the last 12 of a longer
// journal, said under the table (the report's file has them all).
const WEEKS_SHOWN = 12;
function weekTable(weeks, m) {
  const shown = weeks.slice(-WEEKS_SHOWN);
  return [h('table', { class: 'tc-table' },
    h('caption', null, m.weeksTitle),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, m.week), h('th', { scope: 'col', class: 'tc-n' }, m.count))),
    h('tbody', null, shown.reverse().map((w) =>
      h('tr', null, h('th', { scope: 'row' }, `${shortDate(w.from)} – ${shortDate(w.to)}`), h('td', { class: 'tc-n' }, String(w.count)))))),
  weeks.length > WEEKS_SHOWN ? h('p', { class: 'tc-hint' }, format(m.weeksShown, { shown: WEEKS_SHOWN, n: weeks.length })) : null];
}

// A place's words and count: "Left calf or lower leg: 3"; a place on both sides names the
// part first ("Chest, both sides: 2"), where "Both sides, chest" would read oddly.
function placeWords(p, m) {
  if (p.side === 'both') {
    return format(m.placeCountBoth, { region: capitalFirst(jm.placeNames[p.region] ?? p.region), n: p.n });
  }
  return capitalFirst(format(m.placeCount, { where: whereText(p.region, p.side), n: p.n }));
}

// The trend in words. journal.md's trend needs 14 days between the first and the last
// twitch; with none at all in the last 14 days, the page says that first, whatever it is.
function trendWords(facts, date, m) {
  if (facts.last_date < addDays(date, -13)) return format(m.trendQuiet, { last: longDate(facts.last_date) });
  return m.trend[facts.trend];
}

// Where: the report's counts per place, shaded on the body picture and listed.
function placeMap(regions, m) {
  if (!regions.length) return h('p', null, m.mapEmpty);
  return h('div', { class: 'tc-map' }, placeFigure(regions),
    h('ul', { class: 'tc-places' }, placeList(regions).map((p) => h('li', null, placeWords(p, m)))));
}

function timeOfDay(facts, m) {
  const total = Object.values(facts.time_of_day).reduce((s, n) => s + n, 0);
  return h('dl', { class: 'tc-meters' }, Object.entries(facts.time_of_day).map(([key, n]) => [
    h('dt', null, m.times[key]),
    h('dd', null, h('meter', { min: 0, max: Math.max(1, total), value: n, 'aria-label': m.times[key] }), ' ', String(n)),
  ]));
}

// The words for one linked factor (an analysis `triggers` item or a report
// `linked_factors` item). journal.md's strength stays the fact; a factor whose whole 95%
// range lies below 1 is worded as it is, fewer twitches on those days, not as no link.
export function linkWords(t, m = jm.insights) {
  const fewer = t.strength === 'none' && t.ci95[1] < 1;
  return {
    factor: m.factor[t.factor] ?? t.factor,
    strength: m.strength[fewer ? 'fewer' : t.strength],
    kind: fewer ? 'fewer' : t.strength,
    detail: format(m.linkDetail, {
      a: plural(jm.counts.twitches, t.a), n_a: plural(jm.counts.days, t.n_a), b: t.b, n_b: plural(jm.counts.days, t.n_b),
      ratio: number(t.rate_ratio), lo: number(t.ci95[0]), hi: number(t.ci95[1]),
    }),
  };
}

function links(facts, m) {
  if (!facts.triggers.length) return h('p', null, m.linksNone);
  return h('ul', { class: 'tc-links' }, facts.triggers.map((t) => {
    const words = linkWords(t, m);
    return h('li', { class: `tc-link tc-strength-${words.kind}` },
      h('p', { class: 'tc-entry-title' }, formatParts(m.linkTitle, { factor: words.factor, strength: h('strong', null, words.strength) })),
      h('p', { class: 'tc-hint' }, words.detail));
  }));
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.insights;
  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const body = h('div');
  root.replaceChildren(h('div', { class: 'tc-screen tc-insights' }, title, noticeSlot, h('p', null, m.intro), body));

  const section = (id, heading, ...content) => h('section', { 'aria-labelledby': id, class: 'tc-card' },
    h('h2', { id }, heading), content);

  function refresh() {
    noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
    const date = today();
    const facts = analysis(store, date);
    if (facts.schema === 'twitchcheck.error/1' || facts.episodes_total === 0) {
      body.replaceChildren(h('p', null, m.empty), h('p', null, h('a', { href: '#/log' }, jm.log.title)));
      return;
    }
    const notes = [facts.spreading && m.spreading, facts.asymmetric && m.asymmetric, facts.persistent && m.persistent].filter(Boolean);
    body.replaceChildren(
      h('p', { class: 'tc-summary' }, facts.active_days === 1
        ? plural(m.summaryOneDay, facts.episodes_total, { first: longDate(facts.first_date) })
        : format(m.summary, {
          twitches: plural(jm.counts.twitches, facts.episodes_total), days: plural(jm.counts.days, facts.active_days),
          first: longDate(facts.first_date), last: longDate(facts.last_date),
        })),
      section('ins-day', m.perDayTitle, facts.per_day.length ? dayChart(facts.per_day, m) : null, weekTable(weeksSinceFirst(facts.per_day, date), m)),
      section('ins-trend', m.trendTitle, h('p', null, trendWords(facts, date, m))),
      section('ins-map', m.mapTitle, placeMap(placeCounts(store.episodes()), m)),
      section('ins-time', m.timeTitle, timeOfDay(facts, m)),
      section('ins-notes', m.notesTitle, notes.length ? h('ul', null, notes.map((n) => h('li', null, n))) : h('p', null, m.noNotes)),
      section('ins-links', m.linksTitle, h('p', { class: 'tc-hint' }, m.linksIntro), links(facts, m)),
      h('p', null, h('a', { href: '#/recheck', class: 'tc-button-link' }, m.checkAgain)));
  }

  refresh();
  if (focus) title.focus();
  // The facts come from the resident journal, so a change of one record costs an analysis
  // of the model in memory, not a parse of the whole journal.
  return { destroy: store.subscribe((change) => {
    if (change.data) refresh();
    else noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
  }) };
}
