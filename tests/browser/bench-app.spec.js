// Measurements, not timed assertions: they print numbers for docs/storage.md and the
// README (issue 12's figures: tap-to-saved at 1k, 20k and 200k episodes at 1× and 4× CPU,
// the Patterns screen's refresh after a tap, opening the Log screen, the resident
// journal's analysis; and a first visit's bytes and cold load). Each still checks what it
// measured (the counts shown), so a broken app fails here too. Timing never fails a test.
//
// The 1k and 20k journals are seeded in the localStorage layout of earlier versions, so
// the same benches ran on the code before the change ("before" in docs/storage.md) and
// run after it (the first open moves the journal into IndexedDB; the timed part comes
// after that).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { test, expect } = require('./fixtures.js');
const { TODAY, YESTERDAY, journalText, throttle, median, fmt, tapToSaved, watchLogUsable } = require('./bench-tap.js');

const siteDir = path.resolve(__dirname, '../..', process.env.TWITCHCHECK_SITE_DIR ?? 'build/site');
const buildDir = path.resolve(process.env.TWITCHCHECK_BUILD_DIR ?? path.dirname(siteDir));

test.describe.configure({ mode: 'serial' });
test.use({ timezoneId: 'UTC', locale: 'en-US' });
test.setTimeout(900_000);

const slow = { timeout: 600_000 };

async function seedLocalStorage(page, text) {
  await page.goto('./');
  await page.evaluate((t) => {
    localStorage.clear();
    localStorage.setItem('twitchcheck.doc.1.seed', t);
    localStorage.setItem('twitchcheck.pointer', JSON.stringify({ layout: 1, rev: 1, key: 'twitchcheck.doc.1.seed', deleted: [] }));
  }, text);
}

// Too large for localStorage: imported through the Report page, as a person would.
async function importThroughReport(page, text, n) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twitchcheck-bench-')), 'backup.json');
  fs.writeFileSync(file, text);
  await page.goto('./#/report');
  await page.getByRole('heading', { level: 1, name: 'Report and backup' }).waitFor(slow);
  const t0 = Date.now();
  await page.getByLabel('Choose a backup file').setInputFiles(file);
  const replace = page.getByRole('button', { name: 'Replace my journal with this backup' });
  await replace.waitFor(slow);
  const t1 = Date.now();
  await replace.click();
  await expect(page.getByText(`Done. Your journal now has ${n.toLocaleString('en-US')} twitches.`)).toBeVisible(slow);
  return { check: t1 - t0, store: Date.now() - t1 };
}

async function openLog(page) {
  await page.goto('about:blank');
  await page.goto('./#/log');
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor(slow);
}

for (const n of [1000, 20000, 200000]) {
  test(`bench: tap-to-saved, ${n} episodes`, async ({ page }) => {
    const text = await journalText(n, 1100, YESTERDAY); // "Today" holds only the timed taps
    if (n <= 20000) {
      await seedLocalStorage(page, text);
    } else {
      const took = await importThroughReport(page, text, n);
      console.log(`bench import ${n} episodes (${(text.length / 1024 / 1024).toFixed(1)} MB) through the Report page: checked in ${took.check} ms, stored in ${took.store} ms`);
    }
    await openLog(page); // the first open moves a localStorage journal into the database
    for (const rate of [1, 4]) {
      const cdp = await throttle(page, rate);
      await openLog(page);
      await tapToSaved(page, 3); // warm-up
      const times = await tapToSaved(page, 15);
      console.log(`bench tap-to-saved ${n} episodes, ${rate}x CPU: median ${fmt(median(times))} [${times.map((t) => t.toFixed(0)).join(' ')}]`);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  });
}

test('bench: Patterns screen refresh after a tap, 20000 episodes, 4x CPU', async ({ page }) => {
  await seedLocalStorage(page, await journalText(20000));
  await page.goto('./#/insights');
  await expect(page.locator('.tc-summary')).toContainText('You logged 20,000 twitches', slow);
  const cdp = await throttle(page, 4);
  // A change of one record through the page's own store (as a tap on the Log screen or in
  // another tab makes), timed until the screen shows the new facts.
  const times = await page.evaluate(async (today) => {
    const { openJournal } = await import('./app/journal/journal.js');
    const { store } = await openJournal();
    const summary = document.querySelector('.tc-screen');
    const out = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const change = store.addEpisode({ id: `bench-${i}`, at: `${today}T11:00:00+00:00`, region: 'neck', side: 'midline' });
      const t1 = performance.now();
      if (!change.ok || !summary.querySelector('.tc-summary').textContent.includes(`You logged ${(20001 + i).toLocaleString('en-US')} twitches`)) return null;
      await change.saved;
      out.push(t1 - t0);
    }
    return out.slice(2);
  }, TODAY);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  expect(times).not.toBeNull();
  console.log(`bench Patterns refresh after a tap, 20000 episodes, 4x CPU: median ${fmt(median(times))} [${times.map((t) => t.toFixed(0)).join(' ')}]`);
});

test('bench: open the Log screen until usable, 20000 episodes, 1x CPU', async ({ page }) => {
  await seedLocalStorage(page, await journalText(20000));
  await openLog(page);
  await watchLogUsable(page);
  const runs = [];
  for (let i = 0; i < 6; i++) {
    await openLog(page);
    await page.waitForFunction(() => window.benchLogUsable);
    runs.push(await page.evaluate(() => window.benchLogUsable));
  }
  console.log(`bench open Log until usable, 20000 episodes: median of 5 ${fmt(median(runs.slice(1)))} [${runs.map((t) => t.toFixed(0)).join(' ')}] (from navigation start)`);
});

