// JournalStore's changes a person makes: each checked by the resident journal, shown at
// once, queued and stored in order; the snapshot kept fresh when the page is idle.

import { errorOf } from './common.js';
import { TAIL_MAX, request, transactionDone, snapshotOf } from './database.js';
import { writeOps } from './database-writes.js';

export class Changes {
  // Each returns at once: {ok: false, reason: 'invalid', error} | {ok: false, reason:
  // STATE} when refused, else {ok: true, saved}, where `saved` resolves to {ok: true} once
  // stored, or {ok: false, reason: 'quota' | 'failed' | 'unavailable'} (the change stays
  // on screen and in the queue; "Try again" or the next change stores it).

  refused() {
    return ['newer', 'corrupt', 'blocked', 'closed', 'unreachable'].includes(this.state) ? { ok: false, reason: this.state } : null;
  }

  change(op, call, apply) {
    this.resync();
    const refused = this.refused();
    if (refused) return refused;
    const error = errorOf(call());
    if (error) return { ok: false, reason: 'invalid', error };
    const change = apply();
    this.queue.push(op);
    this.emit(change);
    return { ok: true, saved: this.flush(op) };
  }

  addEpisode(episode) {
    return this.change({ kind: 'episode', key: episode.id, record: episode, added: true, fresh: true },
      () => this.session.addEpisode(JSON.stringify(episode)),
      () => {
        this.records.episodes.set(episode.id, { seq: null, episode });
        return { data: true, episode, added: true };
      });
  }

  updateEpisode(episode) {
    const had = this.records.episodes.get(episode.id);
    if (!had) return this.addEpisode(episode);
    return this.change({ kind: 'episode', key: episode.id, record: episode },
      () => this.session.changeEpisode(JSON.stringify(episode)),
      () => {
        this.records.episodes.set(episode.id, { seq: had.seq, episode });
        return { data: true, episode, previous: had.episode };
      });
  }

  deleteEpisode(id) {
    const had = this.records.episodes.get(id);
    if (!had) return { ok: true, saved: Promise.resolve({ ok: true }) };
    return this.change({ kind: 'deleteEpisode', key: id, seq: had.seq },
      () => this.session.deleteEpisode(id),
      () => {
        this.records.episodes.delete(id);
        return { data: true, deleted: had.episode };
      });
  }

  putDay(day) {
    const had = this.records.days.get(day.date);
    return this.change({ kind: 'day', key: day.date, record: day },
      () => this.session.putDay(JSON.stringify(day)),
      () => {
        this.records.days.set(day.date, { seq: had ? had.seq : null, day });
        return { data: true, day };
      });
  }

  // A day check-in taken out of the journal (the Day screen's "Delete", with Undo).
  deleteDay(date) {
    const had = this.records.days.get(date);
    if (!had) return { ok: true, saved: Promise.resolve({ ok: true }) };
    return this.change({ kind: 'deleteDay', key: date, seq: had.seq },
      () => this.session.deleteDay(date),
      () => {
        this.records.days.delete(date);
        return { data: true, deletedDay: had.day };
      });
  }

  setPlan(plan) {
    return this.change({ kind: 'plan', record: plan },
      () => this.session.setPlan(JSON.stringify(plan)),
      () => {
        this.records.plan = plan;
        return { data: true, plan: true };
      });
  }

  addAssessment(check) {
    return this.change({ kind: 'check', record: check },
      () => this.session.addCheck(JSON.stringify(check)),
      () => {
        this.records.checks.push({ seq: null, check });
        this.records.hasAssessments = true;
        return { data: true, check: true };
      });
  }

  // Stores the queue, oldest first, one transaction at a time. Every change (and "Try
  // again") writes all that is queued, so later changes wait behind a failed one and the
  // database keeps the journal's order. → the outcome for `op`
  flush(op) {
    const outcome = new Promise((resolve) => {
      const waiting = op.done;
      op.done = waiting ? (r) => { waiting(r); resolve(r); } : resolve;
    });
    this.kick();
    return outcome;
  }

  kick() {
    if (this.flushing) this.again = true;
    else this.flushing = this.flushLoop();
  }

  async flushLoop() {
    for (;;) {
      this.again = false;
      const ops = this.queue.slice();
      if (!ops.length) break;
      const result = await this.writeQueued(ops);
      const settle = (outcome) => {
        for (const op of ops) {
          op.done?.(outcome);
          op.done = null;
        }
      };
      if (result.ok) {
        // Exactly the ops written (a reload may have emptied the queue in the meantime, and
        // a newer change queued since must stay).
        const written = new Set(ops);
        this.queue = this.queue.filter((op) => !written.has(op));
        const hadProblem = this.problem !== null;
        this.problem = null;
        this.afterStored(ops, result.seqs, result.changes);
        settle({ ok: true });
        if (hadProblem) this.emit();
        continue;
      }
      this.problem = result.problem;
      settle({ ok: false, reason: result.problem });
      this.emit();
      if (!this.again) break;
    }
    this.flushing = null;
  }

