// The store every screen shares (JournalStore): the one way into storage (this folder is
// the only code that touches it). Its methods come in parts, a file per concern, joined below.
//
// The journal (twitchcheck.journal/1) is kept one record at a time in IndexedDB, the
// browser's own database on this device (docs/storage.md has the layout):
//   - a tap writes one record in one transaction, so its cost does not grow with the
//     journal; a write that fails (no room, an aborted transaction) keeps the change on
//     screen and in a queue that "Try again" (or the next change) writes;
//   - every change is checked first by the resident journal in the engine (its
//     JournalSession), with the rules and JSON paths of whole-document validation;
//   - tabs tell each other what they wrote (BroadcastChannel), and the database keeps an
//     entry made in each;
//   - a journal from the localStorage layout of earlier versions is copied over, read back
//     and compared before the old copy is marked as moved (and kept until the next backup);
//   - where IndexedDB cannot be opened, the journal lives in localStorage as before
//     (LegacyStorage, whole-document writes), else in memory with a backup to download;
//   - text that cannot be read is kept aside, never overwritten; a journal or a database
//     from a newer version is refused and left as it is.

import { SCHEMA, emptyJournal, errorOf } from './common.js';
import { Records } from './records.js';
import { DB_VERSION, openDatabase } from './database.js';
import { LegacyStorage, storageFrom } from './legacy.js';
import { Opening } from './opening.js';
import { Move } from './move.js';
import { TabChannel } from './tab-channel.js';
import { Changes } from './changes.js';
import { Replace } from './replace.js';
import { Kept } from './kept.js';

export class JournalStore {
  // engine: {newSession() → a JournalSession (engine.js), analyze(text, today),
  //          validateJournal(text), upgradeJournal(text)}; `engine` may be a promise.
  constructor({ engine, win = globalThis, now = () => new Date() }) {
    this.enginePromise = Promise.resolve(engine);
    this.engine = null;
    this.win = win;
    this.now = now;
    this.listeners = new Set();
    // state: 'ready' | 'memory' | 'corrupt' | 'newer' | 'blocked' (an older tab holds up
    // the database) | 'closed' (a newer version took the database) | 'unreachable' (the
    // journal moved to a database this browser will not open now)
    this.state = 'ready';
    this.backend = null; // 'indexedDB' | 'localStorage' | 'memory'
    this.problem = null; // the last write's problem: null | 'quota' | 'failed' | 'unavailable'
    this.corrupt = null; // {text, error, source}
    this.newer = null; // {text|null, schema}
    this.meta = {};
    this.moved = null; // the migration's record, when the journal came from localStorage
    this.oldText = null; // {key, bytes}: layout 1's copy, kept until the next backup
    this.records = new Records();
    this.session = null;
    this.queue = []; // changes not yet stored, in order: {kind, key, record, done}
    this.flushing = null;
    this.stale = false; // the session does not hold the records as they are (resync loads them)
    this.pendingText = null; // the records as JSON text, while opening
    this.changes = 0; // the journal's `changes` that the records reflect (every such write up to it)
    this.ahead = new Set(); // later `changes` values already applied (another tab's, out of order)
    this.journalStored = false; // the database has the 'journal' record
    this.snapshotStale = false; // an episode or day changed or went since the snapshot
    this.sinceSnapshot = 0; // records added since the snapshot
    this.snapshotTimer = null;
    this.db = null;
    this.legacy = null;
    this.channel = null;
    this.onStorage = (e) => this.storageEvent(e);
  }

  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  // change: {data: true} when the journal's content changed (with `episode`, `deleted`,
  // `day`, `reload` … for screens that update one row), {data: false} for the state,
  // a save's outcome or metadata.
  emit(change = { data: false }) {
    for (const fn of this.listeners) fn(change);
  }

  get unsaved() {
    return this.queue.length > 0;
  }

