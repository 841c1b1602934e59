// The journal screens, driven as a person would: by mouse and by keyboard, with the
// clock fixed (Europe/Berlin, so the offset is known) for exact expected values.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, vignette, expectNoAxeViolations } = require('./fixtures.js');
const { example, seed, stored, open, forbidDialogs, downloadText } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const leftCalf = (page) => page.locator('.tc-fig-part[data-region="calf"][data-side="left"]').first();

test.describe('quick log', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
  });

  test('two clicks on the body picture save a twitch with local time and offset, kept after reload', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    await leftCalf(page).click();
    await expect(page.getByText('Chosen: Left calf or lower leg')).toBeVisible();
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();

    const doc = await stored(page);
    expect(doc.episodes).toHaveLength(1);
    const { id, ...rest } = doc.episodes[0];
    expect(rest).toEqual({ at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'left' });
    expect(id).toMatch(/^e[0-9a-z]{14}$/);

    await page.reload();
    const today = page.getByRole('region', { name: 'Today' });
    await expect(today.getByRole('listitem')).toHaveCount(1);
    await expect(today.getByRole('listitem')).toContainText('08:15 · Left calf or lower leg');
  });

  test('the keyboard alone logs a twitch with every detail', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    await page.getByLabel('Body part').focus();
    await page.keyboard.type('Eyelid');
    await page.keyboard.press('Tab'); // to the side radios
    await page.keyboard.press('ArrowRight'); // Left -> Right
    await expect(page.getByText('Chosen: Right eyelid')).toBeVisible();
    await page.getByText('Add details (optional)').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('When').focus();
    await page.keyboard.type('11192026');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('0730PM');
    await page.getByLabel('How long did it last?').focus();
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('m'); // minutes
    await page.getByRole('radio', { name: '4, strong' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: /Poor sleep/ }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Note').focus();
    await page.keyboard.type('after a long screen day');
    await page.keyboard.press('Tab'); // leaves the note
    await page.getByRole('button', { name: 'Save twitch' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Right eyelid at 19:30.' })).toBeVisible();

    const { episodes } = await stored(page);
    expect(episodes.map(({ id, ...e }) => e)).toEqual([{
      at: '2026-11-19T19:30:00+01:00', region: 'eyelid', side: 'right', duration_s: 120, intensity: 4,
      triggers: ['poor_sleep'], note: 'after a long screen day',
    }]);
    const earlier = page.getByRole('region', { name: 'Earlier' });
    await expect(earlier.getByRole('listitem')).toContainText(['Nov 19, 19:30 · Right eyelid']);
    await expect(earlier).toContainText('2 min · strength 4 of 5 · poor sleep');
  });

  test('saving with no place chosen says what is missing and saves nothing', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.getByRole('alert')).toHaveText('Choose where it twitches first: tap the body picture or pick a body part from the list.');
    await expect(page.getByLabel('Body part')).toBeFocused();
    expect(await stored(page)).toBeNull();
  });

  test('a time with a slipped year (0226) or in a later day is refused with its range, and nothing is saved', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    await leftCalf(page).click();
    await page.getByText('Add details (optional)').click();
    for (const value of ['0226-11-20T08:00', '2016-11-19T23:59', '2026-11-21T00:00']) {
      await page.getByLabel('When').fill(value);
      await page.getByRole('button', { name: 'Save twitch' }).click();
      await expect(page.getByRole('alert')).toHaveText('Choose a time from November 20, 2016 up to now.');
      await expect(page.getByLabel('When')).toBeFocused();
    }
    expect(await stored(page)).toBeNull();
    await page.getByLabel('When').fill('2016-11-20T00:00'); // the first moment in range
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 00:00.' })).toBeVisible();
    expect((await stored(page)).episodes.map((e) => e.at)).toEqual(['2016-11-20T00:00:00+01:00']);
  });

  test('undo takes back the twitch just saved', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    await leftCalf(page).click();
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Undone.' })).toBeVisible();
    await expect.poll(async () => (await stored(page)).episodes).toEqual([]);
    await expect(page.getByRole('region', { name: 'Today' })).toContainText('No twitches logged yet.');
  });

  test('a twitch can be changed, deleted, and brought back with undo', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    await leftCalf(page).click();
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await page.getByRole('button', { name: 'Change the twitch at 08:15, Left calf or lower leg' }).click();
    await expect(page.getByRole('heading', { name: 'Change the twitch from 08:15' })).toBeVisible();
    await page.getByRole('radio', { name: 'Both sides' }).check();
    await page.getByRole('radio', { name: '2, faint' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changed: Both sides, calf or lower leg at 08:15.' })).toBeVisible();
    let { episodes } = await stored(page);
    expect(episodes.map(({ id, ...e }) => e)).toEqual([{ at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'both', intensity: 2 }]);
    const id = episodes[0].id;

    await page.getByRole('button', { name: 'Delete the twitch at 08:15, Both sides, calf or lower leg' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted: Both sides, calf or lower leg at 08:15.' })).toBeVisible();
    expect((await stored(page)).episodes).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).episodes).toEqual([{ id, at: '2026-11-20T08:15:00+01:00', region: 'calf', side: 'both', intensity: 2 }]);
  });

  test('a note with markup is shown as text on the log and in the report, and no dialog opens', async ({ page }) => {
    const dialogs = forbidDialogs(page);
    const note = '<img src=x onerror=alert(1)>';
    await open(page, '/log', 'Log a twitch');
    await leftCalf(page).click();
    await page.getByText('Add details (optional)').click();
    await page.getByLabel('Note').fill(note);
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.locator('.tc-note')).toHaveText(note);
    await open(page, '/report', 'Report and backup');
    await expect(page.locator('.tc-report blockquote')).toHaveText(note);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

test.describe('day check-in', () => {
  test('a new day starts empty, "Same as the day before" copies that day, and saving keeps only the fields filled in', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await page.goto('./');
    await seed(page, { schema: 'twitchcheck.journal/1', episodes: [], days: [
      { date: '2026-11-19', caffeine_mg: 300, water_ml: 1500, sleep_h: 6.5, stress: 7, exercise: 'intense', relaxation_min: 0 },
    ] });
    await open(page, '/day', 'Day check-in');
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('');
    await page.getByRole('button', { name: 'Same as the day before' }).click();
    await expect(page.getByText('Filled in from the day before. Change what was different.')).toBeVisible();
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('300');
    await expect(page.getByRole('radio', { name: 'Hard' })).toBeChecked();
    // By keyboard: change two fields, clear one, save with Enter.
    await page.getByLabel('Caffeine (mg)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await page.getByLabel('Sleep last night (hours)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await page.getByLabel('Stress (0 to 10)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    expect((await stored(page)).days).toEqual([
      { date: '2026-11-19', caffeine_mg: 300, water_ml: 1500, sleep_h: 6.5, stress: 7, exercise: 'intense', relaxation_min: 0 },
      { date: '2026-11-20', caffeine_mg: 100, water_ml: 1500, sleep_h: 8, exercise: 'intense', relaxation_min: 0 },
    ]);
  });

  test('a number out of range is named and nothing is saved', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await open(page, '/day', 'Day check-in');
    await page.getByLabel('Stress (0 to 10)').fill('12');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('alert')).toHaveText('Stress (0 to 10): use a whole number from 0 to 10.');
    expect(await stored(page)).toBeNull();
  });

  test('a decimal comma is a decimal point, and thousands may be grouped', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await open(page, '/day', 'Day check-in');
    await page.getByLabel('Sleep last night (hours)').fill('7,5');
    await page.getByLabel('Water (ml)').fill('2,000');
    await page.getByLabel('Caffeine (mg)').fill(' 95 ');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    expect((await stored(page)).days).toEqual([{ date: '2026-11-20', caffeine_mg: 95, water_ml: 2000, sleep_h: 7.5 }]);
  });

  test('what is not a number is refused beside its field, and the day is not reported saved', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' }); // positions are read at once, not mid-scroll
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await open(page, '/day', 'Day check-in');
    const caffeine = page.getByLabel('Caffeine (mg)');
    const sleep = page.getByLabel('Sleep last night (hours)');
    await caffeine.fill('2e');
    await sleep.fill('7,5');
    await page.getByRole('button', { name: 'Save this day' }).click();
    const message = 'Caffeine (mg): “2e” is not a number. Write it in digits, like 95.';
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(caffeine).toBeFocused();
    await expect(caffeine).toHaveAttribute('aria-invalid', 'true');
    await expect(caffeine).toHaveAccessibleDescription(`${message} A cup of coffee has about 95 mg, a cup of tea about 45 mg.`);
    // Right under its own field.
    const [field, alert] = [await caffeine.boundingBox(), await page.getByRole('alert').boundingBox()];
    expect(alert.y).toBeGreaterThanOrEqual(field.y + field.height);
    expect(alert.y - (field.y + field.height)).toBeLessThan(40);
    await expect(caffeine).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('alert')).toBeInViewport({ ratio: 1 });
    await expect(page.getByText(/Saved for/)).toHaveCount(0);
    expect(await stored(page)).toBeNull();
    await expectNoAxeViolations(page, 'day check-in showing a field error');

    await caffeine.fill('200');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(caffeine).not.toHaveAttribute('aria-invalid');
    await expect(caffeine).toHaveAccessibleDescription('A cup of coffee has about 95 mg, a cup of tea about 45 mg.');
    expect((await stored(page)).days).toEqual([{ date: '2026-11-20', caffeine_mg: 200, sleep_h: 7.5 }]);
    await expect(page.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    // A refusal after a save takes the earlier "Saved" away.
    await caffeine.fill('2e');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.getByText(/Saved for/)).toHaveCount(0);
  });

  test('an empty date says what to choose', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await open(page, '/day', 'Day check-in');
    await page.getByLabel('Day', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('alert')).toHaveText('Choose the day this check-in is for.');
    await expect(page.getByLabel('Day', { exact: true })).toBeFocused();
    expect(await stored(page)).toBeNull();
  });

  test('a date more than ten years back or after today is refused with its range, and nothing is saved', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await open(page, '/day', 'Day check-in');
    for (const value of ['0226-11-20', '2016-11-19', '2026-11-21']) {
      await page.getByLabel('Day', { exact: true }).fill(value);
      await page.getByRole('button', { name: 'Save this day' }).click();
      await expect(page.getByRole('alert')).toHaveText('Choose a date from November 20, 2016 up to today.');
      await expect(page.getByLabel('Day', { exact: true })).toBeFocused();
    }
    expect(await stored(page)).toBeNull();
  });
});

