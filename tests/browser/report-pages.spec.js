// The doctor report prints on one page, A4 and Letter, whatever the notes say (issue 14):
// the engine's standalone HTML page (built natively by the CLI) and the app's Report screen
// with its print stylesheet, printed to PDF by Chromium, for ordinary generated months and
// for months whose 40 notes are each as long as the journal accepts (2,000 characters) in
// every shape: prose, many short lines, line breaks alone, the widest letter, wide
// (East Asian) characters. The notes that do not fit are counted on the page, and the ones
// shown are not cut off by the page's edge (except a note of only W's, which is wider than
// the estimate allows and is cut at the bottom of its room instead).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect, vignette } = require('./fixtures.js');
const { seed } = require('./journal-helpers.js');

const siteDir = path.resolve(__dirname, '../..', process.env.TWITCHCHECK_SITE_DIR ?? 'build/site');
const buildDir = path.resolve(process.env.TWITCHCHECK_BUILD_DIR ?? path.dirname(siteDir));
const cli = path.join(buildDir, 'native', 'twitchcheck');
const generatorModule = path.resolve(__dirname, '../bench/journal_generator.mjs');
const TODAY = '2026-11-30';

// A note of exactly 2,000 characters (code points), the most the journal accepts.
const longest = {
  prose: (words) => { let s = ''; while ([...s].length < 2000) s += `${words()} `; return [...s].slice(0, 2000).join(''); },
  lines: (words) => { let s = ''; for (let n = 1; [...s].length < 2000; n++) s += `line ${n}: ${words()} ${words()}\n`; return [...s].slice(0, 2000).join(''); },
  breaks: () => 'x\n'.repeat(1000),
  widest: () => 'W'.repeat(2000),
  wide: () => '左のふくらはぎが'.repeat(250),
};

// A month of journal ending TODAY: `episodes` twitches in `regions` body parts, day
// check-ins, a plan, a saved check (a vignette's answers), and a note on the newest `notes`.
function month(prng, { seed: seedValue, episodes, regions, notes, check, note }) {
  const { REGIONS, SIDES, TRIGGERS } = prng;
  const r = prng.prng(seedValue);
  const pad = (n) => String(n).padStart(2, '0');
  const dateOf = (back) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - back * 86400000).toISOString().slice(0, 10);
  const places = r.shuffle(REGIONS).slice(0, regions);
  const words = () => r.pick(['after', 'coffee', 'the', 'left', 'calf', 'twitched', 'for', 'a', 'minute', 'then', 'stopped',
    'evening', 'reading', 'tired', 'long', 'day', 'slept', 'badly', 'stress', 'deadline', 'ran', 'five', 'km']);
  const list = [];
  for (let i = 0; i < episodes; i++) {
    list.push({ id: `e${i}`, at: `${dateOf(r.int(0, 29))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:00+01:00`,
      region: r.pick(places), side: r.pick(SIDES), duration_s: r.int(1, 300), intensity: r.int(1, 5), triggers: [r.pick(TRIGGERS)] });
  }
  list.sort((a, b) => a.at.localeCompare(b.at));
  for (let k = 0; k < notes; k++) list[list.length - 1 - k].note = note ? longest[note](words) : `after ${r.int(1, 4)} coffees, tired`;
  const days = [];
  for (let back = 29; back >= 0; back--) {
    days.push({ date: dateOf(back), caffeine_mg: r.int(0, 500), water_ml: r.int(500, 3000), sleep_h: r.int(10, 18) / 2,
      stress: r.int(0, 10), exercise: r.pick(['none', 'moderate', 'intense']), relaxation_min: r.int(0, 60) });
  }
  const input = vignette(check).input;
  return { schema: 'twitchcheck.journal/1', episodes: list, days, plan: { started: dateOf(25) },
    assessments: [{ at: `${dateOf(1)}T09:00:00+01:00`, input, level: vignette(check).expect.level, rules_version: 'generated' }] };
}