// The store's open() in parts, and the resident journal's analysis. The parts are done
// here as the store (web/app/storage/) does them (the snapshot and the records after it, one JSON text, one
// load into the session), with the app's own modules; reading every record is timed too,
// to show what the snapshot saves.
async function openPhases(page, n) {
  return page.evaluate(async ({ n, today }) => {
    const { textFunctions } = await import('./app/shared/engine.js');
    const { JournalStore } = await import('./app/storage/journal-store.js');
    const engine = await textFunctions();
    const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const db = await request(indexedDB.open('twitchcheck'));
      const t0 = performance.now();
      let tx = db.transaction(['episodes', 'days', 'meta']);
      await Promise.all([request(tx.objectStore('episodes').getAll()), request(tx.objectStore('days').getAll())]);
      const t1 = performance.now();
      tx = db.transaction(['episodes', 'days', 'meta']);
      const [journal, snapshot] = await Promise.all([request(tx.objectStore('meta').get('journal')), request(tx.objectStore('meta').get('snapshot'))]);
      const fresh = snapshot.changes === journal.changes;
      const [tail] = await Promise.all([request(tx.objectStore('episodes').getAll(IDBKeyRange.lowerBound(snapshot.episodes, true))),
        request(tx.objectStore('days').getAll(IDBKeyRange.lowerBound(snapshot.days, true)))]);
      db.close();
      const t2 = performance.now();
      const episodes = JSON.parse(snapshot.episodesText);
      const t3 = performance.now();
      const text = `{"schema":"twitchcheck.journal/1","episodes":${snapshot.episodesText},"days":${snapshot.daysText},"plan":${JSON.stringify(journal.plan)}}`;
      const session = engine.newSession();
      const loaded = JSON.parse(session.load(text)).ok;
      const t4 = performance.now();
      const total = JSON.parse(session.analyze(today)).episodes_total;
      const t5 = performance.now();
      session.report(today, 'json');
      const t6 = performance.now();
      session.delete();
      const store = await new JournalStore({ engine }).open();
      const count = store.episodeCount;
      store.close();
      const t7 = performance.now();
      runs.push({ ok: fresh && tail.length === 0 && loaded && total === n && count === n && episodes.length === n,
        all: t1 - t0, snapshot: t2 - t1, parse: t3 - t2, load: t4 - t3, analyze: t5 - t4, report: t6 - t5, storeOpen: t7 - t6 });
    }
    return runs;
  }, { n, today: TODAY });
}

for (const n of [20000, 200000]) {
  test(`bench: opening ${n} episodes, and the analysis from the resident journal`, async ({ page }) => {
    const text = await journalText(n);
    if (n <= 20000) {
      await seedLocalStorage(page, text);
      await openLog(page);
    } else {
      await importThroughReport(page, text, n);
    }
    await page.waitForTimeout(3000); // the snapshot is written when the page is idle
    const runs = await openPhases(page, n);
    expect(runs.every((r) => r.ok)).toBe(true);
    const mid = (key) => median(runs.map((r) => r[key]));
    console.log(`bench ${n} episodes, 1100 days, ${(text.length / 1024 / 1024).toFixed(2)} MB of JSON text (medians of 5):`);
    console.log(`  read every episode and day record (getAll; opening does not): ${fmt(mid('all'))}`);
    console.log(`  read the snapshot and the records after it: ${fmt(mid('snapshot'))}`);
    console.log(`  JSON.parse of the snapshot's episodes (the records in memory): ${fmt(mid('parse'))}`);
    console.log(`  load into the resident journal: ${fmt(mid('load'))}`);
    // bench_report (tests/bench/report) reads the 20k lines "storeOpen:" and "analyze:",
    // here or from build/bench-browser.log (ctest's own log is written only at its end).
    console.log(`  ${n === 20000 ? 'storeOpen' : 'store open'}: ${fmt(mid('storeOpen'))} (the store's whole open())`);
    console.log(`  ${n === 20000 ? 'analyze' : 'analysis from the resident journal'}: ${fmt(mid('analyze'))}`);
    if (n === 20000) {
      fs.writeFileSync(path.join(buildDir, 'bench-browser.log'),
        `storeOpen: ${fmt(mid('storeOpen'))}\nanalyze: ${fmt(mid('analyze'))}\n`);
    }
    console.log(`  report JSON from the resident journal: ${fmt(mid('report'))}`);
  });
}

test('bench: first-visit bytes (gzip) and a cold load until the first screen and the log can be used', async ({ browser, baseURL }) => {
  // What the service worker precaches on a first visit is every file of the app.
  const files = fs.readFileSync(path.join(siteDir, 'precache.js'), 'utf8').match(/"\.\/[^"]*"/g).map((f) => f.slice(3, -1));
  let raw = 0;
  let gzip = 0;
  const unique = new Set([...files.map((x) => x || 'index.html'), 'sw.js', 'precache.js']);
  for (const f of unique) {
    const body = fs.readFileSync(path.join(siteDir, f));
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  console.log(`bench first visit: ${unique.size} files, ${(raw / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(0)} KB gzip -9 (everything, cached for offline)`);

  for (const [label, hash, heading] of [['checker', '/check', 'Check your muscle twitches'], ['log', '/log', 'Log a twitch']]) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${baseURL}/#${hash}`);
    const ready = await page.waitForFunction((name) => {
      const h1 = [...document.querySelectorAll('h1')].find((h) => h.textContent === name);
      return h1 && performance.now();
    }, heading, { polling: 'raf' });
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    console.log(`bench cold load of #${hash}: DOMContentLoaded ${nav.dcl.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms, ${label} usable at ${(await ready.jsonValue()).toFixed(0)} ms`);
    await context.close();
  }
});
