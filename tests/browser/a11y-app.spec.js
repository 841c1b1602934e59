// axe-core on every journal screen, light and dark, 320 px wide and desktop, with a month
// of entries in the journal. With TWITCHCHECK_SCREENSHOTS=1 the run also writes the
// screenshots kept in docs/screens/.
const path = require('node:path');
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { example, seed, open } = require('./journal-helpers.js');

const screens = [
  ['log', '/log', 'Log a twitch'],
  ['day', '/day', 'Day check-in'],
  ['insights', '/insights', 'Your patterns'],
  ['plan', '/plan', 'Your self-care plan'],
  ['recheck', '/recheck', 'Check again with your journal'],
  ['report', '/report', 'Report and backup'],
  ['settings', '/settings', 'Privacy and storage'],
];
const sizes = [['phone', { width: 320, height: 720 }], ['desktop', { width: 1280, height: 900 }]];
const shots = process.env.TWITCHCHECK_SCREENSHOTS === '1';
const shotDir = path.resolve(__dirname, '../../docs/screens');

function sampleJournal() {
  const { journal, today } = example('08-rising-asymmetric-spreading-plan');
  journal.episodes[0].note = 'After three coffees and a short night.';
  journal.episodes[2].note = '<img src=x onerror=alert(1)>';
  journal.episodes[2].duration_s = 40;
  return { journal, today };
}

test.use({ timezoneId: 'UTC', locale: 'en-US' });
test.describe.configure({ mode: 'parallel' });

for (const scheme of ['light', 'dark']) {
  for (const [sizeName, viewport] of sizes) {
    test(`every journal screen has no axe violations (${scheme}, ${sizeName})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      const { journal, today } = sampleJournal();
      await page.clock.setFixedTime(new Date(`${today}T18:40:00Z`));
      await page.goto('./');
      await seed(page, journal, { createdAt: '2024-02-15T10:00:00.000Z' });
      for (const [name, hash, heading] of screens) {
        await open(page, hash, heading);
        if (name === 'log') await page.locator('.tc-fig-part[data-region="calf"][data-side="left"]').first().click();
        await expectNoAxeViolations(page, `${name} (${scheme}, ${sizeName})`);
        await expect(page.locator('main img')).toHaveCount(0);
        await expect(page.locator('main')).not.toContainText(/\bnull\b|undefined|NaN|\{\w+\}/);
        // Nothing sideways to scroll, even at 320 px.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} width`).toBeLessThanOrEqual(viewport.width);
        if (shots) {
          await page.screenshot({ path: path.join(shotDir, `${name}-${sizeName}-${scheme}.png`), fullPage: true });
        }
      }
    });
  }
}
