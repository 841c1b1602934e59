// The only module that touches storage. The journal (twitchcheck.journal/1) is kept one
// record at a time in IndexedDB, the browser's own database on this device
// (docs/storage.md has the layout):
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

const SCHEMA = 'twitchcheck.journal/1';
const DB_NAME = 'twitchcheck';
const DB_VERSION = 1; // the record layout below; a larger number is a newer app's
const CHANNEL = 'twitchcheck.journal';
const STORES = ['episodes', 'days', 'checks', 'meta', 'aside'];
const JOURNAL_STORES = ['episodes', 'days', 'checks', 'meta'];
const READ_CHUNK = 50000; // records per getAll while opening

// The localStorage layout of earlier versions (layout 1), still used where IndexedDB is
// missing, and the pointer that marks a journal as moved to IndexedDB.
const POINTER = 'twitchcheck.pointer';
const DOC_PREFIX = 'twitchcheck.doc.';
const ASIDE_PREFIX = 'twitchcheck.aside.';
const META = 'twitchcheck.meta';
const PREFIX = 'twitchcheck.';
const LAYOUT = 1;
// Layout 1's own code reads a pointer with a larger layout as "saved by a newer version"
// and then refuses to write; its key names no copy, so a tab that missed the change
// cannot merge the moved journal back either.
const MOVED_LAYOUT = 2;
const MOVED_KEY = 'twitchcheck.moved';
const MAX_TOMBSTONES = 500;

const tabId = Math.random().toString(36).slice(2, 8);

export function emptyJournal() {
  return { schema: SCHEMA, episodes: [], days: [] };
}

function isQuotaError(err) {
  return !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22);
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

const problemOf = (err) => (isQuotaError(err) ? 'quota' : 'failed');
const errorOf = (answer) => {
  const parsed = parseJson(answer);
  const v = parsed && parsed.value;
  if (v && v.ok === true) return null;
  return (v && v.error) || { path: '', message: 'could not be checked' };
};

// --- the journal's records, in document order -----------------------------------------
// Maps keep insertion order, which is the document's: a change keeps an entry's place,
// an addition goes last. `seq` is the record's key in the database (null until stored).

class Records {
  constructor() {
    this.schema = SCHEMA;
    this.episodes = new Map(); // id -> {seq, episode}
    this.days = new Map(); // date -> {seq, day}
    this.checks = []; // [{seq, check}]
    this.plan = undefined; // the document's `plan`, when it has one
    this.hasAssessments = false; // the document has an `assessments` list (maybe empty)
  }

  static fromDocument(doc) {
    const r = new Records();
    doc.episodes.forEach((episode, i) => r.episodes.set(episode.id, { seq: i + 1, episode }));
    doc.days.forEach((day, i) => r.days.set(day.date, { seq: i + 1, day }));
    (doc.assessments ?? []).forEach((check, i) => r.checks.push({ seq: i + 1, check }));
    r.plan = doc.plan;
    r.hasAssessments = Array.isArray(doc.assessments);
    return r;
  }

  // What readJournal read: the snapshot's lists (when there is one), then the records.
  static fromStored({ journal, snapshot, episodes, days, checks }) {
    const r = new Records();
    if (snapshot) {
      JSON.parse(snapshot.episodesText).forEach((episode, i) => r.episodes.set(episode.id, { seq: snapshot.episodeSeqs[i], episode }));
      JSON.parse(snapshot.daysText).forEach((day, i) => r.days.set(day.date, { seq: snapshot.daySeqs[i], day }));
    }
    for (const rec of episodes) r.episodes.set(rec.episode.id, { seq: rec.seq, episode: rec.episode });
    for (const rec of days) r.days.set(rec.day.date, { seq: rec.seq, day: rec.day });
    for (const rec of checks) r.checks.push({ seq: rec.seq, check: rec.check });
    if (journal) {
      r.schema = journal.schema;
      r.plan = journal.plan;
      r.hasAssessments = journal.assessments === true;
    }
    return r;
  }