test.describe('insights, plan and check again', () => {
  test('patterns show the analysis of a month with rising, one-sided, spreading twitches', async ({ page }) => {
    const { journal, today, expect: facts } = example('08-rising-asymmetric-spreading-plan');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/insights', 'Your patterns');
    await expect(page.locator('.tc-summary')).toHaveText(
      `You logged ${facts.episodes_total} twitches on ${facts.active_days} days, from Friday, January 19 to Saturday, February 17.`);
    await expect(page.getByRole('region', { name: 'Trend' })).toContainText('Rising: the last 7 days had clearly more twitches than the 7 days before.');
    const notes = page.getByRole('region', { name: 'Things to mention to a doctor' });
    await expect(notes.getByRole('listitem')).toHaveText([
      'Twitching showed up in a new part of the body a week or more after it began (it spread).',
      'Most of your twitches are on one side of the body.',
      'Twitching has gone on for more than 14 days and is still happening.',
    ]);
    const time = page.getByRole('region', { name: 'Time of day' });
    await expect(time.getByRole('meter', { name: 'Evening (18–23 h)' })).toHaveAttribute('value', String(facts.time_of_day.evening));
    const links = page.getByRole('region', { name: 'What your twitches are linked with' });
    await expect(links.getByRole('listitem')).toHaveText([
      /^Stress of 7 or more: No clear link4 twitches on 4 days with it, 8 on 5 days without\. Days with it had 0\.6 times/,
      'More than 200 mg of caffeine: Linked with fewer twitches4 twitches on 8 days with it, 6 on 3 days without. Days with it had 0.3 times the twitches per day (95% range 0.1 to 0.9).',
    ]);
    // The same caution as for any link: together, not a cause.
    await expect(links).toContainText('A link does not mean one causes the other.');
    await expect(page.getByRole('img', { name: /Bar chart of twitches per day for the last 28 days\. Total \d+, most in one day 4\./ })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('caused by');
  });

  test('the weekly totals and the places on Patterns are the report\'s (weekly_counts, regions)', async ({ page }) => {
    const { journal, today } = example('08-rising-asymmetric-spreading-plan');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/insights', 'Your patterns');
    const report = await page.evaluate(async ([text, date]) => {
      const { textFunctions } = await import('./app/shared/engine.js');
      return JSON.parse((await textFunctions()).report(text, date, 'json'));
    }, [JSON.stringify(journal), today]);
    const weeks = page.getByRole('table', { name: 'Twitches per week' }).getByRole('row');
    // Every week back to the first twitch, as the report's (issue 23): 5 here, adding up to 23.
    await expect(weeks).toHaveCount(report.weekly_counts.length + 1);
    expect(report.weekly_counts).toHaveLength(5);
    await expect(weeks.nth(1)).toContainText(String(report.weekly_counts.at(-1).count));
    const counts = await weeks.evaluateAll((rows) => rows.slice(1).map((r) => Number(r.querySelector('td').textContent)));
    expect(counts).toEqual(report.weekly_counts.slice().reverse().map((w) => w.count));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(journal.episodes.length);
    const places = report.regions.flatMap((r) => Object.entries(r.sides).filter(([, n]) => n).map(([, n]) => n));
    const shown = await page.locator('.tc-places li').allTextContents();
    expect(shown.map((t) => Number(t.split(': ').at(-1))).sort((a, b) => b - a)).toEqual(places.sort((a, b) => b - a));
  });

  test('a likely link is worded as "linked with", never as a cause', async ({ page }) => {
    const { journal, today } = example('12-short-span-likely-links');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/insights', 'Your patterns');
    const links = page.getByRole('region', { name: 'What your twitches are linked with' });
    await expect(links.getByRole('listitem').first()).toContainText('Less than 7 hours of sleep: Likely linked with more twitches');
    await expect(links.getByRole('listitem').first()).toContainText('Days with it had 8 times the twitches per day');
    await expect(page.getByRole('region', { name: 'Trend' })).toContainText('It is too early to see a trend.');
  });

  test('the plan shows week, adherence, rates and that things improved', async ({ page }) => {
    const { journal, today, expect: facts } = example('10-rising-with-plan');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/plan', 'Your self-care plan');
    await expect(page.locator('.tc-summary')).toHaveText(`You started on Monday, February 23. This is week ${facts.plan.week}.`);
    await expect(page.getByRole('meter', { name: 'Keep the journal: kept on 7 of the last 7 days' })).toBeVisible();
    await expect(page.getByRole('meter', { name: 'Less caffeine: kept on 0 of the last 7 days' })).toBeVisible();
    const rates = page.getByRole('region', { name: 'Twitches per day' });
    await expect(rates.getByRole('listitem')).toHaveText(['The week before you started: 2.9 a day', 'The last 7 days: 2 a day']);
    await expect(rates).toContainText('Your twitches went down by at least 30% since you started. Keep going.');
  });

  test('starting the plan by keyboard stores today as its start', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
    await open(page, '/plan', 'Your self-care plan');
    await page.getByRole('button', { name: 'Start the plan today' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.tc-summary')).toHaveText('You started on Friday, November 20. This is week 1.');
    await expect.poll(async () => (await stored(page))?.plan).toEqual({ started: '2026-11-20' });
  });

  test('check again is pre-filled from the journal and its result is saved in the journal', async ({ page }) => {
    const { journal, today, expect: facts } = example('10-rising-with-plan');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/recheck', /Check/);
    await expect(page.getByText('We filled in what your journal knows')).toBeVisible();
    // Step one: the places the journal knows are already chosen.
    await expect(page.getByRole('checkbox', { name: 'Foot or toes' })).toBeChecked();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByLabel('Number of days')).toHaveValue(String(facts.suggested_assessment.duration_days));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByLabel('How many weeks have you followed the five-step self-care plan?')).toHaveValue('4');
    // The signs the journal cannot know: "No" to the two of an emergency, "None of these"
    // to each group; the last steps with the keyboard.
    await page.getByRole('button', { name: 'Next' }).click();
    for (const name of ['In the last few hours, did something start all of a sudden: one side of your face drooping, an arm or leg going weak or numb, or trouble speaking?',
      'Are you struggling to breathe right now?']) {
      await page.getByRole('group', { name, exact: true }).getByRole('radio', { name: 'No', exact: true }).check();
    }
    for (const button of ['Next', 'None of these', 'None of these', 'None of these', 'Next', 'See my result']) {
      const target = page.getByRole('button', { name: button, exact: true }).and(page.locator(':not([data-pressed])')).first();
      await target.focus();
      await page.keyboard.press('Enter');
      if (button === 'None of these') await target.evaluate((el) => { el.dataset.pressed = ''; });
    }
    await page.getByRole('button', { name: 'Save this result in my journal' }).click();
    await expect(page.getByText('Saved in your journal. Your report for the doctor will show it.')).toBeVisible();
    const doc = await stored(page);
    expect(doc.assessments).toHaveLength(1);
    expect(doc.assessments[0].at).toBe(`${today}T12:00:00+01:00`);
    expect(doc.assessments[0].input.duration_days).toBe(35);
    expect(doc.assessments[0].input.regions).toEqual([{ region: 'foot', side: 'both' }]);
    expect(doc.assessments[0].input.findings.worsening).toBe(true);
    // The new questions' answers are saved with the check (issue 19)…
    for (const key of ['sudden_onset_neuro', 'breathing_hard_now', 'breathing_problems', 'function_loss', 'behaviour_changes', 'stiffness', 'medicine_suspected']) {
      expect(doc.assessments[0].input.findings[key], key).toBe(false);
    }
    // …and "Change my answers" keeps every answer given, the new ones among them.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('group', { name: 'Are you struggling to breathe right now?', exact: true })
      .getByRole('radio', { name: 'No', exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('group', { name: 'Does the place that twitches feel stiff?', exact: true })
      .getByRole('radio', { name: 'No', exact: true })).toBeChecked();
    // The journal's "getting worse" stayed "Yes" through "None of these".
    await expect(page.getByRole('group', { name: 'Is the twitching getting worse, like more often or stronger?', exact: true })
      .getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  });

  test('"Save this result in my journal" sits right under the result\'s headline, in sight on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 800 });
    const { journal, today } = example('10-rising-with-plan');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/recheck', /Check/);
    // The Check again screen, not the checker screen it replaces (both headings say "Check").
    await expect(page.getByText('We filled in what your journal knows')).toBeVisible();
    for (let step = 2; step <= 6; step++) {
      // Every sign answered (left open, a sign of an emergency or a same-day visit would put
      // the result's first words, what to do if it might be there, above everything else).
      if (step === 5) {
        for (const radio of await page.getByRole('radio', { name: 'No', exact: true }).all()) await radio.check();
      }
      if (step === 6) {
        for (const none of await page.getByRole('button', { name: 'None of these', exact: true }).all()) await none.click();
      }
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByText(`Step ${step} of 6`, { exact: true })).toBeVisible();
    }
    await page.getByRole('button', { name: 'See my result' }).click();
    const headline = page.locator('.tc-verdict .tc-headline');
    const save = page.getByRole('button', { name: 'Save this result in my journal' });
    const why = page.getByRole('heading', { name: 'Why', exact: true });
    const [h, b, w] = [await headline.boundingBox(), await save.boundingBox(), await why.boundingBox()];
    expect(b.y).toBeGreaterThan(h.y + h.height);
    expect(b.y + b.height).toBeLessThan(w.y);
    await expect(save).toBeInViewport({ ratio: 1 });
    // Nothing else stands between the verdict and the button.
    await expect(page.locator('.tc-verdict + .tc-recheck-save').getByRole('button')).toHaveText('Save this result in my journal');
    await expectNoAxeViolations(page, 'check again: result with its save button');
  });
});

