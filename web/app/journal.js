// The journal every screen shares: one store per page, opened once the engine is loaded
// (the store checks every save with the engine's validateJournal).

import { textFunctions } from './engine.js';
import { JournalStore } from './store.js';
import { localDate } from './when.js';
import { h } from './dom.js';
import { journalMessages as jm } from './messages-journal.js';

let opening = null;

// → Promise of {store, engine}; `engine` has the module's text-in, text-out functions.
export function openJournal() {
  if (!opening) {
    opening = textFunctions().then((engine) => {
      const store = new JournalStore({
        validate: (text) => JSON.parse(engine.validateJournal(text)),
        upgrade: (text) => JSON.parse(engine.upgradeJournal(text)),
      });
      store.open();
      return { store, engine };
    });
    opening.catch(() => {
      opening = null; // a failed load may be retried
    });
  }
  return opening;
}

export function today() {
  return localDate(new Date());
}

// The analysis facts of the stored journal (journal.md), or an error document.
export function analysis(store, engine, date = today()) {
  return JSON.parse(engine.analyze(store.text(), date));
}

// The start of every journal screen: a loading line, then the journal, or a calm message
// when the engine cannot load. Resolves to null when the person has already moved on.
export async function prepare(root) {
  const marker = h('p', { role: 'status' }, jm.loading);
  root.replaceChildren(marker);
  try {
    const journal = await openJournal();
    return marker.isConnected ? journal : null;
  } catch {
    if (marker.isConnected) {
      root.replaceChildren(h('p', { role: 'alert' }, jm.engineFailed),
        h('button', { type: 'button', onclick: () => location.reload() }, jm.retry));
    }
    return null;
  }
}
