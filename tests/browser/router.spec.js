// The app's router (web/app/main.js): a screen that is still loading when the person moves
// on must not replace the screen they moved to.
const { test, expect } = require('./fixtures.js');
const { example, seed, open } = require('./journal-helpers.js');

test.use({ serviceWorkers: 'block' }); // every module comes from the server, where it can be held back

test('a slow screen the person has already left does not replace the one they went to', async ({ page }) => {
  const { journal } = example('05-falling-with-plan');
  await page.goto('./');
  await seed(page, journal);
  // The Log screen's module arrives only after the person has gone on to the Day screen.
  let releaseLog;
  const logHeld = new Promise((resolve) => { releaseLog = resolve; });
  let logAsked = false;
  await page.route(/\/app\/journal\/log\/log\.js$/, async (route) => {
    logAsked = true;
    await logHeld;
    await route.continue();
  });
  await page.goto('./#/log');
  await expect.poll(() => logAsked).toBe(true);
  await page.getByRole('navigation').getByRole('link', { name: 'Day', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Day check-in' })).toBeVisible();
  releaseLog();
  // The Log screen's module has loaded and rendered (into a place no longer on the page).
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource')
    .some((entry) => entry.name.endsWith('/app/journal/log/log.js')))).toBe(true);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Day check-in']);
  await expect(page.getByRole('heading', { name: 'Log a twitch' })).toHaveCount(0);
  await expect(page).toHaveTitle(/^Day check-in · /);
  // And the Log screen still opens normally afterwards.
  await open(page, '/log', 'Log a twitch');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Log a twitch']);
});
