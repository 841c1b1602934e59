// Scale (issue 12): a 200,000-episode journal (about 30 MB of JSON, 1,100 day check-ins)
// is imported through the Report page, logged to, opened again, analysed, exported as
// JSON and CSV, and reported on, in the browser.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect } = require('./fixtures.js');
const { open, downloadText } = require('./journal-helpers.js');
const { TODAY, journalText } = require('./bench-tap.js');

test.use({ timezoneId: 'UTC', locale: 'en-US' });

test('a 200,000-episode journal is imported, logged to, reopened, analysed, exported as JSON and CSV, and reported on', async ({ page }) => {
  test.setTimeout(900_000);
  const slow = { timeout: 300_000 };
  const text = await journalText(200000);
  expect(text.length).toBeGreaterThan(25 * 1024 * 1024);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twitchcheck-scale-')), 'backup.json');
  fs.writeFileSync(file, text);
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));

  await open(page, '/report', 'Report and backup');
  await page.getByLabel('Choose a backup file').setInputFiles(file);
  await expect(page.getByText('This backup has 200,000 twitches and 1,100 day check-ins. It will replace your journal, which has no twitches now.')).toBeVisible(slow);
  await page.getByRole('button', { name: 'Replace my journal with this backup' }).click();
  await expect(page.getByText('Done. Your journal now has 200,000 twitches.')).toBeVisible(slow);

  await open(page, '/log', 'Log a twitch');
  await page.getByLabel('Body part').selectOption('neck');
  await page.getByRole('button', { name: 'Save twitch' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Neck at 12:00.' })).toBeVisible(slow);

  // Opened again from the database.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor(slow);
  await expect(page.getByRole('region', { name: 'Earlier' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('listitem').filter({ hasText: '12:00 · Neck' })).toHaveCount(1);

  await open(page, '/insights', 'Your patterns');
  await expect(page.locator('.tc-summary')).toHaveText(/^You logged 200,001 twitches on 1,100 days, from /, slow);

  await open(page, '/report', 'Report and backup');
  await expect(page.getByRole('article', { name: 'Muscle twitch report' })).toContainText('200,001 twitches on 1,100 different days', slow);
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup (JSON)' }).first().click());
  const doc = JSON.parse(backup.text);
  expect(doc.episodes).toHaveLength(200001);
  expect(doc.episodes.slice(0, 200000)).toEqual(JSON.parse(text).episodes);
  expect(doc.episodes[200000]).toMatchObject({ at: `${TODAY}T12:00:00+00:00`, region: 'neck', side: 'midline' });
  expect(doc.days).toHaveLength(1100);
  const csv = await downloadText(page, () => page.getByRole('button', { name: 'Download a spreadsheet (CSV)' }).click());
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,at,date,region,side,duration_s,intensity,triggers,note');
  expect(lines).toHaveLength(200002);
});
