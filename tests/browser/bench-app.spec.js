// Measurements, not timed assertions: they print numbers for docs/storage.md (how many
// episodes fit in localStorage, how long a 20,000-episode journal takes to load, how many
// bytes a first visit downloads, how soon a cold load is usable). Each still checks that
// what it measured is right (the counts shown), so a broken app fails here too.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { test, expect } = require('./fixtures.js');
const { seed, stored } = require('./journal-helpers.js');

const siteDir = path.resolve(__dirname, '../..', process.env.TWITCHCHECK_SITE_DIR ?? 'build/site');
const regions = ['eyelid', 'face', 'tongue', 'shoulder', 'upper_arm', 'forearm', 'hand', 'neck', 'chest', 'back', 'abdomen', 'thigh', 'calf', 'foot'];
const sides = ['left', 'right', 'both', 'midline'];
const triggers = ['caffeine', 'stress', 'fatigue', 'dehydration', 'intense_exercise', 'poor_sleep'];

// A deterministic journal shaped like a real one: most entries have an intensity, half a
// duration, some triggers, one in ten a short note; `days` check-ins with every field.
function journal(episodes, days = Math.min(1100, Math.ceil(episodes / 18))) {
  let seedValue = 42;
  const random = () => ((seedValue = (seedValue * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const start = Date.UTC(2023, 0, 1);
  const two = (n) => String(n).padStart(2, '0');
  const dateOf = (t) => { const d = new Date(t); return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`; };
  const span = Math.max(days, 1) * 86400000;
  const list = [];
  for (let i = 0; i < episodes; i++) {
    const t = start + Math.floor((i / episodes) * span) + Math.floor(random() * 3600000);
    const d = new Date(t);
    const e = {
      id: `e${t.toString(36)}${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`,
      at: `${dateOf(t)}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}+01:00`,
      region: pick(regions), side: pick(sides),
    };
    if (random() < 0.5) e.duration_s = 1 + Math.floor(random() * 120);
    if (random() < 0.8) e.intensity = 1 + Math.floor(random() * 5);
    if (random() < 0.4) e.triggers = [pick(triggers)];
    if (random() < 0.1) e.note = 'After a long day at the screen and two coffees.';
    list.push(e);
  }
  const dayList = [];
  for (let i = 0; i < days; i++) {
    dayList.push({ date: dateOf(start + i * 86400000), caffeine_mg: Math.floor(random() * 400), water_ml: 500 + Math.floor(random() * 2500),
      sleep_h: 5 + Math.floor(random() * 8) / 2, stress: Math.floor(random() * 11), exercise: pick(['none', 'moderate', 'intense']),
      relaxation_min: Math.floor(random() * 30) });
  }
  return { schema: 'twitchcheck.journal/1', episodes: list, days: dayList, plan: {} };
}

test.describe.configure({ mode: 'serial' });
test.use({ timezoneId: 'UTC', locale: 'en-US' });
test.setTimeout(240_000);

test('bench: a 20,000-episode journal loads, validates and analyses in the browser', async ({ page }) => {
  const doc = journal(20000, 1100);
  const text = JSON.stringify(doc);
  await page.goto('./');
  await seed(page, text);
  await page.goto('./#/insights');
  const shownAt = await page.waitForFunction(() => document.querySelector('.tc-summary') && performance.now(), null, { polling: 'raf' });
  await expect(page.locator('.tc-summary')).toContainText('You logged 20,000 twitches');
  const phases = await page.evaluate(async () => {
    const { textFunctions } = await import('./app/engine.js');
    const { JournalStore } = await import('./app/store.js');
    const engine = await textFunctions();
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const pointer = JSON.parse(localStorage.getItem('twitchcheck.pointer'));
      const raw = localStorage.getItem(pointer.key);
      const t1 = performance.now();
      const ok = JSON.parse(engine.validateJournal(raw)).ok;
      const t2 = performance.now();
      JSON.parse(raw);
      const t3 = performance.now();
      engine.analyze(raw, '2026-01-05');
      const t4 = performance.now();
      const store = new JournalStore({ validate: (t) => JSON.parse(engine.validateJournal(t)) }).open();
      store.close();
      const t5 = performance.now();
      runs.push({ ok, read: t1 - t0, validate: t2 - t1, parse: t3 - t2, analyze: t4 - t3, storeOpen: t5 - t4 });
    }
    return runs;
  });
  const median = (key) => phases.map((r) => r[key]).sort((a, b) => a - b)[2];
  expect(phases.every((r) => r.ok)).toBe(true);
  console.log(`bench 20000 episodes, ${doc.days.length} days, ${(text.length / 1024 / 1024).toFixed(2)} MB of JSON text:`);
  console.log(`  page load to patterns shown: ${Math.round(await shownAt.jsonValue())} ms (engine compiled in this page, from the HTTP cache)`);
  for (const key of ['read', 'validate', 'parse', 'analyze', 'storeOpen']) console.log(`  ${key}: ${median(key).toFixed(1)} ms (median of 5)`);
});

test('bench: how many episodes fit in localStorage, with room for the atomic write', async ({ page }) => {
  await page.goto('./');
  // The browser's limit: the longest single value this origin can hold.
  const limitChars = await page.evaluate(() => {
    localStorage.clear();
    let lo = 0;
    let hi = 64 * 1024 * 1024;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try { localStorage.setItem('probe', 'x'.repeat(mid)); lo = mid; } catch { hi = mid - 1; }
      localStorage.removeItem('probe');
    }
    return lo;
  });
  const perEpisode = JSON.stringify(journal(10000, 0).episodes).length / 10000;
  // The largest journal to which one more twitch can still be saved through the app
  // (the new copy is written before the old one is removed: two copies at that moment).
  const fits = async (n) => {
    await page.clock.setFixedTime(new Date('2026-01-05T12:00:00Z'));
    await page.goto('./');
    await seed(page, journal(n, 0));
    await page.goto('./#/log');
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await page.getByLabel('Body part').selectOption('neck');
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: Neck at 12:00.' }).waitFor();
    const full = await page.getByRole('heading', { name: 'There is no room left to save' }).count();
    if (!full) expect((await stored(page)).episodes).toHaveLength(n + 1);
    return full === 0;
  };
  let lo = 1000;
  let hi = Math.ceil(limitChars / perEpisode);
  while (hi - lo > 500) {
    const mid = Math.round((lo + hi) / 2);
    if (await fits(mid)) lo = mid; else hi = mid;
  }
  console.log(`bench localStorage: the longest value is ${limitChars} characters (${(limitChars * 2 / 1024 / 1024).toFixed(2)} MiB as UTF-16)`);
  console.log(`  an episode takes ${perEpisode.toFixed(1)} characters of JSON on average`);
  console.log(`  episodes that still take one more save through the app: about ${lo} (between ${lo} and ${hi})`);
  expect(lo).toBeGreaterThan(1000);
});

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
