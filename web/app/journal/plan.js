// The five-step self-care plan: the week, how many of the last 7 days each step was kept,
// the twitch rate before the start and now, and from day 21 whether it went down
// (all from analyze()'s `plan`).

import { h } from '../dom.js';
import { format, language } from '../messages.js';
import { journalMessages as jm } from '../messages-journal.js';
import { prepare, analysis, today } from '../journal.js';
import { storeNotice } from '../notice.js';
import { longDate } from '../when.js';

const steps = ['caffeine', 'water', 'sleep', 'relaxation', 'tracking'];
const rate = (x) => (Math.round(x * 10) / 10).toLocaleString(language);

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

  const start = () => {
    store.setPlan({ started: today() });
    title.focus();
  };

  function stepList(adherence) {
    return h('ol', { class: 'tc-steps' }, steps.map((s) => h('li', { class: 'tc-step-item' },
      h('p', { class: 'tc-entry-title' }, m.steps[s].name),
      h('p', null, m.steps[s].text),
      adherence ? h('p', { class: 'tc-kept' },
        h('meter', { min: 0, max: 7, value: adherence[s], 'aria-label': format(m.keptLabel, { step: m.steps[s].name, n: adherence[s] }) }),
        ' ', format(m.kept, { n: adherence[s] })) : null)));
  }

  function refresh() {
    noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
    const started = store.plan?.started;
    if (!started) {
      body.replaceChildren(h('p', null, m.notStarted), stepList(null),
        h('div', { class: 'tc-actions' }, h('button', { type: 'button', class: 'tc-primary', onclick: start }, m.start)));
      return;
    }
    const facts = analysis(store);
    const plan = facts.plan;
    if (!plan) {
      body.replaceChildren(h('p', null, m.notStarted));
      return;
    }
    const improved = plan.improved === true ? m.improvedYes : plan.improved === false ? m.improvedNo
      : plan.week >= 4 ? m.improvedNoBaseline : m.improvedWait;
    body.replaceChildren(
      h('p', { class: 'tc-summary' }, started > today()
        ? format(m.startsLater, { date: longDate(started) })
        : format(m.started, { date: longDate(started), week: plan.week })),
      stepList(plan.adherence),
      h('p', null, h('a', { href: '#/day' }, m.dayLink)),
      h('section', { class: 'tc-card', 'aria-labelledby': 'plan-rates' },
        h('h2', { id: 'plan-rates' }, m.ratesTitle),
        h('ul', null,
          h('li', null, format(m.baseline, { rate: rate(plan.baseline_rate) })),
          h('li', null, format(m.recent, { rate: rate(plan.recent_rate) }))),
        h('p', null, improved)),
      h('p', null, h('a', { href: '#/recheck', class: 'tc-button-link' }, m.checkAgain)),
      h('div', { class: 'tc-actions' },
        h('button', { type: 'button', onclick: start }, m.restart),
        h('button', { type: 'button', onclick: () => { store.setPlan({}); title.focus(); } }, m.stop)));
  }

  refresh();
  if (focus) title.focus();
  return { destroy: store.subscribe((change) => {
    if (change.data) refresh();
    else noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
  }) };
}
