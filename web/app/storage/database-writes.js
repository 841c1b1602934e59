// The two ways the journal is written to IndexedDB: a tap's few records (writeOps) and the
// whole journal at once (replaceJournal: an import, the move from localStorage, a fresh start).

import { SCHEMA, problemOf } from './common.js';
import { STORES, JOURNAL_STORES, request, snapshotOf } from './database.js';

// Writes queued changes in one transaction. A new episode is one put and nothing else;
// the requests go out without waiting for each other (they run in order), so a tap waits
// for one round trip to the database. `known` (from the records in memory): seqOf(op) →
// the record's key or null, journalStored, hasAssessments.
// → {ok: true, seqs, changes} (`changes` when an existing episode or day changed or went:
// the journal's new count of such writes) | {ok: false, problem}
export function writeOps(db, ops, known) {
  return new Promise((resolve) => {
    let thrown = null;
    let tx;
    try {
      tx = db.transaction(JOURNAL_STORES, 'readwrite');
    } catch (err) {
      resolve({ ok: false, problem: problemOf(err) });
      return;
    }
    const seqs = new Array(ops.length).fill(null);
    let changes = null;
    tx.oncomplete = () => resolve({ ok: true, seqs, changes });
    tx.onabort = () => resolve({ ok: false, problem: problemOf(thrown ?? tx.error) });
    const stores = Object.fromEntries(JOURNAL_STORES.map((s) => [s, tx.objectStore(s)]));
    const put = (store, value, i) => {
      const req = store.put(value);
      req.onsuccess = () => {
        seqs[i] = req.result;
      };
    };
    (async () => {
      let changed = false;
      let journalNeeded = !known.journalStored;
      const patch = {};
      for (const [i, op] of ops.entries()) {
        if (op.kind === 'episode' || op.kind === 'day' || op.kind === 'deleteEpisode' || op.kind === 'deleteDay') {
          const isDay = op.kind === 'day' || op.kind === 'deleteDay';
          const store = isDay ? stores.days : stores.episodes;
          let seq = known.seqOf(op);
          // Not known here (another tab's record, or one this tab has not stored yet).
          if (seq === null && !op.fresh) seq = (await request(store.index(isDay ? 'date' : 'id').getKey(op.key))) ?? null;
          if (op.kind === 'deleteEpisode' || op.kind === 'deleteDay') {
            if (seq !== null) store.delete(seq);
          } else {
            put(store, op.kind === 'day' ? { day: op.record, ...(seq !== null && { seq }) } : { episode: op.record, ...(seq !== null && { seq }) }, i);
          }
          if (seq !== null) changed = true;
        } else if (op.kind === 'plan') {
          patch.plan = op.record;
          journalNeeded = true;
        } else if (op.kind === 'check') {
          put(stores.checks, { check: op.record }, i);
          if (!known.hasAssessments) journalNeeded = true;
          patch.assessments = true;
        }
      }
      if (!changed && !journalNeeded) return;
      const journal = (await request(stores.meta.get('journal'))) ?? { schema: SCHEMA, assessments: false, changes: 0 };
      if (changed) journal.changes = changes = (journal.changes ?? 0) + 1; // the snapshot is stale now
      if ('plan' in patch) {
        if (patch.plan === undefined) delete journal.plan;
        else journal.plan = patch.plan;
      }
      if (patch.assessments) journal.assessments = true;
      stores.meta.put(journal, 'journal');
    })().catch((err) => {
      thrown = err;
      try {
        tx.abort();
      } catch {
        /* already aborted: onabort resolves */
      }
    });
  });
}

// Replaces the whole journal (an import, a migration, a fresh start) in one transaction:
// all of it is stored, or nothing changes. `records` null empties it. 'strict': the
// complete event waits until the data is on disk, since the move from localStorage marks
// the old copy right after (a tap uses the browser's default, 'relaxed' in Chromium 121+,
// Firefox and Safari).
export function replaceJournal(db, records, extra = {}) {
  return new Promise((resolve) => {
    let thrown = null;
    let tx;
    try {
      tx = db.transaction(STORES, 'readwrite', { durability: 'strict' });
    } catch (err) {
      resolve({ ok: false, problem: problemOf(err) });
      return;
    }
    let changes = 0;
    tx.oncomplete = () => resolve({ ok: true, changes });
    tx.onabort = () => resolve({ ok: false, problem: problemOf(thrown ?? tx.error) });
    const [episodes, days, checks, meta, aside] = STORES.map((s) => tx.objectStore(s));
    (async () => {
      const before = await request(meta.get('journal'));
      changes = (before?.changes ?? 0) + 1;
      episodes.clear();
      days.clear();
      checks.clear();
      if (records) {
        // Keys 1…n, as Records.fromDocument numbered them; the snapshot holds them all.
        for (const { seq, episode } of records.episodes.values()) episodes.put({ seq, episode });
        for (const { seq, day } of records.days.values()) days.put({ seq, day });
        for (const { seq, check } of records.checks) checks.put({ seq, check });
        const journal = { schema: records.schema, assessments: records.hasAssessments || records.checks.length > 0, changes };
        if (records.plan !== undefined) journal.plan = records.plan;
        meta.put(journal, 'journal');
        meta.put(snapshotOf(records, changes), 'snapshot');
      } else {
        changes = 0;
        meta.delete('journal');
        meta.delete('snapshot');
      }
      if (extra.app) meta.put(extra.app, 'app');
      if (extra.clearApp) meta.delete('app');
      for (const item of extra.aside ?? []) aside.put(item);
      if (extra.clearAside) aside.clear();
    })().catch((err) => {
      thrown = err;
      try {
        tx.abort();
      } catch {
        /* onabort resolves */
      }
    });
  });
}
