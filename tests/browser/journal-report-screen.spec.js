// The Report on a phone's screen (not print; issue 23, second walk): the "Where" table's
// column heads keep each word whole, and the page does not scroll sideways, in every
// language, with all 14 body parts, at 320, 360 and 412 px.
const { test, expect } = require('./fixtures.js');
const { seed } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const REGIONS = ['eyelid', 'face', 'tongue', 'shoulder', 'upper_arm', 'forearm', 'hand', 'neck', 'chest', 'back', 'abdomen', 'thigh', 'calf', 'foot'];
const SIDES = ['left', 'right', 'both', 'midline'];

// Every body part on every side, with counts up to two digits.
function allPlaces() {
  const episodes = [];
  let n = 0;
  for (const region of REGIONS) {
    for (const side of SIDES) {
      for (let k = 0; k < (region === 'calf' && side === 'left' ? 12 : 1); k++) {
        episodes.push({ id: `e${n}`, at: `2026-11-${String(1 + (n % 19)).padStart(2, '0')}T09:00:00+01:00`, region, side });
        n += 1;
      }
    }
  }
  return { schema: 'twitchcheck.journal/1', episodes, days: [] };
}

// For each column head of the table: its words that the page draws on more than one line.
const brokenWords = (table) => table.evaluate((t) => {
  const broken = [];
  for (const th of t.querySelectorAll('th[scope="col"]')) {
    const text = th.firstChild;
    for (const match of th.textContent.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
});

for (const width of [320, 360, 412]) {
  test.describe(`the report's Where table at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const lang of ['en', 'de', 'es', 'fr']) {
      test(`${lang}: every column head word is whole and the page does not scroll sideways`, async ({ page }) => {
        await page.clock.setFixedTime(new Date('2026-11-20T12:00:00+01:00'));
        await page.goto(`./?lang=${lang}`);
        await seed(page, allPlaces());
        await page.goto(`./?lang=${lang}#/report`);
        const table = page.locator('.tc-rep-where table');
        await expect(table.locator('tbody tr')).toHaveCount(14);
        expect(await brokenWords(table)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      });
    }
  });
}