  document() {
    const doc = {
      schema: this.schema,
      episodes: Array.from(this.episodes.values(), (r) => r.episode),
      days: Array.from(this.days.values(), (r) => r.day),
    };
    if (this.plan !== undefined) doc.plan = this.plan;
    if (this.hasAssessments || this.checks.length) doc.assessments = this.checks.map((r) => r.check);
    return doc;
  }

  // The order the database holds (by key); entries not yet stored stay last, in order.
  sortBySeq() {
    const inOrder = (list) => list.every((r, i) => i === 0 || (r.seq ?? Infinity) >= (list[i - 1].seq ?? Infinity));
    if (inOrder([...this.episodes.values()]) && inOrder([...this.days.values()]) && inOrder(this.checks)) return;
    const bySeq = (a, b) => (a[1].seq ?? Infinity) - (b[1].seq ?? Infinity);
    this.episodes = new Map([...this.episodes].sort(bySeq));
    this.days = new Map([...this.days].sort(bySeq));
    this.checks.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  }

  // A record another tab wrote, or one an older version's tab left behind, not yet stored.
  apply(op) {
    if (op.kind === 'episode') this.episodes.set(op.key, { seq: null, episode: op.record });
    else if (op.kind === 'day') this.days.set(op.key, { seq: null, day: op.record });
    else if (op.kind === 'check') {
      this.checks.push({ seq: null, check: op.record });
      this.hasAssessments = true;
    }
  }

  maxSeq(kind) {
    let max = 0;
    const list = kind === 'checks' ? this.checks : this[kind].values();
    for (const r of list) if (r.seq !== null && r.seq > max) max = r.seq;
    return max;
  }
}

// --- IndexedDB ----------------------------------------------------------------------------
// Stores (all in one database, version DB_VERSION):
//   episodes  key `seq` (auto-increment: the document order), unique index `id`
//             on episode.id; value {seq, episode}
//   days      key `seq` (auto-increment), unique index `date` on day.date; value {seq, day}
//   checks    key `seq` (auto-increment); value {seq, check} (the `assessments` entries)
//   meta      out-of-line keys:
//             'journal'  {schema, plan?, assessments, changes}: `changes` counts the
//                        writes that changed or deleted an episode or a day;
//             'snapshot' {changes, episodes, days, episodesText, episodeSeqs, daysText,
//                        daySeqs}: the episodes and days with keys up to `episodes` and
//                        `days`, as JSON text, taken when the journal's count was `changes`
//                        (a cache for opening: see readJournal);
//             'app'      {createdAt, lastBackup, persistAsked, persisted};
//             'moved'    the record of the move from localStorage
//   aside     key `seq` (auto-increment); value {seq, at, what, text}: text kept aside
//
// Why a snapshot: Chromium's IndexedDB reads a record in tens of microseconds, so 20,000
// records take longer to read than the whole journal took from localStorage. Opening
// reads the snapshot (two strings and two arrays of keys) and only the records added after
// it (keys above its own, which the key generator guarantees for every later addition);
// a change or a deletion since then (the journal's `changes` moved on) makes it stale, and
// opening reads every record. The records are always the truth; the snapshot is rewritten
// from the records in memory when the page is idle (JournalStore.writeSnapshot).
const TAIL_MAX = 500; // records added after the snapshot before it is written again

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx) {
  return new Promise((resolve) => {
    tx.oncomplete = () => resolve({ ok: true });
    tx.onabort = () => resolve({ ok: false, error: tx.error });
  });
}

