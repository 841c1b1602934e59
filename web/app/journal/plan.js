// The five-step self-care plan: the week, how many of the last 7 days each step was kept,
// the twitch rate before the start (or, with none logged then, in the plan's first week) and
// now, from day 21 whether it went down, Undo for stop and restart, and a calendar reminder.

import { h } from '../shared/dom.js';
import { format, language } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { prepare, analysis, today } from './journal.js';
import { storeNotice } from '../shared/notice.js';
import { addDays, daysBetween, longDate } from '../shared/when.js';
import { download } from '../shared/files.js';
import { planCalendar, planLastDay } from './plan-calendar.js';

const steps = ['caffeine', 'water', 'sleep', 'relaxation', 'tracking'];
const rate = (x) => (Math.round(x * 10) / 10).toLocaleString(language);

// Twitches on the 7 days from `from` (the analysis's per_day runs from the first twitch to today).
export function weekCount(perDay, from) {
  const counts = new Map(perDay.map((d) => [d.date, d.count]));
  let n = 0;
  for (let i = 0; i < 7; i++) n += counts.get(addDays(from, i)) ?? 0;
  return n;
}

// What the page compares. journal.md's `improved` needs twitches in the week before the
// start; with none logged then, the plan's first week stands in once it is over, with the
// same rule (10·recent ≤ 7·first week, from day 21). → {lines, verdict}
export function comparison(plan, perDay, started, date, m = jm.plan) {
  const d = daysBetween(started, date);
  const baseline = Math.round(plan.baseline_rate * 7);
  const recent = format(m.recent, { rate: rate(plan.recent_rate) });
  if (baseline > 0) {
    const verdict = plan.improved === true ? m.improvedYes : plan.improved === false ? m.improvedNo : m.improvedWait;
    return { lines: [format(m.baseline, { rate: rate(plan.baseline_rate) }), recent], verdict };
  }
  const lines = [m.baselineNone];
  if (d < 7) return { lines: [...lines, recent], verdict: m.firstWeekWait };
  const first = weekCount(perDay, started);
  lines.push(format(m.firstWeek, { rate: rate(first / 7) }), recent);
  if (d < 21) return { lines, verdict: first > 0 ? m.improvedWaitFirstWeek : m.improvedWait };
  if (first === 0) return { lines, verdict: m.improvedNoBaseline };
  const recentCount = Math.round(plan.recent_rate * 7);
  return { lines, verdict: 10 * recentCount <= 7 * first ? m.improvedYesFirstWeek : m.improvedNoFirstWeek };
}

function stepList(m, adherence) {
  return h('ol', { class: 'tc-steps' }, steps.map((s) => h('li', { class: 'tc-step-item' },
    h('p', { class: 'tc-entry-title' }, m.steps[s].name),
    h('p', null, m.steps[s].text),
    adherence ? h('p', { class: 'tc-kept' },
      h('meter', { min: 0, max: 7, value: adherence[s], 'aria-label': format(m.keptLabel, { step: m.steps[s].name, n: adherence[s] }) }),
      ' ', format(m.kept, { n: adherence[s] })) : null)));
}

// Before the start: with no twitches in the 7 days before today there is nothing to
// compare with yet, which the page says, with a way to log first and a way to start anyway.
function notStartedView(m, facts, date, start) {
  const perDay = facts.schema === 'twitchcheck.error/1' ? [] : facts.per_day;
  const weekBefore = weekCount(perDay, addDays(date, -7));
  return [
    h('p', null, m.notStarted),
    weekBefore === 0 ? h('p', { class: 'tc-card tc-plan-tip' }, m.logFirst, ' ', h('a', { href: '#/log' }, m.logFirstLink)) : null,
    stepList(m, null),
    h('div', { class: 'tc-actions' }, h('button', { type: 'button', class: 'tc-primary', onclick: start }, m.start)),
  ];
}

// The daily reminder: a calendar file with the time the person picks.
function reminderView(m, started, date, status) {
  const time = h('input', { type: 'time', id: 'plan-reminder-time', value: '20:00', required: true });
  const save = () => {
    const text = planCalendar({
      started, today: date, time: time.value || '20:00', now: new Date(), summary: m.reminderSummary, description: m.reminderDescription,
    });
    download(`twitchcheck-plan-reminder-${started}.ics`, text, 'text/calendar');
    status.textContent = m.reminderDone;
  };
  return h('section', { class: 'tc-card tc-no-print', 'aria-labelledby': 'plan-reminder' },
    h('h2', { id: 'plan-reminder' }, m.reminderTitle),
    h('p', null, format(m.reminderText, { last: longDate(planLastDay(started)) })),
    h('div', { class: 'tc-field' }, h('label', { for: 'plan-reminder-time' }, m.reminderTime), time),
    h('div', { class: 'tc-actions' }, h('button', { type: 'button', onclick: save }, m.reminderDownload)));
}

function startedView(m, plan, facts, started, date, actions) {
  const { lines, verdict } = comparison(plan, facts.per_day, started, date, m);
  const over = daysBetween(started, date) >= 28;
  return [
    h('p', { class: 'tc-summary' }, started > date
      ? format(m.startsLater, { date: longDate(started) })
      : format(m.started, { date: longDate(started), week: plan.week })),
    stepList(m, plan.adherence),
    h('p', null, h('a', { href: '#/day' }, m.dayLink)),
    h('section', { class: 'tc-card', 'aria-labelledby': 'plan-rates' },
      h('h2', { id: 'plan-rates' }, m.ratesTitle),
      h('ul', null, lines.map((line) => h('li', null, line))),
      h('p', null, verdict)),
    over ? null : reminderView(m, started, date, actions.status),
    h('p', null, h('a', { href: '#/recheck', class: 'tc-button-link' }, m.checkAgain)),
    h('div', { class: 'tc-actions' },
      h('button', { type: 'button', onclick: actions.restart }, m.restart),
      h('button', { type: 'button', onclick: actions.stop }, m.stop)),
  ];
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.plan;
  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const body = h('div');
  const status = h('p', { class: 'tc-status', role: 'status' });
  root.replaceChildren(h('div', { class: 'tc-screen tc-plan' }, title, noticeSlot, h('p', null, m.intro), body, status));

  // Stop and restart take effect at once and say so, with Undo (as the Log does): the
  // earlier start date comes back with one press.
  const change = (plan, words) => {
    const before = store.plan ?? {};
    store.setPlan(plan);
    status.replaceChildren(words, ' ', h('button', { type: 'button', class: 'tc-link-button', onclick: () => {
      store.setPlan(before);
      status.replaceChildren(jm.log.undone);
      title.focus();
    } }, jm.log.undo));
    title.focus();
  };
  const start = () => {
    store.setPlan({ started: today() });
    status.replaceChildren();
    title.focus();
  };
  const actions = {
    status,
    restart: () => change({ started: today() }, m.restarted),
    stop: () => change({}, m.stopped),
  };

  function refresh() {
    noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
    const started = store.plan?.started;
    const date = today();
    const facts = analysis(store, date);
    if (!started) {
      body.replaceChildren(...notStartedView(m, facts, date, start));
      return;
    }
    if (!facts.plan) {
      body.replaceChildren(h('p', null, m.notStarted));
      return;
    }
    body.replaceChildren(...startedView(m, facts.plan, facts, started, date, actions));
  }

  refresh();
  if (focus) title.focus();
  return { destroy: store.subscribe((change_) => {
    if (change_.data) refresh();
    else noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
  }) };
}
