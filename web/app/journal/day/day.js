// The Day screen: a day check-in (caffeine, water, sleep, stress, exercise, relaxation),
// every field optional, and the list of saved check-ins. A new day starts empty ("Same as
// the day before" copies that day's answers); a check-in can be deleted, with Undo.
// Typed answers that are not saved are kept while the page is open (drafts).

import { h } from '../../shared/dom.js';
import { format } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { prepare, today } from '../journal.js';
import { storeNotice } from '../../shared/notice.js';
import { addDays, longDate } from '../../shared/when.js';
import { dayFields } from './fields.js';
import { checkInList } from './list.js';

// Answers typed and not saved when the person left the screen: {date, text}, shown again
// when they come back. Leaving the page (a reload, the language picker, closing the tab)
// with such answers asks first, as the journal does for taps not yet stored.
let draft = null;
let unsavedNow = () => false; // the open Day screen's own test
addEventListener('beforeunload', (event) => {
  if (draft || unsavedNow()) event.preventDefault();
});

// The status line: "Saved for …", "Deleted the check-in for … Undo", "Undone.".
function statusLine() {
  const element = h('p', { class: 'tc-status', role: 'status' });
  let about = 0;
  return {
    element,
    // Shows the words once `result` is stored; `undo` adds an Undo button.
    report(result, words, notSaved, undo) {
      const mine = ++about;
      result.saved.then((outcome) => {
        if (mine !== about) return;
        element.replaceChildren(outcome.ok ? words : notSaved);
        if (outcome.ok && undo) {
          element.append(' ', h('button', { type: 'button', class: 'tc-link-button', onclick: () => {
            undo();
            about += 1;
            element.replaceChildren(jm.log.undone);
          } }, jm.log.undo));
        }
      });
    },
    clear() {
      about += 1;
      element.replaceChildren();
    },
  };
}

// The check-in form's parts, and filling it: the date's own check-in, or empty fields
// with the offer to copy the day before's answers.
function dayForm(store) {
  const m = jm.day;
  const fields = dayFields();
  const { dateInput } = fields;
  const source = h('p', { class: 'tc-hint', 'aria-live': 'polite' });
  const copyButton = h('button', { type: 'button', class: 'tc-secondary', onclick: () => copyDayBefore() }, m.copyBefore);
  const deleteButton = h('button', { type: 'button', class: 'tc-secondary' }, m.deleteDay);
  const error = h('p', { class: 'tc-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'tc-day', novalidate: true, 'aria-labelledby': 'day-title' },
    fields.date, h('div', { class: 'tc-copy' }, source, copyButton), fields.element, error,
    h('div', { class: 'tc-actions' }, h('button', { type: 'submit', class: 'tc-primary' }, m.save), deleteButton));
  let shown = fields.typed(); // what the fields held when filled: anything else is unsaved

  // `restored` (from typed()) brings back answers typed and not saved.
  function fill(restored) {
    const date = dateInput.value || today();
    const own = store.day(date);
    fields.show(own ?? {});
    shown = fields.typed();
    if (restored) fields.show({}, restored);
    source.textContent = restored ? format(m.draftBack, { date: longDate(date) }) : own ? m.existing : '';
    copyButton.hidden = Boolean(own) || !store.day(addDays(date, -1));
    deleteButton.hidden = !own;
  }

  function copyDayBefore() {
    fields.show(store.day(addDays(dateInput.value || today(), -1)) ?? {});
    source.textContent = m.prefilled;
    copyButton.hidden = true;
    fields.first.focus();
  }

  return {
    form, fields, dateInput, deleteButton, fill,
    unsaved: () => fields.typed() !== shown,
    refuse(text) {
      error.textContent = text ?? '';
      error.hidden = text === null;
    },
  };
}

// Saving and deleting a check-in, with the status line. → the form's parts and actions.
function dayActions(store) {
  const m = jm.day;
  const parts = dayForm(store);
  const { form, fields, dateInput, fill, refuse } = parts;
  const status = statusLine();

  function save() {
    const { day, problems } = fields.read();
    fields.showProblems(problems ?? []);
    refuse(null);
    if (problems) return status.clear(); // an earlier "Saved" must not stand beside a refusal
    if (fields.isEmpty()) {
      if (store.day(day.date)) return remove(day.date);
      status.clear();
      return refuse(m.nothingToSave);
    }
    const result = store.putDay(day);
    if (!result.ok) return refuse(result.reason === 'invalid' ? format(m.invalid, result.error) : jm.store.blocked);
    fill();
    const date = longDate(day.date);
    status.report(result, format(m.saved, { date }), format(m.notSaved, { date }));
  }

  function remove(date) {
    const had = store.day(date);
    if (!had) return;
    const result = store.deleteDay(date);
    if (!result.ok) return refuse(jm.store.blocked);
    refuse(null);
    if (date === dateInput.value) fill();
    const words = format(m.deleted, { date: longDate(date) });
    status.report(result, words, format(m.notSaved, { date: longDate(date) }), () => store.putDay(had));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  parts.deleteButton.addEventListener('click', () => remove(dateInput.value));
  dateInput.addEventListener('change', () => {
    status.clear();
    fill();
  });

  return {
    ...parts, status: status.element, remove,
    typed: fields.typed,
    // Opens the check-in of `date` in the form, as if chosen in the date field.
    edit(date) {
      dateInput.value = date;
      status.clear();
      fill();
      form.scrollIntoView?.({ block: 'start' });
      fields.first.focus({ preventScroll: true });
    },
    focused: () => form.contains(document.activeElement),
  };
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.day;
  const title = h('h1', { tabindex: '-1', id: 'day-title' }, m.title);
  const noticeSlot = h('div');
  const list = checkInList(store, { edit: (day) => form.edit(day.date), remove: (day) => form.remove(day.date) });
  const form = dayActions(store);
  root.replaceChildren(h('div', { class: 'tc-screen' },
    title, noticeSlot, h('p', null, m.intro), form.form, form.status, list.element));
  if (draft) form.dateInput.value = draft.date;
  form.fill(draft?.text);
  draft = null;
  list.refresh();
  unsavedNow = form.unsaved;
  const refresh = () => noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
  refresh();
  if (focus) title.focus();
  // Another tab's day, or a journal loaded anew, fills the form again, unless the person is
  // typing in it or has typed what is not saved.
  const unsubscribe = store.subscribe((change) => {
    const day = change.day ?? change.deletedDay;
    if (change.reload || (day && day.date === form.dateInput.value && !form.focused() && !form.unsaved())) form.fill();
    if (day || change.reload) list.refresh();
    if (!change.data || change.reload) refresh();
  });
  return {
    destroy() {
      unsubscribe();
      if (form.unsaved()) draft = { date: form.dateInput.value, text: form.typed() };
      unsavedNow = () => false;
    },
  };
}
