// The Log screen: tap the body picture (or pick from the list), press "Save twitch". Details
// are optional; every change can be undone from the status line; every entry can be
// changed and deleted. The parts: where.js, details.js, save-bar.js, lists.js.

import { h } from '../../shared/dom.js';
import { format } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { whereText } from '../../shared/places.js';
import { prepare } from '../journal.js';
import { storeNotice, backupReminder } from '../../shared/notice.js';
import { localAt, clockTime, newId } from '../../shared/when.js';
import { whereChooser } from './where.js';
import { detailsFields } from './details.js';
import { saveBar } from './save-bar.js';
import { episodeLists } from './lists.js';

// The status line: "Saved: …" with Undo, "Not saved yet: …", "Undone.". `report(result,
// words, episode, undo)` shows the words once the change is stored (or could not be),
// never both; the notice at the top offers "Try again".
function statusLine() {
  const m = jm.log;
  const element = h('p', { class: 'tc-status', role: 'status' });
  let about = 0; // the change the line is about
  function show(text, undo) {
    element.replaceChildren(text);
    if (!undo) return;
    element.append(' ', h('button', { type: 'button', class: 'tc-link-button', onclick: () => {
      undo();
      about += 1;
      element.replaceChildren(m.undone);
    } }, m.undo));
  }
  return {
    element,
    report(result, words, episode, undo) {
      const mine = ++about;
      result.saved.then((outcome) => {
        if (mine !== about) return;
        show(outcome.ok ? words : format(m.notSaved, { where: whereText(episode.region, episode.side), time: clockTime(episode.at) }),
          outcome.ok ? undo : null);
      });
    },
    // A refusal takes an earlier "Saved: … Undo" away: the two never stand side by side.
    clear() {
      about += 1;
      element.replaceChildren();
    },
  };
}

// An empty form: nothing chosen, no details.
function emptyForm(where, details, sync) {
  where.set(null);
  details.clear();
  sync();
}

// The form's heading: hidden while logging, "Change the twitch from 08:15" while changing.
function formHeading() {
  const m = jm.log;
  const element = h('h2', { class: 'tc-visually-hidden', id: 'log-form-title' }, m.title);
  return {
    element,
    show(episode) {
      element.textContent = episode ? format(m.editTitle, { time: clockTime(episode.at) }) : m.title;
      element.classList.toggle('tc-visually-hidden', !episode);
    },
  };
}

// The form: where, details, the save bar; saving, changing and deleting entries.
function logForm(store, { title }) {
  const m = jm.log;
  let editing = null; // the episode being changed
  const where = whereChooser((tapped) => sync(tapped));
  const details = detailsFields();
  const bar = saveBar({ cancel: () => stopEditing() });
  const status = statusLine();
  const heading = formHeading();
  const submit = (event) => {
    event.preventDefault();
    save();
  };
  const form = h('form', { class: 'tc-log', novalidate: true, 'aria-labelledby': 'log-form-title', onsubmit: submit },
    heading.element, h('fieldset', { class: 'tc-where' }, h('legend', null, m.whereLegend), where.element),
    details.element, bar.element);

  // The bar says what is chosen, and stays in sight once a part is chosen.
  function sync(tapped) {
    bar.say(where.text());
    bar.stick(where.text() !== m.nothingChosen || editing !== null);
    bar.keepClear(tapped);
  }

  // The field at fault takes the focus and comes into view at once (never a smooth
  // scroll under the save bar, which moves the button while it is pressed again).
  function refuse(problem, focus) {
    bar.showError(problem);
    status.clear();
    focus?.focus({ preventScroll: true });
    focus?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }

  function save() {
    const missing = where.problem();
    if (missing) return refuse(missing.problem, missing.focus);
    const before = editing;
    const { episode, problem, focus } = details.read(where.chosen(), before, before ? before.id : newId());
    if (problem) return refuse(problem, focus);
    episode.at = episode.at ?? (before ? before.at : localAt());
    const result = before ? store.updateEpisode(episode) : store.addEpisode(episode);
    if (!result.ok) return refuse(result.reason === 'invalid' ? format(m.invalid, result.error) : jm.store.blocked, null);
    bar.hideError();
    const words = format(before ? m.changed : m.saved, { where: whereText(episode.region, episode.side), time: clockTime(episode.at) });
    status.report(result, words, episode, before ? () => store.updateEpisode(before) : () => store.deleteEpisode(episode.id));
    if (before) stopEditing(false);
    else emptyForm(where, details, sync);
  }


  function startEditing(episode) {
    editing = episode;
    where.set({ region: episode.region, side: episode.side }, episode.side);
    details.fill(episode);
    heading.show(episode);
    bar.editing(true);
    bar.hideError();
    sync();
    form.scrollIntoView?.({ block: 'start' });
    where.focus();
  }

  function stopEditing(refocus = true) {
    editing = null;
    heading.show(null);
    bar.editing(false);
    emptyForm(where, details, sync);
    if (refocus) where.focus();
  }

  function remove(episode) {
    const result = store.deleteEpisode(episode.id);
    if (!result.ok) return refuse(jm.store.blocked, null);
    if (editing && editing.id === episode.id) stopEditing(false);
    status.report(result, format(m.deleted, { where: whereText(episode.region, episode.side), time: clockTime(episode.at) }),
      episode, () => store.addEpisode(episode));
    title.focus();
  }

  return { form, status: status.element, edit: startEditing, remove };
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.log;
  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const reminderSlot = h('div');
  const { form, status, edit, remove } = logForm(store, { title });
  const lists = episodeLists(store, { edit, remove });
  root.replaceChildren(h('div', { class: 'tc-screen tc-log-screen' },
    title, noticeSlot, reminderSlot, h('p', null, m.intro), form, status, lists.elements));

  function refreshNotices() {
    noticeSlot.replaceChildren(storeNotice(store, refreshNotices) ?? '');
    reminderSlot.replaceChildren(backupReminder(store) ?? '');
  }

  // A saved twitch changes one row; the notices follow the store's state and metadata.
  function changed(change) {
    if (change.episode || change.deleted) lists.apply(change);
    if (change.reload) lists.showAll();
    if (!change.data || change.reload) noticeSlot.replaceChildren(storeNotice(store, refreshNotices) ?? '');
    reminderSlot.replaceChildren(backupReminder(store) ?? '');
  }

  lists.showAll();
  refreshNotices();
  if (focus) title.focus();
  return { destroy: store.subscribe(changed) };
}
