// JournalStore's whole-journal changes: an import checked and stored, a fresh start after
// an unreadable journal, "delete everything" (read back), and another tab deleting it.

import { SCHEMA, emptyJournal, parseJson } from './common.js';
import { Records } from './records.js';
import { DB_VERSION, openDatabase, deleteDatabase, databaseIsEmpty, indexedDBOf } from './database.js';
import { replaceJournal } from './database-writes.js';
import { POINTER, MOVED_KEY, storageFrom, allKeys } from './legacy.js';

export class Replace {
  // Validates a whole document without changing anything; a document in an older format
  // comes back brought up to date (docs/journal-migrations.md).
  // → {ok: true, counts, upgraded, prepared} | {ok: false, error: {path, message}}
  inspectImport(text) {
    let error = this.check(text);
    let upgraded = false;
    if (error && error.early) {
      const doc = parseJson(this.engine.upgradeJournal(text))?.value;
      if (doc?.schema !== SCHEMA) return { ok: false, error: doc?.error ?? error };
      text = JSON.stringify(doc);
      error = null;
      upgraded = true;
    }
    if (error) return { ok: false, error };
    const doc = JSON.parse(text);
    return {
      ok: true, upgraded, prepared: doc,
      counts: { episodes: doc.episodes.length, days: doc.days.length, assessments: (doc.assessments ?? []).length },
    };
  }

  // Replaces the journal with a checked document (an import). → Promise of {ok} | {ok:
  // false, reason}; on failure nothing stored changes.
  async replace(doc) {
    if (['newer', 'blocked', 'closed', 'unreachable'].includes(this.state)) return { ok: false, reason: this.state };
    const records = Records.fromDocument(doc);
    const session = this.engine.newSession();
    const error = this.loadSession(records, session);
    if (error) {
      session.delete();
      return { ok: false, reason: 'invalid', error };
    }
    const keepAside = this.state === 'corrupt' ? this.corruptAside() : [];
    const corruptKey = this.corrupt?.key ?? null;
    let result = { ok: true };
    if (this.backend === 'indexedDB' && this.db) {
      // A journal that could not be read in localStorage brings its metadata along.
      result = await replaceJournal(this.db, records, { aside: keepAside, app: this.legacyAside ? this.meta : undefined });
    } else if (this.backend === 'localStorage') {
      if (this.state === 'corrupt') this.legacyKeepCorrupt();
      const deleted = [...this.records.episodes.keys()].filter((id) => !records.episodes.has(id));
      this.legacy.mine = new Set([...records.episodes.keys()].map((id) => `e:${id}`));
      result = this.legacy.write(doc, { deleted });
    }
    if (!result.ok && this.backend !== 'memory') {
      session.delete();
      return { ok: false, reason: result.problem };
    }
    this.session.delete();
    this.session = session;
    this.records = records;
    this.queue = [];
    this.problem = this.backend === 'memory' ? 'unavailable' : null;
    this.stale = false;
    this.resetChanges(result.changes ?? 0); // the import wrote its snapshot
    if (this.state === 'corrupt') {
      this.state = 'ready';
      this.corrupt = null;
      if (this.legacyAside) await this.markLegacyMovedAfterFreshStart(corruptKey);
    }
    this.tell({ reload: true });
    this.emit({ data: true, reload: true });
    return { ok: this.backend !== 'memory', reason: this.backend === 'memory' ? 'unavailable' : undefined };
  }

  corruptAside() {
    const at = this.now().toISOString();
    const out = [...(this.legacyAside ?? [])];
    out.push({ at, what: this.corrupt.key ?? 'journal', text: this.corrupt.text });
    return out;
  }

  // Moves the unreadable journal out of the way without losing it, then starts empty.
  startFresh() {
    if (this.state !== 'corrupt') return Promise.resolve({ ok: false, reason: this.state });
    return this.replace(emptyJournal());
  }

