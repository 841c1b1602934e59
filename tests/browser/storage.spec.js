// Storage failures, handled in front of the person with nothing lost, and two tabs that
// write at the same time.
const { test, expect } = require('./fixtures.js');
const { seed, stored, open, downloadText } = require('./journal-helpers.js');

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

test('storage the browser blocks: the app says so, keeps entries on screen and in a backup', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page, '/log', 'Log a twitch');
  await expect(page.getByRole('heading', { name: 'Your browser is not letting this app save' })).toBeVisible();
  await logLeftCalf(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15. Not saved yet.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem')).toContainText('08:15 · Left calf or lower leg');
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup' }).click());
  const doc = JSON.parse(backup.text);
  expect(doc.episodes.map(({ id, ...e }) => e)).toEqual([{ at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left' }]);
  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByText('This browser is not letting the app save, so nothing is stored.')).toBeVisible();
});

test('a full storage: the change stays on screen, the saved copy is intact, "Try again" saves once there is room', async ({ page }) => {
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
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15. Not saved yet.' })).toBeVisible();
  expect(await stored(page)).toEqual(journalWith(one));
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup' }).click());
  expect(JSON.parse(backup.text).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'There is no room left to save' })).toHaveCount(0);
  expect((await stored(page)).episodes.map((e) => e.region)).toEqual(['eyelid', 'calf']);
});

test('a write torn before the switch leaves the previous copy in force and no stray copy', async ({ page }) => {
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
  expect(await stored(page)).toEqual(journalWith(one));
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
    expect((await stored(a)).episodes).toHaveLength(10);
    await a.reload();
    await a.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await expect(a.getByRole('region', { name: 'Today' }).getByRole('listitem')).toHaveCount(10);
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