// → {db} | {error: 'unavailable' | 'newer', cause}; `blocked()` is called while another
// tab's older connection holds up the upgrade.
function openDatabase(win, blocked) {
  return new Promise((resolve) => {
    let req;
    try {
      const idb = win.indexedDB; // throws or is missing in some private modes
      if (!idb) {
        resolve({ error: 'unavailable' });
        return;
      }
      req = idb.open(DB_NAME, DB_VERSION);
    } catch (cause) {
      resolve({ error: 'unavailable', cause });
      return;
    }
    req.onupgradeneeded = (event) => {
      const db = req.result;
      // Numbered, append-only steps: version 1 creates the first layout.
      if (event.oldVersion < 1) {
        db.createObjectStore('episodes', { keyPath: 'seq', autoIncrement: true })
          .createIndex('id', 'episode.id', { unique: true });
        db.createObjectStore('days', { keyPath: 'seq', autoIncrement: true })
          .createIndex('date', 'day.date', { unique: true });
        db.createObjectStore('checks', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('meta');
        db.createObjectStore('aside', { keyPath: 'seq', autoIncrement: true });
      }
    };
    req.onblocked = () => blocked();
    req.onsuccess = () => resolve({ db: req.result });
    req.onerror = (event) => {
      event.preventDefault?.();
      const cause = req.error;
      resolve({ error: cause && cause.name === 'VersionError' ? 'newer' : 'unavailable', cause });
    };
  });
}

async function getAllChunked(store, from = null) {
  const out = [];
  let after = null;
  for (;;) {
    const range = after === null ? from : IDBKeyRange.lowerBound(after, true);
    const part = await request(store.getAll(range, READ_CHUNK));
    for (const r of part) out.push(r);
    if (part.length < READ_CHUNK) return out;
    after = part[part.length - 1].seq;
  }
}

// The stored journal: the metadata records, the checks, and the episodes and days, either
// as the snapshot plus the records added after it or (`full`, or no usable snapshot) as
// every record.
async function readJournal(db, { full = false } = {}) {
  const tx = db.transaction(JOURNAL_STORES, 'readonly');
  const meta = tx.objectStore('meta');
  const [journal, app, moved, snapshot] = await Promise.all(['journal', 'app', 'moved', 'snapshot'].map((k) => request(meta.get(k))));
  const usable = !full && journal && snapshot && snapshot.changes === (journal.changes ?? 0);
  const after = (key) => (usable ? IDBKeyRange.lowerBound(key, true) : null);
  const episodes = await getAllChunked(tx.objectStore('episodes'), after(usable && snapshot.episodes));
  const days = await getAllChunked(tx.objectStore('days'), after(usable && snapshot.days));
  const checks = await getAllChunked(tx.objectStore('checks'));
  return { journal, app, moved, snapshot: usable ? snapshot : null, episodes, days, checks, changes: journal?.changes ?? 0 };
}

// The document's JSON text from what readJournal read, without a JSON.stringify of the
// whole journal when a snapshot holds most of it.
function storedText(stored, records) {
  if (!stored.snapshot) return JSON.stringify(records.document());
  const list = (text, tail, key) => {
    if (!tail.length) return text;
    const more = tail.map((r) => JSON.stringify(r[key])).join(',');
    return text === '[]' ? `[${more}]` : `${text.slice(0, -1)},${more}]`;
  };
  const doc = records.document();
  let text = `{"schema":${JSON.stringify(records.schema)},"episodes":${list(stored.snapshot.episodesText, stored.episodes, 'episode')}`
    + `,"days":${list(stored.snapshot.daysText, stored.days, 'day')}`;
  if (doc.plan !== undefined) text += `,"plan":${JSON.stringify(doc.plan)}`;
  if (doc.assessments) text += `,"assessments":${JSON.stringify(doc.assessments)}`;
  return `${text}}`;
}

// The snapshot record for `records` (stored ones only, in key order) as of the journal's
// `changes` count.
function snapshotOf(records, changes) {
  const list = (map) => {
    const entries = [...map.values()];
    for (let i = 1; i < entries.length; i++) {
      if (entries[i].seq < entries[i - 1].seq) {
        entries.sort((a, b) => a.seq - b.seq);
        break;
      }
    }
    return entries;
  };
  const episodes = list(records.episodes);
  const days = list(records.days);
  return {
    changes,
    episodes: episodes.length ? episodes[episodes.length - 1].seq : 0,
    days: days.length ? days[days.length - 1].seq : 0,
    episodesText: JSON.stringify(episodes.map((r) => r.episode)),
    episodeSeqs: Float64Array.from(episodes, (r) => r.seq),
    daysText: JSON.stringify(days.map((r) => r.day)),
    daySeqs: Float64Array.from(days, (r) => r.seq),
  };
}

// Writes queued changes in one transaction. A new episode is one put and nothing else;
// the requests go out without waiting for each other (they run in order), so a tap waits
// for one round trip to the database. `known` (from the records in memory): seqOf(op) →
// the record's key or null, journalStored, hasAssessments.
// → {ok: true, seqs, changes} (`changes` when an existing episode or day changed or went:
// the journal's new count of such writes) | {ok: false, problem}
function writeOps(db, ops, known) {
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
function replaceJournal(db, records, extra = {}) {
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

// --- the localStorage layout (layout 1) ---------------------------------------------------
// Used for three things: reading a journal of an earlier version to move it; marking it
// as moved (and removing the old text after a newer backup); and, where IndexedDB cannot
// be opened, keeping the journal as earlier versions did: every save writes the whole
// document under a new key, then switches the pointer to it (a torn write leaves the
// previous copy in force); two tabs merge by identity on the `storage` event.

function storageFrom(win) {
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

// Merges two journals by identity: episodes by id, days by date, assessments by time and
// level. `ours` wins a conflict for the identities in `mine`; otherwise `theirs` wins.
export function mergeJournals(theirs, ours, tombstones, mine) {
  const dead = new Set(tombstones);
  const episodes = new Map();
  for (const e of theirs.episodes) if (!dead.has(e.id)) episodes.set(e.id, e);
  for (const e of ours.episodes) {
    if (dead.has(e.id)) continue;
    if (!episodes.has(e.id) || mine.has(`e:${e.id}`)) episodes.set(e.id, e);
  }
  const days = new Map();
  for (const d of theirs.days) if (!dead.has(`day:${d.date}`)) days.set(d.date, d);
  for (const d of ours.days) {
    if (!dead.has(`day:${d.date}`) && (!days.has(d.date) || mine.has(`d:${d.date}`))) days.set(d.date, d);
  }
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

class LegacyStorage {
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

// Deletes this app's database whatever its version. → true once deleted, false when it
// could not be (an error, or another tab still holding it after 5 seconds).
function deleteDatabase(idb) {
  return new Promise((resolve) => {
    let req;
    try {
      req = idb.deleteDatabase(DB_NAME);
    } catch {
      resolve(false);
      return;
    }
    const late = setTimeout(() => resolve(false), 5000);
    req.onsuccess = () => { clearTimeout(late); resolve(true); };
    req.onerror = () => { clearTimeout(late); resolve(false); };
  });
}

// The read-back after deleting: the database opens at our version with no record in it
// (another tab may have made a new, empty one already).
async function databaseIsEmpty(win) {
  const opened = await openDatabase(win, () => {});
  if (!opened.db) return false;
  try {
    const tx = opened.db.transaction(STORES, 'readonly');
    const records = ['episodes', 'days', 'checks', 'aside'];
    const counts = await Promise.all(records.map((name) => request(tx.objectStore(name).count())));
    const metaKeys = await request(tx.objectStore('meta').getAllKeys());
    // Another tab that reopened first may have written its start date, nothing else.
    const app = metaKeys.includes('app') ? await request(tx.objectStore('meta').get('app')) : {};
    return counts.every((n) => n === 0) && metaKeys.every((k) => k === 'app')
      && Object.keys(app ?? {}).every((k) => ['createdAt', 'persistAsked', 'persisted'].includes(k));
  } catch {
    return false;
  } finally {
    opened.db.close();
  }
}

// The IndexedDB factory, or null where it is missing or refused (some private modes throw).
function indexedDBOf(win) {
  try {
    return win.indexedDB || null;
  } catch {
    return null;
  }
}

function allKeys(storage) {
  const out = [];
  for (let i = 0; i < storage.length; i++) out.push(storage.key(i));
  return out;
}

// --- the store every screen shares --------------------------------------------------------

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

  // --- opening IndexedDB ----------------------------------------------------------------

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

  // --- opening localStorage (IndexedDB cannot be opened) --------------------------------

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

  // --- two tabs (IndexedDB) -------------------------------------------------------------

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

  // --- the snapshot (see the layout above) ------------------------------------------------

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

  // --- changes a person makes -----------------------------------------------------------
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

  // --- imports, fresh starts, deleting ---------------------------------------------------

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

  // --- reading the journal ---------------------------------------------------------------

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

  // --- what is kept aside, and app metadata -----------------------------------------------

  // → Promise of [{key, text}]: texts kept aside (never the journal itself).
  async keptCopies() {
    if (this.backend === 'indexedDB' && this.db) {
      const tx = this.db.transaction('aside', 'readonly');
      const items = await request(tx.objectStore('aside').getAll());
      return items.map((item) => ({ key: item.seq, text: item.text }));
    }
    if (this.backend === 'localStorage') return this.legacy.asideCopies();
    return [];
  }

  async dropKeptCopy(key) {
    if (this.backend === 'indexedDB' && this.db) {
      const tx = this.db.transaction('aside', 'readwrite');
      tx.objectStore('aside').delete(key);
      await transactionDone(tx);
    } else if (this.backend === 'localStorage' && typeof key === 'string' && key.startsWith(ASIDE_PREFIX)) {
      const storage = this.legacy.storage;
      if (key.endsWith('.ref')) {
        const target = storage.getItem(key);
        if (target && target.startsWith(DOC_PREFIX)) storage.removeItem(target);
      }
      storage.removeItem(key);
    }
    this.emit();
  }

  async putAside(item) {
    const tx = this.db.transaction('aside', 'readwrite');
    tx.objectStore('aside').put(item);
    return transactionDone(tx);
  }

  async putMeta(key, value) {
    try {
      const tx = this.db.transaction('meta', 'readwrite', { durability: 'strict' });
      tx.objectStore('meta').put(value, key);
      return await transactionDone(tx);
    } catch {
      return { ok: false };
    }
  }

  // App metadata: read, merged and written in one transaction, so two tabs keep both.
  async writeMeta(patch) {
    this.meta = { ...this.meta, ...patch };
    if (this.backend === 'indexedDB' && this.db) {
      try {
        const tx = this.db.transaction('meta', 'readwrite');
        const meta = tx.objectStore('meta');
        const stored = await request(meta.get('app'));
        meta.put({ ...(stored ?? {}), ...patch }, 'app');
        await transactionDone(tx);
      } catch {
        /* metadata is a convenience; the journal is what matters */
      }
      this.tell({ meta: patch });
    } else if (this.backend === 'localStorage' && this.state !== 'memory') {
      this.legacy.writeMeta(this.meta);
    }
  }

  // A backup was downloaded: the reminder waits, and layout 1's old copy (kept since the
  // move) is not needed any more.
  markBackedUp() {
    const done = this.writeMeta({ lastBackup: this.now().toISOString() });
    if (this.oldText) this.removeOldCopy();
    this.emit();
    return done;
  }

  // → Promise of {bytes, quota}: what this site stores, as the browser counts it.
  async usage() {
    if (this.backend === 'localStorage') return { bytes: this.legacy.usage(), quota: 10 * 1024 * 1024 };
    const storage = this.win.navigator?.storage;
    if (this.backend !== 'indexedDB' || !storage?.estimate) return { bytes: 0, quota: 0 };
    try {
      const { usage, quota } = await storage.estimate();
      return { bytes: usage ?? 0, quota: quota ?? 0 };
    } catch {
      return { bytes: 0, quota: 0 };
    }
  }
}