  // Everything the person typed, gone on purpose, in every tab: the database is deleted
  // whatever its version (a newer app's too), this site's localStorage emptied (but for
  // layout 1's pointer, which holds no entry and keeps an older tab from writing) and its
  // caches removed; then each is read back, and only what is really gone is reported so.
  // → {ok: true} | {ok: false, left: ['database' | 'localStorage' | 'caches' ...]}
  async deleteEverything() {
    clearTimeout(this.resyncTimer);
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.db?.close();
    this.db = null;
    const left = [];
    const idb = indexedDBOf(this.win);
    if (idb) {
      const deleted = await deleteDatabase(idb);
      // Read back: opening it again must find an empty database at our version.
      if (!deleted || !(await databaseIsEmpty(this.win))) left.push('database');
    }
    try {
      const storage = storageFrom(this.win);
      if (storage) {
        if (this.backend === 'localStorage' && this.legacy) this.legacy.deleteEverything();
        const keep = new Set([POINTER]);
        for (const key of allKeys(storage)) if (!keep.has(key)) storage.removeItem(key);
        const pointer = this.legacy?.readPointer().pointer;
        if (allKeys(storage).some((key) => !keep.has(key)) || (pointer && pointer.key && pointer.key !== MOVED_KEY)) left.push('localStorage');
      }
    } catch {
      left.push('localStorage');
    }
    try {
      const caches = this.win.caches;
      if (caches) {
        for (const name of await caches.keys()) await caches.delete(name);
        if ((await caches.keys()).length) left.push('caches');
        // The app's own files only: fetched again, so it still opens offline.
        this.win.navigator?.serviceWorker?.controller?.postMessage({ type: 'PRECACHE' });
      }
    } catch {
      left.push('caches');
    }
    this.meta = {};
    this.corrupt = null;
    this.newer = null;
    this.moved = null;
    this.oldText = null;
    this.records = new Records();
    this.session.load(JSON.stringify(emptyJournal()));
    this.queue = [];
    this.stale = false;
    this.pendingText = null;
    this.resetChanges(0); // no journal record any more
    await this.reopenAfterDeletion();
    // A database that could not be deleted still holds the journal: shown as it is.
    if (left.includes('database') && this.db) await this.reload();
    this.tell({ reload: true });
    this.emit({ data: true, reload: true });
    return left.length ? { ok: false, left } : { ok: true };
  }

  // After "delete everything" (here or in another tab): an empty journal in a new database.
  async reopenAfterDeletion() {
    // (An older tab that does not let go holds the new database up: the page says so, and
    // takes it when it comes.)
    const opening = indexedDBOf(this.win) ? openDatabase(this.win, () => {}) : Promise.resolve({ error: 'unavailable' });
    const opened = await Promise.race([opening, new Promise((resolve) => setTimeout(() => resolve({ error: 'blocked' }), 6000))]);
    if (opened.error === 'blocked') {
      this.state = 'blocked';
      opening.then((late) => {
        if (late.db && this.state === 'blocked' && !this.db) this.reopenAfterDeletion().then(() => this.emit({ data: true, reload: true }));
        else late.db?.close();
      });
      return;
    }
    if (opened.db) {
      this.db = opened.db;
      this.backend = 'indexedDB';
      this.state = 'ready';
      this.problem = null;
      this.db.onversionchange = (event) => this.versionChange(event);
      if (!this.channel) this.listen();
      await this.writeMeta({ createdAt: this.now().toISOString() });
    } else if (this.backend === 'localStorage' && this.legacy) {
      this.state = 'ready';
      this.problem = null;
    } else if (opened.error === 'newer') {
      this.state = 'newer';
      this.newer = { text: null, schema: `database version above ${DB_VERSION}` };
    } else {
      this.backend = 'memory';
      this.state = 'memory';
      this.problem = 'unavailable';
    }
  }

  // Another connection asks this one to close: a newer version opening the database, or
  // (newVersion null) another tab deleting it, after which an empty one is opened again.
  versionChange(event) {
    if (event.newVersion !== null) {
      this.closeForNewer();
      return;
    }
    this.db?.close();
    this.db = null;
    for (const op of this.queue) {
      op.done?.({ ok: false, reason: 'failed' });
      op.done = null;
    }
    this.queue = [];
    this.records = new Records();
    this.session?.load(JSON.stringify(emptyJournal()));
    this.stale = false;
    this.pendingText = null;
    this.meta = {};
    this.corrupt = null;
    this.resetChanges(0);
    this.reopenAfterDeletion().then(() => this.emit({ data: true, reload: true }));
  }
}
