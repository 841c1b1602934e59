// JournalStore's opening: the journal read from IndexedDB (or, where it cannot be opened,
// from localStorage), and the localStorage journal of another tab of that kind.

import { newerSchema } from './common.js';
import { Records } from './records.js';
import { readJournal, storedText } from './database.js';
import { POINTER, META } from './legacy.js';

export class Opening {
  async openDatabaseJournal() {
    let stored = await readJournal(this.db);
    const empty = !stored.journal && !stored.episodes.length && !stored.days.length && !stored.checks.length;
    if (!stored.moved && this.legacy && this.legacy.hasData() && !empty) {
      // A journal is in the database already and an older version wrote in localStorage
      // too: its records join as an older tab's late writes do.
      stored.moved = { at: this.now().toISOString(), from: null, rev: -1, ids: [], dates: [], checks: [] };
      await this.putMeta('moved', stored.moved);
    }
    if (!stored.moved && this.legacy && this.legacy.hasData()) {
      const moved = await this.moveFromLocalStorage();
      if (moved === 'kept') return; // this.state says why (newer, corrupt), or it stays in localStorage
      stored = await readJournal(this.db);
    } else if (stored.moved && this.legacy) {
      if (await this.takeLateWrites(stored)) stored = await readJournal(this.db);
    }
    this.meta = stored.app ?? {};
    this.moved = stored.moved ?? this.moved;
    this.findOldText();
    if (!this.meta.createdAt) await this.writeMeta({ createdAt: this.now().toISOString() });
    if (stored.journal && newerSchema(JSON.stringify({ schema: stored.journal.schema }))) {
      this.state = 'newer';
      this.newer = { text: null, schema: stored.journal.schema };
      return;
    }
    this.useStored(stored);
  }

  // The records read from the database become the journal. The resident journal loads
  // them right after the screen is drawn (or at the first need: resync), so a screen shows
  // its list without waiting for the engine's parse of the whole journal.
  useStored(stored) {
    this.records = Records.fromStored(stored);
    this.pendingText = storedText(stored, this.records);
    this.stale = true;
    this.changes = stored.changes;
    this.journalStored = !!stored.journal;
    this.ahead.clear();
    this.snapshotStale = !stored.snapshot && this.records.episodes.size + this.records.days.size > 0;
    this.sinceSnapshot = stored.snapshot ? stored.episodes.length + stored.days.length : 0;
    this.maybeSnapshot();
    clearTimeout(this.resyncTimer);
    this.resyncTimer = setTimeout(() => this.resync(), 0);
  }

  openLegacyJournal() {
    const read = this.legacy.read();
    this.useLegacyRead(read);
    if (this.state === 'ready' && !this.meta.createdAt) this.writeMeta({ createdAt: this.now().toISOString() });
  }

  useLegacyRead(read) {
    this.meta = this.legacy.readMeta();
    this.state = 'ready';
    this.corrupt = null;
    this.newer = null;
    if (read.state === 'moved') {
      this.state = 'unreachable';
    } else if (read.state === 'newer') {
      this.state = 'newer';
      this.newer = read.newer;
    } else if (read.state === 'corrupt') {
      this.state = 'corrupt';
      this.corrupt = { ...read.corrupt, source: 'localStorage' };
    } else {
      this.records = Records.fromDocument(read.doc);
      this.loadSession(this.records);
      this.legacy.removeOrphans();
    }
  }

  storageEvent(e) {
    if (e.storageArea && this.legacy && e.storageArea !== this.legacy.storage) return;
    if (e.key === META) {
      this.meta = this.legacy.readMeta();
      this.emit();
      return;
    }
    if (e.key !== POINTER && e.key !== null) return;
    if (this.state !== 'ready') {
      this.useLegacyRead(this.legacy.read());
      this.emit({ data: true, reload: true });
      return;
    }
    const result = this.legacy.changed(this.records.document(), this.unsaved);
    if (!result) return;
    if (result.reread) this.useLegacyRead(this.legacy.read());
    else this.adoptDocument(result.doc, result.wiped);
    this.emit({ data: true, reload: true });
  }

  // The journal becomes `doc` (merged in from another tab): records and session anew.
  adoptDocument(doc, wiped = false) {
    const records = Records.fromDocument(doc);
    if (this.loadSession(records)) return;
    this.records = records;
    if (wiped) this.queue = [];
  }
}
