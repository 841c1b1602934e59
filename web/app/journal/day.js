// Day check-in: caffeine, water, sleep, stress, exercise, relaxation. Every field is
// optional; a new day starts from the day before's answers. Numbers are read from the
// text as typed (not a number input, which hides what it cannot read and so drops it):
// a decimal comma is a decimal point, and anything else that is not a number is refused
// beside its field, so a save never leaves out what the person wrote.

import { h, reveal } from '../dom.js';
import { format } from '../messages.js';
import { journalMessages as jm } from '../messages-journal.js';
import { prepare, today } from '../journal.js';
import { storeNotice } from '../notice.js';
import { addDays, longDate, entryRange, outsideEntryRange } from '../when.js';

// [field, label, hint, min, max, step]
const numberFields = [
  ['caffeine_mg', 'caffeine', 'caffeineHint', 0, 2000, 1],
  ['water_ml', 'water', 'waterHint', 0, 10000, 1],
  ['sleep_h', 'sleep', 'sleepHint', 0, 24, 0.5],
  ['stress', 'stress', 'stressHint', 0, 10, 1],
  ['relaxation_min', 'relaxation', 'relaxationHint', 0, 1440, 1],
];
const exerciseValues = ['none', 'moderate', 'intense'];

// A number as a person types it: "7.5" or "7,5" (a decimal comma), "2,000" (thousands in
// groups of three), an optional minus. null for anything else ("2e", "7,5,1", "").
export function typedNumber(text) {
  const t = text.trim();
  if (/^-?\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replaceAll(',', ''));
  if (/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

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
  const fieldErrors = {};
  const fieldError = (key) => {
    fieldErrors[key] = h('p', { class: 'tc-error', id: `day-${key}-error`, role: 'alert', hidden: true });
    return fieldErrors[key];
  };
  const fields = numberFields.map(([key, label, hint, , , step]) => {
    inputs[key] = h('input', { type: 'text', id: `day-${key}`, name: key, autocomplete: 'off', class: 'tc-number',
      inputmode: step === 1 ? 'numeric' : 'decimal', 'aria-describedby': `day-${key}-hint` });
    return h('div', { class: 'tc-field' },
      h('label', { for: `day-${key}` }, m[label]), inputs[key], fieldError(key),
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
    h('div', { class: 'tc-field' }, h('label', { for: 'day-date' }, m.dateLabel), dateInput, fieldError('date')),
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

  // → {day} or {problems: [{key, text}]}: every field that cannot be saved, in order.
  function read() {
    const problems = [];
    const date = dateInput.value;
    const typed = /^\d{4}-\d{2}-\d{2}$/.test(date);
    const outside = typed ? outsideEntryRange(date, today()) : null;
    if (!typed) problems.push({ key: 'date', text: m.dateNeeded });
    else if (outside) problems.push({ key: 'date', text: format(m.dateRange, { min: outside }) });
    const day = { date };
    for (const [key, label, , min, max, step] of numberFields) {
      const text = inputs[key].value.trim();
      if (text === '') continue;
      const value = typedNumber(text);
      const whole = step === 1;
      if (value === null) {
        problems.push({ key, text: format(m.notNumber, { field: m[label], text, example: m.examples[key] }) });
      } else if (value < min || value > max || (whole && !Number.isInteger(value))) {
        problems.push({ key, text: format(whole ? m.wholeRangeError : m.rangeError, { field: m[label], min, max }) });
      } else {
        day[key] = value;
      }
    }
    if (problems.length) return { problems };
    const ex = exerciseInputs.find((i) => i.checked)?.value;
    if (ex) day.exercise = ex;
    // Keys in the contract's order.
    const ordered = { date };
    for (const key of ['caffeine_mg', 'water_ml', 'sleep_h', 'stress', 'exercise', 'relaxation_min']) {
      if (day[key] !== undefined) ordered[key] = day[key];
    }
    return { day: ordered };
  }

  const fieldOf = (key) => (key === 'date' ? dateInput : inputs[key]);

  // Each message beside its field, read with it; focus on the first.
  function showProblems(problems) {
    for (const [key, box] of Object.entries(fieldErrors)) {
      const problem = problems.find((p) => p.key === key);
      const field = fieldOf(key);
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== box.id);
      box.textContent = problem?.text ?? '';
      box.hidden = !problem;
      if (problem) {
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', [box.id, ...described].join(' '));
      } else {
        field.removeAttribute('aria-invalid');
        if (described.length) field.setAttribute('aria-describedby', described.join(' '));
        else field.removeAttribute('aria-describedby');
      }
    }
    if (problems.length === 0) return;
    const first = fieldOf(problems[0].key);
    first.focus({ preventScroll: true });
    reveal(fieldErrors[problems[0].key], 'center', [first]);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { day, problems } = read();
    showProblems(problems ?? []);
    if (problems) {
      error.hidden = true;
      status.textContent = ''; // an earlier "Saved" must not stand beside a refusal
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