const months = [
  ['an ordinary month (4 body parts, 7 short notes)', { seed: 1, episodes: 65, regions: 4, notes: 7, check: 'eyelid-few-days' }],
  ['an ordinary month (6 body parts, 8 short notes)', { seed: 2, episodes: 90, regions: 6, notes: 8, check: 'eyelid-three-weeks' }],
  ['an ordinary month (8 body parts, 9 short notes)', { seed: 3, episodes: 115, regions: 8, notes: 9, check: 'eyelid-and-cheek' }],
  ['an ordinary month (10 body parts, 10 short notes)', { seed: 4, episodes: 140, regions: 10, notes: 10, check: 'calf-after-run' }],
  ['a busy month (12 body parts, 11 short notes)', { seed: 5, episodes: 165, regions: 12, notes: 11, check: 'calf-thumb-month' }],
  ...Object.keys(longest).map((note) => [`a month of 40 notes of 2,000 characters (${note})`,
    { seed: 6, episodes: 65, regions: 4, notes: 40, check: 'weakness-family', note }]),
];

// Pages in a PDF: its /Type /Page objects.
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

// What the notes section says of itself on the printed page: notes shown, notes left out
// (from "N notes are not shown here" / "1 note is"), and whether the list is cut off.
async function notesOnPaper(page, { list, item, widthPx }) {
  await page.setViewportSize({ width: widthPx, height: 1200 });
  await page.emulateMedia({ media: 'print' });
  const facts = await page.evaluate(([listSelector, itemSelector]) => {
    const box = document.querySelector(listSelector);
    const text = document.body.textContent;
    const out = text.match(/(\d+) notes? (?:are|is) not shown here/);
    return { shown: document.querySelectorAll(itemSelector).length, leftOut: out ? Number(out[1]) : 0,
      cutOff: box ? box.scrollHeight > box.clientHeight + 1 : false };
  }, [list, item]);
  await page.emulateMedia({ media: null });
  return facts;
}

let generator;
test.beforeAll(async () => { generator = await import(generatorModule); });