  async writeQueued(ops) {
    if (this.backend === 'indexedDB' && this.db) {
      const r = this.records;
      return writeOps(this.db, ops, {
        seqOf: (op) => (op.kind === 'day' || op.kind === 'deleteDay' ? r.days : r.episodes).get(op.key)?.seq ?? op.seq ?? null,
        journalStored: this.journalStored,
        hasAssessments: r.checks.some((c) => c.seq !== null),
      });
    }
    if (this.backend === 'localStorage' && this.state === 'ready') return this.writeLegacy(ops);
    return { ok: false, problem: 'unavailable' };
  }

  writeLegacy(ops) {
    const touched = [];
    const deleted = [];
    const revived = [];
    for (const op of ops) {
      if (op.kind === 'episode') touched.push(`e:${op.key}`);
      if (op.kind === 'episode' && op.added) revived.push(op.key);
      if (op.kind === 'deleteEpisode') deleted.push(op.key);
      if (op.kind === 'day') {
        touched.push(`d:${op.key}`);
        revived.push(`day:${op.key}`);
      }
      if (op.kind === 'deleteDay') deleted.push(`day:${op.key}`);
      if (op.kind === 'plan') touched.push('plan');
    }
    for (const t of touched) this.legacy.mine.add(t);
    const merged = this.legacy.newerStored(this.records.document());
    if (merged) {
      this.adoptDocument(merged);
      this.emit({ data: true, reload: true });
    }
    return this.legacy.write(this.records.document(), { touched, deleted, revived });
  }

  afterStored(ops, seqs, changes) {
    const r = this.records;
    const told = [];
    if (changes !== null && changes !== undefined) this.snapshotStale = true;
    this.sinceSnapshot += ops.filter((op) => op.kind === 'episode' || op.kind === 'day').length;
    ops.forEach((op, i) => {
      if (op.kind === 'episode' || op.kind === 'day') {
        const entry = (op.kind === 'episode' ? r.episodes : r.days).get(op.key);
        if (entry && seqs) {
          // Stored anew under a later key (another tab had deleted it): the order moved.
          if (entry.seq !== null && entry.seq !== seqs[i]) this.stale = true;
          entry.seq = seqs[i];
        }
      } else if (op.kind === 'check') {
        const entry = r.checks.find((c) => c.check === op.record);
        if (entry && seqs) entry.seq = seqs[i];
      }
      told.push({ kind: op.kind, key: op.key, record: op.record, seq: seqs ? seqs[i] : null });
    });
    if (this.backend === 'indexedDB') {
      this.journalStored = true;
      this.applied(changes);
      this.tell({ ops: told, changes });
      this.maybeSnapshot();
    }
    this.resync();
    if (ops.some((op) => op.added) && !this.meta.persistAsked) this.askPersistence();
  }

  // Stores what is only in memory (after the person freed some space).
  // → Promise of {ok} | {ok: false, reason}
  retry() {
    if (!this.queue.length) {
      this.problem = null;
      this.emit();
      return Promise.resolve({ ok: true });
    }
    return this.flush(this.queue[this.queue.length - 1]);
  }

  askPersistence() {
    this.writeMeta({ persistAsked: true });
    const storage = this.win.navigator && this.win.navigator.storage;
    if (storage && storage.persist) {
      storage.persist().then((granted) => this.writeMeta({ persisted: granted }), () => {});
    }
  }

  // Rewrites the snapshot when the page is idle, if it is stale or many records came after it.
  maybeSnapshot() {
    if (this.backend !== 'indexedDB' || this.snapshotTimer) return;
    if (!this.snapshotStale && this.sinceSnapshot <= TAIL_MAX) return;
    this.snapshotTimer = setTimeout(() => this.writeSnapshot(), 2000);
    if (!this.onHidden && this.win.document) {
      this.onHidden = () => {
        if (this.win.document.visibilityState === 'hidden' && this.snapshotTimer) this.writeSnapshot();
      };
      this.win.document.addEventListener('visibilitychange', this.onHidden);
    }
  }

  // From the records in memory, when they are exactly the database's: nothing waits to be
  // stored, every change or deletion is in (the journal's `changes` matches), and the
  // database holds as many records up to the snapshot's keys as it lists (so no other
  // tab's addition is missing). Both are checked inside the writing transaction.
  async writeSnapshot() {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    if (!this.db || this.state !== 'ready' || this.queue.length || this.ahead.size) return;
    const changes = this.changes;
    const snapshot = snapshotOf(this.records, changes);
    try {
      const tx = this.db.transaction(['meta', 'episodes', 'days'], 'readwrite');
      const meta = tx.objectStore('meta');
      const [journal, episodes, days] = await Promise.all([request(meta.get('journal')),
        request(tx.objectStore('episodes').count(IDBKeyRange.upperBound(snapshot.episodes))),
        request(tx.objectStore('days').count(IDBKeyRange.upperBound(snapshot.days)))]);
      if (!journal || (journal.changes ?? 0) !== changes || episodes !== snapshot.episodeSeqs.length || days !== snapshot.daySeqs.length) {
        tx.abort();
        return;
      }
      meta.put(snapshot, 'snapshot');
      const done = await transactionDone(tx);
      if (done.ok && this.changes === changes) {
        this.snapshotStale = false;
        this.sinceSnapshot = 0;
      }
    } catch {
      /* the snapshot is a cache: opening reads every record without it */
    }
  }
}
