// Bringing back a backup, plain or encrypted, on the Report and the Privacy page: the file
// is checked first (a bad file changes nothing and the message names the problem and
// where), then the person confirms before it replaces the journal.

import { h } from '../shared/dom.js';
import { format, plural } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { isSealed } from '../storage/sealed.js';
import { importProblem } from './import-problem.js';
import { askPassphrase } from './sealed-ui.js';

// A plain sentence first, then the engine's path and message for people who edit files.
function importError(error, text) {
  const m = jm.report;
  return [
    h('p', { class: 'tc-error' }, format(m.importNothingChanged, { problem: importProblem(error, text) })),
    h('p', { class: 'tc-hint' }, format(m.importDetail, { detail: error.path ? `${error.path}: ${error.message}` : error.message })),
  ];
}

// Why an import was not stored: "free some space" only when space is short (the browser
// says so for one very large write, too, with room to spare).
async function notSavedWords(store, reason) {
  const m = jm.report;
  if (reason !== 'quota') return m.importRefused;
  const { bytes, quota } = await store.usage();
  return quota > 0 && bytes < quota / 2 ? m.importRefused : m.importNotSaved;
}

// The outcome of store.replace in words.
async function replacedWords(store, result, text) {
  if (result.ok || result.reason === 'unavailable') return [h('p', null, plural(jm.report.importDone, store.episodeCount))];
  if (result.reason === 'invalid') return importError(result.error, text);
  return [h('p', null, result.reason === 'quota' || result.reason === 'failed' ? await notSavedWords(store, result.reason) : jm.store.blocked)];
}

// The heading, the file field, the name of the file being opened and the status line.
// `id` names the field; `done()` runs after a replace (the page moves focus to its title).
export function restoreControl(store, { id, done }) {
  const m = jm.report;
  const status = h('div', { class: 'tc-status', role: 'status' });
  // The field is emptied once read (so the same file can be chosen again), so which file is
  // being opened is said beside it, also while the passphrase is asked for.
  const fileLine = h('p', { class: 'tc-hint', id: `${id}-file` });
  const input = h('input', { type: 'file', id, accept: '.json,application/json', 'aria-describedby': `${id}-file` });
  const canceled = () => {
    status.replaceChildren(m.importCanceled);
    fileLine.textContent = '';
    input.focus();
  };

  // A plain backup (or the one inside an encrypted backup): checked, then confirmed.
  function review(text) {
    const checked = store.inspectImport(text);
    if (!checked.ok) {
      status.replaceChildren(...importError(checked.error, text));
      return;
    }
    const replace = h('button', { type: 'button', class: 'tc-primary', onclick: async () => {
      status.replaceChildren(m.importSaving);
      const result = await store.replace(checked.prepared);
      status.replaceChildren(...await replacedWords(store, result, text));
      done();
    } }, m.importReplace);
    status.replaceChildren(
      h('p', null, format(m.importReady, {
        twitches: plural(jm.counts.twitches, checked.counts.episodes), checkIns: plural(jm.counts.checkIns, checked.counts.days),
      }), ' ', plural(m.importReplaces, store.episodeCount)),
      ...(checked.upgraded ? [h('p', null, m.importUpgraded)] : []),
      h('div', { class: 'tc-actions' }, replace, h('button', { type: 'button', onclick: canceled }, m.importCancel)));
    replace.focus();
  }

  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    fileLine.textContent = format(m.importFile, { name: file.name });
    status.replaceChildren(m.importChecking);
    const text = await file.text();
    input.value = '';
    if (isSealed(text)) askPassphrase(text, status, review, { cancel: canceled });
    else review(text);
  });

  return [
    h('h2', { id: `${id}-title` }, m.importTitle),
    h('div', { class: 'tc-field' }, h('label', { for: id }, m.importLabel), input),
    fileLine,
    status,
  ];
}
