// Storage failures, handled in front of the person with nothing lost, and two tabs that
// write at the same time.
const { test, expect } = require('./fixtures.js');
const { seed, stored, storedMeta, storedInLocalStorage, open, downloadText } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const one = { id: 'seed-1', at: '2026-11-19T10:00:00+01:00', region: 'eyelid', side: 'right' };
const journalWith = (...episodes) => ({ schema: 'twitchcheck.journal/1', episodes, days: [] });

async function logLeftCalf(page) {
  await page.locator('.tc-fig-part[data-region="calf"][data-side="left"]').first().click();
  await page.getByRole('button', { name: 'Save twitch' }).click();
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
});

// Where IndexedDB cannot be opened (some private modes): `indexedDB` throws.
const blockDatabase = () => {
  Object.defineProperty(window, 'indexedDB', {
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
};

// Wraps the database's writes: with sessionStorage 'fault' set to 'quota' a write throws
// QuotaExceededError; set to 'abort', the transaction is aborted.
const faultyDatabase = () => {
  for (const name of ['put', 'add', 'delete']) {
    const original = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function (...args) {
      const fault = sessionStorage.getItem('fault');
      if (fault === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const request = original.apply(this, args);
      if (fault === 'abort') this.transaction.abort();
      return request;
    };
  }
};

test('storage the browser blocks altogether: the app says so, keeps entries on screen and in a backup', async ({ page }) => {
  await page.addInitScript(blockDatabase);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page, '/log', 'Log a twitch');
  await expect(page.getByRole('heading', { name: 'Your browser is not letting this app save' })).toBeVisible();
  await logLeftCalf(page);
  await expect(page.locator('.tc-log-screen > .tc-status')).toHaveText('Not saved yet: Left calf or lower leg at 08:15. It stays here on the screen.');
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toContainText('08:15 · Left calf or lower leg');
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup' }).click());
  const doc = JSON.parse(backup.text);
  expect(doc.episodes.map(({ id, ...e }) => e)).toEqual([{ at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left' }]);
  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByText('This browser is not letting the app save, so nothing is stored.')).toBeVisible();
});

test('without IndexedDB the journal lives in localStorage as before, and the Privacy page says so', async ({ page }) => {
  await page.addInitScript(blockDatabase);
  await page.goto('./');
  await seed(page, journalWith(one));
  await open(page, '/log', 'Log a twitch');
  await logLeftCalf(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
  expect((await storedInLocalStorage(page)).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toContainText('08:15 · Left calf or lower leg');
  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByText('Your journal is kept in this browser’s “local storage” for this site.', { exact: false })).toBeVisible();
  await expect(page.getByText(/^This app uses \d+ KB of about 10 MB that browsers usually allow \(\d+%\)\.$/)).toBeVisible();
});

test('a full database: the entry stays on screen with "Try again", nothing stored is lost, "Try again" saves it', async ({ page }) => {
  await page.addInitScript(faultyDatabase);
  await page.goto('./');
  await seed(page, journalWith(one));
  await open(page, '/log', 'Log a twitch');
  await page.evaluate(() => sessionStorage.setItem('fault', 'quota'));
  await logLeftCalf(page);
  await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toBeVisible();
  // One sentence: never "Saved" and "Not saved yet" together.
  await expect(page.locator('.tc-log-screen > .tc-status')).toHaveText('Not saved yet: Left calf or lower leg at 08:15. It stays here on the screen.');
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toContainText('08:15 · Left calf or lower leg');
  expect(await stored(page)).toEqual(journalWith(one));
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup' }).first().click());
  expect(JSON.parse(backup.text).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);

  await page.evaluate(() => sessionStorage.removeItem('fault'));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toHaveCount(0);
  expect((await stored(page)).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);
});

test('an aborted transaction loses nothing stored; the next change stores both in order', async ({ page }) => {
  await page.addInitScript(faultyDatabase);
  await page.goto('./');
  await seed(page, journalWith(one));
  await open(page, '/log', 'Log a twitch');
  await page.evaluate(() => sessionStorage.setItem('fault', 'abort'));
  await logLeftCalf(page);
  await expect(page.getByRole('heading', { name: 'Your last change could not be saved' })).toBeVisible();
  await expect(page.locator('.tc-log-screen > .tc-status')).toHaveText('Not saved yet: Left calf or lower leg at 08:15. It stays here on the screen.');
  expect(await stored(page)).toEqual(journalWith(one));
  await page.evaluate(() => sessionStorage.removeItem('fault'));
  await page.getByLabel('Body part').selectOption('neck');
  await page.getByRole('button', { name: 'Save twitch' }).click();
  await expect(page.locator('.tc-log-screen > .tc-status')).toHaveText('Saved: Neck at 08:15. Undo');
  await expect(page.getByRole('heading', { name: 'Your last change could not be saved' })).toHaveCount(0);
  expect((await stored(page)).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf', 'neck']);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toHaveCount(2);
});

test('an aborted transaction, then a reload: the stored journal is as it was', async ({ page }) => {
  await page.addInitScript(faultyDatabase);
  await page.goto('./');
  await seed(page, journalWith(one));
  await open(page, '/log', 'Log a twitch');
  await page.evaluate(() => sessionStorage.setItem('fault', 'abort'));
  await logLeftCalf(page);
  await expect(page.getByRole('heading', { name: 'Your last change could not be saved' })).toBeVisible();
  await page.evaluate(() => sessionStorage.removeItem('fault'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
  await expect(page.getByRole('region', { name: 'Earlier' }).getByRole('listitem')).toHaveCount(1);
  expect(await stored(page)).toEqual(journalWith(one));
});

test('taps are kept after a reload, in the order they were made', async ({ page }) => {
  await open(page, '/log', 'Log a twitch');
  for (const region of ['neck', 'tongue', 'chest', 'back', 'abdomen']) {
    await page.getByLabel('Body part').selectOption(region);
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toBeVisible();
  }
  await expect.poll(async () => (await stored(page))?.episodes.map((e) => e.region)).toEqual(['neck', 'tongue', 'chest', 'back', 'abdomen']);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toHaveCount(5);
});

test('a full localStorage (without IndexedDB): the change stays on screen, the saved copy is intact, "Try again" saves it', async ({ page }) => {
  await page.addInitScript(blockDatabase);
  await page.goto('./');
  await seed(page, journalWith(one));
  await open(page, '/log', 'Log a twitch');
  const filled = await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${n}`, chunk); n += 1; } catch { break; }
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  await logLeftCalf(page);
  await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toBeVisible();
  await expect(page.locator('.tc-log-screen > .tc-status')).toHaveText('Not saved yet: Left calf or lower leg at 08:15. It stays here on the screen.');
  expect(await storedInLocalStorage(page)).toEqual(journalWith(one));
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup' }).first().click());
  expect(JSON.parse(backup.text).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toHaveCount(0);
  expect((await storedInLocalStorage(page)).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);
});

// The snapshot that opening reads (docs/storage.md), as the database holds it.
const snapshotState = (page) => page.evaluate(async () => {
  const db = await new Promise((resolve) => { const r = indexedDB.open('twitchcheck'); r.onsuccess = () => resolve(r.result); });
  const get = (k) => new Promise((resolve) => { const r = db.transaction('meta').objectStore('meta').get(k); r.onsuccess = () => resolve(r.result); });
  const [journal, snapshot] = [await get('journal'), await get('snapshot')];
  db.close();
  return { fresh: !!snapshot && snapshot.changes === journal.changes, episodes: snapshot ? JSON.parse(snapshot.episodesText).length : 0 };
});

test('opening gives the stored journal with the snapshot fresh, stale after a change, and written again', async ({ page }) => {
  const two = { id: 'seed-2', at: '2026-11-19T11:00:00+01:00', region: 'calf', side: 'left' };
  const three = { id: 'seed-3', at: '2026-11-19T12:00:00+01:00', region: 'neck', side: 'midline' };
  await page.goto('./');
  await seed(page, journalWith(one, two, three));
  await open(page, '/log', 'Log a twitch');
  expect(await snapshotState(page)).toEqual({ fresh: true, episodes: 3 }); // written by the move
  const backupEquals = async () => {
    await open(page, '/report', 'Report and backup');
    const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup (JSON)' }).click());
    expect(JSON.parse(backup.text)).toEqual(await stored(page));
    return JSON.parse(backup.text);
  };
  // Two taps: the snapshot stays fresh, the new records are read after it.
  await logLeftCalf(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toBeVisible();
  await logLeftCalf(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toBeVisible();
  expect((await snapshotState(page)).fresh).toBe(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
  expect((await backupEquals()).episodes).toHaveLength(5);
  // A change and a deletion: stale until the page has been idle for a moment.
  await open(page, '/log', 'Log a twitch');
  await page.getByRole('button', { name: 'Delete the twitch at 12:00, Neck' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted: Neck at 12:00.' })).toBeVisible();
  await page.getByRole('button', { name: 'Change the twitch at 10:00, Right eyelid' }).click();
  await page.getByRole('radio', { name: 'Left', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changed: Left eyelid at 10:00.' })).toBeVisible();
  expect((await snapshotState(page)).fresh).toBe(false);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
  const changed = await backupEquals();
  expect(changed.episodes.map((e) => `${e.id} ${e.side}`).slice(0, 2)).toEqual(['seed-1 left', 'seed-2 left']);
  expect(changed.episodes).toHaveLength(4);
  await expect.poll(() => snapshotState(page), { timeout: 15_000 }).toEqual({ fresh: true, episodes: 4 });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Report and backup' }).waitFor();
  expect(await backupEquals()).toEqual(changed);
});

test('a write torn before the switch (localStorage, without IndexedDB) leaves the previous copy in force and no stray copy', async ({ page }) => {
  await page.addInitScript(blockDatabase);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'twitchcheck.pointer' && sessionStorage.getItem('tear') === 'yes') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await page.goto('./');
  await seed(page, journalWith(one));
  await open(page, '/log', 'Log a twitch');
  await page.evaluate(() => sessionStorage.setItem('tear', 'yes'));
  await logLeftCalf(page);
  await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toBeVisible();
  await page.evaluate(() => sessionStorage.removeItem('tear'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
  await expect(page.getByRole('region', { name: 'Earlier' }).getByRole('listitem')).toHaveCount(1);
  expect(await storedInLocalStorage(page)).toEqual(journalWith(one));
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('twitchcheck.doc.')))).toEqual(['twitchcheck.doc.1.seed']);
});

test('unreadable text is kept aside, offered as a download, and replaced only when the person asks', async ({ page }) => {
  const garbage = '{"schema": "twitchcheck.journal/1", "episodes": [ {"id": "a", "at": "oops';
  await page.goto('./');
  await seed(page, garbage);
  await open(page, '/log', 'Log a twitch');
  await expect(page.getByRole('heading', { name: 'Your saved journal could not be read' })).toBeVisible();
  const saved = await downloadText(page, () => page.getByRole('button', { name: 'Download the saved text' }).click());
  expect(saved.text).toBe(garbage);

  await logLeftCalf(page);
  await expect(page.locator('.tc-error')).toHaveText('Nothing can be saved until the problem at the top of the page is solved.');
  expect(await page.evaluate(() => localStorage.getItem('twitchcheck.doc.1.seed'))).toBe(garbage);

  // By keyboard: the second, explicit button takes the focus.
  await page.getByRole('button', { name: 'Start a new journal' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, start a new journal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your saved journal could not be read' })).toHaveCount(0);
  // The place chosen before is still chosen: nothing typed was lost.
  await page.getByRole('button', { name: 'Save twitch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
  expect((await stored(page)).episodes).toHaveLength(1);

  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByText('Kept text 1 (1 KB)')).toBeVisible();
  const kept = await downloadText(page, () => page.getByRole('button', { name: 'Download kept text 1' }).click());
  expect(kept.text).toBe(garbage);
});

test('a journal from a newer version is refused and left exactly as it was', async ({ page }) => {
  const newer = JSON.stringify({ schema: 'twitchcheck.journal/2', episodes: [], days: [], moods: [] });
  await page.goto('./');
  await seed(page, newer);
  await open(page, '/log', 'Log a twitch');
  await expect(page.getByRole('heading', { name: 'Your journal was saved by a newer version of this app' })).toBeVisible();
  await logLeftCalf(page);
  await expect(page.locator('.tc-error')).toHaveText('Nothing can be saved until the problem at the top of the page is solved.');
  await open(page, '/day', 'Day check-in');
  await page.getByLabel('Stress (0 to 10)').fill('3');
  await page.getByRole('button', { name: 'Save this day' }).click();
  // (The day's fields have messages of their own, hidden here: only the form's is shown.)
  await expect(page.locator('.tc-error:not([hidden])')).toHaveText('Nothing can be saved until the problem at the top of the page is solved.');
  expect(await page.evaluate(() => localStorage.getItem('twitchcheck.doc.1.seed'))).toBe(newer);
});

test('persistent storage is asked for once, after the first entry', async ({ page }) => {
  await page.addInitScript(() => {
    window.persistCalls = 0;
    navigator.storage.persist = () => { window.persistCalls += 1; return Promise.resolve(true); };
  });
  await open(page, '/log', 'Log a twitch');
  expect(await page.evaluate(() => window.persistCalls)).toBe(0);
  await logLeftCalf(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
  await logLeftCalf(page);
  expect(await page.evaluate(() => window.persistCalls)).toBe(1);
  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByText('The browser was asked to keep this data even when space runs low: it agreed.')).toBeVisible();
});

test.describe('two tabs', () => {
  test('entries added in two tabs at the same time are all kept, and each tab shows them', async ({ context }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const p of [a, b]) {
      await p.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
      await open(p, '/log', 'Log a twitch');
    }
    for (let round = 0; round < 5; round++) {
      await Promise.all([logLeftCalf(a), logLeftCalf(b)]);
    }
    for (const p of [a, b]) {
      await expect(p.getByRole('region', { name: 'Today' }).getByRole('listitem')).toHaveCount(10);
    }
    const doc = await stored(a);
    expect(doc.episodes).toHaveLength(10);
    // Each tab's journal is the stored one, in the stored order (its backup shows it).
    for (const p of [a, b]) {
      await open(p, '/report', 'Report and backup');
      const backup = await downloadText(p, () => p.getByRole('button', { name: 'Download a backup (JSON)' }).click());
      expect(JSON.parse(backup.text)).toEqual(doc);
    }
    await open(a, '/log', 'Log a twitch');
    await expect(a.getByRole('region', { name: 'Today' }).getByRole('listitem')).toHaveCount(10);
  });

  test('a day check-in and a plan saved in one tab show in the other', async ({ context }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const p of [a, b]) await p.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
    await open(a, '/day', 'Day check-in');
    await open(b, '/plan', 'Your self-care plan');
    await a.getByLabel('Stress (0 to 10)').fill('8');
    await a.getByRole('button', { name: 'Save this day' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    await b.getByRole('button', { name: 'Start the plan today' }).click();
    await expect(b.locator('.tc-summary')).toHaveText('You started on Friday, November 20. This is week 1.');
    await open(a, '/plan', 'Your self-care plan');
    await expect(a.locator('.tc-summary')).toHaveText('You started on Friday, November 20. This is week 1.');
    await open(b, '/day', 'Day check-in');
    await expect(b.getByLabel('Stress (0 to 10)')).toHaveValue('8');
    await expect.poll(() => stored(a)).toEqual({ schema: 'twitchcheck.journal/1', episodes: [], days: [{ date: '2026-11-20', stress: 8 }], plan: { started: '2026-11-20' } });
  });

  test('a twitch deleted in one tab does not come back from the other', async ({ context }) => {
    const two = { id: 'seed-2', at: '2026-11-19T11:00:00+01:00', region: 'calf', side: 'left' };
    const [a, b] = [await context.newPage(), await context.newPage()];
    await a.goto('./');
    await seed(a, journalWith(one, two));
    for (const p of [a, b]) {
      await p.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
      await open(p, '/log', 'Log a twitch');
    }
    await a.getByRole('button', { name: 'Delete the twitch at 10:00, Right eyelid' }).click();
    await logLeftCalf(b);
    await expect(b.getByRole('region', { name: 'Earlier' }).getByRole('listitem')).toHaveCount(1);
    const ids = (await stored(a)).episodes.map((e) => e.id);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain('seed-1');
    expect(ids).toContain('seed-2');
  });
});

test.describe('versions', () => {
  test.use({ serviceWorkers: 'block' });

  test('a newer version taking the database in another tab: this tab stops saving and says why', async ({ context }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await a.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
    await open(a, '/log', 'Log a twitch');
    await b.goto('./');
    const version = await b.evaluate(() => new Promise((resolve, reject) => {
      const r = indexedDB.open('twitchcheck', 2);
      r.onsuccess = () => { resolve(r.result.version); r.result.close(); };
      r.onblocked = () => resolve('blocked');
      r.onerror = () => reject(r.error);
    }));
    expect(version).toBe(2);
    await expect(a.getByRole('heading', { name: 'This app was updated in another tab' })).toBeVisible();
    await logLeftCalf(a);
    await expect(a.locator('.tc-error')).toHaveText('Nothing can be saved until the problem at the top of the page is solved.');
    // Reloaded with this version's code, the database is a newer version's: refused.
    await a.reload();
    await expect(a.getByRole('heading', { name: 'Your journal was saved by a newer version of this app' })).toBeVisible();
    await expect(a.getByRole('button', { name: 'Download the saved text' })).toHaveCount(0);
  });

  test('an older tab holding the database up: the newer version says so, and goes on once it lets go', async ({ context }) => {
    const older = await context.newPage();
    await open(older, '/log', 'Log a twitch');
    // A frozen tab of the older version: its connection does not answer "versionchange".
    await older.evaluate(() => new Promise((resolve) => {
      const r = indexedDB.open('twitchcheck', 1);
      r.onsuccess = () => { window.held = r.result; resolve(); };
    }));
    const newer = await context.newPage();
    // The next version of the store (web/app/storage/; database.js holds the database's
    // version): the same code with that version raised.
    await newer.route('**/app/storage/database.js', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('const DB_VERSION = 1;', 'const DB_VERSION = 2;');
      await route.fulfill({ response, body });
    });
    await newer.goto('./#/log');
    await expect(newer.getByRole('heading', { name: 'This app is open in another tab with an older version' })).toBeVisible();
    await expect(older.getByRole('heading', { name: 'This app was updated in another tab' })).toBeVisible();
    await older.evaluate(() => window.held.close());
    await newer.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await expect(newer.getByRole('heading', { name: 'This app is open in another tab with an older version' })).toHaveCount(0);
    await newer.getByLabel('Body part').selectOption('neck');
    await newer.getByRole('button', { name: 'Save twitch' }).click();
    await expect(newer.getByRole('status').filter({ hasText: /^Saved: Neck at/ })).toBeVisible();
  });
});

// Issue 24: "delete everything" says so only once it is so, and backups of a journal with
// an unreadable record hold every record.
test.describe('delete everything and backups, whatever is stored', () => {
  test.use({ serviceWorkers: 'block' });

  test('delete everything with a database left at a newer version: it is deleted, read back, and only then said', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    // What a newer app version would leave: the database at version 2, with a record.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const r = indexedDB.open('twitchcheck', 2);
      r.onupgradeneeded = () => r.result.createObjectStore('moods', { autoIncrement: true }).add({ note: 'written by a newer version' });
      r.onsuccess = () => { r.result.close(); resolve(); };
      r.onerror = () => reject(r.error);
    }));
    await page.goto('about:blank');
    await open(page, '/settings', 'Privacy and storage');
    await expect(page.getByRole('heading', { name: 'Your journal was saved by a newer version of this app' })).toBeVisible();
    await page.evaluate(() => localStorage.setItem('twitchcheck-lang', 'en'));
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Everything was deleted.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your journal was saved by a newer version of this app' })).toHaveCount(0);
    const left = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`),
      stores: await new Promise((resolve) => {
        const r = indexedDB.open('twitchcheck');
        r.onsuccess = () => { resolve([...r.result.objectStoreNames]); r.result.close(); };
      }),
      local: Object.keys(localStorage),
    }));
    expect(left).toEqual({ databases: ['twitchcheck@1'], stores: ['aside', 'checks', 'days', 'episodes', 'meta'], local: [] });
    expect(await stored(page)).toBeNull();
    // And the journal works again at once: a tap is saved.
    await open(page, '/log', 'Log a twitch');
    await logLeftCalf(page);
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
    expect((await stored(page)).episodes).toHaveLength(1);
  });

  test('when the database cannot be deleted, the page does not say it was: it names what stays and how to remove it', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.deleteDatabase = function () {
        const request = { onsuccess: null, onerror: null, onblocked: null, error: new DOMException('refused', 'UnknownError') };
        setTimeout(() => request.onerror?.({ target: request }), 0);
        return request;
      };
    });
    await page.goto('./');
    await seed(page, journalWith(one)).catch(() => {}); // (seed's own delete fails here too)
    await page.evaluate(() => {
      localStorage.setItem('twitchcheck.doc.1.seed', JSON.stringify({ schema: 'twitchcheck.journal/1', episodes: [{ id: 'seed-1', at: '2026-11-19T10:00:00+01:00', region: 'eyelid', side: 'right' }], days: [] }));
      localStorage.setItem('twitchcheck.pointer', JSON.stringify({ layout: 1, rev: 1, key: 'twitchcheck.doc.1.seed', deleted: [] }));
    });
    await open(page, '/settings', 'Privacy and storage');
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Not everything could be deleted.' })).toHaveText(
      'Not everything could be deleted. Still stored: your journal (close any other tab with this app, then try again). '
      + 'To remove it, open your browser’s settings for this site (often behind the padlock next to the address) and clear its data.');
    await expect(page.getByText('Everything was deleted.')).toHaveCount(0);
    expect((await stored(page)).episodes.map((e) => e.id)).toEqual(['seed-1']);
  });

  test('delete everything without IndexedDB (the journal in localStorage): deleted, read back, and said', async ({ page }) => {
    await page.addInitScript(blockDatabase);
    await page.goto('./');
    await seed(page, journalWith(one));
    await open(page, '/settings', 'Privacy and storage');
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Everything was deleted.' })).toBeVisible();
    expect(await storedInLocalStorage(page)).toBeNull();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['twitchcheck.pointer']);
  });

  test('leaving while a twitch is "Not saved yet" asks first; once it is saved, leaving does not', async ({ page }) => {
    await page.addInitScript(faultyDatabase);
    await page.goto('./');
    await seed(page, journalWith(one));
    await open(page, '/log', 'Log a twitch');
    const leavingAsks = () => page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(await leavingAsks()).toBe(false);
    await page.evaluate(() => sessionStorage.setItem('fault', 'quota'));
    await logLeftCalf(page);
    await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toBeVisible();
    expect(await leavingAsks()).toBe(true);
    await page.evaluate(() => sessionStorage.removeItem('fault'));
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toHaveCount(0);
    expect(await leavingAsks()).toBe(false);
  });

  // The database after one open, with two episodes stored as records: one that validates
  // (with a note) and one that does not.
  async function storeUnreadable(page) {
    await open(page, '/log', 'Log a twitch');
    const good = { id: 'good-1', at: '2026-11-19T10:00:00+01:00', region: 'calf', side: 'left', note: 'left calf, after coffee' };
    const bad = { id: 'bad-1', at: '2026-11-19T11:00:00+01:00', region: 'elbow-of-doom', side: 'left' };
    await page.evaluate(([g, b]) => new Promise((resolve, reject) => {
      const r = indexedDB.open('twitchcheck');
      r.onsuccess = () => {
        const tx = r.result.transaction(['episodes', 'meta'], 'readwrite');
        tx.objectStore('episodes').add({ episode: g });
        tx.objectStore('episodes').add({ episode: b });
        tx.objectStore('meta').put({ schema: 'twitchcheck.journal/1', changes: 0 }, 'journal');
        tx.oncomplete = () => { r.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), [good, bad]);
    return { schema: 'twitchcheck.journal/1', episodes: [good, bad], days: [] };
  }

  test('a journal with an unreadable record: the notice shows when Report is the first screen, and the backup holds every record', async ({ page }) => {
    const asStored = await storeUnreadable(page);
    await page.goto('about:blank');
    await open(page, '/report', 'Report and backup');
    await expect(page.getByRole('heading', { name: 'Your saved journal could not be read' })).toBeVisible();
    await expect(page.getByText('No backup yet.')).toBeVisible();
    const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup (JSON)' }).click());
    expect(backup.name).toBe('twitchcheck-backup-2026-11-20-as-stored.json');
    expect(JSON.parse(backup.text)).toEqual(asStored);
    await expect(page.getByRole('status').filter({ hasText: 'Your backup is downloaded.' })).toContainText('(episodes[1].region: ');
    // Not counted as a backup: the reminder is not silenced, and nothing is marked.
    await expect(page.getByText('No backup yet.')).toBeVisible();
    expect((await storedMeta(page)).lastBackup).toBeUndefined();
  });

  test('a journal with an unreadable record: the encrypted backup holds every record too, and is not counted as a backup', async ({ page }) => {
    const asStored = await storeUnreadable(page);
    await page.goto('about:blank');
    await open(page, '/settings', 'Privacy and storage');
    await expect(page.getByRole('heading', { name: 'Your saved journal could not be read' })).toBeVisible();
    await page.getByRole('button', { name: 'Download an encrypted backup' }).first().click();
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Type the passphrase again').fill('correct horse battery staple');
    const sealedFile = await downloadText(page, () => page.getByRole('button', { name: 'Lock and download' }).click());
    expect(sealedFile.name).toBe('twitchcheck-backup-2026-11-20-as-stored.sealed.json');
    const plain = await page.evaluate(async ([t, p]) => (await import('./app/storage/sealed.js')).open(t, p), [sealedFile.text, 'correct horse battery staple']);
    expect(JSON.parse(plain)).toEqual(asStored);
    await expect(page.getByRole('status').filter({ hasText: 'Your backup is downloaded.' })).toBeVisible();
    expect((await storedMeta(page)).lastBackup).toBeUndefined();
  });
});
