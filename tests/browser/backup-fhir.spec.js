// The FHIR download and the encrypted backup on the Report and Privacy pages, driven the
// way a person does: the passphrase typed twice and sent by keyboard, a wrong passphrase
// then the right one on import, axe-core on the open forms and the messages.
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { example, seed, stored, open, downloadText } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

// seal() and open() of the app's own sealed.js, run in the page (the browser's WebCrypto).
const sealIn = (page, text, pass) => page.evaluate(async ([t, p]) => (await import('./app/storage/sealed.js')).seal(t, p), [text, pass]);
const openIn = (page, text, pass) => page.evaluate(async ([t, p]) => (await import('./app/storage/sealed.js')).open(t, p), [text, pass]);
const PASS = 'four words that differ';

async function start(page, name) {
  const { journal, today } = example(name);
  await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
  await page.goto('./');
  await seed(page, journal);
  return { journal, today };
}

test('the FHIR download is a FHIR R4 collection Bundle with an Observation for every twitch', async ({ page }) => {
  const { journal, today } = await start(page, '05-falling-with-plan');
  await open(page, '/report', 'Report and backup');
  const fhir = await downloadText(page, () => page.getByRole('button', { name: 'Download for a clinic’s record system (FHIR)' }).click());
  expect(fhir.name).toBe(`twitchcheck-fhir-${today}.json`);
  const bundle = JSON.parse(fhir.text);
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('collection');
  const twitches = bundle.entry.filter((e) => e.resource.code?.coding?.[0]?.code === '75325-1');
  expect(twitches.map((e) => e.resource.effectiveDateTime)).toEqual(journal.episodes.map((e) => e.at));
  expect(bundle.entry.filter((e) => e.resource.resourceType === 'QuestionnaireResponse')).toHaveLength(journal.assessments.length);
});

test('the encrypted backup asks for the passphrase twice, by keyboard, and downloads a sealed file that opens', async ({ page }) => {
  const { journal, today } = await start(page, '03-spreading-stable');
  await open(page, '/report', 'Report and backup');
  await page.getByRole('button', { name: 'Download an encrypted backup' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Lock the backup with a passphrase' });
  await expect(form).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, 'report page, encrypted backup form open');

  await page.keyboard.type('short');
  await page.keyboard.press('Tab');
  await page.keyboard.type('short');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Use at least 8 characters.');
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();

  await page.keyboard.press('Control+A');
  await page.keyboard.type(PASS);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(`${PASS}!`);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('The two passphrases are not the same. Please type them again.');
  await expect(page.getByLabel('Type the passphrase again')).toBeFocused();
  await expectNoAxeViolations(page, 'report page, encrypted backup form with a problem');

  await page.keyboard.press('Backspace');
  const sealedFile = await downloadText(page, () => page.keyboard.press('Enter'));
  expect(sealedFile.name).toBe(`twitchcheck-backup-${today}.sealed.json`);
  await expect(page.getByRole('status').filter({ hasText: 'Your encrypted backup is downloaded.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download an encrypted backup' })).toBeFocused();
  await expect(form).toBeHidden();

  expect(JSON.parse(sealedFile.text).format).toBe('twitchcheck.sealed/1');
  expect(JSON.parse(await openIn(page, sealedFile.text, PASS))).toEqual(journal);
  for (const e of journal.episodes) expect(sealedFile.text).not.toContain(e.at.slice(0, 10));
});

test('importing an encrypted backup: a wrong passphrase changes nothing, the right one goes through the usual check', async ({ page }) => {
  const { journal: mine } = await start(page, '04-two-episodes');
  const { journal: theirs } = example('05-falling-with-plan');
  const sealedText = await sealIn(page, JSON.stringify(theirs), PASS);
  await open(page, '/report', 'Report and backup');
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.sealed.json', mimeType: 'application/json', buffer: Buffer.from(sealedText) });
  await expect(page.getByText('This backup is locked with a passphrase.')).toBeVisible();
  await expect(page.getByLabel('Passphrase for this backup')).toBeFocused();

  await page.keyboard.type('not the passphrase');
  await page.keyboard.press('Enter');
  const problem = page.getByRole('alert').filter({ hasText: 'This passphrase does not open this backup, or the file was changed.' });
  await expect(problem).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Passphrase for this backup')).toBeFocused();
  expect(await stored(page)).toEqual(mine);
  await expectNoAxeViolations(page, 'report page, wrong passphrase');

  await page.keyboard.type(PASS); // the wrong one is selected, so typing replaces it
  await page.keyboard.press('Enter');
  await expect(page.getByText(`This backup has ${theirs.episodes.length} twitches and ${theirs.days.length} day check-ins. It will replace the ${mine.episodes.length} twitches you have now.`))
    .toBeVisible({ timeout: 30_000 });
  expect(await stored(page)).toEqual(mine);
  await page.keyboard.press('Enter'); // focus is on "Replace my journal with this backup"
  await expect(page.getByText(`Done. Your journal now has ${theirs.episodes.length} twitches.`)).toBeVisible();
  expect(await stored(page)).toEqual(theirs);
});

test('an encrypted backup from a newer version is refused with its name, before any passphrase', async ({ page }) => {
  const { journal } = await start(page, '04-two-episodes');
  const newer = JSON.parse(await sealIn(page, JSON.stringify(journal), PASS));
  newer.format = 'twitchcheck.sealed/2';
  await open(page, '/report', 'Report and backup');
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'new.sealed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
  await expect(page.getByText('A newer version of this app made this backup (twitchcheck.sealed/2).', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Passphrase for this backup')).toHaveCount(0);
});

test('the Privacy page says what an encrypted backup protects against and what it does not, and offers it', async ({ page }) => {
  await start(page, '04-two-episodes');
  await open(page, '/settings', 'Privacy and storage');
  const section = page.getByRole('region', { name: 'Encrypted backups' });
  await expect(section.getByRole('heading', { name: 'What it protects against' })).toBeVisible();
  await expect(section).toContainText('A weak passphrase.');
  await expect(section).toContainText('A device that is already unsafe.');
  await page.getByRole('button', { name: 'Download an encrypted backup' }).click();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, 'privacy page, encrypted backup form open');
});

test('an import with two "schema" keys is read as the engine reads it (the last one) and gets its message', async ({ page }) => {
  await start(page, '04-two-episodes');
  await open(page, '/report', 'Report and backup');
  const twitches = '[{"id": "t1", "at": "2025-03-01T08:00:00+01:00", "region": "calf", "side": "left"}]';
  const text = `{"schema":"twitchcheck.journal/1","schema":"twitchcheck.journal/0","twitches":${twitches},"daily":[]}`;
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByText('This backup has 1 twitch and no day check-ins.', { exact: false })).toBeVisible();
  await expect(page.getByText('An earlier version of this app made it.', { exact: false })).toBeVisible();
});

test('the Privacy page says what each way of embedding the checker lets a website learn', async ({ page }) => {
  await start(page, '04-two-episodes');
  await open(page, '/settings', 'Privacy and storage');
  const section = page.getByRole('region', { name: 'If you use the checker on another website' });
  await expect(section.getByRole('listitem')).toHaveText([
    /^Some websites show this checker inside their own pages\./,
    /^Shown as part of the page: that website’s own code can read what the checker shows on the screen, your result too\./,
    /^Shown in a frame \(an iframe\): the website cannot look inside\. It only learns when you move to a new step\./,
    'Your journal in this app is never shared with another website.',
  ]);
});
