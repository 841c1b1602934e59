// The Plan screen as a person uses it (issue 23, second walk): the advice to log a week
// first, the comparison with the plan's first week when nothing was logged before it,
// Undo for "Stop" and "Start again", and the daily reminder as a calendar file. At 320 and
// 412 px, with the clock fixed (Europe/Berlin) for exact values.
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { seed, stored, open, downloadText } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

// 13 twitches in the plan's first week (Nov 1–7), none before it and none since.
function firstWeekOnly() {
  const episodes = [];
  for (let i = 0; i < 13; i++) {
    const day = 1 + (i % 7);
    episodes.push({ id: `e${i}`, at: `2026-11-0${day}T${String(8 + Math.floor(i / 7) * 6).padStart(2, '0')}:00:00+01:00`, region: 'calf', side: 'left' });
  }
  return { schema: 'twitchcheck.journal/1', episodes, days: [], plan: { started: '2026-11-01' } };
}

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [320, 412]) {
  test.describe(`the plan at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('with nothing logged before the start, day 22 compares with the first week: no "0 a day", a fall from 1.9 to 0 is a fall', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-22T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, firstWeekOnly());
      await open(page, '/plan', 'Your self-care plan');
      await expect(page.locator('.tc-summary')).toHaveText('You started on Sunday, November 1. This is week 4.');
      const rates = page.getByRole('region', { name: 'Twitches per day' });
      await expect(rates.getByRole('listitem')).toHaveText([
        'The week before you started: no twitches logged',
        'Your first week on the plan: 1.9 a day',
        'The last 7 days: 0 a day',
      ]);
      await expect(rates.getByRole('paragraph')).toHaveText('Your twitches went down by at least 30% since your first week on the plan. Keep going.');
      expect(await noSideScroll(page)).toBe(0);
      await expectNoAxeViolations(page);

      await open(page, '/report', 'Report and backup');
      const plan = page.getByRole('region', { name: 'Self-care plan' });
      await expect(plan.getByRole('paragraph').last()).toHaveText(
        'Twitches a day: none logged in the week before the plan, 1.9 in its first week, 0 in the last 7 days. Better: twitches went down by at least 30%.');
    });

    test('in the first week with nothing logged before, the page says so and that the first week will be the comparison', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-03T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, firstWeekOnly());
      await open(page, '/plan', 'Your self-care plan');
      const rates = page.getByRole('region', { name: 'Twitches per day' });
      await expect(rates.getByRole('listitem')).toHaveText(['The week before you started: no twitches logged', 'The last 7 days: 0.9 a day']);
      await expect(rates.getByRole('paragraph')).toHaveText(
        'No twitches were logged in the week before you started. After your first week, this page compares with that week instead.');
    });

    test('before the start, with no twitches in the last 7 days, the page advises a week of logging first and still offers to start', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
      await open(page, '/plan', 'Your self-care plan');
      const tip = page.locator('.tc-plan-tip');
      await expect(tip).toHaveText('Tip: there are no twitches in your journal for the last 7 days. If you can, log your twitches for a week first. '
        + 'Then this page can compare that week with your weeks on the plan. You can also start now: the page then compares with your first week on the plan. Log a twitch');
      await expect(tip.getByRole('link', { name: 'Log a twitch' })).toHaveAttribute('href', '#/log');
      await page.getByRole('button', { name: 'Start the plan today' }).click();
      await expect(page.locator('.tc-summary')).toHaveText('You started on Friday, November 20. This is week 1.');
      await expect(page.locator('.tc-plan-tip')).toHaveCount(0);
      expect(await noSideScroll(page)).toBe(0);
    });

    test('"Stop the plan" and "Start again from today" each say what they did and Undo brings the start date back', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-22T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, firstWeekOnly());
      await open(page, '/plan', 'Your self-care plan');

      await page.getByRole('button', { name: 'Stop the plan' }).click();
      const status = page.getByRole('status');
      await expect(status).toHaveText('You stopped the plan. Undo');
      await expect.poll(async () => (await stored(page)).plan).toEqual({});
      await status.getByRole('button', { name: 'Undo' }).click();
      await expect(status).toHaveText('Undone.');
      await expect(page.locator('.tc-summary')).toHaveText('You started on Sunday, November 1. This is week 4.');
      await expect.poll(async () => (await stored(page)).plan).toEqual({ started: '2026-11-01' });

      await page.getByRole('button', { name: 'Start again from today' }).click();
      await expect(status).toHaveText('Your plan now starts today. Undo');
      await expect(page.locator('.tc-summary')).toHaveText('You started on Sunday, November 22. This is week 1.');
      await expect.poll(async () => (await stored(page)).plan).toEqual({ started: '2026-11-22' });
      await status.getByRole('button', { name: 'Undo' }).click();
      await expect(page.locator('.tc-summary')).toHaveText('You started on Sunday, November 1. This is week 4.');
      await expect.poll(async () => (await stored(page)).plan).toEqual({ started: '2026-11-01' });
    });

    test('the daily reminder downloads as a calendar file: one daily event at the chosen time to the plan\'s last day, CRLF, folded lines', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
      await page.goto('./');
      await seed(page, { schema: 'twitchcheck.journal/1', episodes: [], days: [], plan: { started: '2026-11-18' } });
      await open(page, '/plan', 'Your self-care plan');
      const reminder = page.getByRole('region', { name: 'A daily reminder' });
      await expect(reminder).toContainText('the days of the plan, up to Tuesday, December 15. Nothing is sent.');
      await reminder.getByLabel('Time of the reminder').fill('07:30');
      const file = await downloadText(page, () => reminder.getByRole('button', { name: 'Download the reminder for my calendar (.ics)' }).click());
      expect(file.name).toBe('twitchcheck-plan-reminder-2026-11-18.ics');
      expect(file.text).toBe([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//twitchcheck//plan reminder//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:twitchcheck-plan-20261118@twitchcheck.invalid',
        'DTSTAMP:20261120T071500Z',
        'DTSTART:20261120T073000',
        'DURATION:PT10M',
        'RRULE:FREQ=DAILY;COUNT=26',
        'SUMMARY:Twitch journal: daily check-in',
        'DESCRIPTION:Fill in today\'s check-in and log your twitches in your twitch j',
        ' ournal.',
        'TRANSP:TRANSPARENT',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:PT0M',
        'DESCRIPTION:Twitch journal: daily check-in',
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'));
      for (const line of file.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      await expect(page.getByRole('status')).toHaveText('Open the file to add it to your calendar.');
      expect(await noSideScroll(page)).toBe(0);
    });
  });
}

test('the calendar file folds a long line at 75 octets without splitting a character\'s UTF-8 bytes', async ({ page }) => {
  await page.goto('./');
  const folded = await page.evaluate(async () => {
    const { fold } = await import('./app/journal/plan-calendar.js');
    return [fold(`DESCRIPTION:${'a'.repeat(62)}éb`), fold(`SUMMARY:${'x'.repeat(67)}`), fold(`X:${'ü'.repeat(80)}`)];
  });
  expect(folded[0]).toBe(`DESCRIPTION:${'a'.repeat(62)}\r\n éb`);
  expect(folded[1]).toBe(`SUMMARY:${'x'.repeat(67)}`);
  const lines = folded[2].split('\r\n');
  expect(lines.map((l) => Buffer.byteLength(l))).toEqual([74, 75, 15]);
  expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`X:${'ü'.repeat(80)}`);
});
