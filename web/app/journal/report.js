// Report and backup: the doctor report (report-view.js), the engine's standalone HTML page,
// the JSON backup, the spreadsheets (the engine's CSV of twitches and one of the day
// check-ins), the FHIR R4 file, the encrypted backup (sealed-ui.js) and restore (restore.js).
//
// Why not show the engine's HTML page in an iframe: a srcdoc or blob: frame inherits this
// page's Content-Security-Policy (style-src 'self'), which blocks that page's own <style>.
// The page is offered as a download instead, where it opens with its styles.

import { h } from '../shared/dom.js';
import { format, language } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { prepare, today } from './journal.js';
import { storeNotice } from '../shared/notice.js';
import { download, downloadBackup, backupWords } from '../shared/files.js';
import { longDate } from '../shared/when.js';
import { sealedBackupControl } from './sealed-ui.js';
import { reportView, planFirstWeek } from './report-view.js';
import { restoreControl } from './restore.js';
import { daysCsv } from './days-csv.js';

// The engine's files (html, csv, fhir): a file it could not make (say, a journal too large
// for this device) is said in `status`; nothing is downloaded.
function engineFile(store, status) {
  return (format_, name, type) => {
    const text = store.report(today(), format_, language);
    // The engine's error document starts like this (house JSON); no need to parse a large export.
    if (!text.startsWith('{\n  "schema": "twitchcheck.error/1"')) {
      status.textContent = '';
      download(name, text, type);
      return;
    }
    status.textContent = format(jm.report.exportFailed, JSON.parse(text).error);
  };
}

// The day check-ins, with the plan's week, as a second spreadsheet.
function downloadDays(store, status) {
  const { days } = JSON.parse(store.text());
  if (!days.length) {
    status.textContent = jm.report.csvDaysNone;
    return;
  }
  status.textContent = '';
  download(`twitchcheck-check-ins-${today()}.csv`, daysCsv(days, store.plan?.started), 'text/csv');
}

// Backups, spreadsheets, FHIR, the encrypted backup and restore.
function filesSection(store, lastBackup, done) {
  const m = jm.report;
  const status = h('p', { class: 'tc-status', role: 'status' });
  const file = engineFile(store, status);
  return h('section', { class: 'tc-card tc-no-print', 'aria-labelledby': 'report-files' },
    h('h2', { id: 'report-files' }, m.filesTitle),
    h('p', null, m.filesIntro),
    lastBackup,
    h('div', { class: 'tc-actions' },
      h('button', { type: 'button', onclick: () => { status.textContent = backupWords(downloadBackup(store, today())); } }, m.backup),
      h('button', { type: 'button', onclick: () => file('csv', `twitchcheck-journal-${today()}.csv`, 'text/csv') }, m.csv),
      h('button', { type: 'button', onclick: () => downloadDays(store, status) }, m.csvDays),
      h('button', { type: 'button', onclick: () => file('fhir', `twitchcheck-fhir-${today()}.json`, 'application/fhir+json') }, m.fhir)),
    h('p', { class: 'tc-hint' }, m.csvNote),
    status,
    sealedBackupControl(store, today),
    restoreControl(store, { id: 'report-import', done }));
}

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.report;
  const title = h('h1', { tabindex: '-1' }, m.title);
  const noticeSlot = h('div');
  const preview = h('div', { class: 'tc-report-slot' });
  const lastBackup = h('p', { class: 'tc-hint' });
  const exportStatus = h('p', { class: 'tc-status', role: 'status' });
  const html = engineFile(store, exportStatus);

  const downloads = h('div', { class: 'tc-actions tc-no-print' },
    h('button', { type: 'button', class: 'tc-primary', onclick: () => window.print() }, m.print),
    h('button', { type: 'button', onclick: () => html('html', `twitchcheck-report-${today()}.html`, 'text/html') }, m.downloadHtml));

  root.replaceChildren(h('div', { class: 'tc-screen tc-report-screen' },
    title, noticeSlot, h('p', { class: 'tc-no-print' }, m.intro), downloads, exportStatus, preview,
    filesSection(store, lastBackup, () => title.focus())));

  const showLastBackup = () => {
    lastBackup.textContent = store.meta.lastBackup
      ? format(m.lastBackup, { date: longDate(store.meta.lastBackup.slice(0, 10)) }) : m.neverBackedUp;
  };

  function refresh() {
    // The report first: it loads the stored records into the engine, which is where an
    // unreadable one is found, so the notice below already knows (on a first visit too).
    const report = JSON.parse(store.report(today(), 'json', language));
    noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
    showLastBackup();
    if (report.schema === 'twitchcheck.error/1') {
      preview.replaceChildren(h('p', { class: 'tc-error' }, format(m.reportError, report.error)));
      return;
    }
    preview.replaceChildren(reportView(report, jm.reportView, planFirstWeek(store.episodes(), store.plan?.started)));
  }

  refresh();
  if (focus) title.focus();
  return { destroy: store.subscribe((change) => {
    if (change.data) refresh();
    else {
      noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
      showLastBackup();
    }
  }) };
}
