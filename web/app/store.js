// The only module that touches localStorage. It keeps one journal document
// (twitchcheck.journal/1) and never loses a good copy:
//   - every write puts the new text under a new key, then switches the pointer key to it,
//     so a write torn by a full disk or a closed tab leaves the previous copy in force;
//   - text that cannot be read is kept aside (never overwritten) and offered as a download;
//   - a document from a newer version is refused and left as it is;
//   - when storage cannot be used at all, the journal lives in memory and can be exported;
//   - two tabs merge by episode id (and day date): an entry added in each is kept, a
//     deletion travels as a tombstone in the pointer.
// Validation is the engine's (validateJournal), run before every save and on import.

const POINTER = 'twitchcheck.pointer';
const DOC_PREFIX = 'twitchcheck.doc.';
const ASIDE_PREFIX = 'twitchcheck.aside.';
const META = 'twitchcheck.meta';
const PREFIX = 'twitchcheck.';
const LAYOUT = 1; // the layout of the keys above; a larger number was written by a newer app
const SCHEMA = 'twitchcheck.journal/1';
const MAX_TOMBSTONES = 500;

export function emptyJournal() {
  return { schema: SCHEMA, episodes: [], days: [] };
}

function storageFrom(win) {
  try {
    const s = win.localStorage; // throws in some private modes and with blocked cookies
    if (!s) return null;
    return s;
  } catch {
    return null;
  }
}

function isQuotaError(err) {
  return err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);
}

function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

// The version a journal text claims, when it is one of ours from a newer release.
function newerSchema(text) {
  const m = /"schema"\s*:\s*"twitchcheck\.journal\/(\d+)"/.exec(text.slice(0, 200));
  return m && Number(m[1]) > 1 ? `twitchcheck.journal/${m[1]}` : null;
}

function docRev(key) {
  const m = /^twitchcheck\.doc\.(\d+)\./.exec(key);
  return m ? Number(m[1]) : -1;
}

const tabId = Math.random().toString(36).slice(2, 8);

// Merges two journals by identity: episodes by id, days by date, assessments by time and
// level. `preferred` wins a conflict for the identities in `mine`; otherwise `theirs` wins.
export function mergeJournals(theirs, ours, tombstones, mine) {
  const dead = new Set(tombstones);
  const episodes = new Map();
  for (const e of theirs.episodes) if (!dead.has(e.id)) episodes.set(e.id, e);
  for (const e of ours.episodes) {
    if (dead.has(e.id)) continue;
    if (!episodes.has(e.id) || mine.has(`e:${e.id}`)) episodes.set(e.id, e);
  }
  const days = new Map();
  for (const d of theirs.days) days.set(d.date, d);
  for (const d of ours.days) if (!days.has(d.date) || mine.has(`d:${d.date}`)) days.set(d.date, d);
  const assessments = new Map();
  for (const a of [...(theirs.assessments || []), ...(ours.assessments || [])]) {
    const k = `${a.at}|${a.level}`;
    if (!assessments.has(k)) assessments.set(k, a);
  }
  const out = { schema: SCHEMA, episodes: [...episodes.values()], days: [...days.values()] };
  const plan = mine.has('plan') ? ours.plan : (theirs.plan ?? ours.plan);
  if (plan !== undefined) out.plan = plan;
  if (assessments.size) out.assessments = [...assessments.values()];
  return out;
}

function sameIds(a, b) {
  if (a.episodes.length !== b.episodes.length || a.days.length !== b.days.length) return false;
  const ids = new Set(a.episodes.map((e) => e.id));
  return b.episodes.every((e) => ids.has(e.id));
}

export class JournalStore {
  // validate(text) → {ok: true} | {error: {path, message}} (the engine's validateJournal)
  // upgrade(text) → the document in the current format | {error: {path, message}}
  // (the engine's upgradeJournal; optional: without it an older format is refused)
  constructor({ validate, upgrade = null, win = globalThis, now = () => new Date() }) {
    this.validate = validate;
    this.upgrade = upgrade;
    this.win = win;
    this.now = now;
    this.listeners = new Set();
    this.doc = emptyJournal();
    // state: 'ready' | 'memory' (storage unusable) | 'corrupt' | 'newer'
    this.state = 'ready';
    this.problem = null; // last save problem: null | 'quota' | 'unavailable'
    this.unsaved = false; // memory holds changes that storage does not
    this.corrupt = null; // {key, text, error}
    this.newer = null; // {key, text, schema}
    this.pointer = null; // the pointer as this tab last read or wrote it
    this.tombstones = [];
    this.mine = new Set(); // identities this tab changed and has not yet seen stored
    this.meta = {};
    this.storage = null;
    this.onStorage = (e) => {
      if (e.storageArea && e.storageArea !== this.storage) return;
      if (e.key === POINTER || e.key === null) this.refresh();
      else if (e.key === META) this.readMeta();
    };
  }

  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit() {
    for (const fn of this.listeners) fn(this);
  }

