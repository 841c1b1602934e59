// Shared set-up for the journal's browser tests: the worked journals from
// shared/journal-examples, seeding a journal the way an earlier version left it
// (localStorage, moved into IndexedDB on the next open), and reading what is stored.
const fs = require('node:fs');
const path = require('node:path');

const { sharedDir } = require('./fixtures.js');

function example(name) {
  return JSON.parse(fs.readFileSync(path.join(sharedDir, 'journal-examples', `${name}.json`), 'utf8'));
}

// Writes `doc` as the stored journal (and optional app metadata), replacing everything,
// in the localStorage layout of earlier versions (layout 1: a pointer key naming the
// current copy). The database is removed first, so the next journal screen moves this
// journal into IndexedDB, as the first open after the update does.
async function seed(page, doc, meta) {
  await page.evaluate(async ([text, metaText]) => {
    localStorage.clear();
    let idb = null;
    try {
      idb = indexedDB;
    } catch {
      /* a test that blocks IndexedDB: there is no database to remove */
    }
    if (idb) {
      await new Promise((resolve, reject) => {
        const r = idb.deleteDatabase('twitchcheck');
        r.onsuccess = resolve;
        r.onerror = () => reject(r.error);
      });
    }
    localStorage.setItem('twitchcheck.doc.1.seed', text);
    localStorage.setItem('twitchcheck.pointer', JSON.stringify({ layout: 1, rev: 1, key: 'twitchcheck.doc.1.seed', deleted: [] }));
    if (metaText) localStorage.setItem('twitchcheck.meta', metaText);
  }, [typeof doc === 'string' ? doc : JSON.stringify(doc), meta ? JSON.stringify(meta) : null]);
}

// The journal document as the database holds it (docs/storage.md: records in key order,
// the 'journal' record for plan and assessments), parsed; null when there is none.
async function stored(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const r = indexedDB.open('twitchcheck');
      r.onupgradeneeded = () => r.transaction.abort(); // no database: do not create one
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(null);
    });
    if (!db) return null;
    const tx = db.transaction(['episodes', 'days', 'checks', 'meta'], 'readonly');
    const get = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
    const journal = await get(tx.objectStore('meta').get('journal'));
    const [episodes, days, checks] = await Promise.all(['episodes', 'days', 'checks'].map((s) => get(tx.objectStore(s).getAll())));
    db.close();
    if (!journal) return null;
    const doc = { schema: journal.schema, episodes: episodes.map((r) => r.episode), days: days.map((r) => r.day) };
    if (journal.plan !== undefined) doc.plan = journal.plan;
    if (journal.assessments) doc.assessments = checks.map((r) => r.check);
    return doc;
  });
}

// The app metadata record in the database ({createdAt, lastBackup, …}), or null.
async function storedMeta(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const r = indexedDB.open('twitchcheck');
      r.onupgradeneeded = () => r.transaction.abort();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(null);
    });
    if (!db) return null;
    const req = db.transaction('meta').objectStore('meta').get('app');
    const app = await new Promise((resolve) => { req.onsuccess = () => resolve(req.result ?? null); });
    db.close();
    return app;
  });
}

// The journal in the localStorage layout (where IndexedDB cannot be opened), parsed.
async function storedInLocalStorage(page) {
  return page.evaluate(() => {
    const pointer = JSON.parse(localStorage.getItem('twitchcheck.pointer') || 'null');
    if (!pointer || !pointer.key) return null;
    return JSON.parse(localStorage.getItem(pointer.key));
  });
}

// Opens a screen and waits until the journal is loaded (its h1 is there).
async function open(page, hash, heading) {
  await page.goto(`./#${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

// Fails the test if any dialog opens (alert from injected markup would be one).
function forbidDialogs(page) {
  const seen = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return seen;
}

async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

module.exports = { example, seed, stored, storedMeta, storedInLocalStorage, open, forbidDialogs, downloadText, sharedDir };
