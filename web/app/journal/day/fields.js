// The day check-in's fields: the date, five numbers and exercise. Numbers are read from the
// text as typed (not a number input, which hides what it cannot read and so drops it): a
// decimal comma is a decimal point; what is not a number is refused beside its field.

import { h, reveal } from '../../shared/dom.js';
import { format } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { today } from '../journal.js';
import { entryRange, outsideEntryRange } from '../../shared/when.js';

// [field, label, hint, min, max, step]
export const numberFields = [
  ['caffeine_mg', 'caffeine', 'caffeineHint', 0, 2000, 1],
  ['water_ml', 'water', 'waterHint', 0, 10000, 1],
  ['sleep_h', 'sleep', 'sleepHint', 0, 24, 0.5],
  ['stress', 'stress', 'stressHint', 0, 10, 1],
  ['relaxation_min', 'relaxation', 'relaxationHint', 0, 1440, 1],
];
const exerciseValues = ['none', 'moderate', 'intense'];
const contractOrder = ['caffeine_mg', 'water_ml', 'sleep_h', 'stress', 'exercise', 'relaxation_min'];

// A number as a person types it: "7.5" or "7,5" (a decimal comma), "2,000" (thousands in
// groups of three), an optional minus. null for anything else ("2e", "7,5,1", "").
export function typedNumber(text) {
  const t = text.trim();
  if (/^-?\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replaceAll(',', ''));
  if (/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

// The fields with their messages: → {dateInput, element, show(day), typed(), read(),
// showProblems(problems), isEmpty()}.
export function dayFields() {
  const m = jm.day;
  const dateInput = h('input', { type: 'date', id: 'day-date', name: 'date', value: today(), min: entryRange(today()).min, max: today(), required: true });
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
  const fieldOf = (key) => (key === 'date' ? dateInput : inputs[key]);

  // What the fields hold now, as typed: compared to tell unsaved typing from a saved day.
  const typed = () => JSON.stringify([...numberFields.map(([key]) => inputs[key].value),
    exerciseInputs.find((i) => i.checked)?.value ?? '']);

  return {
    dateInput,
    date: h('div', { class: 'tc-field' }, h('label', { for: 'day-date' }, m.dateLabel), dateInput, fieldError('date')),
    element: [fields.slice(0, 4), exercise, fields[4]],
    first: inputs.caffeine_mg,
    typed,
    // Shows `day` (a check-in, or {} for empty fields); `text` (from typed()) instead
    // brings back what was typed and not saved.
    show(day, text) {
      const values = text ? JSON.parse(text) : [...numberFields.map(([key]) => (day[key] === undefined ? '' : String(day[key]))), day.exercise ?? ''];
      numberFields.forEach(([key], i) => { inputs[key].value = values[i]; });
      for (const input of exerciseInputs) input.checked = values[numberFields.length] === input.value;
    },
    isEmpty: () => numberFields.every(([key]) => inputs[key].value.trim() === '') && !exerciseInputs.some((i) => i.checked && i.value),
    read: () => readDay(dateInput.value, inputs, exerciseInputs),
    showProblems: (problems) => showProblems(problems, fieldErrors, fieldOf),
  };
}

// → {day} or {problems: [{key, text}]}: every field that cannot be saved, in order.
function readDay(date, inputs, exerciseInputs) {
  const m = jm.day;
  const problems = [];
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
  const ordered = { date }; // keys in the contract's order
  for (const key of contractOrder) if (day[key] !== undefined) ordered[key] = day[key];
  return { day: ordered };
}

// Each message beside its field, read with it; focus on the first.
function showProblems(problems, fieldErrors, fieldOf) {
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