  check(text) {
    const r = this.validate(text);
    if (!(r && r.ok === true)) return (r && r.error) || { path: '', message: 'could not be checked' };
    // The engine also accepts older versions (it migrates them for its own use); only /1
    // is kept as it is. An import in an older format goes through upgrade() first.
    const schema = /^\{"schema":"([^"]*)"/.exec(text)?.[1] ?? JSON.parse(text).schema;
    return schema === SCHEMA ? null
      : { path: 'schema', message: `is ${schema}, an early format this version cannot convert yet`, early: true };
  }

  // Reads storage once. Never throws; the outcome is in this.state.
  open() {
    this.storage = storageFrom(this.win);
    if (!this.storage || !this.probe()) {
      this.state = 'memory';
      this.problem = 'unavailable';
      this.emit();
      return this;
    }
    this.readMeta();
    this.load();
    this.win.addEventListener?.('storage', this.onStorage);
    if (!this.meta.createdAt) this.writeMeta({ createdAt: this.now().toISOString() });
    this.emit();
    return this;
  }

  close() {
    this.win.removeEventListener?.('storage', this.onStorage);
  }

  probe() {
    try {
      this.storage.getItem(POINTER);
      const key = `${PREFIX}probe.${tabId}`;
      this.storage.setItem(key, '1');
      this.storage.removeItem(key);
      return true;
    } catch (err) {
      // A full store still reads; it is usable, and the first save will say it is full.
      if (isQuotaError(err)) return true;
      return false;
    }
  }

  keys() {
    const out = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k && k.startsWith(PREFIX)) out.push(k);
    }
    return out;
  }

  readPointer() {
    const raw = this.storage.getItem(POINTER);
    if (raw === null) return { raw, pointer: null };
    const parsed = parseJson(raw);
    const p = parsed && parsed.value;
    const ok = p && typeof p === 'object' && Number.isInteger(p.layout) && Number.isInteger(p.rev);
    return { raw, pointer: ok ? p : null };
  }

  load() {
    this.state = 'ready';
    this.corrupt = null;
    this.newer = null;
    const { raw, pointer } = this.readPointer();
    if (pointer && pointer.layout > LAYOUT) {
      this.state = 'newer';
      this.newer = { key: POINTER, text: raw, schema: `layout ${pointer.layout}` };
      return;
    }
    if (pointer && pointer.key === null) {
      // Deleted on purpose (maybe in another tab): an empty journal.
      this.pointer = pointer;
      this.tombstones = [];
      this.doc = emptyJournal();
      return;
    }
    let text = pointer ? this.storage.getItem(pointer.key) : null;
    if (pointer && text !== null) {
      const schema = newerSchema(text);
      if (schema) {
        this.state = 'newer';
        this.newer = { key: pointer.key, text, schema };
        return;
      }
      const error = this.check(text);
      if (!error) {
        this.pointer = pointer;
        this.tombstones = Array.isArray(pointer.deleted) ? pointer.deleted : [];
        this.doc = JSON.parse(text);
        this.removeOrphans();
        return;
      }
      this.state = 'corrupt';
      this.corrupt = { key: pointer.key, text, error };
      this.pointer = pointer;
      return;
    }
    // No usable pointer (first visit, or a pointer that is missing or garbled): the newest
    // copy that reads is the journal; if none reads, the newest is kept aside as corrupt.
    const docs = this.keys().filter((k) => k.startsWith(DOC_PREFIX)).sort((a, b) => docRev(b) - docRev(a));
    for (const key of docs) {
      text = this.storage.getItem(key);
      if (text !== null && !this.check(text)) {
        this.pointer = { layout: LAYOUT, rev: docRev(key), key, deleted: [] };
        this.doc = JSON.parse(text);
        if (raw !== null) this.keepAside(raw, 'pointer');
        return;
      }
    }
    if (docs.length) {
      text = this.storage.getItem(docs[0]);
      this.state = 'corrupt';
      this.corrupt = { key: docs[0], text, error: this.check(text) };
      this.pointer = { layout: LAYOUT, rev: docRev(docs[0]), key: docs[0], deleted: [] };
    } else if (raw !== null) {
      this.state = 'corrupt';
      this.corrupt = { key: POINTER, text: raw, error: { path: '', message: 'not a journal' } };
      this.pointer = { layout: LAYOUT, rev: 0, key: POINTER, deleted: [] };
    } else {
      this.pointer = null;
      this.doc = emptyJournal();
    }
  }

  // Copies of torn or superseded writes older than the current one.
  removeOrphans() {
    const current = this.pointer;
    for (const key of this.keys()) {
      if (key.startsWith(DOC_PREFIX) && key !== current.key && docRev(key) < current.rev) {
        try {
          this.storage.removeItem(key);
        } catch {
          /* a leftover copy costs only space */
        }
      }
    }
  }

  keepAside(text, what) {
    try {
      this.storage.setItem(`${ASIDE_PREFIX}${Date.now()}.${what}`, text);
    } catch {
      /* the text stays where it was; nothing is overwritten */
    }
  }

  // Another tab wrote: merge its journal with ours and write back what it lacked.
  refresh() {
    if (this.state !== 'ready') {
      this.load();
      this.emit();
      return;
    }
    const { pointer } = this.readPointer();
    if (!pointer || (this.pointer && pointer.key === this.pointer.key && pointer.rev === this.pointer.rev)) return;
    if (pointer.key === null) {
      // "Delete everything" in another tab: that wish wins over what this tab holds.
      this.pointer = pointer;
      this.tombstones = [];
      this.mine.clear();
      this.doc = emptyJournal();
      this.unsaved = false;
      this.emit();
      return;
    }
    const text = this.storage.getItem(pointer.key);
    if (text === null || newerSchema(text) || this.check(text)) {
      this.load();
      this.emit();
      return;
    }
    const stored = JSON.parse(text);
    const tombstones = [...new Set([...(pointer.deleted || []), ...this.tombstones])].slice(-MAX_TOMBSTONES);
    const merged = mergeJournals(stored, this.doc, tombstones, this.mine);
    this.pointer = pointer;
    this.tombstones = tombstones;
    this.doc = merged;
    if (!sameIds(merged, stored) || this.unsaved) this.write(merged);
    this.emit();
  }

  // The common path of every change. `change(doc)` returns the new document; `touched`
  // names the identities it changed (e:ID, d:DATE, plan); `deleted` the episode ids removed.
  mutate(change, { touched = [], deleted = [], revived = [] } = {}) {
    if (this.state === 'newer' || this.state === 'corrupt') return { ok: false, reason: this.state };
    let base = this.doc;
    let tombstones = this.tombstones;
    if (this.state === 'ready') {
      // Build on the newest stored copy so that another tab's entries are kept.
      const { pointer } = this.readPointer();
      if (pointer && pointer.key && (!this.pointer || pointer.key !== this.pointer.key)) {
        const text = this.storage.getItem(pointer.key);
        if (text !== null && !newerSchema(text) && !this.check(text)) {
          tombstones = [...new Set([...(pointer.deleted || []), ...tombstones])];
          base = mergeJournals(JSON.parse(text), this.doc, tombstones, this.mine);
          this.pointer = pointer;
        }
      }
    }
    const next = change(structuredClone(base));
    const text = JSON.stringify(next);
    const error = this.check(text);
    if (error) return { ok: false, reason: 'invalid', error };
    const revivedSet = new Set(revived);
    this.tombstones = [...tombstones.filter((id) => !revivedSet.has(id)), ...deleted].slice(-MAX_TOMBSTONES);
    for (const t of touched) this.mine.add(t);
    const hadEpisodes = this.doc.episodes.length > 0;
    this.doc = next;
    const result = this.write(next, text);
    if (result.ok && !hadEpisodes && next.episodes.length > 0) this.askPersistence();
    this.emit();
    return result;
  }

  write(doc, text = JSON.stringify(doc)) {
    if (this.state === 'memory' || !this.storage) {
      this.unsaved = true;
      return { ok: false, reason: 'unavailable' };
    }
    const previous = this.pointer;
    const rev = (previous ? previous.rev : 0) + 1;
    const key = `${DOC_PREFIX}${rev}.${tabId}`;
    const pointer = { layout: LAYOUT, rev, key, deleted: this.tombstones };
    try {
      this.storage.setItem(key, text);
    } catch (err) {
      return this.failed(err);
    }
    try {
      this.storage.setItem(POINTER, JSON.stringify(pointer));
    } catch (err) {
      try {
        this.storage.removeItem(key);
      } catch {
        /* the pointer still names the previous copy */
      }
      return this.failed(err);
    }
    if (previous && previous.key && previous.key !== key && previous.key.startsWith(DOC_PREFIX)) {
      try {
        this.storage.removeItem(previous.key);
      } catch {
        /* a leftover copy costs only space */
      }
    }
    this.pointer = pointer;
    this.unsaved = false;
    this.problem = null;
    this.mine.clear();
    return { ok: true };
  }

  failed(err) {
    this.unsaved = true;
    this.problem = isQuotaError(err) ? 'quota' : 'unavailable';
    return { ok: false, reason: this.problem };
  }

  // Tries again to store what is only in memory (after the person freed some space).
  retry() {
    if (this.state !== 'ready' || !this.unsaved) return { ok: true };
    const r = this.write(this.doc);
    this.emit();
    return r;
  }

  askPersistence() {
    if (this.meta.persistAsked) return;
    this.writeMeta({ persistAsked: true });
    const storage = this.win.navigator && this.win.navigator.storage;
    if (storage && storage.persist) {
      storage.persist().then(
        (granted) => this.writeMeta({ persisted: granted }),
        () => {},
      );
    }
  }

  // --- changes a person makes ---------------------------------------------------------

  addEpisode(episode) {
    return this.mutate((doc) => {
      doc.episodes.push(episode);
      return doc;
    }, { touched: [`e:${episode.id}`], revived: [episode.id] });
  }

  updateEpisode(episode) {
    return this.mutate((doc) => {
      const i = doc.episodes.findIndex((e) => e.id === episode.id);
      if (i < 0) doc.episodes.push(episode);
      else doc.episodes[i] = episode;
      return doc;
    }, { touched: [`e:${episode.id}`] });
  }

  deleteEpisode(id) {
    return this.mutate((doc) => {
      doc.episodes = doc.episodes.filter((e) => e.id !== id);
      return doc;
    }, { deleted: [id] });
  }

  putDay(day) {
    return this.mutate((doc) => {
      const i = doc.days.findIndex((d) => d.date === day.date);
      if (i < 0) doc.days.push(day);
      else doc.days[i] = day;
      return doc;
    }, { touched: [`d:${day.date}`] });
  }

  setPlan(plan) {
    return this.mutate((doc) => {
      doc.plan = plan;
      return doc;
    }, { touched: ['plan'] });
  }

  addAssessment(assessment) {
    return this.mutate((doc) => {
      doc.assessments = [...(doc.assessments || []), assessment];
      return doc;
    });
  }

  // Parses and validates an import without changing anything; a document in an older
  // format comes back brought up to date (docs/journal-migrations.md).
  // → {ok: true, doc, upgraded} | {ok: false, error: {path, message}}
  inspectImport(text) {
    const error = this.check(text);
    if (!error) return { ok: true, doc: JSON.parse(text), upgraded: false };
    if (!error.early || !this.upgrade) return { ok: false, error };
    const doc = this.upgrade(text);
    if (doc?.schema !== SCHEMA) return { ok: false, error: doc?.error ?? error };
    return { ok: true, doc, upgraded: true };
  }

  // Replaces the journal with a validated document (an import, or "start fresh").
  replace(doc) {
    const text = JSON.stringify(doc);
    const error = this.check(text);
    if (error) return { ok: false, reason: 'invalid', error };
    if (this.state === 'newer') return { ok: false, reason: 'newer' };
    if (this.state === 'corrupt') this.setCorruptAside();
    const deleted = this.doc.episodes.map((e) => e.id).filter((id) => !doc.episodes.some((e) => e.id === id));
    this.tombstones = [...this.tombstones, ...deleted].slice(-MAX_TOMBSTONES);
    this.mine = new Set([...doc.episodes.map((e) => `e:${e.id}`), ...doc.days.map((d) => `d:${d.date}`), 'plan']);
    this.doc = doc;
    const result = this.write(doc, text);
    this.emit();
    return result;
  }

  // Moves the unreadable copy out of the way without losing it, then starts empty.
  startFresh() {
    if (this.state !== 'corrupt') return { ok: false, reason: this.state };
    this.setCorruptAside();
    this.doc = emptyJournal();
    this.tombstones = [];
    const result = this.write(this.doc);
    this.emit();
    return result;
  }

  setCorruptAside() {
    const { key, text } = this.corrupt;
    if (!key.startsWith(ASIDE_PREFIX)) {
      try {
        this.storage.setItem(`${ASIDE_PREFIX}${Date.now()}.journal`, text);
        if (key !== POINTER) this.storage.removeItem(key);
      } catch {
        // No room for a copy: the text stays under its own key, which no write reuses.
        if (key.startsWith(DOC_PREFIX)) {
          this.storage.setItem(`${ASIDE_PREFIX}${Date.now()}.ref`, key);
        }
      }
    }
    this.corrupt = null;
    this.state = 'ready';
    if (this.pointer && this.pointer.key === key) this.pointer = { ...this.pointer, key: null };
  }

  // Everything the person typed, gone on purpose, in every tab.
  deleteEverything() {
    if (this.storage && this.state !== 'memory') {
      const rev = (this.pointer ? this.pointer.rev : 0) + 1;
      try {
        for (const key of this.keys()) if (key !== POINTER) this.storage.removeItem(key);
        this.storage.setItem(POINTER, JSON.stringify({ layout: LAYOUT, rev, key: null, deleted: [] }));
        this.pointer = { layout: LAYOUT, rev, key: null, deleted: [] };
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
    }
    this.meta = {};
    this.state = this.state === 'memory' ? 'memory' : 'ready';
    this.corrupt = null;
    this.newer = null;
    this.doc = emptyJournal();
    this.tombstones = [];
    this.mine.clear();
    this.unsaved = false;
    this.problem = this.state === 'memory' ? 'unavailable' : null;
    this.emit();
    return { ok: true };
  }

  // --- what is kept aside, and app metadata ------------------------------------------

  keptCopies() {
    if (!this.storage || this.state === 'memory') return [];
    const out = [];
    for (const key of this.keys().sort()) {
      if (!key.startsWith(ASIDE_PREFIX)) continue;
      let text = this.storage.getItem(key);
      if (key.endsWith('.ref')) text = this.storage.getItem(text) ?? '';
      out.push({ key, text });
    }
    if (this.corrupt) out.unshift({ key: this.corrupt.key, text: this.corrupt.text });
    if (this.newer) out.unshift({ key: this.newer.key, text: this.newer.text });
    return out;
  }

  dropKeptCopy(key) {
    if (!key.startsWith(ASIDE_PREFIX)) return;
    if (key.endsWith('.ref')) {
      const target = this.storage.getItem(key);
      if (target && target.startsWith(DOC_PREFIX)) this.storage.removeItem(target);
    }
    this.storage.removeItem(key);
    this.emit();
  }

  readMeta() {
    try {
      const parsed = parseJson(this.storage.getItem(META) || '{}');
      this.meta = parsed && parsed.value && typeof parsed.value === 'object' ? parsed.value : {};
    } catch {
      this.meta = {};
    }
  }

  writeMeta(patch) {
    this.meta = { ...this.meta, ...patch };
    if (!this.storage || this.state === 'memory') return;
    try {
      this.storage.setItem(META, JSON.stringify(this.meta));
    } catch {
      /* metadata is a convenience; the journal is what matters */
    }
  }

  markBackedUp() {
    this.writeMeta({ lastBackup: this.now().toISOString() });
    this.emit();
  }

  // Characters stored under this app's keys (keys included), as UTF-16 bytes.
  usage() {
    if (!this.storage || this.state === 'memory') return { bytes: 0 };
    let chars = 0;
    for (const key of this.keys()) chars += key.length + (this.storage.getItem(key) || '').length;
    return { bytes: chars * 2 };
  }

  text() {
    return JSON.stringify(this.doc);
  }
}
