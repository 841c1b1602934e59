// Privacy and storage (the Privacy screen): what is kept and where, the space it takes,
// backups and restore, text kept aside, and "delete everything" behind a second button.

import { h } from '../shared/dom.js';
import { format, language } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { prepare, today } from './journal.js';
import { storeNotice, backupReminder } from '../shared/notice.js';
import { download, downloadBackup, backupWords } from '../shared/files.js';
import { longDate } from '../shared/when.js';
import { sealedBackupControl } from './sealed-ui.js';
import { restoreControl } from './restore.js';
import { sourcesSection } from '../shared/sources.js';
import { rulesVersion } from '../shared/engine.js';
import { version } from '../../version.js';

const MB = 1024 * 1024;
const tenths = (x) => (Math.round(x * 10) / 10).toLocaleString(language);
const size = (bytes) => (bytes < MB ? format(jm.settings.kilobytes, { n: Math.max(1, Math.round(bytes / 1024)).toLocaleString(language) })
  : bytes < 1024 * MB ? format(jm.settings.megabytes, { n: tenths(bytes / MB) }) : format(jm.settings.gigabytes, { n: tenths(bytes / MB / 1024) }));

// The app's version and the rules' (each its own), the licence and the third-party notices.
function aboutSection(m = jm.settings) {
  const line = h('p', { class: 'tc-version' }, format(m.about, { version, rules: '…' }));
  rulesVersion().then((rules) => { line.textContent = format(m.about, { version, rules }); }, () => {});
  return h('section', { class: 'tc-card', 'aria-labelledby': 'set-about' },
    h('h2', { id: 'set-about' }, m.aboutTitle), line, h('p', null, m.licence),
    h('ul', null,
      h('li', null, h('a', { href: 'LICENSE.txt' }, m.licenceLink)),
      h('li', null, h('a', { href: 'THIRD-PARTY-NOTICES.txt' }, m.noticesLink))));
}

// What an encrypted backup protects against, and what it does not.
function sealedSection(s = jm.sealed) {
  return h('section', { class: 'tc-card', 'aria-labelledby': 'set-sealed' },
    h('h2', { id: 'set-sealed' }, s.privacyTitle), h('p', null, s.privacyIntro),
    h('h3', null, s.protectsTitle), h('ul', null, s.protects.map((t) => h('li', null, t))),
    h('h3', null, s.limitsTitle), h('ul', null, s.limits.map((t) => h('li', null, t))));
}

// "Delete everything" behind a second, explicit button; `status` says what happened.
function deleteSection(store, status, m = jm.settings) {
  const confirmRow = h('div', { class: 'tc-confirm', hidden: true },
    h('p', null, m.deleteAsk),
    h('div', { class: 'tc-actions' },
      h('button', { type: 'button', class: 'tc-danger', onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        status.textContent = m.deleting;
        const result = await store.deleteEverything();
        button.disabled = false;
        confirmRow.hidden = true;
        ask.hidden = false;
        // Said only after reading back that it is gone; else what stays and how to remove it.
        status.textContent = result.ok ? m.deleted
          : format(m.deleteLeft, { what: result.left.map((part) => m.left[part]).join(m.left.joiner) });
        ask.focus();
      } }, m.deleteConfirm),
      h('button', { type: 'button', onclick: () => { confirmRow.hidden = true; ask.hidden = false; ask.focus(); } }, m.deleteCancel)));
  const ask = h('button', { type: 'button', class: 'tc-danger', onclick: () => {
    ask.hidden = true;
    confirmRow.hidden = false;
    confirmRow.querySelector('button').focus();
  } }, m.delete);
  return h('section', { class: 'tc-card', 'aria-labelledby': 'set-delete' },
    h('h2', { id: 'set-delete' }, m.deleteTitle), h('p', null, m.deleteText),
    h('div', { class: 'tc-actions' }, ask), confirmRow);
}

// Backups: when the last was made, a plain and an encrypted one, and restore from one.
function backupSection(store, backup, done, m = jm.settings) {
  const status = h('p', { class: 'tc-status', role: 'status' });
  return h('section', { class: 'tc-card', 'aria-labelledby': 'set-backup' },
    h('h2', { id: 'set-backup' }, m.backupTitle), backup,
    h('div', { class: 'tc-actions' }, h('button', { type: 'button', onclick: () => { status.textContent = backupWords(downloadBackup(store, today())); } },
      jm.report.backup)),
    status,
    sealedBackupControl(store, today),
    restoreControl(store, { id: 'privacy-import', done }));
}

