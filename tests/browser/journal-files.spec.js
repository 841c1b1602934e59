// Files on the Report and Privacy pages (issue 23, second walk): the day check-ins as a
// second spreadsheet in date order with the plan's week, the name of the backup being opened
// while its passphrase is asked for, restore on the Privacy page, and #/privacy. At 320 and
// 412 px where it is about the screen; clock fixed (Europe/Berlin).
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { example, seed, stored, open, downloadText } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const sealIn = (page, text, pass) => page.evaluate(async ([t, p]) => (await import('./app/storage/sealed.js')).seal(t, p), [text, pass]);
const PASS = 'four words that differ';

test('the day check-ins download as a second CSV: one row per day in date order, the plan\'s week on the plan\'s days', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
  await page.goto('./');
  await seed(page, {
    schema: 'twitchcheck.journal/1',
    episodes: [{ id: 'e1', at: '2026-11-19T09:00:00+01:00', region: 'calf', side: 'left' }],
    days: [
      { date: '2026-11-19', caffeine_mg: 150, water_ml: 2200, sleep_h: 7.5, stress: 3, exercise: 'moderate', relaxation_min: 15 },
      { date: '2026-11-02', sleep_h: 6 },
      { date: '2026-11-09', caffeine_mg: 400, exercise: 'none' },
    ],
    plan: { started: '2026-11-09' },
  });
  await open(page, '/report', 'Report and backup');
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download the day check-ins (CSV)' }).click());
  expect(file.name).toBe('twitchcheck-check-ins-2026-11-20.csv');
  expect(file.text).toBe([
    'date,caffeine_mg,water_ml,sleep_h,stress,exercise,relaxation_min,plan_week',
    '"2026-11-02",,,6,,,,',
    '"2026-11-09",400,,,,"none",,1',
    '"2026-11-19",150,2200,7.5,3,"moderate",15,2',
    '',
  ].join('\r\n'));
  // The twitches' spreadsheet is the engine's, one row per twitch, as before (journal.md).
  const twitches = await downloadText(page, () => page.getByRole('button', { name: 'Download a spreadsheet (CSV)' }).click());
  expect(twitches.text.split('\r\n')[0]).toBe('id,at,date,region,side,duration_s,intensity,triggers,note');
  expect(twitches.text.split('\r\n')).toHaveLength(3);
});

test('with no day check-ins, the check-ins CSV button says there are none and downloads nothing', async ({ page }) => {
  await open(page, '/report', 'Report and backup');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Download the day check-ins (CSV)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'There are no day check-ins to download yet.' })).toBeVisible();
  expect(downloads).toBe(0);
});

for (const width of [320, 412]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('while the passphrase is asked for, the page says which file is being opened', async ({ page }) => {
      const { journal } = example('05-falling-with-plan');
      await page.goto('./');
      const sealedText = await sealIn(page, JSON.stringify(journal), PASS);
      await open(page, '/report', 'Report and backup');
      const field = page.getByLabel('Choose a backup file');
      await field.setInputFiles({ name: 'my-backup.sealed.json', mimeType: 'application/json', buffer: Buffer.from(sealedText) });
      await expect(page.getByLabel('Passphrase for this backup')).toBeFocused();
      await expect(page.locator('#report-import-file')).toHaveText('File: my-backup.sealed.json');
      await expect(field).toHaveAccessibleDescription('File: my-backup.sealed.json');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.locator('#report-import-file')).toHaveText('');
    });

    test('#/privacy opens the Privacy page, which restores a backup after asking', async ({ page }) => {
      const { journal: mine } = example('04-two-episodes');
      const { journal: theirs } = example('05-falling-with-plan');
      await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, mine);
      await open(page, '/privacy', 'Privacy and storage');
      await expect(page.getByRole('link', { name: 'Privacy' })).toHaveAttribute('aria-current', 'page');
      const backups = page.getByRole('region', { name: 'Backups' });
      await expect(backups.getByRole('heading', { name: 'Bring back a backup' })).toBeVisible();
      await backups.getByLabel('Choose a backup file').setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
      await expect(backups.getByText(`This backup has ${theirs.episodes.length} twitches and ${theirs.days.length} day check-ins.`)).toBeVisible();
      expect(await stored(page)).toEqual(mine);
      await backups.getByRole('button', { name: 'Replace my journal with this backup' }).click();
      await expect(backups.getByText(`Done. Your journal now has ${theirs.episodes.length} twitches.`)).toBeVisible();
      expect(await stored(page)).toEqual(theirs);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await expectNoAxeViolations(page);
    });
  });
}
