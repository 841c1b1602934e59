// JournalStore's move from the localStorage layout to IndexedDB: copy, read back, compare,
// mark; an older tab's late writes; and layout 1's old copy, kept until the next backup.

import { Records } from './records.js';
import { readJournal, storedText } from './database.js';
import { replaceJournal, writeOps } from './database-writes.js';
import { LAYOUT, POINTER, DOC_PREFIX, ASIDE_PREFIX } from './legacy.js';

export class Move {
  // Copy, read back, compare, and only then mark the old copy as moved.
  // → 'moved' | 'kept' (nothing to move, or it could not be moved: this.state says why)
  async moveFromLocalStorage() {
    const legacy = this.legacy;
    const read = legacy.read();
    const oldMeta = legacy.readMeta();
    const aside = legacy.asideCopies().map(({ key, text }) => ({ at: this.now().toISOString(), what: key, text }));
    if (read.state === 'newer') {
      this.state = 'newer';
      this.newer = read.newer;
      return 'kept';
    }
    if (read.state === 'moved') {
      // Marked, but the database has no record of the move (its data was cleared): the old
      // text, if it is still there, is offered on the Privacy page.
      const from = read.pointer.moved?.from;
      if (from) this.moved = { from, bytes: (legacy.storage.getItem(from) ?? '').length * 2 };
      return 'moved';
    }
    if (read.state === 'corrupt') {
      // Nothing to move yet: the person decides (download, or start a new journal, which
      // keeps the text aside in the database and marks the old copy as moved).
      this.state = 'corrupt';
      this.corrupt = { ...read.corrupt, source: 'localStorage' };
      this.meta = oldMeta;
      this.legacyAside = aside;
      return 'kept';
    }
    const records = Records.fromDocument(read.doc);
    const app = { ...oldMeta };
    const copied = await replaceJournal(this.db, read.doc.episodes.length || read.doc.days.length || read.doc.plan !== undefined
      || read.doc.assessments ? records : null, { app, aside });
    if (!copied.ok) return this.stayInLocalStorage(read);
    // Read back both ways (every record, and the snapshot opening uses) and compare.
    const back = await readJournal(this.db, { full: true });
    const viaSnapshot = await readJournal(this.db);
    const readBack = Records.fromStored(back);
    const expected = JSON.stringify(records.document());
    const today = this.today();
    const session = this.engine.newSession();
    const same = !this.loadSession(readBack, session)
      && session.analyze(today) === this.engine.analyze(read.text ?? JSON.stringify(read.doc), today)
      && JSON.stringify(readBack.document()) === expected
      && storedText(viaSnapshot, Records.fromStored(viaSnapshot)) === expected
      && JSON.stringify(back.app ?? {}) === JSON.stringify(app);
    session.delete();
    if (!same) {
      await replaceJournal(this.db, null, { clearApp: true, clearAside: true });
      return this.stayInLocalStorage(read);
    }
    const moved = {
      at: this.now().toISOString(), from: read.key, rev: read.rev, bytes: (read.text ?? '').length * 2,
      ids: read.doc.episodes.map((e) => e.id), dates: read.doc.days.map((d) => d.date),
      checks: (read.doc.assessments ?? []).map((a) => `${a.at}|${a.level}`),
    };
    const marked = await this.putMeta('moved', moved);
    if (!marked.ok) {
      await replaceJournal(this.db, null, { clearApp: true, clearAside: true });
      return this.stayInLocalStorage(read);
    }
    try {
      legacy.markMoved(read.rev, read.key);
    } catch {
      /* the database's 'moved' record stands; the next open marks it again */
    }
    return 'moved';
  }

  // The database could not take the journal: it stays in localStorage, as before.
  stayInLocalStorage(read) {
    this.db.close();
    this.db = null;
    this.backend = 'localStorage';
    this.useLegacyRead(read);
    this.win.addEventListener?.('storage', this.onStorage);
    return 'kept';
  }