// Where the journal is kept and how much room it takes (the browser's own count).
async function showUsed(store, where, used, m = jm.settings) {
  where.textContent = store.backend === 'indexedDB' ? m.whereDatabase : store.backend === 'localStorage' ? m.whereLocal : '';
  where.hidden = store.backend === 'memory';
  if (store.state === 'memory') {
    used.replaceChildren(h('p', null, m.unavailable));
    return;
  }
  const { bytes, quota } = await store.usage();
  const persisted = store.meta.persisted !== undefined
    ? h('p', { class: 'tc-hint' }, format(m.persisted, { answer: store.meta.persisted ? m.persistYes : m.persistNo })) : '';
  const line = store.backend === 'localStorage'
    ? format(m.used, { used: size(bytes), limit: size(quota), percent: Math.ceil((bytes / quota) * 100) })
    : format(m.usedDatabase, { used: size(bytes), limit: size(quota) });
  used.replaceChildren(h('p', null, line), persisted);
}

// Layout 1's copy of the journal, kept in localStorage after the move until a backup.
function oldCopySection(store, title, m = jm.settings) {
  if (!store.oldText) return '';
  return h('section', { class: 'tc-card', 'aria-labelledby': 'set-old' },
    h('h2', { id: 'set-old' }, m.oldTitle),
    h('p', null, format(m.oldText, { size: size(store.oldText.bytes) })),
    h('div', { class: 'tc-actions' },
      h('button', { type: 'button', onclick: () => download(`twitchcheck-before-update-${today()}.json`, store.oldCopyText() ?? '', 'application/json') }, m.oldDownload),
      h('button', { type: 'button', onclick: () => { store.removeOldCopy(); title.focus(); } }, m.oldRemove)));
}

// Text kept aside (records this version could not read), each to download or remove.
async function showKept(store, kept, m = jm.settings) {
  const copies = await store.keptCopies();
  kept.replaceChildren(copies.length ? h('section', { class: 'tc-card', 'aria-labelledby': 'set-kept' },
    h('h2', { id: 'set-kept' }, m.keptTitle), h('p', null, m.keptIntro),
    h('ul', { class: 'tc-entries' }, copies.map((c, i) => h('li', { class: 'tc-entry' },
      h('p', { class: 'tc-entry-main' }, format(m.keptItem, { n: i + 1, size: size(c.text.length * 2) })),
      h('div', { class: 'tc-entry-actions' },
        h('button', { type: 'button', onclick: () => download(`twitchcheck-kept-${i + 1}.txt`, c.text, 'text/plain') }, format(m.keptDownload, { n: i + 1 })),
        h('button', { type: 'button', onclick: () => store.dropKeptCopy(c.key) }, format(m.keptRemove, { n: i + 1 }))))))) : '');
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.settings;
  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const reminderSlot = h('div');
  const where = h('p');
  const used = h('div');
  const backup = h('p');
  const oldCopy = h('div');
  const kept = h('div');
  const status = h('p', { class: 'tc-status', role: 'status' });

  root.replaceChildren(h('div', { class: 'tc-screen tc-settings' },
    title, noticeSlot, reminderSlot,
    h('section', { class: 'tc-card', 'aria-labelledby': 'set-what' },
      h('h2', { id: 'set-what' }, m.whatTitle), h('ul', null, m.what.map((t) => h('li', null, t))), where),
    h('section', { class: 'tc-card', 'aria-labelledby': 'set-used' }, h('h2', { id: 'set-used' }, m.usedTitle), used),
    backupSection(store, backup, () => title.focus()),
    sealedSection(),
    sourcesSection(),
    h('section', { class: 'tc-card', 'aria-labelledby': 'set-embed' },
      h('h2', { id: 'set-embed' }, m.embedTitle), h('ul', null, m.embed.map((t) => h('li', null, t)))),
    oldCopy, kept,
    deleteSection(store, status),
    aboutSection(),
    status));

  function refresh() {
    noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
    reminderSlot.replaceChildren(backupReminder(store) ?? '');
    backup.textContent = store.meta.lastBackup
      ? format(m.lastBackup, { date: longDate(store.meta.lastBackup.slice(0, 10)) }) : m.neverBackedUp;
    oldCopy.replaceChildren(oldCopySection(store, title));
    showUsed(store, where, used);
    showKept(store, kept);
  }

  refresh();
  if (focus) title.focus();
  return { destroy: store.subscribe(refresh) };
}
