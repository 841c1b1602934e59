// The localStorage layout of earlier versions (layout 1): read to move a journal to
// IndexedDB, marked as moved, and still the journal's home where IndexedDB cannot be opened.

import { tabId, emptyJournal, isQuotaError, parseJson, newerSchema, problemOf } from './common.js';
import { mergeJournals, sameIds } from './merge.js';

// The localStorage layout of earlier versions (layout 1), still used where IndexedDB is
// missing, and the pointer that marks a journal as moved to IndexedDB.
export const POINTER = 'twitchcheck.pointer';
export const DOC_PREFIX = 'twitchcheck.doc.';
export const ASIDE_PREFIX = 'twitchcheck.aside.';
export const META = 'twitchcheck.meta';
const PREFIX = 'twitchcheck.';
export const LAYOUT = 1;
// Layout 1's own code reads a pointer with a larger layout as "saved by a newer version"
// and then refuses to write; its key names no copy, so a tab that missed the change
// cannot merge the moved journal back either.
export const MOVED_LAYOUT = 2;
export const MOVED_KEY = 'twitchcheck.moved';
const MAX_TOMBSTONES = 500;

// Used for three things: reading a journal of an earlier version to move it; marking it
// as moved (and removing the old text after a newer backup); and, where IndexedDB cannot
// be opened, keeping the journal as earlier versions did: every save writes the whole
// document under a new key, then switches the pointer to it (a torn write leaves the
// previous copy in force); two tabs merge by identity on the `storage` event.

export function storageFrom(win) {
  try {
    return win.localStorage || null; // throws in some private modes and with blocked cookies
  } catch {
    return null;
  }
}

function docRev(key) {
  const m = /^twitchcheck\.doc\.(\d+)\./.exec(key);
  return m ? Number(m[1]) : -1;
}

export class LegacyStorage {
  // check(text) → null | {path, message}: whole-document validation by the engine.
  constructor(storage, check) {
    this.storage = storage;
    this.check = check;
    this.pointer = null;
    this.tombstones = [];
    this.mine = new Set();
  }

