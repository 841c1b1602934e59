// JournalStore between tabs (IndexedDB): what this tab stored is told on a BroadcastChannel,
// what another tab stored joins the records and the resident journal, never written again.

import { tabId, emptyJournal, errorOf } from './common.js';
import { Records } from './records.js';
import { readJournal } from './database.js';

const CHANNEL = 'twitchcheck.journal';

export class TabChannel {
  listen() {
    if (typeof this.win.BroadcastChannel !== 'function') return;
    this.channel = new this.win.BroadcastChannel(CHANNEL);
    this.channel.onmessage = (event) => this.received(event.data);
  }

  tell(message) {
    try {
      this.channel?.postMessage({ from: tabId, ...message });
    } catch {
      /* the other tabs see it on their next open */
    }
  }

  // What another tab stored: applied to the records and the session, never written again.
  received(message) {
    if (!message || message.from === tabId || !this.db) return;
    if (message.meta) {
      this.meta = { ...this.meta, ...message.meta };
      this.emit();
    }
    if (message.reload) {
      this.reload();
      return;
    }
    if (!message.ops) return;
    this.journalStored = true;
    this.applied(message.changes);
    const changes = [];
    for (const op of message.ops) {
      const change = this.applyRemote(op);
      if (change) changes.push(change);
    }
    this.pendingText = null; // the records moved on from the text read when opening
    for (const change of changes) this.emit(change);
  }

  applyRemote(op) {
    const r = this.records;
    const pendingAdds = this.queue.some((q) => q.kind === op.kind);
    if (op.kind === 'episode') {
      const had = r.episodes.get(op.key);
      if (had) {
        this.snapshotStale = true;
        if (this.queue.some((q) => q.key === op.key)) return null; // this tab's change is newer
        r.episodes.set(op.key, { seq: op.seq, episode: op.record });
        this.sessionCall('changeEpisode', op.record);
        return { data: true, episode: op.record, previous: had.episode };
      }
      r.episodes.set(op.key, { seq: op.seq, episode: op.record });
      if (pendingAdds || op.seq < r.maxSeq('episodes')) this.stale = true;
      else this.sessionCall('addEpisode', op.record);
      return { data: true, episode: op.record, added: true };
    }
    if (op.kind === 'deleteEpisode') {
      const had = r.episodes.get(op.key);
      if (!had) return null;
      this.snapshotStale = true;
      if (this.queue.some((q) => q.key === op.key)) return null; // this tab's change is newer: it stores it again
      r.episodes.delete(op.key);
      if (!this.stale) this.session.deleteEpisode(op.key);
      return { data: true, deleted: had.episode };
    }
    if (op.kind === 'day') {
      const had = r.days.get(op.key);
      if (had) this.snapshotStale = true;
      r.days.set(op.key, { seq: op.seq, day: op.record });
      if (!had && (pendingAdds || op.seq < r.maxSeq('days'))) this.stale = true;
      else this.sessionCall('putDay', op.record);
      return { data: true, day: op.record };
    }
    if (op.kind === 'deleteDay') {
      const had = r.days.get(op.key);
      if (!had) return null;
      this.snapshotStale = true;
      if (this.queue.some((q) => q.key === op.key)) return null; // this tab's change is newer
      r.days.delete(op.key);
      if (!this.stale) this.session.deleteDay(op.key);
      return { data: true, deletedDay: had.day };
    }
    if (op.kind === 'plan') {
      r.plan = op.record;
      this.sessionCall('setPlan', op.record ?? {});
      return { data: true, plan: true };
    }
    if (op.kind === 'check') {
      r.checks.push({ seq: op.seq, check: op.record });
      r.hasAssessments = true;
      if (pendingAdds || op.seq < r.maxSeq('checks')) this.stale = true;
      else this.sessionCall('addCheck', op.record);
      return { data: true, check: true };
    }
    return null;
  }

  sessionCall(name, record) {
    if (this.stale) return;
    if (errorOf(this.session[name](JSON.stringify(record)))) this.stale = true;
  }

  // The session holds the records again: after opening (the text read from the database),
  // or after two tabs added at once (in the database's order). Stored records that do not
  // validate are kept aside as text, like a localStorage journal that could not be read.
  resync() {
    if (!this.stale || !this.session) return;
    let text = this.pendingText;
    if (text === null) {
      this.records.sortBySeq();
      text = JSON.stringify(this.records.document());
    }
    this.pendingText = null;
    this.stale = false;
    const error = this.loadSession(this.records, this.session, text);
    if (!error) return;
    this.state = 'corrupt';
    this.corrupt = { text, error, source: 'indexedDB' };
    this.records = new Records();
    this.session.load(JSON.stringify(emptyJournal()));
    this.emit({ data: true, reload: true });
  }

  // Everything again from the database (another tab imported or deleted the journal).
  async reload() {
    if (!this.db) return;
    const stored = await readJournal(this.db);
    this.meta = stored.app ?? {};
    this.moved = stored.moved ?? null;
    this.findOldText();
    this.state = 'ready';
    this.corrupt = null;
    // A change not yet stored was made on the journal another tab just replaced: it is
    // not kept, and its outcome is settled (so nothing waits on it forever).
    for (const op of this.queue) {
      op.done?.({ ok: false, reason: 'failed' });
      op.done = null;
    }
    this.queue = [];
    this.problem = null;
    this.useStored(stored);
    this.emit({ data: true, reload: true });
  }

  resetChanges(changes) {
    this.changes = changes;
    this.journalStored = changes > 0;
    this.ahead.clear();
    this.snapshotStale = false;
    this.sinceSnapshot = 0;
  }

  // A write that changed or deleted a record, counted `changes`, is in the records (this
  // tab's, or another tab's as told).
  applied(changes) {
    if (!Number.isInteger(changes) || changes <= this.changes) return;
    this.ahead.add(changes);
    while (this.ahead.has(this.changes + 1)) {
      this.changes += 1;
      this.ahead.delete(this.changes);
    }
  }
}
