// Moving a journal from the localStorage layout of earlier versions (layout 1) into
// IndexedDB on the first open after the update (docs/storage.md): every record comes
// over, the old text stays until a newer backup, and a tab of the earlier version still
// open cannot write over the moved journal.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./fixtures.js');
const { example, seed, stored, storedMeta, open, downloadText } = require('./journal-helpers.js');
const { journalText } = require('./bench-tap.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const meta = { createdAt: '2026-11-01T10:00:00.000Z', lastBackup: '2026-11-18T10:00:00.000Z', persistAsked: true, persisted: true };
const aside = '{"schema": "twitchcheck.journal/1", "episodes": [ {"id": "a", "at": "oops';

const localKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('twitchcheck.')).sort());
const pointer = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('twitchcheck.pointer')));

async function logLeftCalf(page, time = '08:15') {
  await page.locator('.tc-fig-part[data-region="calf"][data-side="left"]').first().click();
  await page.getByRole('button', { name: 'Save twitch' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved: Left calf or lower leg at ${time}.` })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
});

test('a worked journal moves into the database with every episode, day, check, the plan, the metadata and the text kept aside', async ({ page }) => {
  const { journal } = example('05-falling-with-plan');
  expect([journal.episodes.length, journal.days.length, journal.assessments.length, journal.plan]).toEqual([11, 13, 1, { started: '2026-11-09' }]);
  await page.goto('./');
  await seed(page, journal, meta);
  await page.evaluate((text) => localStorage.setItem('twitchcheck.aside.1700000000000.journal', text), aside);
  await open(page, '/log', 'Log a twitch');

  expect(await stored(page)).toEqual(journal);
  expect(await storedMeta(page)).toEqual(meta);
  // The old copy is marked as moved and kept as it was.
  expect(await pointer(page)).toEqual({ layout: 2, rev: 2, key: 'twitchcheck.moved', deleted: [], moved: { to: 'indexedDB', from: 'twitchcheck.doc.1.seed' } });
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('twitchcheck.doc.1.seed')))).toEqual(journal);

  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByText('Your journal is kept in this browser’s own database for this site (IndexedDB).')).toBeVisible();
  await expect(page.getByText('Last backup: Wednesday, November 18.')).toBeVisible();
  await expect(page.getByText('The browser was asked to keep this data even when space runs low: it agreed.')).toBeVisible();
  const kept = await downloadText(page, () => page.getByRole('button', { name: 'Download kept text 1' }).click());
  expect(kept.text).toBe(aside);
  const old = await downloadText(page, () => page.getByRole('button', { name: 'Download the old copy' }).click());
  expect(JSON.parse(old.text)).toEqual(journal);

  // The screens read the moved journal.
  await open(page, '/plan', 'Your self-care plan');
  await expect(page.locator('.tc-summary')).toHaveText('You started on Monday, November 9. This is week 2.');
  await open(page, '/report', 'Report and backup');
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup (JSON)' }).first().click());
  expect(JSON.parse(backup.text)).toEqual(journal);
});

test('a 20,000-episode journal moves with every record, in its order', async ({ page }) => {
  test.setTimeout(300_000);
  const journal = JSON.parse(await journalText(20000));
  journal.assessments = [{ at: '2026-11-02T09:00:00+01:00', input: { schema: 'twitchcheck.assessment/1', duration_days: 30 }, level: 'monitor', rules_version: 'x' }];
  await page.goto('./');
  await seed(page, journal, meta);
  await open(page, '/log', 'Log a twitch');
  const doc = await stored(page);
  expect(doc.episodes).toHaveLength(20000);
  expect(doc.days).toHaveLength(1100);
  expect(doc).toEqual(journal);
  expect(await storedMeta(page)).toEqual(meta);
  expect((await pointer(page)).layout).toBe(2);
  await logLeftCalf(page);
  expect((await stored(page)).episodes).toHaveLength(20001);
});

test('the old text is kept until a newer backup, and can be removed on the Privacy page', async ({ page }) => {
  const { journal } = example('05-falling-with-plan');
  await page.goto('./');
  await seed(page, journal, meta);
  await page.evaluate((text) => localStorage.setItem('twitchcheck.aside.1700000000000.journal', text), aside);
  await open(page, '/log', 'Log a twitch');
  await logLeftCalf(page);
  expect(await localKeys(page)).toEqual(['twitchcheck.aside.1700000000000.journal', 'twitchcheck.doc.1.seed', 'twitchcheck.meta', 'twitchcheck.pointer']);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
  await open(page, '/settings', 'Privacy and storage');
  await expect(page.getByRole('heading', { name: 'Your journal from before the update' })).toBeVisible();
  await page.getByRole('button', { name: 'Download a backup (JSON)' }).click();
  await expect(page.getByRole('heading', { name: 'Your journal from before the update' })).toHaveCount(0);
  expect(await localKeys(page)).toEqual(['twitchcheck.pointer']);
  // The backup has the twitch logged after the move; the database still has everything.
  expect((await stored(page)).episodes).toHaveLength(journal.episodes.length + 1);
  await expect(page.getByText('Kept text 1 (1 KB)')).toBeVisible();

  // Removed by hand instead: seed again and use the Privacy page's button.
  await page.goto('./');
  await seed(page, journal, meta);
  await open(page, '/settings', 'Privacy and storage');
  await page.getByRole('button', { name: 'Remove the old copy' }).click();
  await expect(page.getByRole('heading', { name: 'Your journal from before the update' })).toHaveCount(0);
  expect(await localKeys(page)).toEqual(['twitchcheck.pointer']);
  expect(await stored(page)).toEqual(journal);
});

test('a move cut short before the old copy was marked finishes on the next open, with nothing twice', async ({ page }) => {
  const { journal } = example('05-falling-with-plan');
  await page.goto('./');
  await seed(page, journal);
  await open(page, '/log', 'Log a twitch');
  // As if the tab closed between the database's record of the move and the marker.
  await page.evaluate(() => localStorage.setItem('twitchcheck.pointer', JSON.stringify({ layout: 1, rev: 1, key: 'twitchcheck.doc.1.seed', deleted: [] })));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
  expect((await pointer(page)).layout).toBe(2);
  expect(await stored(page)).toEqual(journal);
});

test.describe('a tab of the earlier version', () => {
  // The earlier version's store.js, served beside the app as it was released.
  const oldStore = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'store-layout1.js'), 'utf8');
  test.use({ serviceWorkers: 'block' });

  async function openOldTab(context) {
    const old = await context.newPage();
    await old.route('**/old/store.js', (route) => route.fulfill({ body: oldStore, contentType: 'text/javascript' }));
    await old.goto('./');
    await old.evaluate(async () => {
      const { textFunctions } = await import('./app/shared/engine.js');
      const { JournalStore } = await import('./old/store.js');
      const engine = await textFunctions();
      window.oldStore = new JournalStore({ validate: (text) => JSON.parse(engine.validateJournal(text)) }).open();
    });
    expect(await old.evaluate(() => window.oldStore.state)).toBe('ready');
    return old;
  }

  const olderEpisode = { id: 'old-tab-1', at: '2026-11-20T07:00:00+01:00', region: 'eyelid', side: 'left' };

  test('still open when the journal moves, it refuses to save ("saved by a newer version")', async ({ page, context }) => {
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal);
    const old = await openOldTab(context);
    await open(page, '/log', 'Log a twitch');
    await expect.poll(() => old.evaluate(() => window.oldStore.state)).toBe('newer');
    expect(await old.evaluate((e) => window.oldStore.addEpisode(e), olderEpisode)).toEqual({ ok: false, reason: 'newer' });
    expect(await stored(page)).toEqual(journal);
    expect((await pointer(page)).layout).toBe(2);
  });

  test('one that missed the move cannot write over it: its later twitch joins the moved journal and its text is kept aside', async ({ page, context }) => {
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal);
    const old = await openOldTab(context);
    // A frozen tab: it does not hear about the move.
    await old.evaluate(() => window.oldStore.close());
    await open(page, '/log', 'Log a twitch');
    await logLeftCalf(page);
    // Its next save, as its code does it: merge with the newest copy it can read, write
    // a new copy and switch the pointer back to layout 1.
    expect(await old.evaluate((e) => window.oldStore.addEpisode(e), olderEpisode)).toEqual({ ok: true });
    // (localStorage reaches the other tab's process a moment later)
    await expect.poll(async () => (await pointer(page)).layout).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    const doc = await stored(page);
    expect(doc.episodes.map((e) => e.id)).toEqual([...journal.episodes.map((e) => e.id), doc.episodes[11].id, 'old-tab-1']);
    expect(doc.episodes[11]).toMatchObject({ at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left' });
    expect(doc.days).toEqual(journal.days);
    expect((await pointer(page)).layout).toBe(2);
    await open(page, '/settings', 'Privacy and storage');
    const kept = await downloadText(page, () => page.getByRole('button', { name: 'Download kept text 1' }).click());
    expect(JSON.parse(kept.text).episodes.map((e) => e.id)).toEqual([...journal.episodes.map((e) => e.id), 'old-tab-1']);
    // And it keeps refusing once it reads the marker again.
    await old.reload();
    const again = await openOldTabState(old);
    expect(again).toBe('newer');
  });

  async function openOldTabState(old) {
    await old.route('**/old/store.js', (route) => route.fulfill({ body: oldStore, contentType: 'text/javascript' }));
    return old.evaluate(async () => {
      const { textFunctions } = await import('./app/shared/engine.js');
      const { JournalStore } = await import('./old/store.js');
      const engine = await textFunctions();
      return new JournalStore({ validate: (text) => JSON.parse(engine.validateJournal(text)) }).open().state;
    });
  }
});