  // Opens storage once: IndexedDB (moving a localStorage journal over on the first open),
  // else localStorage, else memory. Never throws; the outcome is in this.state.
  async open() {
    const dbOpening = openDatabase(this.win, () => {
      this.state = 'blocked';
      this.emit();
    });
    this.engine = await this.enginePromise;
    this.session = this.engine.newSession();
    const opened = await dbOpening;
    const storage = storageFrom(this.win);
    this.legacy = storage ? new LegacyStorage(storage, (text) => this.check(text)) : null;
    if (this.legacy && !this.legacy.usable()) this.legacy = null;
    if (opened.db) {
      this.db = opened.db;
      this.backend = 'indexedDB';
      this.state = 'ready';
      this.db.onversionchange = (event) => this.versionChange(event);
      await this.openDatabaseJournal();
      this.listen();
    } else if (opened.error === 'newer') {
      this.backend = 'indexedDB';
      this.state = 'newer';
      this.newer = { text: null, schema: `database version above ${DB_VERSION}` };
    } else if (this.legacy) {
      this.backend = 'localStorage';
      this.openLegacyJournal();
      this.win.addEventListener?.('storage', this.onStorage);
    } else {
      this.backend = 'memory';
      this.state = 'memory';
      this.problem = 'unavailable';
      this.meta = { createdAt: this.now().toISOString() };
    }
    this.emit({ data: true, reload: true });
    return this;
  }

  close() {
    clearTimeout(this.resyncTimer);
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    if (this.onHidden) this.win.document?.removeEventListener('visibilitychange', this.onHidden);
    this.win.removeEventListener?.('storage', this.onStorage);
    this.channel?.close();
    this.db?.close();
    this.db = null;
    this.session?.delete();
    this.session = null;
  }

  closeForNewer() {
    this.db?.close();
    this.db = null;
    this.state = 'closed';
    this.emit();
  }

  // Whole-document validation (imports, the localStorage layout). → null | {path, message}
  check(text) {
    const error = errorOf(this.engine.validateJournal(text));
    if (error) return error;
    // The engine accepts older versions too (it migrates them for its own use); only /1
    // is kept as it is. An import in an older format goes through upgradeJournal first.
    // The first key's value, read without parsing a large text, when "schema" appears only
    // there; else JSON.parse's reading, which like the engine's takes the last of duplicates.
    const fast = /^\{"schema":"([^"]*)"/.exec(text);
    const schema = fast && text.indexOf('"schema"', fast[0].length) === -1 ? fast[1] : JSON.parse(text).schema;
    return schema === SCHEMA ? null
      : { path: 'schema', message: `is ${schema}, an early format this version cannot convert yet`, early: true };
  }

  // The resident journal, loaded from `records` (one JSON text, parsed once by the engine).
  // → null | {path, message}
  loadSession(records, session = this.session, text = JSON.stringify(records.document())) {
    return errorOf(session.load(text));
  }

  get episodeCount() {
    return this.records.episodes.size;
  }

  episodes() {
    return Array.from(this.records.episodes.values(), (r) => r.episode);
  }

  day(date) {
    return this.records.days.get(date)?.day;
  }

  // Every day check-in, in the journal's order.
  days() {
    return Array.from(this.records.days.values(), (r) => r.day);
  }

  get dayCount() {
    return this.records.days.size;
  }

  get plan() {
    return this.records.plan;
  }

  lastAssessment() {
    return this.records.checks.at(-1)?.check;
  }

  isEmpty() {
    return this.records.episodes.size === 0 && this.records.days.size === 0;
  }

  // The analysis facts (journal.md) of the resident journal, or an error document.
  analyze(today) {
    this.resync();
    return JSON.parse(this.session.analyze(today));
  }

  // The report as the engine writes it (json, html or csv text), in language `lang` (the
  // page's; English without it).
  report(today, format, lang) {
    this.resync();
    return lang ? this.session.report(today, format, lang) : this.session.report(today, format);
  }

  // The journal document as JSON text.
  text() {
    this.resync();
    if (this.state === 'corrupt' || this.state === 'newer') return JSON.stringify(emptyJournal());
    return this.session.document();
  }

  // The backup: every stored record as it is. → {text, complete: true} for a readable
  // journal; {text, unreadable: {path, message}} when some stored record cannot be read
  // (the text as stored, that record included; the engine's first problem names it);
  // {text: null} when there is nothing this version can read (a newer version's database).
  backup() {
    this.resync();
    if (this.state === 'corrupt') return { text: this.corrupt.text, unreadable: this.corrupt.error };
    if (this.state === 'newer') return this.newer.text === null ? { text: null } : { text: this.newer.text, unreadable: { path: 'schema', message: this.newer.schema } };
    if (['blocked', 'closed', 'unreachable'].includes(this.state)) return { text: null };
    return { text: this.session.document(), complete: true };
  }

  today() {
    const d = this.now();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  }
}

// The parts' methods, as if written in the class above (not enumerable, like its own).
for (const part of [Opening, Move, TabChannel, Changes, Replace, Kept]) {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(part.prototype))) {
    if (name !== 'constructor') Object.defineProperty(JournalStore.prototype, name, descriptor);
  }
}
