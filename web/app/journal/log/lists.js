// The Log's two lists under the form: all of today's twitches, and the earlier ones, newest
// first, ten at a time ("Show more" reaches every one). Each row can be changed or deleted.

import { h } from '../../shared/dom.js';
import { format, formatParts } from '../../shared/messages.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';
import { whereText } from '../../shared/places.js';
import { today } from '../journal.js';
import { clockTime, shortDate } from '../../shared/when.js';
import { detailsLine } from './details.js';

const newestFirst = (a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);
const FIRST = 10; // rows under "Earlier" at first
const MORE = 20; // rows each "Show more" adds

// One twitch: when, where, its details and note; "Change" and "Delete".
function entryRow(e, withDate, { edit, remove }) {
  const m = jm.log;
  const where = whereText(e.region, e.side);
  const time = clockTime(e.at);
  const info = detailsLine(e);
  const at = withDate ? format(m.entryWhen, { date: shortDate(e.at.slice(0, 10)), time }) : time;
  return h('li', { class: 'tc-entry', dataset: { at: e.at, id: e.id } },
    h('div', { class: 'tc-entry-main' },
      h('p', { class: 'tc-entry-title' }, formatParts(m.entryTitle, { when: h('time', { datetime: e.at }, at), where })),
      info ? h('p', { class: 'tc-hint' }, info) : null,
      e.note ? h('p', { class: 'tc-note' }, e.note) : null),
    h('div', { class: 'tc-entry-actions' },
      h('button', { type: 'button', 'aria-label': format(m.editLabel, { time, where }), onclick: () => edit(e) }, m.edit),
      h('button', { type: 'button', 'aria-label': format(m.deleteLabel, { time, where }), onclick: () => remove(e) }, m.delete)));
}

// A saved twitch adds one row (a tap never rebuilds the lists); a deletion or a change of
// a row under "Earlier" looks through the journal again. `actions`: {edit, remove}.
export function episodeLists(store, actions) {
  const m = jm.log;
  const todayList = h('ul', { class: 'tc-entries' });
  const earlierList = h('ul', { class: 'tc-entries' });
  const moreButton = h('button', { type: 'button', class: 'tc-more', onclick: () => showMore() });
  const earlierSection = h('section', { 'aria-labelledby': 'log-earlier' },
    h('h2', { id: 'log-earlier' }, m.recentTitle), earlierList, moreButton);
  const todaySection = h('section', { 'aria-labelledby': 'log-today' }, h('h2', { id: 'log-today' }, m.todayTitle), todayList);
  let date = today();
  let limit = FIRST;
  let earlier = []; // the episodes shown under "Earlier", newest first
  let hidden = 0; // earlier episodes beyond `limit`

  const row = (e, withDate) => entryRow(e, withDate, actions);
  const placeholder = () => h('li', { class: 'tc-hint' }, store.episodeCount ? m.noneToday : m.none);
  function syncPlaceholder() {
    const shown = todayList.querySelector(':scope > li.tc-entry');
    const hint = todayList.querySelector(':scope > li.tc-hint');
    if (shown) hint?.remove();
    else if (hint) hint.replaceWith(placeholder());
    else todayList.append(placeholder());
  }

  function showEarlier() {
    earlierList.replaceChildren(...earlier.map((e) => row(e, true)));
    earlierSection.hidden = earlier.length === 0;
    moreButton.hidden = hidden === 0;
    moreButton.textContent = format(m.showMore, { n: Math.min(MORE, hidden) });
  }

  // The whole journal, once: when the screen opens, after a reload, after "Show more".
  function showAll() {
    date = today();
    const all = store.episodes();
    const todays = all.filter((e) => e.at.slice(0, 10) === date).sort(newestFirst);
    const before = all.filter((e) => e.at.slice(0, 10) !== date).sort(newestFirst);
    earlier = before.slice(0, limit);
    hidden = before.length - earlier.length;
    todayList.replaceChildren(...todays.map((e) => row(e, false)));
    syncPlaceholder();
    showEarlier();
  }

  // The next rows: focus stays on the button, or goes to the first new row once all show.
  function showMore() {
    const from = earlier.length;
    limit = from + MORE;
    showAll();
    if (moreButton.hidden) earlierList.children[from]?.querySelector('button')?.focus();
  }

  // One record changed: {episode} (added or changed) or {deleted}.
  function apply(change) {
    const gone = change.deleted ?? change.episode;
    if (earlier.some((x) => x.id === gone.id)) {
      showAll(); // a row of "Earlier" changed or went: the next one may move up
      return;
    }
    todayList.querySelector(`:scope > li[data-id="${CSS.escape(gone.id)}"]`)?.remove();
    const e = change.episode;
    if (e && e.at.slice(0, 10) === date) {
      const li = row(e, false);
      const next = [...todayList.querySelectorAll(':scope > li.tc-entry')].find((other) => other.dataset.at < e.at);
      todayList.insertBefore(li, next ?? null);
    } else if (e) {
      showAll();
    }
    syncPlaceholder();
  }

  return { elements: [todaySection, earlierSection], showAll, apply };
}
