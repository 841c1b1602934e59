// The encrypted backup in the page: the form that asks for a passphrase twice and
// downloads the sealed file, and the form that asks for it when a sealed file is
// imported. The sealing itself is sealed.js (no DOM); both forms stay in place, with
// labels, hints and messages tied to their fields, so they work by keyboard alone.

import { h, idPrefix } from '../shared/dom.js';
import { format } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { download } from '../shared/files.js';
import { seal, open, sealedVersion, SealedError } from '../storage/sealed.js';

const MIN_LENGTH = 8;

function field(id, label, hint, autocomplete) {
  const input = h('input', {
    type: 'password', id, name: id, autocomplete, spellcheck: 'false',
    'aria-describedby': hint ? `${id}-hint` : null,
  });
  return {
    input,
    element: h('div', { class: 'tc-field' },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'tc-hint', id: `${id}-hint` }, hint) : null,
      input),
  };
}

// "Download an encrypted backup": a button that opens a small form in place.
export function sealedBackupControl(store, today) {
  const m = jm.sealed;
  const id = idPrefix();
  const first = field(`${id}-pass`, m.passphrase, m.passphraseHint, 'new-password');
  const again = field(`${id}-again`, m.again, null, 'new-password');
  // In the page only while there is a problem (a hidden error would still be an error).
  const problem = h('p', { class: 'tc-error', id: `${id}-problem`, role: 'alert' });
  const status = h('p', { class: 'tc-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'tc-primary' }, m.save);
  const form = h('form', { class: 'tc-sealed-form', id: `${id}-form`, hidden: true, 'aria-labelledby': `${id}-title`, novalidate: true,
    onkeydown: (event) => { if (event.key === 'Escape') close(m.canceled); } },
    h('h3', { id: `${id}-title` }, m.formTitle),
    h('p', null, m.intro),
    first.element, again.element,
    h('div', { class: 'tc-actions' }, submit,
      h('button', { type: 'button', onclick: () => close(m.canceled) }, m.cancel)));
  const openButton = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-form`, onclick: () => {
    form.hidden = false;
    openButton.setAttribute('aria-expanded', 'true');
    status.textContent = '';
    first.input.focus();
  } }, m.download);

  function close(message) {
    form.hidden = true;
    openButton.setAttribute('aria-expanded', 'false');
    first.input.value = '';
    again.input.value = '';
    showProblem(null);
    status.textContent = message;
    openButton.focus();
  }

  function showProblem(text, input) {
    problem.textContent = text ?? '';
    if (!text) problem.remove();
    else if (!problem.isConnected) again.element.after(problem);
    for (const [f, hint] of [[first.input, `${id}-pass-hint`], [again.input, null]]) {
      const bad = f === input;
      if (bad) f.setAttribute('aria-invalid', 'true');
      else f.removeAttribute('aria-invalid');
      const described = [hint, bad ? problem.id : null].filter(Boolean).join(' ');
      if (described) f.setAttribute('aria-describedby', described);
      else f.removeAttribute('aria-describedby');
    }
    input?.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pass = first.input.value;
    if ([...pass].length < MIN_LENGTH) return showProblem(m.tooShort, first.input);
    if (again.input.value !== pass) return showProblem(m.mismatch, again.input);
    showProblem(null);
    submit.disabled = true;
    status.textContent = m.working;
    try {
      const backup = store.backup();
      if (backup.text === null) {
        status.textContent = jm.store.backupNone;
        return;
      }
      const text = await seal(backup.text, pass);
      download(`twitchcheck-backup-${today()}${backup.complete ? '' : '-as-stored'}.sealed.json`, text, 'application/json');
      if (backup.complete) {
        store.markBackedUp();
        close(m.done);
      } else {
        close(format(jm.store.backupUnreadable, backup.unreadable));
      }
    } catch (err) {
      status.textContent = format(m.failed, { message: err?.message ?? String(err) });
    } finally {
      submit.disabled = false;
    }
  });

  return h('div', { class: 'tc-sealed' }, openButton, form, status);
}

// Asks for the passphrase of a sealed backup, in `slot`. `opened(plainText)` goes on with
// the plain backup's own checks and confirmation; a wrong passphrase or a changed file
// gives one calm message and leaves everything as it was.
export function askPassphrase(text, slot, opened, { cancel } = {}) {
  const m = jm.sealed;
  const newer = sealedVersion(text);
  if (newer) {
    slot.replaceChildren(h('p', { class: 'tc-error' }, format(m.newer, { format: newer })));
    return;
  }
  const id = idPrefix();
  const pass = field(`${id}-open`, m.importLabel, null, 'current-password');
  const problem = h('p', { class: 'tc-error', id: `${id}-problem`, role: 'alert' });
  const working = h('p', { class: 'tc-hint', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'tc-primary' }, m.open);
  const form = h('form', { class: 'tc-sealed-form', novalidate: true },
    h('p', null, m.importIntro), pass.element, working,
    h('div', { class: 'tc-actions' }, submit,
      h('button', { type: 'button', onclick: () => { slot.replaceChildren(jm.report.importCanceled); cancel?.(); } }, jm.report.importCancel)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    working.textContent = m.opening;
    problem.remove();
    let plain;
    try {
      plain = await open(text, pass.input.value);
    } catch (err) {
      working.textContent = '';
      if (!(err instanceof SealedError)) {
        // Not a refusal of the file (say, the browser's crypto failed): said, and the form
        // can be used again.
        submit.disabled = false;
        problem.textContent = format(m.openFailed, { message: err?.message ?? String(err) });
        pass.element.after(problem);
        return;
      }
      submit.disabled = false;
      problem.textContent = err.reason === 'newer' ? format(m.newer, { format: err.format }) : m.wrong;
      pass.element.after(problem);
      pass.input.setAttribute('aria-invalid', 'true');
      pass.input.setAttribute('aria-describedby', problem.id);
      pass.input.select();
      pass.input.focus();
      return;
    }
    opened(plain);
  });
  slot.replaceChildren(form);
  pass.input.focus();
}