  usable() {
    try {
      this.storage.getItem(POINTER);
      const key = `${PREFIX}probe.${tabId}`;
      this.storage.setItem(key, '1');
      this.storage.removeItem(key);
      return true;
    } catch (err) {
      return isQuotaError(err); // a full store still reads; the first save will say so
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

  // Whether anything of an earlier version is stored here.
  hasData() {
    return this.keys().some((k) => k === POINTER || k === META || k.startsWith(DOC_PREFIX) || k.startsWith(ASIDE_PREFIX));
  }

  // The journal as layout 1 left it. → {state: 'ready', doc, text, key} | {state: 'moved'}
  // | {state: 'newer', newer} | {state: 'corrupt', corrupt}
  read() {
    const { raw, pointer } = this.readPointer();
    if (pointer && pointer.layout === MOVED_LAYOUT && pointer.key === MOVED_KEY) return { state: 'moved', pointer };
    if (pointer && pointer.layout > LAYOUT) {
      return { state: 'newer', newer: { key: POINTER, text: raw, schema: `layout ${pointer.layout}` } };
    }
    if (pointer && pointer.key === null) {
      this.pointer = pointer;
      this.tombstones = [];
      return { state: 'ready', doc: emptyJournal(), text: null, key: null, rev: pointer.rev };
    }
    let text = pointer ? this.storage.getItem(pointer.key) : null;
    if (pointer && text !== null) {
      const schema = newerSchema(text);
      if (schema) return { state: 'newer', newer: { key: pointer.key, text, schema } };
      const error = this.check(text);
      if (!error) {
        this.pointer = pointer;
        this.tombstones = Array.isArray(pointer.deleted) ? pointer.deleted : [];
        return { state: 'ready', doc: JSON.parse(text), text, key: pointer.key, rev: pointer.rev };
      }
      this.pointer = pointer;
      return { state: 'corrupt', corrupt: { key: pointer.key, text, error } };
    }
    // No usable pointer: the newest copy that reads is the journal.
    const docs = this.keys().filter((k) => k.startsWith(DOC_PREFIX)).sort((a, b) => docRev(b) - docRev(a));
    for (const key of docs) {
      text = this.storage.getItem(key);
      if (text !== null && !newerSchema(text) && !this.check(text)) {
        this.pointer = { layout: LAYOUT, rev: docRev(key), key, deleted: [] };
        if (raw !== null) this.keepAside(raw, 'pointer');
        return { state: 'ready', doc: JSON.parse(text), text, key, rev: docRev(key) };
      }
    }
    if (docs.length) {
      text = this.storage.getItem(docs[0]);
      this.pointer = { layout: LAYOUT, rev: docRev(docs[0]), key: docs[0], deleted: [] };
      return { state: 'corrupt', corrupt: { key: docs[0], text, error: this.check(text) } };
    }
    if (raw !== null) {
      this.pointer = { layout: LAYOUT, rev: 0, key: POINTER, deleted: [] };
      return { state: 'corrupt', corrupt: { key: POINTER, text: raw, error: { path: '', message: 'not a journal' } } };
    }
    this.pointer = null;
    return { state: 'ready', doc: emptyJournal(), text: null, key: null, rev: 0 };
  }

  // Copies of torn or superseded writes older than the current one.
  removeOrphans() {
    const current = this.pointer;
    if (!current || !current.key) return;
    for (const key of this.keys()) {
      if (key.startsWith(DOC_PREFIX) && key !== current.key && docRev(key) < current.rev) this.remove(key);
    }
  }

  remove(key) {
    try {
      this.storage.removeItem(key);
    } catch {
      /* a leftover copy costs only space */
    }
  }

  keepAside(text, what) {
    try {
      this.storage.setItem(`${ASIDE_PREFIX}${Date.now()}.${what}`, text);
    } catch {
      /* the text stays where it was; nothing is overwritten */
    }
  }

  // Kept-aside texts ('.ref' entries name the document key that holds the text).
  asideCopies() {
    const out = [];
    for (const key of this.keys().sort()) {
      if (!key.startsWith(ASIDE_PREFIX)) continue;
      let text = this.storage.getItem(key);
      if (key.endsWith('.ref')) text = this.storage.getItem(text) ?? '';
      out.push({ key, text });
    }
    return out;
  }

  readMeta() {
    const parsed = parseJson(this.storage.getItem(META) || '{}');
    return parsed && parsed.value && typeof parsed.value === 'object' ? parsed.value : {};
  }

  writeMeta(meta) {
    try {
      this.storage.setItem(META, JSON.stringify(meta));
    } catch {
      /* metadata is a convenience; the journal is what matters */
    }
  }

  // The newest stored journal merged with `doc` (another tab may have written), or null
  // when nothing newer is stored.
  newerStored(doc) {
    const { pointer } = this.readPointer();
    if (!pointer || !pointer.key || pointer.layout !== LAYOUT || (this.pointer && pointer.key === this.pointer.key)) return null;
    const text = this.storage.getItem(pointer.key);
    if (text === null || newerSchema(text) || this.check(text)) return null;
    this.tombstones = [...new Set([...(pointer.deleted || []), ...this.tombstones])].slice(-MAX_TOMBSTONES);
    this.pointer = pointer;
    return mergeJournals(JSON.parse(text), doc, this.tombstones, this.mine);
  }

  // Writes the whole document: the new copy first, then the pointer.
  write(doc, { touched = [], deleted = [], revived = [] } = {}) {
    const revivedSet = new Set(revived);
    this.tombstones = [...this.tombstones.filter((id) => !revivedSet.has(id)), ...deleted].slice(-MAX_TOMBSTONES);
    for (const t of touched) this.mine.add(t);
    const previous = this.pointer;
    const rev = (previous ? previous.rev : 0) + 1;
    const key = `${DOC_PREFIX}${rev}.${tabId}`;
    const pointer = { layout: LAYOUT, rev, key, deleted: this.tombstones };
    try {
      this.storage.setItem(key, JSON.stringify(doc));
    } catch (err) {
      return { ok: false, problem: problemOf(err) };
    }
    try {
      this.storage.setItem(POINTER, JSON.stringify(pointer));
    } catch (err) {
      this.remove(key);
      return { ok: false, problem: problemOf(err) };
    }
    if (previous && previous.key && previous.key !== key && previous.key.startsWith(DOC_PREFIX)) this.remove(previous.key);
    this.pointer = pointer;
    this.mine.clear();
    return { ok: true };
  }

  deleteEverything() {
    const rev = (this.pointer ? this.pointer.rev : 0) + 1;
    for (const key of this.keys()) if (key !== POINTER) this.storage.removeItem(key);
    this.pointer = { layout: LAYOUT, rev, key: null, deleted: [] };
    this.storage.setItem(POINTER, JSON.stringify(this.pointer));
    this.tombstones = [];
    this.mine.clear();
  }

  // Another tab wrote (the `storage` event): the merged journal, a state, or null when
  // nothing changed for this tab.
  changed(doc, unsaved) {
    const { pointer } = this.readPointer();
    if (!pointer || (this.pointer && pointer.key === this.pointer.key && pointer.rev === this.pointer.rev)) return null;
    if (pointer.layout === LAYOUT && pointer.key === null) {
      this.pointer = pointer;
      this.tombstones = [];
      this.mine.clear();
      return { doc: emptyJournal(), wiped: true };
    }
    const merged = this.newerStored(doc);
    if (!merged) return { reread: true };
    const stored = JSON.parse(this.storage.getItem(pointer.key));
    if (!sameIds(merged, stored) || unsaved) this.write(merged);
    return { doc: merged };
  }

  // Marks the journal as moved: layout 1's code then refuses to write (see MOVED_LAYOUT).
  markMoved(rev, from) {
    const marker = { layout: MOVED_LAYOUT, rev: rev + 1, key: MOVED_KEY, deleted: [], moved: { to: 'indexedDB', from } };
    this.storage.setItem(POINTER, JSON.stringify(marker));
    return marker;
  }

  // Layout 1's keys with personal data (documents, kept-aside texts, metadata).
  oldKeys() {
    return this.keys().filter((k) => k.startsWith(DOC_PREFIX) || k.startsWith(ASIDE_PREFIX) || k === META);
  }

  usage() {
    let chars = 0;
    for (const key of this.keys()) chars += key.length + (this.storage.getItem(key) || '').length;
    return chars * 2;
  }
}

// Every key in `storage`, this app's or not.
export function allKeys(storage) {
  const out = [];
  for (let i = 0; i < storage.length; i++) out.push(storage.key(i));
  return out;
}
