// The Day screen's list of saved check-ins, newest first, ten at a time ("Show more"
// reaches every one), each with "Change" and "Delete".

import { h } from '../../shared/dom.js';
import { format, language } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { longDateYear } from '../../shared/when.js';
import { numberFields } from './fields.js';

const FIRST = 10;
const MORE = 20;

// "Caffeine (mg): 300 · Exercise: Hard": what a check-in holds, in the form's own words.
function summary(day) {
  const m = jm.day;
  const number = new Intl.NumberFormat(language);
  const parts = [];
  for (const [key, label] of numberFields) if (day[key] !== undefined) parts.push(`${m[label]}: ${number.format(day[key])}`);
  if (day.exercise) parts.push(`${m.exerciseLegend}: ${m.exercise[day.exercise]}`);
  return parts.join(' · ');
}

// `actions`: {edit(day), remove(day)} → {element, refresh()}
export function checkInList(store, actions) {
  const m = jm.day;
  const list = h('ul', { class: 'tc-entries' });
  const moreButton = h('button', { type: 'button', class: 'tc-more', onclick: () => showMore() });
  const empty = h('p', { class: 'tc-hint' }, m.noCheckIns);
  const element = h('section', { 'aria-labelledby': 'day-list-title' },
    h('h2', { id: 'day-list-title' }, m.listTitle), empty, list, moreButton);
  let limit = FIRST;

  function row(day) {
    const date = longDateYear(day.date);
    return h('li', { class: 'tc-entry' },
      h('div', { class: 'tc-entry-main' },
        h('p', { class: 'tc-entry-title' }, h('time', { datetime: day.date }, date)),
        h('p', { class: 'tc-hint' }, summary(day) || m.emptyCheckIn)),
      h('div', { class: 'tc-entry-actions' },
        h('button', { type: 'button', 'aria-label': format(m.editLabel, { date }), onclick: () => actions.edit(day) }, m.edit),
        h('button', { type: 'button', 'aria-label': format(m.deleteLabel, { date }), onclick: () => actions.remove(day) }, m.delete)));
  }

  function refresh() {
    const days = store.days().sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    const shown = days.slice(0, limit);
    list.replaceChildren(...shown.map(row));
    empty.hidden = days.length > 0;
    moreButton.hidden = days.length <= shown.length;
    moreButton.textContent = format(m.showMore, { n: Math.min(MORE, days.length - shown.length) });
  }

  // Focus stays on the button, or goes to the first new row once every check-in shows.
  function showMore() {
    const from = list.children.length;
    limit = from + MORE;
    refresh();
    if (moreButton.hidden) list.children[from]?.querySelector('button')?.focus();
  }

  return { element, refresh };
}
