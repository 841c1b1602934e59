// The Log's save bar: what is chosen, what is missing, "Save twitch" (and "Cancel" while an
// entry is changed). Once a part is chosen it stays at the bottom of the screen (sticky),
// so saving never needs a scroll; it moves the page rather than cover what was tapped.

import { h } from '../../shared/dom.js';
import { journalMessages as jm } from '../../shared/messages-journal.js';

// → {element, say(text), showError(text), hideError(), stick(on), keepClear(element), editing(on)}
export function saveBar({ cancel }) {
  const m = jm.log;
  const chosenText = h('p', { class: 'tc-chosen', 'aria-live': 'polite' }, m.nothingChosen);
  const error = h('p', { class: 'tc-error', role: 'alert', hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'tc-primary' }, m.save);
  const cancelButton = h('button', { type: 'button', hidden: true, onclick: cancel }, m.cancelEdit);
  const element = h('div', { class: 'tc-savebar' }, chosenText, error, h('div', { class: 'tc-actions' }, saveButton, cancelButton));

  // Scrolls the page so that `target` (the part just tapped, or the sides still to
  // choose) is not under the bar. At once, never smoothly: a few lines' move, and what
  // the person reaches for next must not slide under their finger (or a driver's click).
  function keepClear(target) {
    if (!target || !element.classList.contains('tc-stuck')) return;
    const bar = element.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    const under = box.bottom + 8 - bar.top;
    if (under <= 0 || box.top >= bar.bottom) return;
    scrollBy({ top: Math.min(under, Math.max(0, box.top - 8)), behavior: 'instant' });
  }

  return {
    element,
    say: (text) => { chosenText.textContent = text; },
    showError(text) {
      error.textContent = text;
      error.hidden = false;
    },
    hideError: () => { error.hidden = true; },
    stick: (on) => element.classList.toggle('tc-stuck', on),
    keepClear,
    editing(on) {
      saveButton.textContent = on ? m.saveChanges : m.save;
      cancelButton.hidden = !on;
    },
  };
}
