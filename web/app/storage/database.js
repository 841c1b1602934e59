// The IndexedDB database: its name, version and stores (the layout below, also in
// docs/storage.md), opening it, reading the journal from it, and deleting it.

export const DB_NAME = 'twitchcheck';
export const DB_VERSION = 1; // the record layout below; a larger number is a newer app's
export const STORES = ['episodes', 'days', 'checks', 'meta', 'aside'];
export const JOURNAL_STORES = ['episodes', 'days', 'checks', 'meta'];
export const READ_CHUNK = 50000; // records per getAll while opening

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
export const TAIL_MAX = 500; // records added after the snapshot before it is written again

export function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function transactionDone(tx) {
  return new Promise((resolve) => {
    tx.oncomplete = () => resolve({ ok: true });
    tx.onabort = () => resolve({ ok: false, error: tx.error });
  });
}

// → {db} | {error: 'unavailable' | 'newer', cause}; `blocked()` is called while another
// tab's older connection holds up the upgrade.
export function openDatabase(win, blocked) {
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
export async function readJournal(db, { full = false } = {}) {
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
export function storedText(stored, records) {
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
export function snapshotOf(records, changes) {
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

// Deletes this app's database whatever its version. → true once deleted, false when it
// could not be (an error, or another tab still holding it after 5 seconds).
export function deleteDatabase(idb) {
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
export async function databaseIsEmpty(win) {
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
export function indexedDBOf(win) {
  try {
    return win.indexedDB || null;
  } catch {
    return null;
  }
}
