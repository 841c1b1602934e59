// Quick log: tap the body picture (or pick from the list), press "Save twitch". Details are
// optional. Every change can be undone from the status line; entries can be changed and
// deleted.

import { h } from '../../dom.js';
import { messages, format, formatParts } from '../../messages.js';
import { journalMessages as jm } from '../../messages-journal.js';
import { bodyFigure } from '../../shared/body-figure.js';
import { regionOrder, whereText } from '../../shared/places.js';
import { prepare, today } from '../../journal.js';
import { storeNotice, backupReminder } from '../../notice.js';
import { localAt, atFromInput, inputValue, clockTime, newId, shortDate, outsideEntryRange } from '../../when.js';

const midline = new Set(['tongue', 'neck', 'chest', 'back', 'abdomen']);
const sides = ['left', 'right', 'both', 'midline'];
const triggers = ['caffeine', 'stress', 'fatigue', 'dehydration', 'intense_exercise', 'poor_sleep'];

function details(e) {
  const parts = [];
  if (e.duration_s !== undefined) {
    parts.push(e.duration_s >= 60 && e.duration_s % 60 === 0
      ? format(jm.log.minutes1, { n: e.duration_s / 60 }) : format(jm.log.seconds1, { n: e.duration_s }));
  }
  if (e.intensity !== undefined) parts.push(format(jm.log.intensityShort, { n: e.intensity }));
  for (const t of e.triggers ?? []) parts.push(jm.log.triggerNames[t] ?? t);
  return parts.join(' · ');
}

const newestFirst = (a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);
const EARLIER = 10; // rows under "Earlier"

