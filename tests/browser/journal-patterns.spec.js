// The Patterns screen as a person reads it (issue 23, second walk): the weeks add up to the
// summary's count, a quiet fortnight is said as such rather than "too early", and a place
// on both sides names the part first. At 320 and 412 px, clock fixed (Europe/Berlin).
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { example, seed, open } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

for (const width of [320, 412]) {
  test.describe(`patterns at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('example 08: the weeks run back to the first twitch and add up to the 23 of the summary; places on both sides read "Chest, both sides"', async ({ page }) => {
      const { journal, today } = example('08-rising-asymmetric-spreading-plan');
      await page.clock.setFixedTime(new Date(`${today}T12:00:00+01:00`));
      await page.goto('./');
      await seed(page, journal);
      await open(page, '/insights', 'Your patterns');
      await expect(page.locator('.tc-summary')).toHaveText('You logged 23 twitches on 14 days, from Friday, January 19 to Saturday, February 17.');
      const weeks = page.getByRole('table', { name: 'Twitches per week' });
      await expect(weeks.getByRole('rowheader')).toHaveText(['Feb 12 – Feb 18', 'Feb 5 – Feb 11', 'Jan 29 – Feb 4', 'Jan 22 – Jan 28', 'Jan 15 – Jan 21']);
      await expect(weeks.locator('tbody td')).toHaveText(['9', '6', '5', '1', '2']);
      await expect(page.locator('.tc-places li')).toHaveText([
        'Right chest: 11', 'Right face or cheek: 7', 'Chest, both sides: 2', 'Left face or cheek: 1', 'Face or cheek, both sides: 1', 'Chest: 1',
      ]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await expectNoAxeViolations(page);
    });

    test('with no twitches for 15 days the trend says none in the last 2 weeks, not "too early"', async ({ page }) => {
      const episodes = ['01', '02', '03', '05'].map((d, i) => ({ id: `e${i}`, at: `2026-11-${d}T09:00:00+01:00`, region: 'eyelid', side: 'left' }));
      await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, { schema: 'twitchcheck.journal/1', episodes, days: [] });
      await open(page, '/insights', 'Your patterns');
      await expect(page.getByRole('region', { name: 'Trend' }).getByRole('paragraph')).toHaveText(
        'None in the last 2 weeks: you have logged no twitches in the last 14 days. Your last one was on Thursday, November 5.');
    });

    test('a twitch within the last 14 days keeps the engine\'s trend words', async ({ page }) => {
      const episodes = ['01', '02', '07'].map((d, i) => ({ id: `e${i}`, at: `2026-11-${d}T09:00:00+01:00`, region: 'eyelid', side: 'left' }));
      await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
      await page.goto('./');
      await seed(page, { schema: 'twitchcheck.journal/1', episodes, days: [] });
      await open(page, '/insights', 'Your patterns');
      await expect(page.getByRole('region', { name: 'Trend' }).getByRole('paragraph')).toHaveText(
        'It is too early to see a trend. This needs at least 14 days between your first and last twitch.');
    });
  });
}
