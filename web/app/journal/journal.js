// The journal every screen shares: one store per page, opened once. The engine's module
// loads while the store reads its records; the records then go into the resident journal
// (the engine's JournalSession) once, and every screen reads its facts from there.

import { textFunctions } from '../shared/engine.js';
import { JournalStore } from '../storage/journal-store.js';
import { today } from '../shared/when.js';
import { h } from '../shared/dom.js';
import { journalMessages as jm } from '../shared/messages-journal.js';
import { storeNotice } from '../shared/notice.js';

let journal = null; // {store, opened}

// → {store, opened}: `opened` resolves to {store} once the journal is loaded.
function startJournal() {
  if (!journal) {
    const store = new JournalStore({ engine: textFunctions() });
    // A change that could not be stored ("Not saved yet") lives only in this page: leaving
    // asks first (the browser's own "Leave site?" question). Not for a write still under
    // way, which takes milliseconds (docs/decisions.md, "Leaving with unsaved taps").
    addEventListener('beforeunload', (event) => {
      if (store.unsaved && store.problem) event.preventDefault();
    });
    const opened = store.open().then(() => ({ store }));
    journal = { store, opened };
    opened.catch(() => {
      journal = null; // a failed load may be retried
    });
  }
  return journal;
}

export function openJournal() {
  return startJournal().opened;
}

// Screens take today's date from here, with the journal (it is when.js's).
export { today };

// The analysis facts of the journal (journal.md), or an error document.
export function analysis(store, date = today()) {
  return store.analyze(date);
}

// The start of every journal screen: a loading line, then the journal, or a calm message
// when the engine cannot load. While another tab holds up the database, its message shows
// under the loading line. Resolves to null when the person has already moved on.
export async function prepare(root) {
  const marker = h('p', { role: 'status' }, jm.loading);
  const noticeSlot = h('div');
  root.replaceChildren(marker, noticeSlot);
  const { store, opened } = startJournal();
  const showNotice = () => noticeSlot.replaceChildren(store.state === 'blocked' ? storeNotice(store, showNotice) ?? '' : '');
  const unsubscribe = store.subscribe(showNotice);
  showNotice();
  try {
    await opened;
    return marker.isConnected ? { store } : null;
  } catch {
    if (marker.isConnected) {
      root.replaceChildren(h('p', { role: 'alert' }, jm.engineFailed),
        h('button', { type: 'button', onclick: () => location.reload() }, jm.retry));
    }
    return null;
  } finally {
    unsubscribe();
  }
}