test.describe('report, backup and import', () => {
  test('the report, the JSON backup and the CSV come from the journal', async ({ page }) => {
    const { journal, today } = example('06-one-possible-link-plan');
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+02:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/report', 'Report and backup');
    const report = page.getByRole('article', { name: 'Muscle twitch report' });
    await expect(report).toContainText('Made on Saturday, June 20, 2026 from your own twitch journal.');
    await expect(report.getByRole('region', { name: 'Linked factors' }).getByRole('listitem')).toHaveCount(1);
    await expect(report.getByRole('region', { name: 'Linked factors' })).toContainText('linked');

    const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download a backup (JSON)' }).first().click());
    expect(backup.name).toBe('twitchcheck-backup-2026-06-20.json');
    expect(JSON.parse(backup.text)).toEqual(journal);
    await expect(page.getByText('Last backup: Saturday, June 20.')).toBeVisible();

    const csv = await downloadText(page, () => page.getByRole('button', { name: 'Download a spreadsheet (CSV)' }).click());
    expect(csv.name).toBe('twitchcheck-journal-2026-06-20.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,date,region,side,duration_s,intensity,triggers,note');
    expect(lines).toHaveLength(journal.episodes.length + 1);

    const html = await downloadText(page, () => page.getByRole('button', { name: 'Download the report (web page)' }).click());
    expect(html.name).toBe('twitchcheck-report-2026-06-20.html');
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
  });

  test('the latest check reads in plain words: level names, one full stop per sentence, no rule ids, dates with the year', async ({ page }) => {
    const { journal, today } = example('08-rising-asymmetric-spreading-plan');
    const v = vignette('spreading-ten-days');
    journal.assessments = [{ at: `${today}T10:30:00+01:00`, input: v.input, level: v.expect.level, rules_version: '2026.11.26' }];
    await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/report', 'Report and backup');
    const report = page.getByRole('article', { name: 'Muscle twitch report' });
    await expect(report).toContainText('Made on Sunday, February 18, 2024 from your own twitch journal.');
    const check = report.getByRole('region', { name: 'Latest check' });
    await expect(check.getByRole('paragraph')).toHaveText(['Done on Sunday, February 18, 2024. Result: See a specialist soon.']);
    await expect(check.getByRole('listitem')).toHaveText([
      'See a specialist soon — Twitching that spreads to new parts of the body should be checked. It can come from a problem in the nerves (a neurological disorder). See a nerve doctor (neurologist) within 2 to 3 weeks.',
      "Book a doctor visit — Twitching in more than one place is most often harmless, but it is worth a doctor's look. Book a visit with your family doctor (GP).",
      'Self-care at home — Most twitches come from everyday things. These are stress, being tired, caffeine, too little water, hard exercise or poor sleep. Follow the five-step self-care plan for 3 to 4 weeks, then check again.',
    ]);
    expect(v.expect.fired).toEqual(['RF-SPREADING', 'RF-MANY-PLACES', 'SELF-CARE']);
    for (const id of v.expect.fired) await expect(report).not.toContainText(id);
    await expect(report).not.toContainText('..');
    await expect(report).not.toContainText('(prompt)');
    // Every date in the report says its year.
    await expect(report.getByRole('region', { name: 'When it started' })).toContainText(
      'First twitch: Friday, January 19, 2024. Last twitch: Saturday, February 17, 2024.');
    await expect(report.getByRole('region', { name: 'Self-care plan' })).toContainText(/You started on \w+day, \w+ \d+, 2024\./);
    await expect(report.getByRole('region', { name: 'Twitches per week' }).getByRole('rowheader').last()).toHaveText('Feb 12 – 18, 2024');
    const linked = report.getByRole('region', { name: 'Linked factors' });
    await expect(linked.getByRole('listitem')).toHaveText([
      'Stress of 7 or more: No clear link. 4 twitches on 4 days with it, 8 on 5 days without. Days with it had 0.6 times the twitches per day (95% range 0.2 to 2.1).',
      'More than 200 mg of caffeine: Linked with fewer twitches. 4 twitches on 8 days with it, 6 on 3 days without. Days with it had 0.3 times the twitches per day (95% range 0.1 to 0.9).',
    ]);
    await expect(linked).toContainText('A link means the two happened together. It does not show that one caused the other.');
  });

  test('a broken backup says in plain words what is wrong, then where for people who edit files, and changes nothing', async ({ page }) => {
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/report', 'Report and backup');
    const choose = (name, content) => page.getByLabel('Choose a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    const expectProblem = async (plain, detail) => {
      await expect(page.locator('.tc-error')).toHaveText(plain);
      await expect(page.locator('.tc-error + .tc-hint')).toHaveText(detail);
      expect(await stored(page)).toEqual(journal);
    };

    const broken = structuredClone(journal);
    broken.episodes[3].duration_s = 0;
    await choose('backup.json', JSON.stringify(broken));
    await expectProblem('The length for the twitch on November 25, 2026 at 12:58 must be a whole number of seconds from 1 to 86400; the file has 0. Nothing was changed.',
      'For people who edit backup files: episodes[3].duration_s: must be 1 to 86400');

    const stress = structuredClone(journal);
    stress.days[0] = { date: '2026-05-03', stress: 7.5 };
    await choose('backup.json', JSON.stringify(stress));
    await expectProblem('Stress on May 3, 2026 must be a whole number from 0 to 10; the file has 7.5. Nothing was changed.',
      'For people who edit backup files: days[0].stress: must be a whole number from 0 to 10, not 7.5');
    await expectNoAxeViolations(page, 'report with an import problem');

    await choose('notes.txt', 'hello');
    await expectProblem('This file is not a TwitchCheck backup. Nothing was changed.',
      'For people who edit backup files: this is not valid JSON text');

    await choose('other.json', JSON.stringify({ ...journal, schema: 'something/1' }));
    await expectProblem('This file is not a TwitchCheck backup. Nothing was changed.',
      'For people who edit backup files: schema: must be "twitchcheck.journal/1"');

    await choose('extra.json', JSON.stringify({ ...journal, x: 1 }));
    await expectProblem('The file has “x”, which a TwitchCheck backup does not have. Nothing was changed.',
      'For people who edit backup files: x: is not a field of a twitchcheck journal');

    // The prototype's format with a bad value: named at its place after the upgrade.
    const prototype = { schema: 'twitchcheck.journal/0', twitches: [{ id: 't1', at: '2025-03-01T08:00:00+01:00', region: 'calf', side: 'left', seconds: 0 }], daily: [] };
    await choose('old.json', JSON.stringify(prototype));
    await expectProblem('The length for twitch number 1 must be a whole number of seconds from 1 to 86400. Nothing was changed.',
      'For people who edit backup files: episodes[0].duration_s: must be 1 to 86400');
  });

  test('a backup in the prototype format (/0) is brought up to the current format on import', async ({ page }) => {
    const fixture = (name) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/report', 'Report and backup');
    await page.getByLabel('Choose a backup file').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(fixture('journal-v0.json')) });
    await expect(page.getByText(`This backup has 2 twitches and 2 day check-ins. It will replace the ${journal.episodes.length} twitches you have now.`)).toBeVisible();
    await expect(page.getByText('An earlier version of this app made it. It will be saved in the format this version uses.')).toBeVisible();
    expect(await stored(page)).toEqual(journal); // nothing changes before the person says so
    await page.getByRole('button', { name: 'Replace my journal' }).click();
    await expect.poll(() => stored(page)).toEqual(JSON.parse(fixture('journal-v0-migrated.json')));
  });

  test('a good backup replaces the journal only after the person says so', async ({ page }) => {
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await open(page, '/report', 'Report and backup');
    await page.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(journal)) });
    await expect(page.getByText('This backup has 11 twitches and 13 day check-ins. It will replace your journal, which has no twitches now.')).toBeVisible();
    expect(await stored(page)).toBeNull();
    await page.keyboard.press('Enter'); // focus is on "Replace my journal with this backup"
    await expect(page.getByText('Done. Your journal now has 11 twitches.')).toBeVisible();
    expect(await stored(page)).toEqual(journal);
  });
});