  // An older version's tab wrote to localStorage after the move (it missed the marker):
  // its new records join the database journal, its text is kept aside, the marker is
  // set again. → whether anything was added.
  async takeLateWrites(stored) {
    const { pointer } = this.legacy.readPointer();
    const moved = stored.moved;
    if (!pointer || pointer.layout !== LAYOUT) return false;
    if (pointer.rev <= moved.rev || !pointer.key) {
      // The marker was not written after the copy (the tab closed in between).
      try {
        this.legacy.markMoved(Math.max(pointer.rev, moved.rev), moved.from);
      } catch {
        /* tried again on the next open */
      }
      return false;
    }
    const read = this.legacy.read();
    if (read.state !== 'ready') return false;
    const ids = new Set(moved.ids);
    const dates = new Set(moved.dates);
    const checks = new Set(moved.checks);
    const current = Records.fromStored(stored);
    const ops = [];
    for (const e of read.doc.episodes) if (!ids.has(e.id) && !current.episodes.has(e.id)) ops.push({ kind: 'episode', key: e.id, record: e });
    for (const d of read.doc.days) if (!dates.has(d.date) && !current.days.has(d.date)) ops.push({ kind: 'day', key: d.date, record: d });
    for (const a of read.doc.assessments ?? []) if (!checks.has(`${a.at}|${a.level}`)) ops.push({ kind: 'check', record: a });
    const trial = Records.fromStored(stored);
    for (const op of ops) trial.apply(op);
    const session = this.engine.newSession();
    const error = this.loadSession(trial, session);
    session.delete();
    const written = error ? { ok: false } : await writeOps(this.db, ops, { seqOf: () => null, journalStored: !!stored.journal, hasAssessments: false });
    await this.putAside({ at: this.now().toISOString(), what: `${read.key} (written by an older version after the move)`, text: read.text });
    await this.putMeta('moved', { ...moved, from: read.key, rev: read.rev, bytes: read.text.length * 2 });
    try {
      this.legacy.markMoved(read.rev, read.key);
    } catch {
      /* tried again on the next open */
    }
    return written.ok && ops.length > 0;
  }

  // Layout 1's journal text, kept after the move until a newer backup (or the person
  // removes it on the Privacy page).
  findOldText() {
    this.oldText = null;
    if (!this.moved || !this.legacy || !this.moved.from) return;
    // Its size is in the record of the move: no need to read the text itself.
    if (this.legacy.keys().includes(this.moved.from)) this.oldText = { key: this.moved.from, bytes: this.moved.bytes ?? 0 };
  }

  oldCopyText() {
    return this.oldText ? this.legacy.storage.getItem(this.oldText.key) : null;
  }

  // Removes layout 1's texts (documents, kept-aside copies, metadata); the marker stays,
  // so an older version's tab still refuses to write.
  removeOldCopy() {
    if (!this.legacy) return;
    for (const key of this.legacy.oldKeys()) this.legacy.remove(key);
    this.oldText = null;
    this.emit();
  }

  legacyKeepCorrupt() {
    const { key, text } = this.corrupt;
    const storage = this.legacy.storage;
    if (key && key.startsWith(ASIDE_PREFIX)) return;
    try {
      storage.setItem(`${ASIDE_PREFIX}${Date.now()}.journal`, text);
      if (key && key !== POINTER) storage.removeItem(key);
    } catch {
      // No room for a copy: the text stays under its own key, which no write reuses.
      if (key && key.startsWith(DOC_PREFIX)) storage.setItem(`${ASIDE_PREFIX}${Date.now()}.ref`, key);
    }
    if (this.legacy.pointer && this.legacy.pointer.key === key) this.legacy.pointer = { ...this.legacy.pointer, key: null };
  }

  // A journal that could not be read in localStorage, replaced by a new one in the
  // database: its text is in the database's `aside` store now, so the old copy is marked.
  async markLegacyMovedAfterFreshStart(key) {
    const rev = this.legacy.pointer ? this.legacy.pointer.rev : 0;
    this.legacyAside = null;
    const bytes = key ? (this.legacy.storage.getItem(key) ?? '').length * 2 : 0;
    await this.putMeta('moved', { at: this.now().toISOString(), from: key, rev, bytes, ids: [], dates: [], checks: [] });
    try {
      this.legacy.markMoved(rev, key);
    } catch {
      /* tried again on the next open */
    }
    this.moved = { from: key, rev, bytes };
    this.findOldText();
  }
}
