// What the journal's storage is going through, told in front of the person with a way
// out that loses nothing (a download first; "start fresh" only when asked).
import { h } from './dom.js';
import { format } from './messages.js';
import { journalMessages as jm } from './messages-journal.js';
import { download, downloadBackup, backupWords } from './files.js';
import { today } from './when.js';

const DAY = 86400000;

export function storeNotice(store, rerender) {
  const m = jm.store;
  const box = (title, text, ...actions) => h('section', { class: 'tc-notice', role: 'alert' },
    h('h2', null, title), h('p', null, text), actions.length ? h('div', { class: 'tc-actions' }, actions) : null);
  const backupButton = () => h('button', { type: 'button', onclick: (event) => {
    const said = backupWords(downloadBackup(store, today()));
    if (said) event.currentTarget.closest('section').append(h('p', { role: 'status' }, said));
  } }, m.downloadBackup);

  if (store.state === 'newer') {
    return box(m.newerTitle, m.newerText, store.newer.text === null ? null
      : h('button', { type: 'button', onclick: () => download(`twitchcheck-saved-${today()}.json`, store.newer.text, 'application/json') },
        m.downloadSaved));
  }
  if (store.state === 'blocked') return box(m.blockedTitle, m.blockedText);
  if (store.state === 'closed') {
    return box(m.closedTitle, m.closedText, h('button', { type: 'button', onclick: () => location.reload() }, jm.update.reload));
  }
  if (store.state === 'unreachable') {
    return box(m.unreachableTitle, m.unreachableText, h('button', { type: 'button', onclick: () => location.reload() }, jm.update.reload));
  }
  if (store.state === 'corrupt') {
    const detail = h('p', null, format(m.corruptDetail, { path: store.corrupt.error.path, message: store.corrupt.error.message }));
    const confirmRow = h('div', { class: 'tc-actions', hidden: true },
      h('button', { type: 'button', class: 'tc-danger', onclick: () => store.startFresh().then(rerender) }, m.startFreshConfirm),
      h('button', { type: 'button', onclick: () => { confirmRow.hidden = true; ask.hidden = false; ask.focus(); } }, m.cancel));
    const ask = h('button', { type: 'button', onclick: () => { confirmRow.hidden = false; ask.hidden = true; confirmRow.querySelector('button').focus(); } }, m.startFresh);
    const section = box(m.corruptTitle, m.corruptText,
      h('button', { type: 'button', onclick: () => download(`twitchcheck-unreadable-${today()}.txt`, store.corrupt.text, 'text/plain') },
        m.downloadSaved),
      ask);
    section.append(detail, confirmRow);
    return section;
  }
  if (store.state === 'memory') return box(m.memoryTitle, m.memoryText, backupButton());
  if (store.unsaved && store.problem) {
    const retry = h('button', { type: 'button', onclick: () => store.retry().then(rerender) }, m.tryAgain);
    return store.problem === 'quota'
      ? box(m.quotaTitle, m.quotaText, backupButton(), retry)
      : box(m.failedTitle, m.failedText, backupButton(), retry);
  }
  return null;
}

// Shown when there are entries and the last backup (or the first use) is over 14 days old.
export function backupReminder(store, now = new Date()) {
  if (store.isEmpty()) return null;
  const since = store.meta.lastBackup ?? store.meta.createdAt;
  if (!since || now - new Date(since) <= 14 * DAY) return null;
  return h('p', { class: 'tc-reminder' }, jm.backupReminder, ' ',
    h('a', { href: '#/report' }, jm.backupReminderLink));
}
