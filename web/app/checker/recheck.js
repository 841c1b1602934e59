// Check again: the checker pre-filled from the journal's `suggested_assessment`; the person
// confirms or changes each answer, and the result can be saved in the journal's `assessments`.

import { h } from '../shared/dom.js';
import { messages, format, language } from '../shared/messages.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { prepare, analysis, today } from '../journal/journal.js';
import { engineAt } from '../shared/engine.js';
import { storeNotice } from '../shared/notice.js';
import { localAt, longDate } from '../shared/when.js';
import { answersFrom } from './prefill.js';

export async function render(root, { focus = false } = {}) {
  const journal = await prepare(root);
  if (!journal) return { destroy() {} };
  const { store } = journal;
  const m = jm.recheck;
  const { mountChecker } = await import('./checker.js');

  const facts = analysis(store, today());
  const suggested = facts.schema === 'twitchcheck.error/1' ? null : facts.suggested_assessment;
  const noticeSlot = h('div');
  const last = store.lastAssessment();
  // The screen's own title is its heading; its introduction goes once the result shows.
  const title = h('h1', { class: 'tc-recheck-title' }, m.title);
  const intro = h('div', { class: 'tc-recheck-intro' },
    h('p', null, store.episodeCount ? m.intro : m.noJournal),
    last ? h('p', { class: 'tc-hint' }, format(m.savedLevel, {
      level: messages.levels[last.level]?.name ?? last.level, date: longDate(last.at.slice(0, 10)),
    })) : null);
  const checkerSlot = h('div');
  root.replaceChildren(h('div', { class: 'tc-screen tc-recheck' }, noticeSlot, title, intro, checkerSlot));

  // The save button sits right under the result's headline, where people look first.
  function saveView(assessment, result) {
    const status = h('p', { class: 'tc-status', role: 'status' });
    const error = h('p', { class: 'tc-error', role: 'alert', hidden: true });
    const button = h('button', { type: 'button', class: 'tc-primary', onclick: () => {
      const saved = store.addAssessment({ at: localAt(), input: assessment, level: result.level, rules_version: result.rules_version });
      if (!saved.ok) {
        error.textContent = saved.reason === 'invalid' ? format(m.invalid, saved.error) : jm.store.blocked;
        error.hidden = false;
        return;
      }
      button.disabled = true;
      // "Saved" only once the write is done; a failed write says so and stays on screen.
      saved.saved.then((outcome) => {
        status.textContent = outcome.ok ? m.saved : m.notSaved;
      });
    } }, m.save);
    return h('div', { class: 'tc-recheck-save' }, h('div', { class: 'tc-actions' }, button), error, status);
  }

  const checker = mountChecker(checkerSlot, {
    words: messages,
    language,
    engine: engineAt(), // the full module, already loaded for the journal (not the checker-only one)
    headingLevel: 2,
    intro: false, // the title above says what this is; no "nothing is saved" on a screen that saves
    focusOnStart: focus,
    answers: suggested ? answersFrom(suggested) : undefined,
    resultSlot: saveView,
    onView: (view) => { intro.hidden = view === 'result'; },
  });

  const refresh = () => noticeSlot.replaceChildren(storeNotice(store, refresh) ?? '');
  refresh();
  const unsubscribe = store.subscribe((change) => {
    if (!change.data || change.reload) refresh();
  });
  return { destroy() { unsubscribe(); checker?.destroy?.(); } };
}