test.describe('counts in words', () => {
  const twitch = (id, at) => ({ id, at, region: 'calf', side: 'left' });
  const journalOf = (...ats) => ({ schema: 'twitchcheck.journal/1', episodes: ats.map((at, i) => twitch(`e${i}`, `${at}:00+01:00`)), days: [] });
  const cases = [
    {
      name: 'started today, 1 twitch',
      journal: journalOf('2026-11-20T08:00'),
      onset: 'First twitch: Friday, November 20, 2026. Last twitch: Friday, November 20, 2026. It started today. 1 twitch on 1 day.',
      summary: 'You logged 1 twitch, on Friday, November 20.',
      caption: 'Only today so far. The bar is 1.',
      replace: 'It will replace the 1 twitch you have now.',
    },
    {
      name: 'going on for 1 day, 2 twitches on 2 days',
      journal: journalOf('2026-11-19T08:00', '2026-11-20T08:00'),
      onset: 'First twitch: Thursday, November 19, 2026. Last twitch: Friday, November 20, 2026. Going on for 1 day. 2 twitches on 2 different days.',
      summary: 'You logged 2 twitches on 2 days, from Thursday, November 19 to Friday, November 20.',
      caption: 'Last 2 days. The tallest bar is 1.',
      replace: 'It will replace the 2 twitches you have now.',
    },
    {
      name: 'going on for 2 days, 3 twitches, 2 of them on one day',
      journal: journalOf('2026-11-18T08:00', '2026-11-18T09:00', '2026-11-20T08:00'),
      onset: 'First twitch: Wednesday, November 18, 2026. Last twitch: Friday, November 20, 2026. Going on for 2 days. 3 twitches on 2 different days.',
      summary: 'You logged 3 twitches on 2 days, from Wednesday, November 18 to Friday, November 20.',
      caption: 'Last 3 days. The tallest bar is 2.',
      replace: 'It will replace the 3 twitches you have now.',
    },
    {
      name: '2 twitches, both today',
      journal: journalOf('2026-11-20T08:00', '2026-11-20T09:00'),
      onset: 'First twitch: Friday, November 20, 2026. Last twitch: Friday, November 20, 2026. It started today. 2 twitches on 1 day.',
      summary: 'You logged 2 twitches, all on Friday, November 20.',
      caption: 'Only today so far. The bar is 2.',
      replace: 'It will replace the 2 twitches you have now.',
    },
  ];

  for (const c of cases) {
    test(`${c.name}: the report, the patterns and an import say it in words`, async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, c.journal);
      await open(page, '/insights', 'Your patterns');
      await expect(page.locator('.tc-summary')).toHaveText(c.summary);
      await expect(page.locator('figcaption')).toHaveText(c.caption);
      await open(page, '/report', 'Report and backup');
      await expect(page.getByRole('region', { name: 'When it started' }).getByRole('paragraph').first()).toHaveText(c.onset);
      const backup = { schema: 'twitchcheck.journal/1', episodes: [twitch('b1', '2026-11-01T08:00:00+01:00')], days: [] };
      await page.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
      await expect(page.getByText(`This backup has 1 twitch and no day check-ins. ${c.replace}`, { exact: true })).toBeVisible();
    });
  }

  test('an empty journal, then 1 and 2 twitches brought back from backups', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
    await page.goto('./');
    await open(page, '/report', 'Report and backup');
    const days = [{ date: '2026-11-19', stress: 3 }];
    const files = [
      [{ ...journalOf('2026-11-19T08:00'), days }, 'This backup has 1 twitch and 1 day check-in. It will replace your journal, which has no twitches now.', 'Done. Your journal now has 1 twitch.'],
      [journalOf('2026-11-19T08:00', '2026-11-20T08:00'), 'This backup has 2 twitches and no day check-ins. It will replace the 1 twitch you have now.', 'Done. Your journal now has 2 twitches.'],
      [{ ...journalOf(), days: [...days, { date: '2026-11-20' }] }, 'This backup has 0 twitches and 2 day check-ins. It will replace the 2 twitches you have now.', 'Done. Your journal now has no twitches.'],
    ];
    for (const [doc, ready, done] of files) {
      await page.getByLabel('Choose a backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
      await expect(page.getByText(ready, { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Replace my journal with this backup' }).click();
      await expect(page.getByText(done, { exact: true })).toBeVisible();
    }
  });

  test('the report\'s trend counts 1 twitch as "1 twitch"', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
    await page.goto('./');
    await seed(page, journalOf('2026-11-01T08:00', '2026-11-20T08:00'));
    await open(page, '/report', 'Report and backup');
    await expect(page.getByRole('region', { name: 'Twitches per week' })).toContainText(
      'Trend: about the same (1 twitch in the last 7 days, 0 in the 7 days before).');
  });
});