test.describe('the engine\'s HTML report, built natively', () => {
  for (const [name, shape] of months) {
    test(`${name}: prints on one page, A4 and Letter`, async ({ page }) => {
      const doc = month(generator, shape);
      const file = test.info().outputPath('journal.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const html = execFileSync(cli, ['report', file, '--today', TODAY, '--format', 'html']).toString('utf8');
      await page.setContent(html);
      const printed = [pages(await page.pdf({ format: 'A4' })), pages(await page.pdf({ format: 'Letter' }))];
      // On A4's narrower column (192 mm), the most lines a note can take.
      const notes = await notesOnPaper(page, { list: '.quotes', item: 'blockquote', widthPx: 726 });
      console.log(`report pages, engine: ${name}: A4 ${printed[0]}, Letter ${printed[1]}; notes shown ${notes.shown}, left out ${notes.leftOut}`);
      expect(printed).toEqual([1, 1]);
      expect(notes.shown + notes.leftOut).toBe(shape.notes);
      // Only a text wider than the estimate (all W) may need the list cut off at its room;
      // whether it does depends on how long the other sections' words run.
      if (shape.note !== 'widest') expect(notes.cutOff).toBe(false);
    });
  }
});

// The same months in the engine's other languages (`--lang`), whose words run longer than
// English's: still one page, A4 and Letter, and every note counted.
test.describe('the engine\'s HTML report in German, Spanish and French, built natively', () => {
  for (const lang of ['de', 'es', 'fr']) {
    for (const [name, shape] of months) {
      test(`${name}, in ${lang}: prints on one page, A4 and Letter`, async ({ page }) => {
        const doc = month(generator, shape);
        const file = test.info().outputPath('journal.json');
        fs.writeFileSync(file, JSON.stringify(doc));
        const html = execFileSync(cli, ['report', file, '--today', TODAY, '--format', 'html', '--lang', lang]).toString('utf8');
        await page.setContent(html);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const printed = [pages(await page.pdf({ format: 'A4' })), pages(await page.pdf({ format: 'Letter' }))];
        await page.setViewportSize({ width: 726, height: 1200 });
        await page.emulateMedia({ media: 'print' });
        // Notes shown, and the left-out count: the first number of the line under them.
        const notes = await page.evaluate(() => {
          const after = document.querySelector('.notes .quotes + p');
          const count = after?.textContent.match(/\d+/);
          return { shown: document.querySelectorAll('.notes blockquote').length, leftOut: count ? Number(count[0]) : 0 };
        });
        console.log(`report pages, engine in ${lang}: ${name}: A4 ${printed[0]}, Letter ${printed[1]}; notes shown ${notes.shown}, left out ${notes.leftOut}`);
        expect(printed).toEqual([1, 1]);
        expect(notes.shown + notes.leftOut).toBe(shape.notes);
      });
    }
  }
});

// Issue 22: on a phone (320 px) the downloaded page does not scroll sideways in any
// language (it was 414 to 530 px wide): the body map and its table stack, the plan's and
// the places' tables wrap inside their own width. At 1280 px the columns stay side by side.
test.describe('the engine\'s HTML report on a narrow screen', () => {
  for (const lang of ['en', 'de', 'es', 'fr']) {
    test(`in ${lang}: 320 px wide, nothing wider than the screen; at 1280 px the map and its table side by side`, async ({ page }) => {
      const doc = month(generator, { seed: 5, episodes: 165, regions: 12, notes: 11, check: 'calf-thumb-month' });
      const file = test.info().outputPath('journal.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const html = execFileSync(cli, ['report', file, '--today', TODAY, '--format', 'html', '--lang', lang]).toString('utf8');
      await page.setViewportSize({ width: 320, height: 700 });
      await page.setContent(html);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        widest: Math.max(...[...document.querySelectorAll('body *')].map((el) => Math.ceil(el.getBoundingClientRect().right))),
      }));
      console.log(`report page at 320 px, ${lang}: ${widths.page} px wide, widest element ends at ${widths.widest} px`);
      expect(widths.page).toBe(320);
      expect(widths.widest).toBeLessThanOrEqual(320);
      const map = page.locator('.cols > div').first();
      const table = page.locator('table.places');
      expect((await table.boundingBox()).y).toBeGreaterThan((await map.boundingBox()).y + (await map.boundingBox()).height - 1);
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(Math.abs((await table.boundingBox()).y - (await map.boundingBox()).y)).toBeLessThan(2);
    });
  }
});

test.describe('the app\'s Report screen, printed', () => {
  test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
  for (const [name, shape] of months) {
    test(`${name}: prints on one page, A4 and Letter`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00+01:00`));
      await page.goto('./');
      await seed(page, month(generator, shape));
      await page.goto('./#/report');
      await expect(page.getByRole('article', { name: 'Muscle twitch report' })).toBeVisible();
      const printed = [pages(await page.pdf({ format: 'A4' })), pages(await page.pdf({ format: 'Letter' }))];
      // A4 less its 10 mm margins: 190 mm.
      const notes = await notesOnPaper(page, { list: '.tc-own-words', item: '.tc-own-words > li', widthPx: 718 });
      console.log(`report pages, app: ${name}: A4 ${printed[0]}, Letter ${printed[1]}; notes shown ${notes.shown}, left out ${notes.leftOut}`);
      expect(printed).toEqual([1, 1]);
      expect(notes.shown + notes.leftOut).toBe(shape.notes);
      // Only a shown note of W's can be cut (here the rest of the page may leave no room).
      expect(notes.cutOff).toBe(shape.note === 'widest' && notes.shown > 0);
    });
  }
});
