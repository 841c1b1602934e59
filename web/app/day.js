// Day check-in: caffeine, water, sleep, stress, exercise, relaxation. Every field is
// optional; a new day starts from the day before's answers.

import { h } from './dom.js';
import { format } from './messages.js';
import { journalMessages as jm } from './messages-journal.js';
import { prepare, today } from './journal.js';
import { storeNotice } from './notice.js';
import { addDays, longDate, entryRange, outsideEntryRange } from './when.js';

// [field, label, hint, min, max, step]
const numberFields = [
  ['caffeine_mg', 'caffeine', 'caffeineHint', 0, 2000, 1],
  ['water_ml', 'water', 'waterHint', 0, 10000, 1],
  ['sleep_h', 'sleep', 'sleepHint', 0, 24, 0.5],
  ['stress', 'stress', 'stressHint', 0, 10, 1],
  ['relaxation_min', 'relaxation', 'relaxationHint', 0, 1440, 1],
];
const exerciseValues = ['none', 'moderate', 'intense'];

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.day;

  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const dateInput = h('input', { type: 'date', id: 'day-date', name: 'date', value: today(), min: entryRange(today()).min, max: today(), required: true });
  const source = h('p', { class: 'tc-hint', 'aria-live': 'polite' });
  const inputs = {};
  const fields = numberFields.map(([key, label, hint, min, max, step]) => {
    inputs[key] = h('input', { type: 'number', id: `day-${key}`, name: key, min, max, step, inputmode: step === 1 ? 'numeric' : 'decimal', 'aria-describedby': `day-${key}-hint` });
    return h('div', { class: 'tc-field' },
      h('label', { for: `day-${key}` }, m[label]), inputs[key],
      h('p', { class: 'tc-hint', id: `day-${key}-hint` }, m[hint]));
  });
  const exerciseInputs = [...exerciseValues, ''].map((v) =>
    h('input', { type: 'radio', name: 'exercise', value: v, id: `day-exercise-${v || 'unset'}` }));
  const exercise = h('fieldset', { class: 'tc-scale' }, h('legend', null, m.exerciseLegend),
    exerciseInputs.map((input) => h('label', { for: input.id }, input, ' ',
      input.value ? m.exercise[input.value] : m.exerciseUnset)));
  const error = h('p', { class: 'tc-error', role: 'alert', hidden: true });
  const status = h('p', { class: 'tc-status', role: 'status' });

  const form = h('form', { class: 'tc-day', novalidate: true, 'aria-labelledby': 'day-title' },
    h('div', { class: 'tc-field' }, h('label', { for: 'day-date' }, m.dateLabel), dateInput),
    source,
    fields.slice(0, 4), exercise, fields[4],
    error,
    h('div', { class: 'tc-actions' }, h('button', { type: 'submit', class: 'tc-primary' }, m.save)));
  title.id = 'day-title';

  function fill() {
    const date = dateInput.value || today();
    const own = store.day(date);
    const before = store.day(addDays(date, -1));
    const from = own ?? before ?? {};
    source.textContent = own ? m.existing : before ? m.prefilled : '';
    for (const [key] of numberFields) inputs[key].value = from[key] === undefined ? '' : String(from[key]);
    for (const input of exerciseInputs) input.checked = (from.exercise ?? '') === input.value;
  }

  function read() {
    const date = dateInput.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { problem: m.dateLabel, focus: dateInput };
    const min = outsideEntryRange(date, today());
    if (min) return { problem: format(m.dateRange, { min }), focus: dateInput };
    const day = { date };
    for (const [key, label, , min, max, step] of numberFields) {
      const text = inputs[key].value.trim();
      if (text === '') continue;
      const value = Number(text);
      const whole = step === 1;
      if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
        return { problem: format(m.rangeError, { field: m[label], min, max }), focus: inputs[key] };
      }
      day[key] = value;
    }
    const ex = exerciseInputs.find((i) => i.checked)?.value;
    if (ex) day.exercise = ex;
    // Keys in the contract's order.
    const ordered = { date };
    for (const key of ['caffeine_mg', 'water_ml', 'sleep_h', 'stress', 'exercise', 'relaxation_min']) {
      if (day[key] !== undefined) ordered[key] = day[key];
    }
    return { day: ordered };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { day, problem, focus: target } = read();
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      target.focus();
      return;
    }
    const result = store.putDay(day);
    if (!result.ok) {
      error.textContent = result.reason === 'invalid' ? format(m.invalid, result.error) : jm.store.blocked;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    source.textContent = m.existing;
    const mine = ++statusFor;
    result.saved.then((outcome) => {
      if (mine === statusFor) status.textContent = format(outcome.ok ? m.saved : m.notSaved, { date: longDate(day.date) });
    });
  });
  let statusFor = 0; // the save the status line is about
  dateInput.addEventListener('change', () => {
    statusFor += 1;
    status.textContent = '';
    fill();
  });

  root.replaceChildren(h('div', { class: 'tc-screen' },
    title, noticeSlot, h('p', null, m.intro), form, status));
  fill();
  const refresh = () => noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
  refresh();
  if (focus) title.focus();
  // Another tab's day, or a journal loaded anew, fills the form again.
  return { destroy: store.subscribe((change) => {
    if (change.reload || (change.day && change.day.date === dateInput.value && !form.contains(document.activeElement))) fill();
    if (!change.data || change.reload) refresh();
  }) };
}