test.describe('privacy and storage page', () => {
  test('delete everything asks first, then empties the journal', async ({ page }) => {
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/settings', 'Privacy and storage');
    await expect(page.getByText(/^This app uses \d+(\.\d)? (KB|MB)\. This browser lets it use up to [\d,.]+ (KB|MB|GB) here\.$/)).toBeVisible();
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await expect(page.getByText('Are you sure? Your journal will be gone from this device.')).toBeVisible();
    await page.getByRole('button', { name: 'Keep my journal' }).click();
    expect(await stored(page)).toEqual(journal);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Everything was deleted.' })).toBeVisible();
    await page.reload();
    await open(page, '/log', 'Log a twitch');
    await expect(page.getByRole('region', { name: 'Today' })).toContainText('No twitches logged yet.');
    // Nothing is left: not in the database, not in the old place (the marker that keeps an
    // older version's tab from writing holds no entry).
    expect(await stored(page)).toBeNull();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('twitchcheck.') && k !== 'twitchcheck.pointer'))).toEqual([]);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('twitchcheck.pointer')))).toMatchObject({ layout: 2, key: 'twitchcheck.moved' });
  });

  test('delete everything works from the keyboard, and focus lands on each next step', async ({ page }) => {
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal);
    await open(page, '/settings', 'Privacy and storage');
    await page.getByRole('button', { name: 'Delete everything…' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Yes, delete everything' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Keep my journal' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Everything was deleted.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete everything…' })).toBeFocused();
    expect(await stored(page)).toBeNull();
  });

  test('a backup reminder shows when the last backup is more than 14 days old', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-06T12:00:00+01:00'));
    const { journal } = example('05-falling-with-plan');
    await page.goto('./');
    await seed(page, journal, { createdAt: '2026-11-01T10:00:00.000Z', lastBackup: '2026-11-21T10:00:00.000Z' });
    await open(page, '/log', 'Log a twitch');
    await expect(page.getByText('It has been more than 14 days since your last backup.')).toBeVisible();
    await seed(page, journal, { createdAt: '2026-11-01T10:00:00.000Z', lastBackup: '2026-11-23T10:00:00.000Z' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await expect(page.getByText('It has been more than 14 days since your last backup.')).toHaveCount(0);
  });
});