// The two lists under the form: all of today's twitches and the ten before them, newest
// first. A saved twitch adds one row (a tap never rebuilds the lists); only a deletion or
// a change that moves a row out of "Earlier" looks through the journal again.
function episodeLists(store, m, row) {
  const todayList = h('ul', { class: 'tc-entries' });
  const earlierList = h('ul', { class: 'tc-entries' });
  const earlierSection = h('section', { 'aria-labelledby': 'log-earlier' },
    h('h2', { id: 'log-earlier' }, m.recentTitle), earlierList, h('p', { class: 'tc-hint' }, m.moreEarlier));
  const todaySection = h('section', { 'aria-labelledby': 'log-today' }, h('h2', { id: 'log-today' }, m.todayTitle), todayList);
  const rows = new Map(); // id -> li
  let date = today();
  let earlier = []; // the episodes shown under "Earlier", newest first

  const placeholder = () => h('li', { class: 'tc-hint' }, store.episodeCount ? m.noneToday : m.none);
  function syncPlaceholder() {
    const shown = todayList.querySelector(':scope > li.tc-entry');
    const hint = todayList.querySelector(':scope > li.tc-hint');
    if (shown) hint?.remove();
    else if (hint) hint.replaceWith(placeholder());
    else todayList.append(placeholder());
  }

  function fill(list, episodes, withDate) {
    list.replaceChildren(...episodes.map((e) => {
      const li = row(e, withDate);
      rows.set(e.id, li);
      return li;
    }));
  }

  function showEarlier() {
    fill(earlierList, earlier, true);
    earlierSection.hidden = earlier.length === 0;
  }

  // The whole journal, once: when the screen opens and after a reload.
  function showAll() {
    date = today();
    rows.clear();
    const todays = [];
    earlier = [];
    for (const e of store.episodes()) {
      if (e.at.slice(0, 10) === date) todays.push(e);
      else if (earlier.length < EARLIER || e.at > earlier[EARLIER - 1].at) {
        earlier.push(e);
        earlier.sort(newestFirst);
        if (earlier.length > EARLIER) earlier.pop();
      }
    }
    fill(todayList, todays.sort(newestFirst), false);
    syncPlaceholder();
    showEarlier();
  }

  function insertSorted(list, li, at) {
    const next = [...list.querySelectorAll(':scope > li.tc-entry')].find((other) => other.dataset.at < at);
    list.insertBefore(li, next ?? null);
  }

  function removeRow(id) {
    rows.get(id)?.remove();
    rows.delete(id);
  }

  // One record changed: {episode} (added or changed) or {deleted}.
  function apply(change) {
    const gone = change.deleted ?? change.episode;
    if (earlier.some((x) => x.id === gone.id)) {
      showAll(); // a row of "Earlier" changed or went: the next one may move up
      return;
    }
    removeRow(gone.id);
    const e = change.episode;
    if (e && e.at.slice(0, 10) === date) {
      const li = row(e, false);
      rows.set(e.id, li);
      insertSorted(todayList, li, e.at);
    } else if (e && (earlier.length < EARLIER || e.at > earlier[earlier.length - 1].at)) {
      earlier.push(e);
      earlier.sort(newestFirst);
      if (earlier.length > EARLIER) earlier.pop();
      showEarlier();
    }
    syncPlaceholder();
  }

  return { elements: [todaySection, earlierSection], showAll, apply };
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.log;

  let chosen = null; // {region, side}
  let editing = null; // the episode being changed
  let lastAction = null; // what "Undo" reverses

  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const chosenText = h('p', { class: 'tc-chosen', 'aria-live': 'polite' }, m.nothingChosen);
  const figure = bodyFigure({
    frontLabel: m.figureFront,
    backLabel: m.figureBack,
    selected: () => new Map(chosen ? [[chosen.region, chosen.side]] : []),
    choose: (region, side) => {
      chosen = side ? { region, side } : null;
      syncChoice();
    },
  });

  const regionSelect = h('select', { id: 'log-region', name: 'region' },
    h('option', { value: '' }, m.regionNone),
    regionOrder.map((r) => h('option', { value: r }, messages.regions[r])));
  regionSelect.addEventListener('change', () => {
    const region = regionSelect.value;
    const kept = chosen && chosen.side !== 'midline' ? chosen.side : null;
    chosen = region ? { region, side: midline.has(region) ? 'midline' : kept } : null;
    syncChoice();
  });
  const sideInputs = sides.map((s) => h('input', { type: 'radio', name: 'side', value: s, id: `log-side-${s}` }));
  const sideFieldset = h('fieldset', { class: 'tc-sides' }, h('legend', null, m.sideLegend),
    sides.map((s, i) => h('label', { for: `log-side-${s}` }, sideInputs[i], ' ', messages.sides[s])));
  sideFieldset.addEventListener('change', () => {
    const side = sideInputs.find((i) => i.checked)?.value;
    if (chosen) chosen = { ...chosen, side };
    syncChoice();
  });

  function syncChoice() {
    regionSelect.value = chosen ? chosen.region : '';
    for (const input of sideInputs) input.checked = !!chosen && chosen.side === input.value;
    chosenText.textContent = chosen && chosen.side
      ? format(m.chosen, { where: whereText(chosen.region, chosen.side) }) : m.nothingChosen;
    figure.refresh();
  }

  // No min/max attributes: with them, a time typed digit by digit was lost in Chromium
  // (the keyboard test in tests/browser/journal.spec.js).
  // readEpisode() checks the range instead.
  const when = h('input', { type: 'datetime-local', id: 'log-when', name: 'when' });
  const duration = h('input', { type: 'number', id: 'log-duration', name: 'duration', min: 1, max: 86400, step: 1, inputmode: 'numeric', 'aria-describedby': 'log-duration-hint' });
  const unit = h('select', { id: 'log-unit', name: 'unit', 'aria-label': m.durationUnit },
    h('option', { value: '1' }, m.seconds), h('option', { value: '60' }, m.minutes));
  const intensityInputs = [1, 2, 3, 4, 5].map((n) => h('input', { type: 'radio', name: 'intensity', value: n, id: `log-int-${n}` }));
  const intensityNone = h('input', { type: 'radio', name: 'intensity', value: '', id: 'log-int-none', checked: true });
  const triggerInputs = triggers.map((t) => h('input', { type: 'checkbox', name: 'trigger', value: t, id: `log-trig-${t}` }));
  const note = h('textarea', { id: 'log-note', name: 'note', rows: 3, maxlength: 2000, 'aria-describedby': 'log-note-hint' });
  const detailsBox = h('details', { class: 'tc-details' },
    h('summary', null, m.details),
    h('div', { class: 'tc-field' }, h('label', { for: 'log-when' }, m.when), when),
    h('div', { class: 'tc-field' },
      h('label', { for: 'log-duration' }, m.durationLabel),
      h('div', { class: 'tc-inline' }, duration, unit),
      h('p', { class: 'tc-hint', id: 'log-duration-hint' }, m.durationHint)),
    h('fieldset', { class: 'tc-scale' }, h('legend', null, m.intensityLegend),
      intensityInputs.map((input, i) => h('label', { for: input.id }, input, ' ', m.intensity[i])),
      h('label', { for: 'log-int-none' }, intensityNone, ' ', m.intensityNone)),
    h('fieldset', { class: 'tc-checks' }, h('legend', null, m.triggersLegend),
      triggerInputs.map((input, i) => h('label', { for: input.id }, input, ' ', messages.triggers[triggers[i]]))),
    h('div', { class: 'tc-field' },
      h('label', { for: 'log-note' }, m.noteLabel), note,
      h('p', { class: 'tc-hint', id: 'log-note-hint' }, m.noteHint)));

  const error = h('p', { class: 'tc-error', role: 'alert', hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'tc-primary' }, m.save);
  const cancelButton = h('button', { type: 'button', hidden: true, onclick: () => stopEditing() }, m.cancelEdit);
  const status = h('p', { class: 'tc-status', role: 'status' });
  const formTitle = h('h2', { class: 'tc-visually-hidden', id: 'log-form-title' }, m.title);

  const form = h('form', { class: 'tc-log', novalidate: true, 'aria-labelledby': 'log-form-title' },
    formTitle,
    h('fieldset', { class: 'tc-where' }, h('legend', null, m.whereLegend),
      figure.element,
      h('div', { class: 'tc-field' }, h('label', { for: 'log-region' }, m.regionLabel), regionSelect),
      sideFieldset,
      chosenText),
    detailsBox, error,
    h('div', { class: 'tc-actions' }, saveButton, cancelButton));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  const reminderSlot = h('div');
  const lists = episodeLists(store, m, (e, withDate) => entry(e, withDate));

  root.replaceChildren(h('div', { class: 'tc-screen tc-log-screen' },
    title, noticeSlot, reminderSlot,
    h('p', null, m.intro),
    form, status,
    lists.elements));

  function readEpisode() {
    if (!chosen || !chosen.side) return { problem: m.needRegion, focus: chosen ? sideInputs[0] : regionSelect };
    // A time typed now must be in range; an edited episode may keep the time it had.
    if (when.value && !(editing && when.value === inputValue(editing.at))) {
      const min = outsideEntryRange(when.value.slice(0, 10), today());
      if (min) return { problem: format(m.whenRange, { min }), focus: when };
    }
    const episode = {
      id: editing ? editing.id : newId(),
      at: when.value ? atFromInput(when.value) : (editing ? editing.at : localAt()),
      region: chosen.region,
      side: chosen.side,
    };
    if (duration.value.trim() !== '') {
      const seconds = Number(duration.value) * Number(unit.value);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86400) return { problem: m.needDuration, focus: duration };
      episode.duration_s = seconds;
    }
    const intensity = intensityInputs.find((i) => i.checked);
    if (intensity) episode.intensity = Number(intensity.value);
    const picked = triggerInputs.filter((i) => i.checked).map((i) => i.value);
    if (picked.length) episode.triggers = picked;
    if (note.value.trim() !== '') episode.note = note.value;
    return { episode };
  }

  function clearForm() {
    chosen = null;
    when.value = '';
    duration.value = '';
    unit.value = '1';
    intensityNone.checked = true;
    for (const input of triggerInputs) input.checked = false;
    note.value = '';
    detailsBox.open = false;
    syncChoice();
  }

  let statusFor = 0; // the change the status line is about
  function showStatus(text, undo) {
    status.replaceChildren(text);
    if (undo) {
      status.append(' ', h('button', { type: 'button', class: 'tc-link-button', onclick: () => {
        undo();
        lastAction = null;
        statusFor += 1;
        status.replaceChildren(m.undone);
      } }, m.undo));
    }
  }

  // Once the change is stored (or could not be): "Saved: …" or "Not saved yet: …", never
  // both; the notice at the top offers "Try again".
  function reportSaved(result, words, episode, undo) {
    const mine = ++statusFor;
    result.saved.then((outcome) => {
      if (mine !== statusFor) return;
      showStatus(outcome.ok ? words : format(m.notSaved, { where: whereText(episode.region, episode.side), time: clockTime(episode.at) }),
        outcome.ok ? undo : null);
    });
  }

  function save() {
    const { episode, problem, focus } = readEpisode();
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      focus.focus();
      return;
    }
    const before = editing;
    const result = before ? store.updateEpisode(episode) : store.addEpisode(episode);
    if (!result.ok) {
      error.textContent = result.reason === 'invalid' ? format(m.invalid, result.error) : jm.store.blocked;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    const where = whereText(episode.region, episode.side);
    const words = format(before ? m.changed : m.saved, { where, time: clockTime(episode.at) });
    lastAction = before ? () => store.updateEpisode(before) : () => store.deleteEpisode(episode.id);
    reportSaved(result, words, episode, lastAction);
    if (before) stopEditing(false);
    else clearForm();
  }

  function startEditing(episode) {
    editing = episode;
    chosen = { region: episode.region, side: episode.side };
    when.value = inputValue(episode.at);
    if (episode.duration_s !== undefined) {
      const inMinutes = episode.duration_s >= 60 && episode.duration_s % 60 === 0;
      duration.value = String(inMinutes ? episode.duration_s / 60 : episode.duration_s);
      unit.value = inMinutes ? '60' : '1';
    } else {
      duration.value = '';
    }
    for (const input of intensityInputs) input.checked = Number(input.value) === episode.intensity;
    intensityNone.checked = episode.intensity === undefined;
    for (const input of triggerInputs) input.checked = (episode.triggers ?? []).includes(input.value);
    note.value = episode.note ?? '';
    detailsBox.open = true;
    formTitle.textContent = format(m.editTitle, { time: clockTime(episode.at) });
    formTitle.classList.remove('tc-visually-hidden');
    saveButton.textContent = m.saveChanges;
    cancelButton.hidden = false;
    syncChoice();
    form.scrollIntoView?.({ block: 'start' });
    regionSelect.focus();
  }

  function stopEditing(refocus = true) {
    editing = null;
    formTitle.textContent = m.title;
    formTitle.classList.add('tc-visually-hidden');
    saveButton.textContent = m.save;
    cancelButton.hidden = true;
    clearForm();
    if (refocus) regionSelect.focus();
  }

  function remove(episode) {
    const result = store.deleteEpisode(episode.id);
    if (!result.ok) {
      error.textContent = jm.store.blocked;
      error.hidden = false;
      return;
    }
    if (editing && editing.id === episode.id) stopEditing(false);
    lastAction = () => store.addEpisode(episode);
    reportSaved(result, format(m.deleted, { where: whereText(episode.region, episode.side), time: clockTime(episode.at) }), episode, lastAction);
    title.focus();
  }

  function entry(e, withDate) {
    const where = whereText(e.region, e.side);
    const time = clockTime(e.at);
    const noteText = e.note ? h('p', { class: 'tc-note' }, e.note) : null;
    const info = details(e);
    return h('li', { class: 'tc-entry', dataset: { at: e.at } },
      h('div', { class: 'tc-entry-main' },
        h('p', { class: 'tc-entry-title' }, formatParts(m.entryTitle, {
          when: h('time', { datetime: e.at }, withDate ? format(m.entryWhen, { date: shortDate(e.at.slice(0, 10)), time }) : time),
          where,
        })),
        info ? h('p', { class: 'tc-hint' }, info) : null,
        noteText),
      h('div', { class: 'tc-entry-actions' },
        h('button', { type: 'button', 'aria-label': format(m.editLabel, { time, where }), onclick: () => startEditing(e) }, m.edit),
        h('button', { type: 'button', 'aria-label': format(m.deleteLabel, { time, where }), onclick: () => remove(e) }, m.delete)));
  }

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
